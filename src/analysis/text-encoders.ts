import type { TSESTree } from '@typescript-eslint/utils';
import { resolveImportPath } from './imports';
import { isStaticCall, type SourceCode } from './scope';

const NOBLE_TEXT_ENCODERS = new Set(['bytesToHex', 'bytesToUtf8']);
const VIEM_TEXT_ENCODERS = new Set(['bytesToHex', 'toHex']);
const SCURE_TEXT_ENCODERS = new Set(['hex.encode', 'base64.encode', 'base64url.encode', 'base64nopad.encode', 'base64urlnopad.encode', 'base58.encode', 'base32.encode']);

/** Byte-to-text encoders of the libraries whose keys are Uint8Arrays (tweetnacl-util, libsodium, jose, noble, scure, ethers, viem), by path in the module. */
const TEXT_ENCODERS: Readonly<Record<string, ReadonlySet<string>>> = {
  'tweetnacl-util': new Set(['encodeBase64', 'encodeUTF8']),
  'libsodium-wrappers': new Set(['to_base64', 'to_hex', 'to_string']),
  'libsodium-wrappers-sumo': new Set(['to_base64', 'to_hex', 'to_string']),
  jose: new Set(['base64url.encode']),
  ...Object.fromEntries(
    ['@noble/hashes/utils', '@noble/ciphers/utils', '@noble/curves/abstract/utils', '@noble/curves/utils'].flatMap((m) => [
      [m, NOBLE_TEXT_ENCODERS],
      [`${m}.js`, NOBLE_TEXT_ENCODERS],
    ]),
  ),
  '@scure/base': SCURE_TEXT_ENCODERS,
  // Wallet libraries hand keys around as `0x…` text: `hexlify(privateKeyBytes)` is the key as a string.
  ethers: new Set(['hexlify', 'ethers.hexlify', 'utils.hexlify', 'ethers.utils.hexlify', 'encodeBase64', 'encodeBase58']),
  '@ethersproject/bytes': new Set(['hexlify']),
  viem: VIEM_TEXT_ENCODERS,
  'viem/utils': VIEM_TEXT_ENCODERS,
};

/** A call that turns its first argument's bytes into text: a library encoder, or `Array.from(bytes, (b) => …)`. */
export function isTextEncoding(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (call.arguments.length === 2 && isStaticCall(call, 'Array', 'from')) {
    const mapper = call.arguments[1];
    return mapper.type === 'ArrowFunctionExpression' || mapper.type === 'FunctionExpression';
  }
  const resolved = resolveImportPath(sourceCode, callee);
  return resolved?.module !== undefined && resolved.path.length > 0 && (TEXT_ENCODERS[resolved.module]?.has(resolved.path.join('.')) ?? false);
}

