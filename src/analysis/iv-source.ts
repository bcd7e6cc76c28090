import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { descendants, insideFunction, isWithin } from './ast';
import { isFunction } from './expression-names';
import { enclosingFunction } from './code-paths';
import { apiCallAt, argsWithRole, callsOn, getApiCalls, type ApiCall } from './api-calls';
import { isBufferWritten } from './buffer-writes';
import { isSettingsLookup } from './config-lookup';
import { isBufferClass } from './imports';
import { localFunctionOf, parameterBindings, returnedExpressions } from './local-functions';
import { classMemberValues } from './class-members';
import { callsOf, localMethodOf } from './call-sites';
import { identifierWords } from './identifier-words';
import { findProperty, isStaticCall, memberName, propertyName, referencedName, singleInitializer, unwrapExpression, variableOf, writesOf, type SourceCode } from './scope';
import { envVarName, isProcessEnv, resolveValues, stringValues, type Constant, type ResolveContext } from './values';
import { describeAlgorithm } from '../model/algorithms';

/**
 * Where an IV/nonce comes from, when that makes it repeat: a constant, a
 * freshly allocated (all-zero) buffer, bytes derived from the key (or the
 * password), or a random value generated once (module level, class field)
 * and reused by every call.
 */
export type IvProblem =
  | { kind: 'constant'; origin: TSESTree.Node; constant: Constant }
  | { kind: 'zero'; origin: TSESTree.Node }
  | { kind: 'key-derived'; origin: TSESTree.Node; from: string }
  | { kind: 'data-derived'; origin: TSESTree.Node; from: string }
  | { kind: 'identifier-derived'; origin: TSESTree.Node; from: string }
  | { kind: 'reused'; origin: TSESTree.Node; name: string }
  /** A module-level IV read once from the environment (`Buffer.from(process.env.CREDS_IV, 'hex')`): `from` names the variable. */
  | { kind: 'configured'; origin: TSESTree.Node; name: string; from: string };

const MAX_DEPTH = 5;
const SECRET_WORDS = new Set(['key', 'secret', 'password', 'passphrase', 'passwd', 'pwd']);
/** `new Uint8Array(NONCE_BYTES)`, `Buffer.alloc(ivLength)`: a size, not bytes to copy. */
const SIZE_NAME = /(?:bytes|length|len|size)$/i;
const TYPED_ARRAYS = new Set(['Uint8Array', 'Int8Array', 'Uint8ClampedArray']);
const SLICES = new Set(['slice', 'subarray', 'substring', 'substr']);

/** The problems with the IV argument `iv` of `call` (empty when it looks fresh per message). */
export function ivProblems(ctx: ResolveContext, call: ApiCall, iv: TSESTree.Node): IvProblem[] {
  try {
    if (isKeyWrapCipher(ctx, call)) return [];
    const problems: IvProblem[] = [];
    const seenVariables: TSESLint.Scope.Variable[] = [];
    const definitions = definitionsOf(ctx.sourceCode, iv, seenVariables, 0);
    if (seenVariables.some((v) => isMutated(ctx.sourceCode, v, call.node))) return [];
    for (const constant of resolveValues(ctx, iv).values) {
      if (!isByteLike(constant)) continue;
      if (isAllZero(constant)) problems.push({ kind: 'zero', origin: constant.origin });
      // An IV cut from a KDF or hash output of constants is made at the cut (the key-derived IV of PBES1), not at the passphrase.
      else problems.push({ kind: 'constant', origin: constant.cutAt ?? constant.origin, constant });
    }
    if (problems.length) return problems;
    for (const def of definitions) {
      if (isZeroAllocation(ctx.sourceCode, def)) problems.push({ kind: 'zero', origin: def });
    }
    if (problems.length) return problems;
    const derived = keyDerivation(ctx.sourceCode, call, definitions, destructuredName(seenVariables[0]));
    if (derived) return [derived];
    const fromData = plaintextDerivation(ctx.sourceCode, call, definitions);
    if (fromData) return [fromData];
    const fromIdentifier = identifierDerivation(ctx.sourceCode, definitions);
    if (fromIdentifier) return [fromIdentifier];
    const reused =
      reusedRandom(ctx.sourceCode, call, iv, definitions) ?? configuredOnce(ctx.sourceCode, call, iv, definitions) ?? reusedThroughHelper(ctx.sourceCode, call, iv);
    return reused ? [reused] : [];
  } catch {
    return [];
  }
}

/**
 * AES key wrap (RFC 3394/5649: node's `id-aes256-wrap`, `id-aes256-wrap-pad`) is
 * deterministic by design: its "IV" is a fixed integrity check value (`A6A6…`), not a
 * nonce, so a constant one is how the mode is meant to be used.
 */
function isKeyWrapCipher(ctx: ResolveContext, call: ApiCall): boolean {
  const names = argsWithRole(call, 'algorithm').flatMap((arg) => stringValues(ctx, arg).map((v) => String(v.value)));
  return names.length > 0 && names.every((name) => {
    const facts = describeAlgorithm(name);
    return facts?.kind === 'cipher' && facts.mode === 'wrap';
  });
}

function isByteLike(constant: Constant): boolean {
  if (constant.kind === 'string') return (constant.value as string).length > 0;
  if (constant.kind === 'bytes') return (constant.value as Uint8Array).length > 0;
  if (constant.kind === 'array') return (constant.value as readonly Constant[]).length > 0;
  return false;
}

function isAllZero(constant: Constant): boolean {
  if (constant.kind === 'bytes') return (constant.value as Uint8Array).every((b) => b === 0);
  if (constant.kind === 'array') return (constant.value as readonly Constant[]).every((c) => c.value === 0);
  return false;
}

/**
 * The expressions an IV may evaluate to: follows variables (every write),
 * class fields (`this.iv`) and parenthesis-like wrappers. Records the variables
 * it went through, so mutations of them can be checked.
 */
function definitionsOf(sourceCode: SourceCode, node: TSESTree.Node, variables: TSESLint.Scope.Variable[], depth: number): TSESTree.Node[] {
  const expr = unwrapExpression(node);
  if (depth > MAX_DEPTH) return [expr];
  if (expr.type === 'Identifier') {
    const variable = variableOf(sourceCode, expr);
    if (!variable || variable.defs.length === 0 || variables.includes(variable)) return [expr];
    variables.push(variable);
    const writes = writesOf(variable).map((r) => r.writeExpr as TSESTree.Node);
    if (writes.length === 0) return [expr];
    return writes.flatMap((w) => definitionsOf(sourceCode, w, variables, depth + 1));
  }
  // `this.iv` (instance fields, constructor assignments) and `TokenBox.IV` (static fields).
  if (expr.type === 'MemberExpression') {
    const name = memberName(expr);
    const values = name ? classMemberValues(sourceCode, expr, name) : [];
    if (values.length) return values.flatMap((v) => definitionsOf(sourceCode, v, variables, depth + 1));
  }
  if (expr.type === 'AwaitExpression') return definitionsOf(sourceCode, expr.argument, variables, depth + 1);
  return [expr];
}

/** Written into between allocation and the sink (see buffer-writes). */
function isMutated(sourceCode: SourceCode, variable: TSESLint.Scope.Variable, sink: TSESTree.Node): boolean {
  return isBufferWritten(sourceCode, variable, sink);
}

/** `Buffer.alloc(16)`, `Buffer.alloc(16, 0)`, `new Uint8Array(sodium.crypto_secretbox_NONCEBYTES)`. */
function isZeroAllocation(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return false;
  const callee = unwrapExpression(node.callee);
  const [size, fill] = node.arguments;
  if (!size || size.type === 'SpreadElement') return false;
  // `new Uint8Array(0)`, `Buffer.alloc(0)`: no IV at all, what ECB and wrap modes are given (ECB is the weak-algorithm rule's).
  if (size.type === 'Literal' && size.value === 0) return false;
  const isGlobal = (id: TSESTree.Identifier) => !variableOf(sourceCode, id)?.defs.length;
  // The global `Buffer`, or Node's Buffer class imported from a module that exports it (`buffer`, React Native's port).
  const isBuffer = (id: TSESTree.Identifier) => isGlobal(id) || isBufferClass(sourceCode, id);
  if (node.type === 'CallExpression' && callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Buffer' && isBuffer(callee.object)) {
    const name = memberName(callee);
    if (name !== 'alloc') return false;
    return (!fill || (fill.type === 'Literal' && fill.value === 0)) && isSize(size);
  }
  if (node.type === 'NewExpression' && callee.type === 'Identifier' && TYPED_ARRAYS.has(callee.name) && isGlobal(callee)) {
    return node.arguments.length === 1 && isSize(size);
  }
  return false;
}

function isSize(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  if (expr.type === 'Literal') return typeof expr.value === 'number';
  if (expr.type === 'MemberExpression') return SIZE_NAME.test(memberName(expr) ?? '');
  if (expr.type === 'Identifier') return SIZE_NAME.test(expr.name) && !/^(?:iv|nonce)$/i.test(expr.name);
  if (expr.type === 'BinaryExpression') return isSize(expr.left) || isSize(expr.right);
  return false;
}

/**
 * The IV is computed from the key (or from the password the key comes from):
 * `key.subarray(0, 16)`, `createHash('md5').update(password).digest()`. Same key, same IV.
 */
function keyDerivation(sourceCode: SourceCode, call: ApiCall, definitions: readonly TSESTree.Node[], ivProperty: string | undefined): IvProblem | undefined {
  const keyArgs = [...argsWithRole(call, 'key'), ...argsWithRole(call, 'passphrase')];
  const keyVariables = new Set<TSESLint.Scope.Variable>();
  for (const keyArg of keyArgs) for (const v of keySources(sourceCode, keyArg)) keyVariables.add(v);
  for (const def of definitions) {
    // `createCipheriv(alg, key, key)`, crypto-js `{ iv: key }`: the key itself is the IV.
    if (def.type === 'Identifier') {
      const variable = variableOf(sourceCode, def);
      if (variable && keyArgs.some((k) => rootVariables(sourceCode, k, 0).includes(variable))) return { kind: 'key-derived', origin: def, from: variable.name };
      continue;
    }
    if (containsRandom(sourceCode, def) || helperReturnsFreshIv(sourceCode, def, ivProperty)) continue;
    if (!isComputation(def) || readsStoredIv(sourceCode, def)) continue;
    const roots = rootVariables(sourceCode, def, 0);
    if (rootVariables(sourceCode, def, 1).some((v) => isPerMessage(sourceCode, v, call))) continue;
    const shared = roots.find((v) => keyVariables.has(v));
    if (shared) return { kind: 'key-derived', origin: def, from: shared.name };
    const secretNamed = roots.find((v) => identifierWords(v.name).some((w) => SECRET_WORDS.has(w)) && !/iv|nonce/i.test(v.name));
    if (secretNamed) return { kind: 'key-derived', origin: def, from: secretNamed.name };
  }
  return undefined;
}

/**
 * `const iv = sha256(file).subarray(0, 12)` for `cipher.update(file)`: a digest of the message being
 * encrypted. Equal messages get equal IVs, hence equal ciphertexts (deterministic encryption shows
 * who stored the same file), and the IV is no longer independent of the data. Only for encryption:
 * a decryption reads its IV from the stored message, which is its data too.
 */
function plaintextDerivation(sourceCode: SourceCode, call: ApiCall, definitions: readonly TSESTree.Node[]): IvProblem | undefined {
  if (call.api.operation !== 'encrypt') return undefined;
  const dataVariables = new Set(dataArguments(sourceCode, call).flatMap((d) => rootVariables(sourceCode, d, 0)));
  if (dataVariables.size === 0) return undefined;
  for (const def of definitions) {
    const digest = digestCallOf(sourceCode, def);
    if (!digest) continue;
    const shared = rootVariables(sourceCode, digest, 0).find((v) => dataVariables.has(v));
    if (shared) return { kind: 'data-derived', origin: def, from: shared.name };
  }
  return undefined;
}

/** Words that name an identifier of a person, account or thing: the same value for every message about it. */
const IDENTIFIER_WORDS = new Set(['id', 'uuid', 'guid', 'email', 'username', 'user', 'account', 'recipient', 'sender', 'tenant', 'customer', 'device', 'phone', 'slug', 'handle', 'login']);
/** Words that say a value changes per message, whatever else the name says (`messageId`, `seq`). */
const PER_MESSAGE_WORDS = new Set(['iv', 'nonce', 'counter', 'seq', 'sequence', 'index', 'message', 'msg', 'frame', 'chunk', 'packet', 'random', 'salt']);

/**
 * `Buffer.from(recipientId.padStart(16, '0'))`, also inside a local helper (`recipientIv(recipientId)`): an IV made
 * only from the text of an identifier is the same for every message to or about that identifier, under one key.
 */
function identifierDerivation(sourceCode: SourceCode, definitions: readonly TSESTree.Node[]): IvProblem | undefined {
  for (const def of definitions) {
    const computed = helperReturn(sourceCode, def) ?? def;
    if (!isComputation(computed) || drawsAnything(sourceCode, computed) || readsStoredIv(sourceCode, computed)) continue;
    const roots = referencedVariables(sourceCode, computed);
    if (roots.length === 0 || !roots.every((v) => namesIdentifier(v.name))) continue;
    // `const uuid = randomUUID()`, `const requestId = randomBytes(12)`: named like an id, drawn per message.
    if (roots.some((v) => isDrawnVariable(sourceCode, v))) continue;
    return { kind: 'identifier-derived', origin: computed, from: roots[0].name };
  }
  return undefined;
}

/** Any random draw or clock read inside the expression (`Buffer.concat([randomBytes(4), Buffer.from(userId)])`): new per message. */
function drawsAnything(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  for (const n of descendants(node, isFunction)) {
    if (n.type !== 'CallExpression' && n.type !== 'NewExpression') continue;
    const op = apiCallAt(sourceCode, n)?.api.operation;
    if (op === 'random' || op === 'insecure-random') return true;
  }
  return false;
}

/** A variable some write of which draws a random value (`const uuid = randomUUID()`; `drawsAnything` includes the write itself). */
function isDrawnVariable(sourceCode: SourceCode, variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some((ref) => {
    const written = ref.writeExpr as TSESTree.Node | null | undefined;
    return written ? drawsAnything(sourceCode, written) : false;
  });
}

/** The local variables an expression reads (callees and property names aside): what its value is made of. */
function referencedVariables(sourceCode: SourceCode, node: TSESTree.Node): TSESLint.Scope.Variable[] {
  const out: TSESLint.Scope.Variable[] = [];
  for (const n of descendants(node, isFunction)) {
    if (n.type !== 'Identifier') continue;
    const parent = n.parent;
    if (parent?.type === 'MemberExpression' && parent.property === n && !parent.computed) continue;
    if ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee === n) continue;
    const variable = variableOf(sourceCode, n);
    if (variable && variable.defs.length > 0 && !out.includes(variable)) out.push(variable);
  }
  return out;
}

function namesIdentifier(name: string): boolean {
  const words = identifierWords(name);
  return words.some((w) => IDENTIFIER_WORDS.has(w)) && !words.some((w) => PER_MESSAGE_WORDS.has(w));
}

/** The one expression a local helper called here returns (`recipientIv(id)` → its `Buffer.from(…)`). */
function helperReturn(sourceCode: SourceCode, def: TSESTree.Node): TSESTree.Node | undefined {
  if (def.type !== 'CallExpression') return undefined;
  const fn = localFunctionOf(sourceCode, def.callee);
  const returned = fn ? returnedExpressions(fn) : undefined;
  return returned?.length === 1 ? unwrapExpression(returned[0]) : undefined;
}

/** What the cipher encrypts: its own data argument (one-shot APIs) or those of the `update`/`encrypt` calls on it. */
function dataArguments(sourceCode: SourceCode, call: ApiCall): TSESTree.Node[] {
  const onObject = callsOn(sourceCode, call);
  return [...argsWithRole(call, 'data'), ...onObject.flatMap((c) => argsWithRole(c, 'data'))];
}

/**
 * The hash call whose result an expression is, possibly sliced, awaited or copied into bytes
 * (`createHash('sha256').update(x).digest().subarray(0, 12)`, `new Uint8Array(await subtle.digest('SHA-256', x)).slice(0, 12)`).
 */
function digestCallOf(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.CallExpression | undefined {
  for (let n: TSESTree.Node | undefined = unwrapExpression(node), i = 0; n && i < 8; i++) {
    if (n.type === 'AwaitExpression') {
      n = unwrapExpression(n.argument);
      continue;
    }
    // `new Uint8Array(digest)`, `Buffer.from(digest)`: the same bytes in another container.
    const container: TSESTree.NewExpression | TSESTree.CallExpression | undefined = n.type === 'NewExpression' || isStaticCall(n, 'Buffer', 'from') ? n : undefined;
    if (container) {
      const first: TSESTree.Node | undefined = container.arguments[0];
      n = first && first.type !== 'SpreadElement' ? unwrapExpression(first) : undefined;
      continue;
    }
    if (n.type !== 'CallExpression') return undefined;
    if (apiCallAt(sourceCode, n)?.api.operation === 'hash') return n;
    const callee = unwrapExpression(n.callee);
    n = callee.type === 'MemberExpression' ? unwrapExpression(callee.object) : undefined;
  }
  return undefined;
}

/** `iv` for a binding destructured as `const { iv, tag } = …` (or `{ nonce: iv }`): the property it is read from. */
function destructuredName(variable: TSESLint.Scope.Variable | undefined): string | undefined {
  const property = variable?.defs[0]?.name.parent;
  return property?.type === 'Property' && property.parent.type === 'ObjectPattern' ? propertyName(property.key) : undefined;
}

/**
 * `const { iv, tag, body } = seal(key, data)` with a local `seal` that returns the IV it drew
 * (`{ iv: randomBytes(12), … }`, or a `const iv = randomBytes(12)` it returns): the helper's
 * output is fresh per call, even though the key is among its arguments.
 */
function helperReturnsFreshIv(sourceCode: SourceCode, def: TSESTree.Node, ivProperty: string | undefined): boolean {
  if (def.type !== 'CallExpression') return false;
  const fn = localFunctionOf(sourceCode, def.callee);
  const returned = fn ? returnedExpressions(fn) : undefined;
  if (!returned) return false;
  return returned.every((r) => {
    const expr = unwrapExpression(r);
    const value = expr.type === 'ObjectExpression' ? (ivProperty ? findProperty(expr, ivProperty) : undefined) : expr;
    return value !== undefined && drawnFresh(sourceCode, value);
  });
}

/** A random draw, or a binding initialised with one. */
function drawnFresh(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  const variable = expr.type === 'Identifier' ? variableOf(sourceCode, expr) : undefined;
  const init = variable ? singleInitializer(variable) : expr;
  return init !== undefined && containsRandom(sourceCode, init);
}

/**
 * A value that differs for every message, so an IV derived from it (with the key) does too:
 * the salt of OpenSSL's EVP_BytesToKey or of `hkdfSync(…, key, salt, …)` split into key and IV,
 * drawn fresh inside the encrypting function (`const salt = randomBytes(8)`), or, when
 * decrypting, read from the message (`input.subarray(8, 16)`, `Buffer.from(text.slice(0, 32), 'hex')`). A salt drawn once at module
 * level is the same for every message.
 */
function isPerMessage(sourceCode: SourceCode, variable: TSESLint.Scope.Variable, call: ApiCall): boolean {
  const init = singleInitializer(variable);
  if (!init) return call.api.operation === 'decrypt' && destructuredFromMessage(sourceCode, variable);
  if (!insideFunction(init)) return false;
  if (containsRandom(sourceCode, init) || advancesOwnState(sourceCode, init)) return true;
  if (call.api.operation !== 'decrypt') return false;
  let expr = unwrapExpression(init);
  // `Buffer.from(encrypted.slice(0, 32), 'hex')`: the part of the stored text that carries it, decoded.
  const decoded = expr.type === 'CallExpression' && isStaticCall(expr, 'Buffer', 'from') ? expr.arguments[0] : undefined;
  if (decoded && decoded.type !== 'SpreadElement') expr = unwrapExpression(decoded);
  const callee = expr.type === 'CallExpression' ? unwrapExpression(expr.callee) : undefined;
  return callee?.type === 'MemberExpression' && SLICES.has(memberName(callee) ?? '') && rootVariables(sourceCode, callee.object, 1).some((v) => v.defs[0]?.type === 'Parameter');
}

/**
 * `const seed = this.step()`, where `step` is a method of this class that writes a field it also reads
 * (`this.chainKey = next`, `this.counter += 1`): every call moves the object's state on (a ratchet, a counter), so what
 * it returns differs per call, and an IV cut from a KDF output over it (a symmetric ratchet's message keys: key and IV
 * from one HKDF output) is new for every message, like one made from random bytes.
 */
function advancesOwnState(sourceCode: SourceCode, init: TSESTree.Node): boolean {
  const expr = unwrapExpression(init);
  if (expr.type !== 'CallExpression') return false;
  const callee = unwrapExpression(expr.callee);
  if (callee.type !== 'MemberExpression' || unwrapExpression(callee.object).type !== 'ThisExpression') return false;
  const body = localMethodOf(sourceCode, callee)?.body;
  if (!body) return false;
  for (const node of descendants(body)) {
    const field = node.type === 'MemberExpression' ? thisFieldName(node) : undefined;
    if (field && movesOn(sourceCode, node as TSESTree.MemberExpression, field)) return true;
  }
  return false;
}

/**
 * The field is written from its own previous value: `this.counter++`, `this.counter += 1`, `this.chainKey =
 * hmac(this.chainKey, …)` (also through a local: `const next = hmac(this.chainKey, …); this.chainKey = next`). Not a
 * memo (`this.iv ??= randomBytes(16)`, `this.cached = derive()`), whose later calls return the same value.
 */
function movesOn(sourceCode: SourceCode, target: TSESTree.MemberExpression, field: string): boolean {
  const parent = target.parent;
  if (parent?.type === 'UpdateExpression') return true;
  if (parent?.type !== 'AssignmentExpression' || parent.left !== target) return false;
  if (parent.operator !== '=') return !['??=', '||=', '&&='].includes(parent.operator);
  const right = unwrapExpression(parent.right);
  const local = right.type === 'Identifier' ? variableOf(sourceCode, right) : undefined;
  const from = local ? singleInitializer(local) : right;
  return from !== undefined && [...descendants(from)].some((n) => n.type === 'MemberExpression' && thisFieldName(n) === field);
}

/** `this.chainKey`: the name of a field of `this` (not computed). */
function thisFieldName(node: TSESTree.MemberExpression): string | undefined {
  return unwrapExpression(node.object).type === 'ThisExpression' && !node.computed ? memberName(node) : undefined;
}

/**
 * `const { salt, senderPublic } = parseHeader(body)` in a function given `body`: a field of the message being decrypted,
 * read by a local parser (or straight from the parameter, `const { salt } = message`), so it differs per message.
 */
function destructuredFromMessage(sourceCode: SourceCode, variable: TSESLint.Scope.Variable): boolean {
  const def = variable.defs[0];
  if (variable.defs.length !== 1 || def?.type !== 'Variable' || def.node.id.type === 'Identifier' || !def.node.init || !insideFunction(def.node.init)) return false;
  if (variable.references.some((ref) => ref.isWrite() && ref.writeExpr !== def.node.init)) return false;
  const init = unwrapExpression(def.node.init);
  const read = init.type === 'CallExpression' && localFunctionOf(sourceCode, init.callee) ? init.arguments.filter((a) => a.type !== 'SpreadElement') : [init];
  return read.some((arg) => rootVariables(sourceCode, arg, 1).some((v) => v.defs[0]?.type === 'Parameter'));
}

/** `Buffer.from(payload.iv, 'hex')`, `parts['nonce']`: reading an IV stored next to the ciphertext. */
function readsStoredIv(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  return /\.\s*(?:iv|nonce|IV|Iv|NONCE)\b|\[\s*['"](?:iv|nonce)['"]\s*\]/.test(sourceCode.getText(node));
}

/**
 * The variables the key is made of: the key itself and, when it comes from a
 * KDF, the password/input key material — not the salt, which is public and
 * usually read from the same message as the IV.
 */
function keySources(sourceCode: SourceCode, keyArg: TSESTree.Node): TSESLint.Scope.Variable[] {
  const direct = rootVariables(sourceCode, keyArg, 0);
  const out = [...direct];
  for (const variable of direct) {
    const def = variable.defs[0];
    if (def?.type !== 'Variable' || !def.node.init) continue;
    let init = unwrapExpression(def.node.init);
    if (init.type === 'AwaitExpression') init = unwrapExpression(init.argument);
    // `Buffer.from(hkdfSync(…))`, `new Uint8Array(await subtle.deriveBits(…))`: the bytes of the KDF inside, whose salt
    // (read from the same message as the IV) is no part of the key.
    for (let inner = byteViewArgument(init); inner; inner = byteViewArgument(init)) {
      init = unwrapExpression(inner);
      if (init.type === 'AwaitExpression') init = unwrapExpression(init.argument);
    }
    const api = init.type === 'CallExpression' || init.type === 'NewExpression' ? apiCallAt(sourceCode, init) : undefined;
    // A key decrypted or unwrapped from stored bytes is not made of them: the IV read
    // from the same stored header (`header.subarray(0, 12)`) is no copy of the key.
    if (api ? api.api.operation === 'decrypt' || api.api.operation === 'unwrap' : unwrapsStoredKey(init)) continue;
    const inputs = api ? [...argsWithRole(api, 'passphrase'), ...argsWithRole(api, 'key'), ...argsWithRole(api, 'data')] : helperInputs(sourceCode, init);
    for (const input of inputs) for (const v of rootVariables(sourceCode, input, 0)) if (!out.includes(v)) out.push(v);
  }
  return out;
}

/** The bytes a one-argument `Buffer.from(x)` or `new Uint8Array(x)` copies or views: `x`. */
function byteViewArgument(node: TSESTree.Node): TSESTree.Node | undefined {
  const isView =
    (node.type === 'CallExpression' && isStaticCall(node, 'Buffer', 'from')) ||
    (node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'Uint8Array');
  if (!isView || node.arguments.length !== 1) return undefined;
  const arg = node.arguments[0];
  return arg.type === 'SpreadElement' ? undefined : arg;
}

/** `wrapper.unwrap(blob)`, `decryptDataKey(stored)`, `unsealKey(…)`: a helper that decrypts a stored key. */
function unwrapsStoredKey(init: TSESTree.Node): boolean {
  if (init.type !== 'CallExpression') return false;
  const name = referencedName(unwrapExpression(init.callee));
  return name !== undefined && identifierWords(name).some((word) => word === 'unwrap' || word === 'decrypt' || word === 'unseal');
}

/**
 * What a key made by a local helper (`keyFromPassphrase(pw, bytes.slice(0, 16))`)
 * is computed from: its arguments, except those the helper only uses as a salt.
 */
function helperInputs(sourceCode: SourceCode, init: TSESTree.Node): TSESTree.Node[] {
  if (init.type !== 'CallExpression') return [init];
  const fn = localFunctionOf(sourceCode, init.callee);
  if (!fn) return [init];
  const saltParams = new Set<TSESTree.Node>();
  for (const call of getApiCalls(sourceCode)) {
    if (call.node.range[0] < fn.range[0] || call.node.range[1] > fn.range[1]) continue;
    for (const salt of argsWithRole(call, 'salt')) {
      const expr = unwrapExpression(salt);
      const def = expr.type === 'Identifier' ? variableOf(sourceCode, expr)?.defs[0] : undefined;
      if (def?.type === 'Parameter') saltParams.add(def.name);
    }
  }
  const inputs: TSESTree.Node[] = [];
  for (const [param, arg] of parameterBindings(fn, init)) if (arg && !saltParams.has(param)) inputs.push(arg);
  return inputs;
}

/** A slice, hash, KDF or re-encoding: something computed from other values. */
function isComputation(node: TSESTree.Node): boolean {
  if (node.type !== 'CallExpression') return false;
  const callee = unwrapExpression(node.callee);
  return callee.type === 'MemberExpression' || callee.type === 'Identifier';
}

/** Variables an expression is computed from (through slices, hashes, `Buffer.from`), following initialisers `follow` levels. */
function rootVariables(sourceCode: SourceCode, node: TSESTree.Node, follow: number): TSESLint.Scope.Variable[] {
  const out: TSESLint.Scope.Variable[] = [];
  const visit = (n: TSESTree.Node, level: number, depth: number) => {
    if (depth > 8 || out.length > 16) return;
    const expr = unwrapExpression(n);
    switch (expr.type) {
      case 'Identifier': {
        const variable = variableOf(sourceCode, expr);
        if (!variable || variable.defs.length === 0 || out.includes(variable)) return;
        out.push(variable);
        if (level > 0) {
          const def = variable.defs[0];
          if (def.type === 'Variable' && def.node.init) visit(def.node.init, level - 1, depth + 1);
        }
        return;
      }
      case 'MemberExpression':
        if (expr.object.type === 'ThisExpression') return;
        visit(expr.object, level, depth + 1);
        return;
      case 'CallExpression': {
        const callee = unwrapExpression(expr.callee);
        // A function the caller passes in (`saltGenerator(secret)`) computes whatever the caller chose:
        // its arguments say nothing about what comes out (mongoose-field-encryption's default draws random bytes).
        if (callee.type === 'Identifier' && variableOf(sourceCode, callee)?.defs[0]?.type === 'Parameter') return;
        if (callee.type === 'MemberExpression' && SLICES.has(memberName(callee) ?? '')) {
          // A slice's bounds are positions, not bytes: `blob.subarray(0, Crypto.IV_BYTES)` is made of `blob` only.
          visit(callee.object, level, depth + 1);
          return;
        }
        if (callee.type === 'MemberExpression' && callee.object.type === 'CallExpression') visit(callee.object, level, depth + 1);
        for (const arg of expr.arguments) if (arg.type !== 'SpreadElement') visit(arg, level, depth + 1);
        return;
      }
      case 'AwaitExpression':
        visit(expr.argument, level, depth + 1);
        return;
      default:
        return;
    }
  };
  visit(node, follow, 0);
  return out;
}

function containsRandom(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  for (let n: TSESTree.Node | undefined = unwrapExpression(node), i = 0; n && i < 8; i++) {
    if (n.type !== 'CallExpression' && n.type !== 'NewExpression') return false;
    const api = apiCallAt(sourceCode, n);
    if (api?.api.operation === 'random') return true;
    const callee = unwrapExpression(n.callee);
    n = callee.type === 'MemberExpression' ? unwrapExpression(callee.object) : n.arguments[0];
  }
  return false;
}

/** Is `node` directly inside the constructor of the class whose body is `classBody`? */
function inConstructorOf(node: TSESTree.Node, classBody: TSESTree.Node): boolean {
  const fn = enclosingFunction(node);
  const method = fn?.parent;
  return method?.type === 'MethodDefinition' && method.kind === 'constructor' && method.parent === classBody;
}

/**
 * `const IV = randomBytes(12)` at module level (or a class field) used by an
 * encryption inside a function: random once, then the same for every message.
 */
function reusedRandom(sourceCode: SourceCode, call: ApiCall, iv: TSESTree.Node, definitions: readonly TSESTree.Node[]): IvProblem | undefined {
  if (call.api.operation !== 'encrypt' && call.api.operation !== 'wrap') return undefined;
  if (!insideFunction(call.node)) return undefined;
  const expr = unwrapExpression(iv);
  for (const def of definitions) {
    if (!containsRandom(sourceCode, def)) continue;
    const holder = def.parent;
    if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier' && !insideFunction(holder)) {
      return { kind: 'reused', origin: def, name: holder.id.name };
    }
    // An instance field is drawn once per instance: the encryption made in that class's constructor (one
    // cipher per instance, as a stream transform does) gets a fresh IV each time.
    if (holder?.type === 'PropertyDefinition' && !holder.static && expr.type === 'MemberExpression' && !inConstructorOf(call.node, holder.parent)) {
      return { kind: 'reused', origin: def, name: `this.${memberName(expr) ?? 'iv'}` };
    }
    if (holder?.type === 'PropertyDefinition' && holder.static) return { kind: 'reused', origin: def, name: memberName(expr as TSESTree.MemberExpression) ?? 'iv' };
    // `const iv = randomBytes(12); for (const row of rows) createCipheriv(alg, key, iv)`: drawn once per batch, reused per row.
    if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier' && isWrittenOnce(sourceCode, holder.id)) {
      const loop = repeatingAncestor(call.node, holder);
      // A key made inside the loop (one per recipient) makes each (key, IV) pair new.
      if (loop && !keyMadeWithin(sourceCode, call, loop)) return { kind: 'reused', origin: def, name: holder.id.name };
    }
  }
  return undefined;
}

/**
 * `const iv = randomBytes(16); units.map((u) => encryptUnit(u, key, iv))` where `encryptUnit(unit, key, iv)` makes the
 * cipher: the IV reaches the encryption through a parameter of a local helper, drawn once by the caller and passed on
 * every pass of the caller's loop or array-iteration callback (decision 51, one call away). A key the caller makes
 * inside that loop (one per pass) makes each (key, IV) pair new, as in reusedRandom.
 */
function reusedThroughHelper(sourceCode: SourceCode, call: ApiCall, iv: TSESTree.Node): IvProblem | undefined {
  if (call.api.operation !== 'encrypt' && call.api.operation !== 'wrap') return undefined;
  const param = parameterOfEnclosingFunction(sourceCode, call.node, iv);
  if (!param) return undefined;
  for (const site of callsOf(sourceCode, param.fn)) {
    const passed = site.arguments[param.index];
    if (!passed || passed.type !== 'Identifier') continue;
    const holder = variableOf(sourceCode, passed)?.defs[0]?.node;
    if (holder?.type !== 'VariableDeclarator' || holder.id.type !== 'Identifier' || !holder.init) continue;
    if (!containsRandom(sourceCode, holder.init) || !isWrittenOnce(sourceCode, holder.id)) continue;
    const loop = repeatingAncestor(site, holder);
    if (loop && !keyPassedFromWithin(sourceCode, call, param.fn, site, loop)) return { kind: 'reused', origin: holder.init, name: holder.id.name };
  }
  return undefined;
}

/** `node` is a parameter (plain, not destructured) of the function that encloses `inside`: that function and its index. */
function parameterOfEnclosingFunction(
  sourceCode: SourceCode,
  inside: TSESTree.Node,
  node: TSESTree.Node,
): { fn: TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression; index: number } | undefined {
  const expr = unwrapExpression(node);
  if (expr.type !== 'Identifier') return undefined;
  const fn = enclosingFunction(inside);
  const def = variableOf(sourceCode, expr)?.defs;
  if (!fn || !def || def.length !== 1 || def[0].type !== 'Parameter' || def[0].node !== fn) return undefined;
  const index = fn.params.findIndex((p) => p.type === 'Identifier' && p.name === expr.name);
  return index < 0 ? undefined : { fn, index };
}

/** The key the helper encrypts with is a parameter whose argument at `site` is made inside `loop` (keyMadeWithin, one call away). */
function keyPassedFromWithin(sourceCode: SourceCode, call: ApiCall, fn: TSESTree.Node, site: TSESTree.CallExpression | TSESTree.NewExpression, loop: TSESTree.Node): boolean {
  return argsWithRole(call, 'key').some((arg) => {
    const param = parameterOfEnclosingFunction(sourceCode, call.node, arg);
    if (!param || param.fn !== fn) return false;
    const passed = site.arguments[param.index];
    if (!passed) return false;
    const expr = unwrapExpression(passed);
    if (expr.type !== 'Identifier') return expr.type === 'CallExpression';
    const def = variableOf(sourceCode, expr)?.defs[0];
    return def !== undefined && isWithin(def.node, loop);
  });
}

/**
 * `const iv = Buffer.from(process.env.CREDS_IV, 'hex')` (at module level, in a class field or in the encrypting
 * function) used by an encryption inside a function: read from the environment, the same for every message the
 * process encrypts (and every process of the deployment). Whether the value came from a random draw at install time
 * does not matter: it is one IV for all messages under one key, like a module-level `randomBytes` draw.
 */
function configuredOnce(sourceCode: SourceCode, call: ApiCall, iv: TSESTree.Node, definitions: readonly TSESTree.Node[]): IvProblem | undefined {
  if (call.api.operation !== 'encrypt' && call.api.operation !== 'wrap') return undefined;
  if (!insideFunction(call.node)) return undefined;
  const expr = unwrapExpression(iv);
  for (const def of definitions) {
    const holder = def.parent;
    // A `let iv = …` that is assigned again (per call, per branch) is not one value.
    if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier' && !isWrittenOnce(sourceCode, holder.id)) continue;
    // `randomBytes(config.get('IV_LENGTH'))`, `randomBytes(Number(process.env.IV_BYTES))`: the setting is a size, the IV is drawn.
    if (drawsAnything(sourceCode, def)) continue;
    const from = environmentVariableRead(sourceCode, def);
    if (from) return { kind: 'configured', origin: def, name: configuredHolderName(sourceCode, def, expr) ?? sourceCode.getText(expr), from };
  }
  return undefined;
}

/**
 * The name of what holds `def`: a binding (module-level, written once, or local), a class field's initializer
 * (`private readonly iv = …`, `static IV = …`), or a constructor's `this.iv = …`.
 */
function configuredHolderName(sourceCode: SourceCode, def: TSESTree.Node, read: TSESTree.Node): string | undefined {
  const holder = def.parent;
  if (holder?.type === 'VariableDeclarator' && holder.init === def && holder.id.type === 'Identifier') return holder.id.name;
  if (read.type !== 'MemberExpression') return undefined;
  const field = memberName(read) ?? 'iv';
  if (holder?.type === 'PropertyDefinition' && holder.value === def) return holder.static ? field : `this.${field}`;
  if (holder?.type === 'AssignmentExpression' && holder.right === def && holder.left.type === 'MemberExpression' && holder.left.object.type === 'ThisExpression') {
    const method = enclosingFunction(holder)?.parent;
    return method?.type === 'MethodDefinition' && method.kind === 'constructor' ? `this.${field}` : undefined;
  }
  return undefined;
}

/**
 * The environment variable an expression decodes: `process.env.X`, `Buffer.from(process.env.X, 'hex')`,
 * `Buffer.from(process.env.X!, 'base64')`, `hexToBytes(process.env.X ?? '')` (each call's first argument or
 * receiver, a fallback's left side), also through a binding: `const { CREDS_IV } = process.env` or
 * `const ivHex = process.env.CREDS_IV` then `Buffer.from(CREDS_IV, 'hex')`.
 */
function environmentVariableRead(sourceCode: SourceCode, node: TSESTree.Node): string | undefined {
  let n: TSESTree.Node | undefined = unwrapExpression(node);
  for (let i = 0; n && i < 8; i++) {
    const name = envVarName(n);
    if (name) return name;
    if (n.type === 'LogicalExpression') n = unwrapExpression(n.left);
    else if (n.type === 'CallExpression' && isSettingsLookup(n)) {
      // `config.getOrThrow('RESPONSE_IV')` (Nest's ConfigService, nconf, convict): the setting of that name, which a
      // deployment sets once, like the environment variable it is usually loaded from.
      const setting = n.arguments[0] && unwrapExpression(n.arguments[0] as TSESTree.Node);
      return setting?.type === 'Literal' && typeof setting.value === 'string' ? setting.value : undefined;
    } else if (n.type === 'CallExpression' || n.type === 'NewExpression') {
      // A decoding (`Buffer.from(x, 'hex')`, `hexToBytes(x)`, `x.subarray(0, 16)`), not a derivation that mixes in
      // something per message (`deriveIv(process.env.IV_SEED, messageId)`).
      if (n.arguments.slice(1).some((arg) => unwrapExpression(arg).type !== 'Literal')) return undefined;
      const callee = unwrapExpression(n.callee);
      const first: TSESTree.CallExpressionArgument | undefined = n.arguments[0];
      n = first && first.type !== 'SpreadElement' ? unwrapExpression(first) : callee.type === 'MemberExpression' ? unwrapExpression(callee.object) : undefined;
    } else if (n.type === 'Identifier') {
      const variable = variableOf(sourceCode, n);
      const declarator = variable?.defs.length === 1 && variable.defs[0].type === 'Variable' ? variable.defs[0].node : undefined;
      if (!declarator?.init || writesOf(variable!).length > 1) return undefined;
      // `const { CREDS_IV } = process.env` (or `{ CREDS_IV: ivHex }`): the variable of that property.
      if (declarator.id.type === 'ObjectPattern') {
        if (!isProcessEnv(declarator.init)) return undefined;
        const id = n;
        const property = declarator.id.properties.find((p) => p.type === 'Property' && p.value.type === 'Identifier' && p.value.name === id.name);
        return property?.type === 'Property' ? propertyName(property.key) : undefined;
      }
      n = unwrapExpression(declarator.init);
    } else return undefined;
  }
  return undefined;
}

/** A binding written only by its declaration (`const`, or a `let` never assigned again). */
function isWrittenOnce(sourceCode: SourceCode, id: TSESTree.Identifier): boolean {
  const variable = variableOf(sourceCode, id);
  return variable !== undefined && writesOf(variable).length <= 1;
}

/** Array methods whose callback runs once per element: a loop written as a call. */
const ITERATING_METHODS: ReadonlySet<string> = new Set(['forEach', 'map', 'flatMap', 'reduce', 'filter', 'every', 'some']);

/**
 * The loop that runs `node` repeatedly while `declaration` runs once: walking up from `node` to the
 * nearest ancestor that also holds the declaration, the outermost loop statement or array-iteration
 * callback (`rows.map((row) => …)`) met on the way. Any other function in between ends the search.
 */
function repeatingAncestor(node: TSESTree.Node, declaration: TSESTree.Node): TSESTree.Node | undefined {
  let loop: TSESTree.Node | undefined;
  for (let current = node.parent; current; current = current.parent) {
    if (isWithin(declaration, current)) return loop;
    switch (current.type) {
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
        loop = current;
        break;
      case 'ArrowFunctionExpression':
      case 'FunctionExpression': {
        const call = current.parent;
        if (call?.type !== 'CallExpression' || !call.arguments.includes(current) || call.callee.type !== 'MemberExpression') return undefined;
        if (!ITERATING_METHODS.has(memberName(call.callee) ?? '')) return undefined;
        loop = current;
        break;
      }
      case 'FunctionDeclaration':
        return undefined;
    }
  }
  return undefined;
}

/** The call's key is a binding declared inside `loop` (or an expression computed there): a fresh key per pass. */
function keyMadeWithin(sourceCode: SourceCode, call: ApiCall, loop: TSESTree.Node): boolean {
  return argsWithRole(call, 'key').some((arg) => {
    const expr = unwrapExpression(arg);
    if (expr.type !== 'Identifier') return expr.type === 'CallExpression';
    const def = variableOf(sourceCode, expr)?.defs[0];
    return def !== undefined && isWithin(def.node, loop);
  });
}

