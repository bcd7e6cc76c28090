import type { TSESTree } from '@typescript-eslint/utils';
import type { ApiCall } from '../../../analysis/api-calls';
import { unwrapExpression, variableOf, type SourceCode } from '../../../analysis/scope';
import { enclosingFunctionNode, isFunction, returnsOf, walk, within, type FunctionNode } from '../ast';
import type { Idiom, IdiomContext, IdiomMatch, SealedForm } from '../idiom';
import { keyArgsReadOnlyKey } from './key-reads';
import { bufferEncodingsIn, isBufferFrom, isMethodCall, literalString, localValue, paramReadAsString, returnsBuiltFrom, returnsValue, singleUse, utf8BytesOf, utf8TextOf } from './value-shapes';

const AES_ALGORITHMS = new Set(['AES-GCM', 'AES-CBC', 'AES-CTR']);
const SEALED = new Set<SealedForm>(['hex', 'base64', 'base64url']);

/**
 * WebCrypto `subtle.importKey('raw', KEY_BYTES, 'AES-GCM' | { name: 'AES-CBC' }, …)`
 * of the hardcoded key, then one `subtle.encrypt` and one `subtle.decrypt`
 * (global `crypto.subtle`, `globalThis.crypto.subtle`, `require('crypto').webcrypto.subtle`).
 * The imported key reaches them in place (`const key = await subtle.importKey(…)`
 * in each function), through a module-level promise (`const keyP = subtle.importKey(…)`,
 * used as `await keyP`) or a module-level helper (`await getKey()`); those module
 * statements go with the key and are recreated inside the legacy decrypt.
 * The functions are async already; encrypt returns one text encoding of the
 * bytes, decrypt returns UTF-8 text.
 */
export const webCryptoIdiom: Idiom = {
  id: 'webcrypto',
  recognise(context: IdiomContext): IdiomMatch | undefined {
    const { sourceCode, calls, key } = context;
    const subtle = (name: string) => calls.filter((c) => c.library.id === 'webcrypto' && !c.receiver && c.api.path.join('.') === name);
    const encrypts = subtle('encrypt');
    const decrypts = subtle('decrypt');
    // The imports of the hardcoded bytes (an HMAC key imported from other bytes is no concern of ours).
    const reads = new Set(key.reads.map((read) => unwrapExpression(read)));
    const imports = subtle('importKey').filter((c) => c.args.some((a) => a.role === 'key' && reads.has(unwrapExpression(a.node))));
    if (encrypts.length !== 1 || decrypts.length !== 1 || imports.length === 0 || imports.length > 2) return undefined;
    if (!imports.every(isRawAesImport) || !keyArgsReadOnlyKey(key, imports)) return undefined;
    const [encryptCall, decryptCall] = [encrypts[0], decrypts[0]];

    const encryptFn = enclosingFunctionNode(encryptCall.node);
    const decryptFn = enclosingFunctionNode(decryptCall.node);
    if (!encryptFn?.async || !decryptFn?.async || encryptFn === decryptFn) return undefined;

    // Both operations use a key imported from the hardcoded bytes, and every import serves them.
    const derived = new Set<TSESTree.ProgramStatement>();
    const reached = new Set<ApiCall>();
    for (const [call, fn] of [[encryptCall, encryptFn], [decryptCall, decryptFn]] as const) {
      const source = importedKeySource(sourceCode, call, fn, imports);
      if (!source) return undefined;
      reached.add(source.importCall);
      if (source.statement) derived.add(source.statement);
    }
    if (reached.size !== imports.length) return undefined;
    for (const statement of derived) if (!usedOnlyIn(sourceCode, statement, [encryptFn, decryptFn])) return undefined;

    const plaintext = utf8BytesOf(sourceCode, argAt(encryptCall, '2') ?? encryptCall.node);
    const sealed = plaintext && sealedEncoding(sourceCode, encryptFn);
    if (!plaintext || !sealed || !opensToUtf8(sourceCode, decryptCall, decryptFn, sealed)) return undefined;
    return {
      encryptAt: encryptCall.node,
      decryptAt: decryptCall.node,
      plaintext,
      sealed,
      opened: 'string',
      legacy: { async: true },
      keyDerived: [...derived].sort((a, b) => a.range[0] - b.range[0]),
    };
  },
};

function argAt(call: ApiCall, address: string): TSESTree.Node | undefined {
  const node = call.args.find((a) => a.address === address)?.node;
  return node && unwrapExpression(node);
}

/** `importKey('raw', bytes, 'AES-GCM' | { name: 'AES-CBC', … }, …)`. */
function isRawAesImport(call: ApiCall): boolean {
  if (literalString(argAt(call, '0')) !== 'raw') return false;
  // `'AES-GCM'` or `{ name: 'AES-CBC' }`: the object itself is also an algorithm argument, its `name` says which.
  const algorithm = call.args.filter((a) => a.role === 'algorithm' && unwrapExpression(a.node).type !== 'ObjectExpression').map((a) => literalString(a.node));
  return algorithm.length > 0 && algorithm.every((name) => name !== undefined && AES_ALGORITHMS.has(name.toUpperCase()));
}

interface KeySource {
  importCall: ApiCall;
  /** The module-level statement the key travels through (a promise const or a helper function), if any. */
  statement?: TSESTree.ProgramStatement;
}

/**
 * How the operation's key argument reaches an `importKey`: a local const
 * `await importKey(…)`, `await keyPromise` of a module const, or `await helper()`
 * of a module-level function that returns `importKey(…)`.
 */
function importedKeySource(sourceCode: SourceCode, call: ApiCall, fn: FunctionNode, imports: readonly ApiCall[]): KeySource | undefined {
  const keyArg = argAt(call, '1');
  if (!keyArg) return undefined;
  const importAt = (node: TSESTree.Node) => imports.find((i) => i.node === unwrapExpression(node));
  let value = localValue(sourceCode, keyArg, fn);
  if (value.type !== 'AwaitExpression') return undefined;
  value = unwrapExpression(value.argument);
  const direct = importAt(value);
  if (direct) return within(direct.node, fn) ? { importCall: direct } : undefined;
  if (value.type === 'Identifier') {
    const def = variableOf(sourceCode, value)?.defs;
    const declarator = def?.length === 1 && def[0].type === 'Variable' ? def[0].node : undefined;
    const statement = declarator?.parent;
    if (!declarator?.init || statement?.kind !== 'const' || statement.declarations.length !== 1 || statement.parent.type !== 'Program') return undefined;
    const importCall = importAt(declarator.init);
    return importCall && { importCall, statement };
  }
  if (value.type === 'CallExpression' && value.callee.type === 'Identifier' && value.arguments.every((a) => a.type === 'Literal')) {
    const helper = moduleFunction(sourceCode, value.callee);
    if (!helper) return undefined;
    const returned = helper.fn.body.type === 'BlockStatement' ? returnsOf(helper.fn.body).map((r) => r.argument) : [helper.fn.body];
    if (returned.length !== 1 || !returned[0]) return undefined;
    const inner = unwrapExpression(returned[0]);
    const importCall = importAt(inner.type === 'AwaitExpression' ? inner.argument : inner);
    return importCall && within(importCall.node, helper.fn) ? { importCall, statement: helper.statement } : undefined;
  }
  return undefined;
}

/** A module-level `function helper() {…}` or `const helper = async () => …`. */
function moduleFunction(sourceCode: SourceCode, id: TSESTree.Identifier): { fn: FunctionNode; statement: TSESTree.ProgramStatement } | undefined {
  const defs = variableOf(sourceCode, id)?.defs;
  if (defs?.length !== 1) return undefined;
  const node = defs[0].node;
  if (node.type === 'FunctionDeclaration' && node.id && node.parent.type === 'Program') return { fn: node, statement: node as TSESTree.FunctionDeclarationWithName };
  if (node.type === 'VariableDeclarator' && isFunction(node.init ?? undefined) && node.parent.kind === 'const' && node.parent.declarations.length === 1 && node.parent.parent.type === 'Program') {
    return { fn: node.init as FunctionNode, statement: node.parent };
  }
  return undefined;
}

/** The statement's bindings are read only inside the given functions. */
function usedOnlyIn(sourceCode: SourceCode, statement: TSESTree.ProgramStatement, fns: readonly FunctionNode[]): boolean {
  const variables = sourceCode.getDeclaredVariables(statement.type === 'VariableDeclaration' ? statement.declarations[0] : statement);
  if (variables.length === 0) return false;
  return variables.every((v) =>
    v.references.every((ref) => {
      const id = ref.identifier as TSESTree.Node;
      return (statement.type === 'VariableDeclaration' && id === statement.declarations[0].id) || fns.some((fn) => within(id, fn));
    }),
  );
}

/** Exactly one text encoding is written, and every return is built from it. */
function sealedEncoding(sourceCode: SourceCode, fn: FunctionNode): SealedForm | undefined {
  const encodings = [...bufferEncodingsIn(fn.body)].filter((e) => e !== 'utf8');
  if (encodings.length !== 1 || !SEALED.has(encodings[0] as SealedForm)) return undefined;
  const sealed = encodings[0] as SealedForm;
  const writers: TSESTree.Node[] = [];
  walk(fn.body, (node) => {
    if (isMethodCall(node, 'toString', 1) && literalString(node.arguments[0]) === sealed) writers.push(node);
  });
  return returnsBuiltFrom(sourceCode, fn, writers) || returnsJoined(sourceCode, fn, sealed) ? sealed : undefined;
}

/** `[iv, data].map((part) => part.toString('base64')).join(':')`. */
function returnsJoined(sourceCode: SourceCode, fn: FunctionNode, sealed: SealedForm): boolean {
  const joins: TSESTree.Node[] = [];
  walk(fn.body, (node) => {
    if (!isMethodCall(node, 'join', 1) || !isMethodCall(node.callee.object, 'map', 1)) return;
    const mapper = node.callee.object.arguments[0];
    if (isFunction(mapper) && mapper.body.type !== 'BlockStatement' && isMethodCall(mapper.body, 'toString', 1) && literalString(mapper.body.arguments[0]) === sealed) joins.push(node);
  });
  return returnsBuiltFrom(sourceCode, fn, joins);
}

/** The decrypted bytes are read once, as UTF-8 text, which decrypt returns; its input is decoded from the sealed encoding only. */
function opensToUtf8(sourceCode: SourceCode, call: ApiCall, fn: FunctionNode, sealed: SealedForm): boolean {
  const use = singleUse(sourceCode, call.node);
  const decoder = use?.parent;
  if (!use || !decoder) return false;
  // `new TextDecoder().decode(plain)` or `Buffer.from(plain).toString('utf8')`.
  const text = isBufferFrom(decoder) ? decoder.parent?.parent : decoder;
  if (!text || utf8TextOf(sourceCode, text) !== use || !returnsValue(sourceCode, fn, text, false)) return false;
  const encodings = bufferEncodingsIn(fn.body);
  if ([...encodings].some((e) => e !== sealed && e !== 'utf8') || !encodings.has(sealed)) return false;
  const decoded: TSESTree.Node[] = [];
  walk(fn.body, (node) => {
    if (isBufferFrom(node) && node.arguments.length === 2 && literalString(node.arguments[1]) === sealed) decoded.push(node.arguments[0]);
  });
  return paramReadAsString(sourceCode, fn, decoded);
}
