import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { apiCallAt, argsWithRole } from './api-calls';
import { localFunctionOf } from './local-functions';
import { memberName, type SourceCode } from './scope';

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
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent !== except && parent.arguments.includes(id as TSESTree.CallExpressionArgument)) {
      if (isLibraryTextEncoder(sourceCode, parent.callee)) continue;
      const api = apiCallAt(sourceCode, parent);
      if (!api || api.api.operation === 'random' || argsWithRole(api, 'output').includes(id)) return true;
    }
  }
  return false;
}

/** Encoders that turn bytes into text (`bytesToHex(nonce)`, `encodeBase64(iv)`, `btoa(…)`): they read their argument. */
const BYTES_TO_TEXT = /^(?:bytesTo(?:Hex|Utf8|Base64|Base64url|String)|(?:encode|to)(?:Hex|Base64|Base64Url|Base58|Utf8)|hexlify|btoa)$/i;

/** A call of an imported or global bytes-to-text encoder (a local function of that name may do anything). */
function isLibraryTextEncoder(sourceCode: SourceCode, callee: TSESTree.Node): boolean {
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? memberName(callee) : undefined;
  return name !== undefined && BYTES_TO_TEXT.test(name) && !localFunctionOf(sourceCode, callee);
}
