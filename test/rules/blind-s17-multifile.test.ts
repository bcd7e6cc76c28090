import * as fs from 'node:fs';
import * as path from 'node:path';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import noKeyReuse from '../../rules/no-key-reuse-across-purposes';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester, createTypedRuleTester, TYPED_FIXTURE_DIR } from './rule-tester';

// Shapes the seventeenth blind set's multi-file applications (*/blind-s17/<project>/, part E) found missed: a hash
// helper module that also exports a type and a helper composed from another helper (`sha256Json(v)` returning
// `sha256(…)`), a key registered in a DI container under a key-named token (tsyringe `register(TOKEN, { useValue })`,
// Nest `{ provide: 'X_SECRET', useValue }`), and a key read from a schema-validated environment
// (`const env = EnvSchema.parse(process.env)`) exported to two modules that use it for different purposes.
const ruleTester = createRuleTester();

const HELPERS = `import { createHash, type BinaryLike } from 'node:crypto';
export type DigestEncoding = 'hex' | 'base64';
export interface DigestOptions { encoding?: DigestEncoding }
export function md5(input: BinaryLike, encoding: DigestEncoding = 'hex'): string {
  return createHash('md5').update(input).digest(encoding);
}
export function sha256(input: BinaryLike, encoding: DigestEncoding = 'hex'): string {
  return createHash('sha256').update(input).digest(encoding);
}
export function sha256Json(value: unknown): string {
  return sha256(JSON.stringify(value));
}`;

ruleTester.run('no-weak-algorithm (blind-s17 hash helper modules)', noWeakAlgorithm, {
  valid: [
    {
      name: 'a helper module exporting types and a helper composed from another helper',
      filename: 'src/utils/crypto.ts',
      code: HELPERS,
    },
  ],
  invalid: [
    {
      name: 'an enum exists at run time (unlike a type): the module exports something else, not a helper module',
      filename: 'src/utils/crypto.ts',
      code: `${HELPERS}\nexport enum DigestVersion { V1 = 1 }`,
      errors: [
        {
          messageId: 'weakHash',
          line: 5,
          suggestions: [
            {
              messageId: 'useSha256',
              output: `${HELPERS.replace("createHash('md5')", "createHash('sha256')")}\nexport enum DigestVersion { V1 = 1 }`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-hardcoded-key (blind-s17 DI registrations)', noHardcodedKey, {
  valid: [
    {
      name: 'a key-named token registered with a key from the environment, and a key id',
      code: `import { container } from 'tsyringe';
const RECEIPT_SIGNING_KEY = Symbol('ReceiptSigningKey');
const RECEIPT_KEY_ID = Symbol('ReceiptKeyId');
container.register(RECEIPT_SIGNING_KEY, { useValue: Buffer.from(process.env.RECEIPT_SIGNING_KEY ?? '', 'base64') });
container.register(RECEIPT_KEY_ID, { useValue: 'kiosk-pilot-2026' });`,
    },
    {
      name: 'a token that is not named for a key',
      code: `import { container } from 'tsyringe';
const BUILD_FINGERPRINT = Symbol('BuildFingerprint');
container.register(BUILD_FINGERPRINT, { useValue: '9c1185a5c5e9fc54612808977ee8f548b2258d31' });`,
    },
  ],
  invalid: [
    {
      name: 'tsyringe useValue under a key-named token',
      code: `import { container } from 'tsyringe';
const RECEIPT_SIGNING_KEY = Symbol('ReceiptSigningKey');
container.register(RECEIPT_SIGNING_KEY, {
  useValue: Buffer.from('q0Nw3mTqk1xJY8mJ2v7C3rWfZ9yQ2n1bX4hKc8dE5sA=', 'base64'),
});`,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 4,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { envVar: 'RECEIPT_SIGNING_KEY', format: 'base64, as written today' },
              output: `import { container } from 'tsyringe';
const RECEIPT_SIGNING_KEY = Symbol('ReceiptSigningKey');
container.register(RECEIPT_SIGNING_KEY, {
  useValue: Buffer.from(requireEnv('RECEIPT_SIGNING_KEY'), 'base64'),
});\n\n/** A secret the service cannot run without: read from the environment, checked at start-up. */\nfunction requireEnv(name: string): string {\n  const value = process.env[name];\n  if (!value) throw new Error(\`Environment variable \${name} is not set: it holds a key that is no longer in the source code.\`);\n  return value;\n}`,
            },
          ],
        },
      ],
    },
    {
      name: 'a Nest provider under a key-named string token',
      code: `export const providers = [
  { provide: 'PARTNER_HMAC_SECRET', useValue: '5d2f0c8e9a7b4c3d1e6f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d' },
];`,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 2,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { envVar: 'PARTNER_HMAC_SECRET', format: 'the same hex string' },
              output: `export const providers = [
  { provide: 'PARTNER_HMAC_SECRET', useValue: requireEnv('PARTNER_HMAC_SECRET') },
];\n\n/** A secret the service cannot run without: read from the environment, checked at start-up. */\nfunction requireEnv(name: string): string {\n  const value = process.env[name];\n  if (!value) throw new Error(\`Environment variable \${name} is not set: it holds a key that is no longer in the source code.\`);\n  return value;\n}`,
            },
          ],
        },
      ],
    },
  ],
});

const fixture = (name: string) => ({ code: fs.readFileSync(path.join(TYPED_FIXTURE_DIR, name), 'utf8'), filename: name });
createTypedRuleTester().run('no-key-reuse-across-purposes (blind-s17, validated environment)', noKeyReuse as never, {
  valid: [{ name: 'a validated-environment key its importer only uses as a MAC key', ...fixture('validated-env-mac-only.ts') }],
  invalid: [
    {
      name: 'a validated-environment key used by one importer for an HMAC and by another for AES',
      ...fixture('validated-env.ts'),
      errors: [{ messageId: 'reused', line: 4, column: 14 }],
    },
  ] as never,
});

// A helper of another module returning fresh key bytes (`return Buffer.from(hkdfSync(…))`, reached through a barrel
// re-export under another name): the caller's binding holds key bytes to wipe, as with a helper of its own file.
createTypedRuleTester().run('require-key-zeroization (blind-s17, imported key-returning helpers)', requireKeyZeroization as never, {
  valid: [{ name: 'wiped in finally; a cached key; a fresh key handed back to the caller', ...fixture('file-key-wiped.ts') }],
  invalid: [
    {
      name: 'a key from an imported HKDF helper used by a decipher and never wiped',
      ...fixture('file-key-open.ts'),
      errors: [{ messageId: 'notWiped', line: 4, suggestions: [{ messageId: 'wrapInTryFinally', output: `import { createDecipheriv } from 'node:crypto';
import { fileKey } from './file-key-index';
export function openFile(master: Uint8Array, fileId: string, iv: Buffer, body: Buffer): Buffer {
  const key = fileKey(master, fileId);
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, iv);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } finally {
    key.fill(0);
  }
}
` }] }],
    },
  ] as never,
});
