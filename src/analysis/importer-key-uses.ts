import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { ApiModel, ArgAddress } from '../model/types';
import { modelledApiByPath } from './api-calls';
import { programFilesMentioning } from './program-files';
import { aliasedSymbolAt, tsDescendants, typeInformationAt } from './typescript-module';
import type { ResolveContext } from './values';

/** A modelled call of another file that takes an exported key of this file as its key. */
export interface ImporterKeyUse {
  /** The other file, relative to this one's directory (`../billing/invoice-links.ts`). */
  file: string;
  line: number;
  api: ApiModel;
  libraryId: string;
  /** The call's source text, for the algorithm names it spells out (`algorithm: 'HS256'`). */
  callText: string;
}

const MAX_USES = 64;
const KEY_ROLES = new Set(['key', 'secret', 'passphrase', 'key-or-public']);
/** Calls that hand on the same bytes: `Buffer.from(key, 'base64')`, `createSecretKey(key)`, `new Uint8Array(key)`. */
const SAME_BYTES = /^(?:Buffer\.from|createSecretKey|Uint8Array|Uint8Array\.from|TextEncoder\(\)\.encode)$/;

/**
 * Where other files of the TypeScript program use `binding` (an exported binding of the linted file, or a
 * property of an exported object literal) as the key of a modelled call: `createHmac('sha256', platformKey)`
 * in one importer and `createCipheriv(…, platformKey, iv)` in another are two purposes of one key, which
 * neither importer sees alone. Only with type information; re-exports (barrel files) are followed by the checker.
 */
export function keyUsesInImporters(ctx: ResolveContext, binding: TSESTree.Identifier): ImporterKeyUse[] {
  try {
    const info = typeInformationAt(ctx.parserServices, binding);
    if (!info) return [];
    const { typescript, program, checker, tsNode: declared } = info;
    const target = checker.getSymbolAtLocation(declared);
    if (!target) return [];
    const own = declared.getSourceFile();
    return usesInFilesMentioning(typescript, program, own, binding.name, (node) =>
      typescript.isIdentifier(node) && node.text === binding.name && resolvesTo(typescript, checker, node, target) ? keyUsesFrom(typescript, checker, node, own, 0) : [],
    );
  } catch {
    return [];
  }
}

/**
 * Where classes of other files of the TypeScript program use the value this file registers under `token`
 * (`container.bind(TYPES.PartnerKey).toConstantValue(key)`, `{ provide: 'JWT_SECRET', useValue }`) as the key
 * of a modelled call: a constructor parameter injected with that token (`@inject(TYPES.PartnerKey) private
 * readonly key: Buffer`, `@Inject('JWT_SECRET') secret: string`) and what the class does with it. A token is
 * matched by the checker's symbol (identifiers, `TYPES.PartnerKey`) or by its text (string tokens).
 */
export function keyUsesOfInjections(ctx: ResolveContext, token: TSESTree.Node): ImporterKeyUse[] {
  try {
    const info = typeInformationAt(ctx.parserServices, token);
    if (!info) return [];
    const { typescript, program, checker, tsNode } = info;
    const matches = injectionTokenMatcher(typescript, checker, tsNode);
    if (!matches) return [];
    const own = tsNode.getSourceFile();
    return usesInFilesMentioning(typescript, program, own, matches.word, (node) => {
      if (!typescript.isDecorator(node) || !typescript.isParameter(node.parent)) return [];
      const call = node.expression;
      if (!typescript.isCallExpression(call) || !typescript.isIdentifier(call.expression) || !/^inject$/i.test(call.expression.text)) return [];
      if (call.arguments.length === 0 || !matches(call.arguments[0])) return [];
      return injectedParameterReads(typescript, checker, node.parent).flatMap((reference) => keyUsesFrom(typescript, checker, reference, own, 0));
    });
  } catch {
    return [];
  }
}

/** The key uses `usesAt` finds at the nodes of the program's other files that mention `word` (at most MAX_USES). */
function usesInFilesMentioning(typescript: typeof ts, program: ts.Program, own: ts.SourceFile, word: string, usesAt: (node: ts.Node) => ImporterKeyUse[]): ImporterKeyUse[] {
  const out: ImporterKeyUse[] = [];
  for (const file of programFilesMentioning(program, own, word)) {
    for (const node of tsDescendants(typescript, file)) {
      if (out.length >= MAX_USES) return out;
      out.push(...usesAt(node));
    }
  }
  return out;
}

/** Whether an `@inject(…)` argument is the same token as `token`, and a word its file must contain. */
function injectionTokenMatcher(typescript: typeof ts, checker: ts.TypeChecker, token: ts.Node): (((arg: ts.Expression) => boolean) & { word: string }) | undefined {
  if (typescript.isStringLiteralLike(token)) {
    const text = token.text;
    return Object.assign((arg: ts.Expression) => typescript.isStringLiteralLike(arg) && arg.text === text, { word: text });
  }
  const name = typescript.isPropertyAccessExpression(token) ? token.name : token;
  const target = typescript.isIdentifier(name) ? aliasedSymbolAt(typescript, checker, name) : undefined;
  if (!typescript.isIdentifier(name) || !target) return undefined;
  return Object.assign(
    (arg: ts.Expression) => {
      const argName = typescript.isPropertyAccessExpression(arg) ? arg.name : arg;
      return typescript.isIdentifier(argName) && argName.text === name.text && resolvesTo(typescript, checker, argName, target);
    },
    { word: name.text },
  );
}

/**
 * The reads of an injected constructor parameter in its class: `this.key` for a parameter property
 * (`private readonly key: Buffer`), the parameter itself in the constructor otherwise, and `this.x` when the
 * constructor stores it (`this.x = key`). Each is given as the identifier `keyUsesFrom` starts from.
 */
function injectedParameterReads(typescript: typeof ts, checker: ts.TypeChecker, parameter: ts.ParameterDeclaration): ts.Identifier[] {
  const ctor = parameter.parent;
  const cls = ctor.parent;
  if (!typescript.isConstructorDeclaration(ctor) || !typescript.isIdentifier(parameter.name) || !(typescript.isClassDeclaration(cls) || typescript.isClassExpression(cls))) return [];
  const memberReads = (member: string) => [...tsDescendants(typescript, cls)].flatMap((n) =>
    typescript.isPropertyAccessExpression(n) && n.expression.kind === typescript.SyntaxKind.ThisKeyword && n.name.text === member && !isAssignedTo(typescript, n) ? [n.name as ts.Identifier] : [],
  );
  if (typescript.isParameterPropertyDeclaration(parameter, ctor)) return memberReads(parameter.name.text);
  const symbol = checker.getSymbolAtLocation(parameter.name);
  const reads: ts.Identifier[] = [];
  for (const n of ctor.body ? tsDescendants(typescript, ctor.body) : []) {
    if (!typescript.isIdentifier(n) || n.text !== parameter.name.text || checker.getSymbolAtLocation(n) !== symbol) continue;
    const store = n.parent;
    // `this.secret = secret`: the class reads it as `this.secret`.
    if (typescript.isBinaryExpression(store) && store.right === n && store.operatorToken.kind === typescript.SyntaxKind.EqualsToken && typescript.isPropertyAccessExpression(store.left) && store.left.expression.kind === typescript.SyntaxKind.ThisKeyword) {
      reads.push(...memberReads(store.left.name.text));
    } else {
      reads.push(n);
    }
  }
  return reads;
}

function isAssignedTo(typescript: typeof ts, access: ts.PropertyAccessExpression): boolean {
  const parent = access.parent;
  return typescript.isBinaryExpression(parent) && parent.left === access && parent.operatorToken.kind === typescript.SyntaxKind.EqualsToken;
}

function resolvesTo(typescript: typeof ts, checker: ts.TypeChecker, id: ts.Identifier, target: ts.Symbol): boolean {
  const symbol = aliasedSymbolAt(typescript, checker, id);
  // `as const` objects give their members transient symbols: the same property is the same declaration.
  return symbol === target || (symbol?.declarations?.some((d) => target.declarations?.includes(d)) ?? false);
}

/**
 * The key uses of the reference at `id`: the modelled call taking it (or a copy or plain hash of its bytes)
 * as its key, or, when it is bound to a local (`const exportKey = createHash('sha256').update(secret).digest()`),
 * the uses of that binding in the same file.
 */
function keyUsesFrom(typescript: typeof ts, checker: ts.TypeChecker, id: ts.Identifier, own: ts.SourceFile, depth: number): ImporterKeyUse[] {
  const value = sameBytesAt(typescript, typescript.isPropertyAccessExpression(id.parent) && id.parent.name === id ? id.parent : id);
  const declarator = value.parent;
  if (typescript.isVariableDeclaration(declarator) && declarator.initializer === value && typescript.isIdentifier(declarator.name)) {
    if (depth >= 2) return [];
    const alias = checker.getSymbolAtLocation(declarator.name);
    if (!alias) return [];
    const uses: ImporterKeyUse[] = [];
    for (const node of tsDescendants(typescript, declarator.getSourceFile())) {
      if (typescript.isIdentifier(node) && node !== declarator.name && node.text === declarator.name.getText() && checker.getSymbolAtLocation(node) === alias) {
        uses.push(...keyUsesFrom(typescript, checker, node, own, depth + 1));
      }
    }
    return uses;
  }
  const use = keyUseAt(typescript, checker, value, own);
  return use ? [use] : [];
}

/** Climbs from a reference through what carries the same secret: casts, copies, and a plain hash of it (`sha256(secret)` is the same secret). */
function sameBytesAt(typescript: typeof ts, start: ts.Node): ts.Node {
  let node = start;
  for (let i = 0; i < 8; i++) {
    const copy = castOrCopyOf(typescript, node);
    // `createHash('sha256').update(secret).digest()`: the digest, when the chain is exactly that.
    const next = copy ?? hashDigestOf(typescript, node.parent, node);
    if (!next) break;
    node = next;
  }
  return node;
}

/** The expression that holds `node` as it is: a cast (`as`, `!`, parentheses) or a copy (`Buffer.from(node)`). */
function castOrCopyOf(typescript: typeof ts, node: ts.Node): ts.Node | undefined {
  const parent = node.parent;
  if (typescript.isParenthesizedExpression(parent) || typescript.isAsExpression(parent) || typescript.isNonNullExpression(parent)) return parent;
  if ((typescript.isCallExpression(parent) || typescript.isNewExpression(parent)) && parent.arguments?.[0] === node && SAME_BYTES.test(calleeText(typescript, parent.expression))) return parent;
  return undefined;
}

function hashDigestOf(typescript: typeof ts, parent: ts.Node, arg: ts.Node): ts.Node | undefined {
  if (!typescript.isCallExpression(parent) || parent.arguments[0] !== arg || !typescript.isPropertyAccessExpression(parent.expression) || parent.expression.name.text !== 'update') return undefined;
  const source = parent.expression.expression;
  if (!typescript.isCallExpression(source) || calleeText(typescript, source.expression).replace(/^\w+\./, '') !== 'createHash') return undefined;
  const digest = parent.parent;
  if (!typescript.isPropertyAccessExpression(digest) || digest.name.text !== 'digest' || !typescript.isCallExpression(digest.parent) || digest.parent.arguments.length > 0) return undefined;
  return digest.parent;
}

/** The modelled call that takes `value` (the reference, or bytes carrying it) in a key role. */
function keyUseAt(typescript: typeof ts, checker: ts.TypeChecker, value: ts.Node, own: ts.SourceFile): ImporterKeyUse | undefined {
  let node: ts.Node = value;
  for (let i = 0; i < 6; i++) {
    const copy = castOrCopyOf(typescript, node);
    if (!copy) break;
    node = copy;
  }
  let property: string | undefined;
  let parent = node.parent;
  if (typescript.isPropertyAssignment(parent) && parent.initializer === node && typescript.isIdentifier(parent.name) && typescript.isObjectLiteralExpression(parent.parent)) {
    property = parent.name.text;
    node = parent.parent;
    parent = node.parent;
  }
  if (!typescript.isCallExpression(parent) && !typescript.isNewExpression(parent)) return undefined;
  const index = parent.arguments?.indexOf(node as ts.Expression) ?? -1;
  if (index < 0) return undefined;
  const modelled = modelledCallee(typescript, checker, parent.expression);
  const address = (property === undefined ? String(index) : `${index}.${property}`) as ArgAddress;
  const role = modelled && modelled.api.args[address];
  if (!modelled || !role || !KEY_ROLES.has(role)) return undefined;
  const file = parent.getSourceFile();
  return {
    file: path.relative(path.dirname(own.fileName), file.fileName),
    line: file.getLineAndCharacterOfPosition(parent.getStart()).line + 1,
    api: modelled.api,
    libraryId: modelled.libraryId,
    callText: parent.getText(),
  };
}

function calleeText(typescript: typeof ts, callee: ts.Expression): string {
  if (typescript.isIdentifier(callee)) return callee.text;
  if (typescript.isPropertyAccessExpression(callee)) {
    const object = typescript.isNewExpression(callee.expression) ? `${calleeText(typescript, callee.expression.expression)}()` : calleeText(typescript, callee.expression);
    return `${object}.${callee.name.text}`;
  }
  return '';
}

/** `createHmac` / `jwt.sign` / `crypto.createCipheriv`: the modelled API its import names, as the ESTree side resolves it. */
function modelledCallee(typescript: typeof ts, checker: ts.TypeChecker, callee: ts.Expression): { api: ApiModel; libraryId: string } | undefined {
  const names: string[] = [];
  let base: ts.Expression = callee;
  while (typescript.isPropertyAccessExpression(base)) {
    names.unshift(base.name.text);
    base = base.expression;
  }
  if (!typescript.isIdentifier(base)) return undefined;
  const declaration = checker.getSymbolAtLocation(base)?.declarations?.[0];
  if (!declaration) return undefined;
  let module: string | undefined;
  if (typescript.isImportSpecifier(declaration)) {
    module = moduleOf(typescript, declaration.parent.parent.parent);
    names.unshift((declaration.propertyName ?? declaration.name).text);
  } else if (typescript.isImportClause(declaration)) {
    module = moduleOf(typescript, declaration.parent);
  } else if (typescript.isNamespaceImport(declaration)) {
    module = moduleOf(typescript, declaration.parent.parent);
  }
  if (!module) return undefined;
  const info = modelledApiByPath(module, names) ?? (typescript.isImportClause(declaration) ? modelledApiByPath(module, ['default', ...names]) : undefined);
  return info && { api: info.api, libraryId: info.library.id };
}

function moduleOf(typescript: typeof ts, declaration: ts.ImportDeclaration | ts.JSDocImportTag): string | undefined {
  return typescript.isImportDeclaration(declaration) && typescript.isStringLiteral(declaration.moduleSpecifier) ? declaration.moduleSpecifier.text : undefined;
}

/**
 * The function a call names when it is declared in another source file of the program (through
 * imports and re-exports, by the checker), with a body; declaration files (packages) are not looked into.
 */
function importedFunction(sourceCode: { parserServices?: ResolveContext['parserServices'] }, call: TSESTree.CallExpression) {
  // `macWith(key)`, or `mac.macWith(key)` through a namespace import: the name the checker resolves.
  const name = call.callee.type === 'Identifier' ? call.callee : call.callee.type === 'MemberExpression' && !call.callee.computed && call.callee.property.type === 'Identifier' ? call.callee.property : undefined;
  if (!name) return undefined;
  const info = typeInformationAt(sourceCode.parserServices, name);
  if (!info) return undefined;
  const { typescript, checker, tsNode: callee } = info;
  const declaration = aliasedSymbolAt(typescript, checker, callee)?.valueDeclaration;
  if (!declaration || declaration.getSourceFile().isDeclarationFile || declaration.getSourceFile() === callee.getSourceFile()) return undefined;
  const fn = typescript.isVariableDeclaration(declaration) ? declaration.initializer : declaration;
  if (!fn || !(typescript.isFunctionDeclaration(fn) || typescript.isArrowFunction(fn) || typescript.isFunctionExpression(fn)) || !fn.body) return undefined;
  return { typescript, checker, fn: fn as ts.FunctionDeclaration | ts.ArrowFunction | ts.FunctionExpression, body: fn.body, declaration, callerFile: callee.getSourceFile() };
}

/**
 * With type information: does the function `call` invokes — imported from another source file of the
 * program (`sealField(key, 'ssn', value)` from `../src/fields`) — use the parameter that receives
 * argument `index` as the key of a modelled call? Then the argument is used as a key, as it would be
 * through a helper of this file. Declaration files (packages) are not looked into.
 */
export function importedHelperUsesArgumentAsKey(sourceCode: { parserServices?: ResolveContext['parserServices'] }, call: TSESTree.CallExpression, index: number): boolean {
  return importedHelperKeyUses(sourceCode, call, index, 1).length > 0;
}

/**
 * The modelled calls of an imported helper (see importedHelperUsesArgumentAsKey) that take the parameter
 * receiving argument `index` as their key: `macWith(key, …)` declared as `createHmac('sha256', key)` in
 * `lib/mac.ts`. The purpose each gives the key is what the caller's argument is used for.
 */
export function importedHelperKeyUses(
  sourceCode: { parserServices?: ResolveContext['parserServices'] },
  call: TSESTree.CallExpression,
  index: number,
  limit = MAX_USES,
): ImporterKeyUse[] {
  try {
    const helper = importedFunction(sourceCode, call);
    if (!helper) return [];
    const { typescript, checker, fn, body, callerFile } = helper;
    const param = fn.parameters[index]?.name;
    if (!param || !typescript.isIdentifier(param)) return [];
    const target = checker.getSymbolAtLocation(param);
    const uses: ImporterKeyUse[] = [];
    for (const node of tsDescendants(typescript, body)) {
      if (uses.length >= limit) break;
      if (typescript.isIdentifier(node) && node !== param && node.text === param.text && checker.getSymbolAtLocation(node) === target) {
        const use = keyUseAt(typescript, checker, sameBytesAt(typescript, node), callerFile);
        if (use) uses.push(use);
      }
    }
    return uses;
  } catch {
    return [];
  }
}

/** Calls whose result is fresh key bytes when a helper returns it as it is: node's KDFs and random bytes. */
const FRESH_KEY_BYTES: Readonly<Record<string, 'kdf' | 'random'>> = { hkdfSync: 'kdf', pbkdf2Sync: 'kdf', scryptSync: 'kdf', randomBytes: 'random' };
/** Wrappers that hand on the same bytes as a view or copy the caller now holds: `Buffer.from(hkdfSync(…))`. */
const BYTE_VIEWS = /^(?:Buffer\.from|Uint8Array|Uint8Array\.from)$/;

/**
 * Does the synchronous helper that `call` names, declared in another file of the program (through re-exports by
 * the checker), return fresh key bytes: `export function deriveFileKey(master, id) { return Buffer.from(hkdfSync(…)); }`?
 * Then the caller's binding holds key bytes to wipe, as with a helper of its own file (decision 41). Only with type
 * information; every `return` must be such bytes.
 */
export function importedHelperReturnsKeyBytes(sourceCode: { parserServices?: ResolveContext['parserServices'] }, call: TSESTree.CallExpression): 'kdf' | 'random' | undefined {
  try {
    const helper = importedFunction(sourceCode, call);
    if (!helper) return undefined;
    const { typescript, checker, fn, body } = helper;
    if (fn.modifiers?.some((m) => m.kind === typescript.SyntaxKind.AsyncKeyword) || fn.asteriskToken) return undefined;
    const returned = typescript.isBlock(body)
      ? [...tsDescendants(typescript, body)].filter((n): n is ts.ReturnStatement => typescript.isReturnStatement(n) && enclosingTsFunction(typescript, n) === fn).map((r) => r.expression)
      : [body];
    if (returned.length === 0) return undefined;
    const sources = returned.map((expr) => (expr ? freshKeyBytesOf(typescript, checker, expr) : undefined));
    return sources.every((s) => s !== undefined && s === sources[0]) ? sources[0] : undefined;
  } catch {
    return undefined;
  }
}

function enclosingTsFunction(typescript: typeof ts, node: ts.Node): ts.Node | undefined {
  for (let n = node.parent; n; n = n.parent) if (typescript.isFunctionLike(n)) return n;
  return undefined;
}

function freshKeyBytesOf(typescript: typeof ts, checker: ts.TypeChecker, raw: ts.Expression): 'kdf' | 'random' | undefined {
  let expr = raw;
  for (let i = 0; i < 4; i++) {
    if (typescript.isParenthesizedExpression(expr) || typescript.isAsExpression(expr) || typescript.isNonNullExpression(expr)) expr = expr.expression;
    else if ((typescript.isCallExpression(expr) || typescript.isNewExpression(expr)) && expr.arguments?.length && BYTE_VIEWS.test(calleeText(typescript, expr.expression))) expr = expr.arguments[0];
    else break;
  }
  if (!typescript.isCallExpression(expr)) return undefined;
  const modelled = modelledCallee(typescript, checker, expr.expression);
  if (!modelled || modelled.libraryId !== 'node:crypto') return undefined;
  return FRESH_KEY_BYTES[modelled.api.path[modelled.api.path.length - 1] ?? ''];
}

/** Calls that overwrite the buffer given as their first argument, by the name a helper's body calls them. */
const OVERWRITING_CALLS = /^(?:randomFillSync|memzero|sodium_memzero|getRandomValues)$/;

/**
 * Does the imported helper that `call` names (declared in another file of the program, reached through
 * re-exports by the checker) overwrite the parameter that argument `index` lands in? `export function
 * shred(...bufs) { for (const b of bufs) { randomFillSync(b); b.fill(0); } }` wipes every argument, whatever
 * the helper is called (decision 31 for local helpers, applied across files). Only with type information.
 */
export function importedHelperWipesArgument(sourceCode: { parserServices?: ResolveContext['parserServices'] }, call: TSESTree.CallExpression, index: number): boolean {
  try {
    const helper = importedFunction(sourceCode, call);
    if (!helper) return false;
    const { typescript, checker, fn, body } = helper;
    const param = fn.parameters.find((p, i) => i === index || (p.dotDotDotToken !== undefined && i <= index));
    if (!param || !typescript.isIdentifier(param.name)) return false;
    const targets = new Set<ts.Symbol>();
    const own = checker.getSymbolAtLocation(param.name);
    if (!own) return false;
    targets.add(own);
    // `for (const b of bufs)` over a rest parameter: each element is an argument.
    for (const node of tsDescendants(typescript, body)) {
      if (!typescript.isForOfStatement(node) || !typescript.isIdentifier(node.expression) || checker.getSymbolAtLocation(node.expression) !== own) continue;
      const decl = typescript.isVariableDeclarationList(node.initializer) ? node.initializer.declarations[0]?.name : undefined;
      const element = decl && typescript.isIdentifier(decl) ? checker.getSymbolAtLocation(decl) : undefined;
      if (element) targets.add(element);
    }
    const isTarget = (node: ts.Node) => typescript.isIdentifier(node) && targets.has(checker.getSymbolAtLocation(node)!);
    for (const node of tsDescendants(typescript, body)) {
      if (!typescript.isCallExpression(node)) continue;
      const callee = node.expression;
      if (typescript.isPropertyAccessExpression(callee) && callee.name.text === 'fill' && isTarget(callee.expression)) return true;
      const name = typescript.isPropertyAccessExpression(callee) ? callee.name.text : typescript.isIdentifier(callee) ? callee.text : '';
      if (OVERWRITING_CALLS.test(name) && node.arguments[0] !== undefined && isTarget(node.arguments[0])) return true;
    }
    return false;
  } catch {
    return false;
  }
}
