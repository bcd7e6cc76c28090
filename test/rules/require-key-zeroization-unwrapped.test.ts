import rule from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

/**
 * Decrypted bytes that a modelled call then uses as a key are key material (a
 * data key wrapped with RSA and opened with privateDecrypt); decrypted bytes
 * used as data are not.
 */
const ruleTester = createRuleTester();

ruleTester.run('require-key-zeroization (unwrapped keys)', rule, {
  valid: [
    {
      name: 'WebCrypto unwrapKey gives a CryptoKey: no bytes to wipe',
      code: `export async function unwrapCek(kek: CryptoKey, encryptedKey: Uint8Array) {
  const cek = await crypto.subtle.unwrapKey('raw', encryptedKey, kek, 'AES-KW', { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', cek, new Uint8Array(8));
}`,
    },
    {
      name: 'a decrypted message is data, not a key',
      code: `const { privateDecrypt } = require('node:crypto');
function readNote(privateKey, sealed) {
  const message = privateDecrypt(privateKey, sealed);
  return message.toString('utf8');
}
module.exports = { readNote };`,
    },
    {
      name: 'an unwrapped key wiped in finally',
      code: `const { privateDecrypt, createDecipheriv } = require('node:crypto');
function openRecord(privateKey, wrappedKey, iv, body) {
  const dataKey = privateDecrypt(privateKey, wrappedKey);
  try {
    return createDecipheriv('aes-256-gcm', dataKey, iv).update(body);
  } finally {
    dataKey.fill(0);
  }
}
module.exports = { openRecord };`,
    },
  ],
  invalid: [
    {
      name: 'a data key unwrapped with RSA-OAEP and never wiped',
      code: `const { privateDecrypt, createDecipheriv } = require('node:crypto');
function openRecord(privateKey, wrappedKey, iv, body) {
  const dataKey = privateDecrypt(privateKey, wrappedKey);
  return createDecipheriv('aes-256-gcm', dataKey, iv).update(body);
}
module.exports = { openRecord };`,
      errors: [
        {
          messageId: 'notWiped',
          line: 3,
          column: 9,
          data: { name: 'dataKey', what: 'an unwrapped key', wipe: 'dataKey.fill(0)' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `const { privateDecrypt, createDecipheriv } = require('node:crypto');
function openRecord(privateKey, wrappedKey, iv, body) {
  const dataKey = privateDecrypt(privateKey, wrappedKey);
  try {
    return createDecipheriv('aes-256-gcm', dataKey, iv).update(body);
  } finally {
    dataKey.fill(0);
  }
}
module.exports = { openRecord };`,
            },
          ],
        },
      ],
    },
  ],
});
