import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { apiCallAt, argsWithRole } from './api-calls';
import { localFunctionOf } from './local-functions';
import { memberName, unwrapExpression, type SourceCode } from './scope';
import { DB_METHODS, PERSISTENT_STORE_NAME, STORE_QUERY_METHODS } from '../model/sinks';

/** Methods that write into a buffer: one built with them is not the zeros it was allocated as. */
const MUTATING_METHODS = /^(?:write|fill$|set$|copy$|increment|randomFill)/;

/**
 * Written into after allocation: `nonce.writeUInt32BE(…)`, `getRandomValues(buf)`,
 * `buf[i] = …`, or handed to a call that may fill it (`randomFillSync(buf)`,
 * `src.copy(buf)`, sodium-native's `crypto_kdf_keygen(buf)`, an unmodelled helper). `except` is
 * the sink itself, which reads it.
 */
export function isBufferWritten(sourceCode: SourceCode, variable: TSESLint.Scope.Variable, except?: TSESTree.Node): boolean {
  for (const ref of variable.references) {
    const id = ref.identifier as TSESTree.Node;
    const parent = id.parent;
    if (!parent || !ref.isRead()) continue;
    if (parent.type === 'MemberExpression' && parent.object === id) {
      const name = memberName(parent);
      const grand = parent.parent;
      if (grand?.type === 'CallExpression' && grand.callee === parent && name && MUTATING_METHODS.test(name)) return true;
      if (parent.computed && grand?.type === 'AssignmentExpression' && grand.left === parent) return true;
      if (parent.computed && grand?.type === 'UpdateExpression') return true;
    }
    if (handedToFiller(sourceCode, id, except)) return true;
    // `new DataView(nonce.buffer)`, `new Uint32Array(nonce.buffer)`: a view over the same memory, made to write through it.
    if (parent.type === 'MemberExpression' && parent.object === id && !parent.computed && memberName(parent) === 'buffer' && handedToFiller(sourceCode, parent, except)) return true;
  }
  return false;
}

/** `arg` is an argument of a call that may fill it: an unmodelled helper or constructor, a random fill, a modelled output. */
function handedToFiller(sourceCode: SourceCode, arg: TSESTree.Node, except: TSESTree.Node | undefined): boolean {
  const call = arg.parent;
  if (!call || (call.type !== 'CallExpression' && call.type !== 'NewExpression') || call === except || !call.arguments.includes(arg as TSESTree.CallExpressionArgument)) return false;
  if (isLibraryTextEncoder(sourceCode, call.callee)) return false;
  if (call.type === 'CallExpression' && isStatementParameterCall(call)) return false;
  const api = apiCallAt(sourceCode, call);
  return !api || api.api.operation === 'random' || argsWithRole(api, 'output').includes(arg);
}

/** Encoders that turn bytes into text (`bytesToHex(nonce)`, `encodeBase64(iv)`, `btoa(…)`): they read their argument. */
const BYTES_TO_TEXT = /^(?:bytesTo(?:Hex|Utf8|Base64|Base64url|String)|(?:encode|to)(?:Hex|Base64|Base64Url|Base58|Utf8)|hexlify|btoa)$/i;

/** A call of an imported or global bytes-to-text encoder (a local function of that name may do anything). */
function isLibraryTextEncoder(sourceCode: SourceCode, callee: TSESTree.Node): boolean {
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? memberName(callee) : undefined;
  return name !== undefined && BYTES_TO_TEXT.test(name) && !localFunctionOf(sourceCode, callee);
}

/** Methods that run a prepared statement with the values given (D1, better-sqlite3, node:sqlite, libsql). */
const STATEMENT_METHODS: ReadonlySet<string> = new Set(['bind', 'run', 'all', 'get', 'first', 'raw', 'iterate', 'values']);

/**
 * A database call that stores or queries with the values it is given, which it only reads: a prepared
 * statement's parameters (`db.prepare(sql).bind(id, iv, ct)`, `stmt.run(iv)` on a chain from `prepare(…)`),
 * or a write of a store named as one (`db.insert(…)`, `pool.query(sql, [iv])`). An IV stored next to its
 * ciphertext is not filled by the store.
 */
function isStatementParameterCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return false;
  const name = memberName(callee);
  if (!name) return false;
  let receiver: TSESTree.Node = unwrapExpression(callee.object);
  let preparedChain = false;
  for (let i = 0; i < 8; i++) {
    if (receiver.type === 'CallExpression') {
      const inner = unwrapExpression(receiver.callee);
      if (inner.type === 'MemberExpression' && memberName(inner) === 'prepare') preparedChain = true;
      receiver = inner.type === 'MemberExpression' ? unwrapExpression(inner.object) : inner;
    } else if (receiver.type === 'MemberExpression') {
      receiver = unwrapExpression(receiver.object);
    } else break;
  }
  if (preparedChain && STATEMENT_METHODS.has(name)) return true;
  const rootName = receiver.type === 'Identifier' ? receiver.name : undefined;
  const ownerName = callee.object.type === 'MemberExpression' ? memberName(callee.object) : rootName;
  return (DB_METHODS.has(name) || STORE_QUERY_METHODS.has(name)) && PERSISTENT_STORE_NAME.test(ownerName ?? '');
}
