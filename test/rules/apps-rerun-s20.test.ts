import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Found re-running the application lists after blind round s21 (docs/benchmark-review.md): @solana/web3.js'
// `toBuffer(arr)` returns a Buffer argument itself and a Uint8Array as a view of its memory, and copies only
// other inputs. Its result may be the caller's own key bytes: wiping them would wipe the caller's key, so the
// binding is not a copy of a secret to wipe. A helper that always decodes (a copy on every path) still is.

const ruleTester = createRuleTester();

const signer = (helper: string) =>
  `import nacl from 'tweetnacl';\n${helper}\nexport function sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {\n  const secretKeyBuffer = toBuffer(secretKey);\n  return nacl.sign.detached(message, secretKeyBuffer);\n}\n`;

ruleTester.run('require-key-zeroization (application lists, session 20)', requireKeyZeroization, {
  valid: [
    {
      name: 'a helper that may return its argument itself or a view of it is not a copy to wipe',
      code: signer(
        'const toBuffer = (arr: Uint8Array | number[]): Buffer => {\n  if (Buffer.isBuffer(arr)) return arr;\n  if (arr instanceof Uint8Array) return Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength);\n  return Buffer.from(arr);\n};',
      ),
    },
  ],
  invalid: [
    {
      name: 'a helper that copies on every path hands each caller a copy of the secret',
      code: signer('const toBuffer = (arr: Uint8Array | number[]): Buffer => Buffer.from(arr);'),
      errors: [
        {
          messageId: 'notWiped',
          data: { name: 'secretKeyBuffer', what: 'a copy of a secret', wipe: 'secretKeyBuffer.fill(0)' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { name: 'secretKeyBuffer', wipe: 'secretKeyBuffer.fill(0)' },
              output:
                "import nacl from 'tweetnacl';\nconst toBuffer = (arr: Uint8Array | number[]): Buffer => Buffer.from(arr);\nexport function sign(message: Uint8Array, secretKey: Uint8Array): Uint8Array {\n  const secretKeyBuffer = toBuffer(secretKey);\n  try {\n    return nacl.sign.detached(message, secretKeyBuffer);\n  } finally {\n    secretKeyBuffer.fill(0);\n  }\n}\n",
            },
          ],
        },
      ],
    },
  ],
});
