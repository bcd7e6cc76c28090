import type { TSESTree } from '@typescript-eslint/utils';
import type { ApiCall } from '../analysis/api-calls';
import { unwrapExpression, variableOf, type SourceCode } from '../analysis/scope';
import { enclosingFunction, encodingArguments, walk, type FunctionNode } from './source-shape';

/** One side of a node:crypto encrypt/decrypt pair, in the shape the fixes rewrite. */
export interface PairSide {
  fn: FunctionNode;
  body: TSESTree.BlockStatement;
  /** `createCipheriv(…)` / `createDecipheriv(…)`. */
  maker: ApiCall;
  /** The maker's call expression. */
  call: TSESTree.CallExpression;
  /** The `const cipher = …` statement, directly in the function body. */
  statement: TSESTree.VariableDeclaration;
  /** `cipher` / `decipher`. */
  objectName: string;
}

export interface NodeCipherPair {
  encrypt: PairSide & { ret: TSESTree.ReturnStatement };
  /** Its one parameter is the ciphertext. */
  decrypt: PairSide & { param: TSESTree.Identifier };
  /** What encrypt returns (and decrypt takes): an encoded string or a Buffer. */
  output: 'string' | 'buffer';
  /** The text encoding the file uses for binary data (`hex`, `base64`…), for new fields. */
  encoding: string;
}

const TEXT_ENCODINGS = ['hex', 'base64', 'base64url'];

/**
 * The one node:crypto encrypt/decrypt pair of a file, or undefined when the
 * file is not exactly that shape: one createCipheriv and one createDecipheriv,
 * each `const x = …` directly in its own function; encrypt ends in its only
 * return, of an evidently string or Buffer value; decrypt takes the
 * ciphertext as its only parameter; the cipher objects only update/final (plus
 * GCM's tag and AAD calls).
 */
export function findCipherPair(sourceCode: SourceCode, calls: readonly ApiCall[]): NodeCipherPair | undefined {
  const makers = calls.filter((c) => c.library.id === 'node:crypto' && !c.receiver);
  const named = (name: string) => makers.filter((c) => c.api.path[c.api.path.length - 1] === name);
  const ciphers = named('createCipheriv');
  const deciphers = named('createDecipheriv');
  if (ciphers.length !== 1 || deciphers.length !== 1) return undefined;
  const enc = side(sourceCode, calls, ciphers[0]);
  const dec = side(sourceCode, calls, deciphers[0]);
  if (!enc || !dec || enc.fn === dec.fn) return undefined;

  const last = enc.body.body[enc.body.body.length - 1];
  if (last?.type !== 'ReturnStatement' || !last.argument) return undefined;
  let returns = 0;
  walk(
    enc.body,
    (n) => {
      if (n.type === 'ReturnStatement') returns++;
    },
    true,
  );
  if (returns !== 1) return undefined;
  const output = outputKind(sourceCode, last.argument);
  if (!output) return undefined;

  if (dec.fn.params.length !== 1 || dec.fn.params[0].type !== 'Identifier') return undefined;
  const param = dec.fn.params[0];
  const annotation = param.typeAnnotation ? sourceCode.getText(param.typeAnnotation.typeAnnotation) : undefined;
  if (annotation && annotation !== (output === 'string' ? 'string' : 'Buffer')) return undefined;
  const encoding = encodingArguments(enc.body).find((e) => TEXT_ENCODINGS.includes(e)) ?? 'hex';
  return { encrypt: { ...enc, ret: last }, decrypt: { ...dec, param }, output, encoding };
}

function side(sourceCode: SourceCode, calls: readonly ApiCall[], maker: ApiCall): PairSide | undefined {
  const call = maker.node;
  if (call.type !== 'CallExpression') return undefined;
  const fn = enclosingFunction(call);
  if (!fn || fn.generator || fn.body.type !== 'BlockStatement') return undefined;
  const declarator = maker.node.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== maker.node || declarator.id.type !== 'Identifier') return undefined;
  const statement = declarator.parent;
  if (statement.declarations.length !== 1 || statement.parent !== fn.body) return undefined;
  // Only the calls whose meaning survives a mode change.
  const allowed = new Set(['update', 'final', 'getAuthTag', 'setAuthTag', 'setAAD']);
  if (calls.some((c) => c.receiver === maker && !allowed.has(c.api.path[c.api.path.length - 1]))) return undefined;
  const variable = variableOf(sourceCode, declarator.id);
  if (!variable || variable.references.some((r) => r.identifier !== declarator.id && !isMethodCall(r.identifier as TSESTree.Node))) return undefined;
  return { fn, body: fn.body, maker, call, statement, objectName: declarator.id.name };
}

function isMethodCall(id: TSESTree.Node): boolean {
  const parent = id.parent;
  return parent?.type === 'MemberExpression' && parent.object === id && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent;
}

/** `a + b`, templates, `.toString(enc)`, `.join()` are strings; `Buffer.concat` is a Buffer; a local is what it was built from. */
function outputKind(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): 'string' | 'buffer' | undefined {
  const expr = unwrapExpression(node);
  if (expr.type === 'TemplateLiteral') return 'string';
  if (expr.type === 'BinaryExpression' && expr.operator === '+') return 'string';
  if (expr.type === 'CallExpression' && expr.callee.type === 'MemberExpression' && expr.callee.property.type === 'Identifier') {
    const method = expr.callee.property.name;
    if (method === 'toString' && expr.arguments.length === 1) return 'string';
    if (method === 'join') return 'string';
    if (method === 'concat' && expr.callee.object.type === 'Identifier' && expr.callee.object.name === 'Buffer') return 'buffer';
    if (method === 'update' && expr.arguments.length === 3) return 'string';
    return undefined;
  }
  if (expr.type === 'Identifier' && depth < 3) {
    const variable = variableOf(sourceCode, expr);
    const def = variable?.defs[0];
    if (variable?.defs.length !== 1 || def?.node.type !== 'VariableDeclarator' || !def.node.init) return undefined;
    const init: TSESTree.Expression = def.node.init;
    const kind = outputKind(sourceCode, init, depth + 1);
    // `let out = cipher.update(…, 'hex'); out += cipher.final('hex')` stays a string; any other write must agree.
    const writes = variable.references.filter((r) => r.isWrite() && r.writeExpr && r.writeExpr !== init);
    if (kind === 'string' && writes.every((w) => w.identifier.parent?.type === 'AssignmentExpression' && (w.identifier.parent as TSESTree.AssignmentExpression).operator === '+=')) return kind;
    return writes.length === 0 ? kind : undefined;
  }
  return undefined;
}

