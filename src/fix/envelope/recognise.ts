import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ApiCall } from '../../analysis/api-calls';
import { variableOf, type SourceCode } from '../../analysis/scope';

/** A top-level encrypt or decrypt function of the recognised idiom. */
export interface PairFunction {
  /** The function itself (declaration, arrow or function expression). */
  node: TSESTree.FunctionDeclaration | TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;
  kind: 'declaration' | 'expression';
  name: string;
  params: string[];
  body: TSESTree.BlockStatement;
  /** Where `async ` goes. */
  asyncAt: number;
  returnType?: TSESTree.TypeNode;
}

export interface CipherPair {
  esm: boolean;
  typescript: boolean;
  lastImport: TSESTree.Node;
  lastStatement: TSESTree.Node;
  keyName: string;
  keyDeclarator: TSESTree.VariableDeclarator;
  keyStatement: TSESTree.VariableDeclaration;
  origin: TSESTree.Node;
  encrypt: PairFunction;
  decrypt: PairFunction;
  outputEncoding: 'hex' | 'base64';
  decryptReturnsBuffer: boolean;
  /** In-file calls of encrypt/decrypt that must now be awaited. */
  callers: TSESTree.CallExpression[];
}


const STRING_ENCODINGS = new Set(['hex', 'base64']);
const UTF8 = new Set(['utf8', 'utf-8']);

/**
 * Finds, with certainty or not at all, the node:crypto idiom: one top-level
 * encrypt function (createCipheriv + update/final, string output in hex or
 * base64) and one decrypt function (createDecipheriv, UTF-8 output), both
 * keyed by the same top-level const whose initialiser holds `keyOrigin`.
 */
export function findPair(sourceCode: SourceCode, calls: readonly ApiCall[], keyOrigin: TSESTree.Node): CipherPair | undefined {
  const program = sourceCode.ast;
  const makers = calls.filter((c) => c.library.id === 'node:crypto' && !c.receiver);
  const ciphers = makers.filter((c) => c.api.path[c.api.path.length - 1] === 'createCipheriv');
  const deciphers = makers.filter((c) => c.api.path[c.api.path.length - 1] === 'createDecipheriv');
  if (ciphers.length !== 1 || deciphers.length !== 1) return undefined;
  // Every other node:crypto call in the file must live inside the pair (nothing else relies on the key).
  const keyArg = (call: ApiCall) => call.args.find((a) => a.role === 'key')?.node;
  const encKey = keyArg(ciphers[0]);
  const decKey = keyArg(deciphers[0]);
  if (encKey?.type !== 'Identifier' || decKey?.type !== 'Identifier') return undefined;
  const keyVar = variableOf(sourceCode, encKey);
  if (!keyVar || keyVar !== variableOf(sourceCode, decKey)) return undefined;
  if (keyVar.defs.length !== 1 || keyVar.defs[0].type !== 'Variable') return undefined;
  const keyDeclarator = keyVar.defs[0].node as TSESTree.VariableDeclarator;
  const keyStatement = keyDeclarator.parent as TSESTree.VariableDeclaration;
  if (keyStatement.kind !== 'const' || keyStatement.declarations.length !== 1 || keyStatement.parent !== program || !keyDeclarator.init) return undefined;
  if (!within(keyOrigin, keyDeclarator.init) || keyOrigin.type !== 'Literal' && keyOrigin.type !== 'TemplateLiteral') return undefined;
  const keyUses = keyVar.references.filter((r) => r.identifier !== keyDeclarator.id);
  if (keyUses.length !== 2 || !keyUses.every((r) => r.identifier === encKey || r.identifier === decKey)) return undefined;

  const encrypt = topLevelFunction(ciphers[0].node);
  const decrypt = topLevelFunction(deciphers[0].node);
  if (!encrypt || !decrypt || encrypt.node === decrypt.node || encrypt.params.length !== 1 || decrypt.params.length !== 1) return undefined;

  const encEncodings = encodingsIn(encrypt.body);
  const decEncodings = encodingsIn(decrypt.body);
  const outputs = [...encEncodings].filter((e) => STRING_ENCODINGS.has(e));
  if (outputs.length !== 1) return undefined;
  const outputEncoding = outputs[0] as 'hex' | 'base64';
  if ([...decEncodings].some((e) => !UTF8.has(e) && e !== outputEncoding)) return undefined;
  if (![...decEncodings].some((e) => UTF8.has(e))) return undefined;
  if (!returnsStringOnly(encrypt.body) || !returnsStringOnly(decrypt.body)) return undefined;
  if (!updatesParam(sourceCode, calls, ciphers[0], encrypt)) return undefined;

  const esm = program.sourceType === 'module' && program.body.some((s) => s.type === 'ImportDeclaration' || s.type.startsWith('Export'));
  const callers = inFileCallers(sourceCode, program, [encrypt, decrypt], esm);
  if (!callers) return undefined;
  const lastImport = esm ? [...program.body].reverse().find((s) => s.type === 'ImportDeclaration') : [...program.body].reverse().find(isRequireDeclaration);
  if (!lastImport || (!esm && program.body.some((s) => s.type === 'ImportDeclaration'))) return undefined;
  if (lastImport.range[0] > Math.min(encrypt.node.range[0], decrypt.node.range[0])) return undefined;
  return {
    esm,
    typescript: encrypt.returnType !== undefined || decrypt.returnType !== undefined || hasTypedParams(encrypt) || hasTypedParams(decrypt),
    lastImport,
    lastStatement: program.body[program.body.length - 1],
    keyName: keyVar.name,
    keyDeclarator,
    keyStatement,
    origin: keyOrigin,
    encrypt,
    decrypt,
    outputEncoding,
    decryptReturnsBuffer: false,
    callers,
  };
}

function within(node: TSESTree.Node, outer: TSESTree.Node): boolean {
  return outer.range[0] <= node.range[0] && node.range[1] <= outer.range[1];
}

function hasTypedParams(fn: PairFunction): boolean {
  return fn.node.params.some((p) => p.type === 'Identifier' && p.typeAnnotation !== undefined);
}

/** The enclosing top-level function of a node, when it is of a shape we rewrite. */
function topLevelFunction(node: TSESTree.Node): PairFunction | undefined {
  let fn: TSESTree.Node | undefined = node.parent;
  while (fn && fn.type !== 'FunctionDeclaration' && fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') fn = fn.parent;
  if (!fn || fn.async || fn.generator || fn.body.type !== 'BlockStatement') return undefined;
  if (!fn.params.every((p) => p.type === 'Identifier')) return undefined;
  const params = fn.params.map((p) => (p as TSESTree.Identifier).name);
  const returnType = fn.returnType?.typeAnnotation;
  if (fn.type === 'FunctionDeclaration') {
    const parent = fn.parent;
    const topLevel = parent.type === 'Program' || parent.type === 'ExportNamedDeclaration' && parent.parent.type === 'Program';
    if (!topLevel || !fn.id) return undefined;
    return { node: fn, kind: 'declaration', name: fn.id.name, params, body: fn.body, asyncAt: fn.range[0], returnType };
  }
  const declarator = fn.parent;
  if (declarator.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier' || declarator.init !== fn) return undefined;
  const declaration = declarator.parent;
  if (declaration.kind !== 'const' || declaration.declarations.length !== 1) return undefined;
  const topLevel = declaration.parent.type === 'Program' || declaration.parent.type === 'ExportNamedDeclaration' && declaration.parent.parent.type === 'Program';
  if (!topLevel) return undefined;
  return { node: fn, kind: 'expression', name: declarator.id.name, params, body: fn.body, asyncAt: fn.range[0], returnType };
}

/** Encoding names passed to update/final/toString/Buffer.from inside a body. */
function encodingsIn(body: TSESTree.Node): Set<string> {
  const found = new Set<string>();
  walk(body, (node) => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier') return;
    if (!['update', 'final', 'toString', 'from'].includes(node.callee.property.name)) return;
    for (const arg of node.arguments) if (arg.type === 'Literal' && typeof arg.value === 'string' && /^(hex|base64|utf-?8|binary|latin1|ascii|base64url|ucs2|utf16le)$/i.test(arg.value)) found.add(arg.value.toLowerCase());
  });
  return found;
}

/** Every return in the function returns a string-building expression (never an object, array or nothing). */
function returnsStringOnly(body: TSESTree.BlockStatement): boolean {
  const returns: TSESTree.ReturnStatement[] = [];
  walk(body, (node) => {
    if (node.type === 'ReturnStatement') returns.push(node);
  }, true);
  return returns.length > 0 && returns.every((r) => r.argument !== null && ['BinaryExpression', 'TemplateLiteral', 'CallExpression', 'Identifier'].includes(r.argument.type));
}

/** The cipher's update is fed the function's only parameter. */
function updatesParam(sourceCode: SourceCode, calls: readonly ApiCall[], cipher: ApiCall, fn: PairFunction): boolean {
  const updates = calls.filter((c) => c.receiver === cipher && c.api.path[c.api.path.length - 1] === 'update');
  if (updates.length !== 1) return false;
  const first = updates[0].node.arguments[0];
  return first?.type === 'Identifier' && first.name === fn.params[0] && variableOf(sourceCode, first)?.defs[0]?.node === fn.node;
}

function isRequireDeclaration(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== 'VariableDeclaration') return false;
  return statement.declarations.some((d) => {
    let init = d.init;
    while (init?.type === 'MemberExpression') init = init.object as TSESTree.Expression;
    return init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require';
  });
}

/**
 * Calls of the pair in the file; undefined when a use cannot be kept working
 * (a caller that is not async, or the function passed around as a value).
 */
function inFileCallers(sourceCode: SourceCode, program: TSESTree.Program, fns: PairFunction[], esm: boolean): TSESTree.CallExpression[] | undefined {
  const callers: TSESTree.CallExpression[] = [];
  for (const fn of fns) {
    const declared = sourceCode.getDeclaredVariables(fn.node.type === 'FunctionDeclaration' ? fn.node : fn.node.parent!);
    const variable = declared.find((v) => v.name === fn.name);
    if (!variable) return undefined;
    for (const ref of variable.references) {
      const id = ref.identifier as TSESTree.Node;
      if (id === (fn.node.type === 'FunctionDeclaration' ? fn.node.id : (fn.node.parent as TSESTree.VariableDeclarator).id)) continue;
      const parent = id.parent!;
      if (fns.some((f) => within(id, f.node))) return undefined; // recursion or mutual calls
      if (parent.type === 'CallExpression' && parent.callee === id) {
        if (parent.parent?.type === 'AwaitExpression') continue;
        if (!awaitAllowedAt(parent, esm)) return undefined;
        callers.push(parent);
        continue;
      }
      if (isExportUse(id)) continue;
      return undefined;
    }
  }
  return callers;
}

function awaitAllowedAt(node: TSESTree.Node, esm: boolean): boolean {
  for (let n: TSESTree.Node | undefined = node.parent; n; n = n.parent) {
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') return n.async;
    if (n.type === 'PropertyDefinition' || n.type === 'StaticBlock') return false;
  }
  return esm; // top-level await exists only in ES modules
}

/** `module.exports = { encrypt }`, `exports.encrypt = encrypt`, `export { encrypt }`. */
function isExportUse(id: TSESTree.Node): boolean {
  const parent = id.parent!;
  if (parent.type === 'ExportSpecifier') return true;
  if (parent.type === 'Property' && parent.value === id && parent.parent.type === 'ObjectExpression') {
    const assign = parent.parent.parent;
    return assign?.type === 'AssignmentExpression' && isExportsTarget(assign.left);
  }
  if (parent.type === 'AssignmentExpression' && parent.right === id) return isExportsTarget(parent.left);
  return false;
}

function isExportsTarget(node: TSESTree.Node): boolean {
  if (node.type === 'Identifier') return node.name === 'exports';
  if (node.type !== 'MemberExpression') return false;
  const object = node.object;
  if (object.type === 'Identifier' && (object.name === 'exports' || object.name === 'module')) return true;
  return isExportsTarget(object);
}

function walk(node: TSESTree.Node, visit: (node: TSESTree.Node) => void, skipFunctions = false): void {
  visit(node);
  for (const key of Object.keys(node) as (keyof typeof node)[]) {
    if (key === 'parent') continue;
    const value = node[key] as unknown;
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (!child || typeof child !== 'object' || typeof (child as TSESTree.Node).type !== 'string') continue;
      const c = child as TSESTree.Node;
      if (skipFunctions && (c.type === 'FunctionDeclaration' || c.type === 'FunctionExpression' || c.type === 'ArrowFunctionExpression')) continue;
      walk(c, visit, skipFunctions);
    }
  }
}

export type { TSESLint };

