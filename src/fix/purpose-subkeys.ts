import type { TSESTree } from '@typescript-eslint/utils';
import { isAsymmetricKey, type KeyUse, type TrackedKey } from '../analysis/key-tracking';
import type { SourceCode } from '../analysis/scope';
import { stringValues } from '../analysis/values';
import { cryptoFunctions } from './crypto-imports';
import type { TextEdit } from './edits';

/**
 * The key-reuse fix: each use of one key by node:crypto gets its own subkey,
 * derived with HKDF-SHA256 and an `info` label naming the purpose
 * (`keywarden:encrypt`, `keywarden:mac`…), so encryption and decryption still
 * agree while a MAC key can no longer double as the encryption key. Uses
 * through a namespace (`crypto.createHmac`) call `crypto.hkdfSync`; uses
 * through named imports get `hkdfSync` added to the import. Undefined for
 * KMS keys, CryptoKeys, private keys of a key pair (HKDF output is not an
 * RSA/EC key: those need a separate key pair per purpose), or any use
 * outside node:crypto.
 */
export function purposeSubkeyEdits(sourceCode: SourceCode, key: TrackedKey): TextEdit[] | undefined {
  if (key.origin === 'kms' || key.id.startsWith('cryptokey@') || isAsymmetricKey(key)) return undefined;
  const edits: TextEdit[] = [];
  const imports = new Map<string, TextEdit>();
  for (const use of key.uses) {
    if (use.purpose === 'kdf-input') continue; // already the right pattern
    const call = use.call;
    if (call.library.id !== 'node:crypto' || call.receiver || call.node.type !== 'CallExpression') return undefined;
    const crypto = cryptoFunctions(sourceCode, call.node, ['hkdfSync']);
    if (!crypto) return undefined;
    for (const edit of crypto.edits) imports.set(edit.range.join(':'), edit);
    const hkdf = crypto.refs.hkdfSync;
    edits.push({ range: use.arg.range, text: `Buffer.from(${hkdf}('sha256', ${sourceCode.getText(use.arg)}, new Uint8Array(0), 'keywarden:${use.purpose}', ${keyLength(sourceCode, use)}))` });
  }
  return edits.length > 0 ? [...edits, ...imports.values()] : undefined;
}

/** AES key size from the cipher name (`aes-128-gcm` → 16); 32 bytes otherwise. */
function keyLength(sourceCode: SourceCode, use: KeyUse): number {
  if (use.purpose !== 'encrypt') return 32;
  const algorithm = use.call.args.find((a) => a.role === 'algorithm');
  const name = algorithm ? stringValues({ sourceCode }, algorithm.node as TSESTree.Node)[0]?.value : undefined;
  const bits = typeof name === 'string' ? /(128|192|256)/.exec(name)?.[1] : undefined;
  return bits ? Number(bits) / 8 : 32;
}
