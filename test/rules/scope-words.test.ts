import noHardcodedKey from '../../rules/no-hardcoded-key';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Session 25: a word that usually names where a key is kept (`file`, `url`, `uri`, `header`, `id`) says where the key
// is used when a key's qualifier follows it: `URL_SIGNING_SECRET` signs a CDN's URLs, `FILE_ENCRYPTION_KEY` encrypts
// files, as `FIELD_ENCRYPTION_KEY` already encrypted fields (names.ts SCOPE_WORDS, shared by key-names.ts). After
// the key's words it is what the name names: `urlSigningKeyId`, `ENCRYPTION_KEY_FILE`, `SIGNING_KEY_URL`.
createRuleTester().run('no-hardcoded-key (scope words)', noHardcodedKey, {
  valid: [
    {
      name: "a CDN's URL-signing key id and key file path",
      code: [
        "import { signUrl } from './cdn';",
        'export const config = {',
        "  cdn: { host: 'https://media.example-cdn.net', urlSigningKeyId: 'K2JCJMDEHXQW5FZ7', urlSigningKeyFile: '/run/secrets/cdn-url-signing.pem' },",
        '};',
        'export const link = (path, key) => signUrl(path, config.cdn.urlSigningKeyId, key);',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: "a CDN's URL-signing secret written in the config",
      code: [
        "import { signUrl } from './cdn';",
        'export const config = {',
        "  cdn: { host: 'https://media.example-cdn.net', urlSigningSecret: 'Vh3qL9xT2mZr8KpW4sYd7NcB6gFj1aQe' },",
        '};',
        'export const link = (path) => signUrl(path, config.cdn.urlSigningSecret);',
      ].join('\n'),
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 3,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { envVar: 'CDN_URL_SIGNING_SECRET', format: 'the same string' },
              output: [
                "import { signUrl } from './cdn';",
                'export const config = {',
                "  cdn: { host: 'https://media.example-cdn.net', urlSigningSecret: requireEnv('CDN_URL_SIGNING_SECRET') },",
                '};',
                'export const link = (path) => signUrl(path, config.cdn.urlSigningSecret);',
                '',
                '/** A secret the service cannot run without: read from the environment, checked at start-up. */',
                'function requireEnv(name: string): string {',
                '  const value = process.env[name];',
                '  if (!value) throw new Error(`Environment variable ${name} is not set: it holds a key that is no longer in the source code.`);',
                '  return value;',
                '}',
                              ].join('\n'),
            },
          ],
        },
      ],
    },
  ],
});

createRuleTester().run('require-key-zeroization (scope words)', requireKeyZeroization, {
  valid: [
    {
      name: 'the bytes of a key file path are no key',
      code: [
        "import { encryptStream } from './streams';",
        'export async function archive(input, output, readKey) {',
        "  const encryptionKeyFile = Buffer.from(process.env.ENCRYPTION_KEY_FILE, 'utf8');",
        '  await encryptStream(input, output, await readKey(encryptionKeyFile));',
        '}',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'a file-encryption key decoded from the environment and handed to a helper',
      code: [
        "import { encryptStream } from './streams';",
        'export async function archive(input, output) {',
        "  const fileEncryptionKey = Buffer.from(process.env.FILE_ENCRYPTION_KEY, 'base64');",
        '  await encryptStream(input, output, fileEncryptionKey);',
        '}',
      ].join('\n'),
      errors: [
        {
          messageId: 'notWiped',
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { name: 'fileEncryptionKey', what: 'a copy of a secret', wipe: 'fileEncryptionKey.fill(0)' },
              output: [
                "import { encryptStream } from './streams';",
                'export async function archive(input, output) {',
                "  const fileEncryptionKey = Buffer.from(process.env.FILE_ENCRYPTION_KEY, 'base64');",
                '  try {',
                '    await encryptStream(input, output, fileEncryptionKey);',
                '  } finally {',
                '    fileEncryptionKey.fill(0);',
                '  }',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
  ],
});

createRuleTester().run('no-plaintext-data-key-exposure (scope words)', noPlaintextDataKeyExposure, {
  valid: [
    {
      name: 'the URL of a signing key is logged, not the key',
      code: [
        'export function boot(logger) {',
        '  const signingKeyUrl = process.env.URL_SIGNING_KEY_URL;',
        '  logger.info(`cdn signing key at ${signingKeyUrl}`);',
        '}',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'a URL-signing secret logged at start-up',
      code: [
        'export function boot(logger) {',
        '  const urlSigningSecret = process.env.URL_SIGNING_SECRET;',
        '  logger.info(`cdn signing with ${urlSigningSecret}`);',
        '}',
      ].join('\n'),
      errors: [{ messageId: 'secretLogged', line: 3 }],
    },
  ],
});
