import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';

// Shapes the blind set s33 part E (password managers, team secret vaults and credential tooling: vault unlock and
// KDF settings, per-item keys, sharing, TOTP, breach checks, CLIs that inject secrets, CI secret sync) found
// misreported: the fallback of an environment variable that names where a key is kept (`…_SECRET_ID`), the bare `key`
// of an object named for a public key (GitHub's repository public key response), the values of a secrets object
// logged one by one in a `for…of` over `Object.entries`, and a tagged union's member read under a test of its tag
// (`if (kdf.type === 'pbkdf2') … kdf.iterations`) that took the other variants' costs too. The guards: key-shaped text
// under such a variable, a bare `key` of an object named for nothing public, entries of an object that is not a
// secret, and the tag's own variant with a low cost.

const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key (blind-s33 password-manager shapes)', noHardcodedKey, {
  valid: [
    {
      name: 'a secret id as the default of a variable named for the id, under a key-named member',
      code: `export const SECRET_IDS = {\n  githubAppPrivateKey: process.env.GITHUB_APP_KEY_SECRET_ID ?? 'team/ci-sync/github-app-key',\n};\n`,
    },
    {
      name: 'the bare key of an object named for a public key',
      code: `export const SAMPLE_PUBLIC_KEY_RESPONSE = {\n  key_id: '568250167242549743',\n  key: 'p9lrQicEWkqUIH/Ub4OYLTQ7qVDqAXcIgT8xIVP4cSU=',\n};\n`,
    },
  ],
  invalid: [
    {
      name: 'key-shaped text behind a variable named for an id is still a key',
      code: `export const SECRET_IDS = {\n  githubAppPrivateKey: process.env.GITHUB_APP_KEY_SECRET_ID ?? '98c913d896994eac317ee28c2c02af1523a9d27cb14370acd786257bb6c2020a',\n};\n`,
      errors: [
        {
          messageId: 'hardcodedFallback',
          line: 2,
          column: 64,
          suggestions: [{ messageId: 'readFromEnvironment', output: `export const SECRET_IDS = {\n  githubAppPrivateKey: requireEnv('GITHUB_APP_KEY_SECRET_ID'),\n};` + REQUIRE_ENV_TS + '\n' }],
        },
      ],
    },
    {
      name: 'the bare key of an object named for nothing public',
      code: `export const WEBHOOK_SIGNING = {\n  key_id: 'whk-1',\n  key: 'HrRjzadrVBnQeWw/cySLC7NkVofr/qXa469JiJKlXn8=',\n};\n`,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 3,
          column: 8,
          suggestions: [{ messageId: 'readFromEnvironment', output: `export const WEBHOOK_SIGNING = {\n  key_id: 'whk-1',\n  key: requireEnv('WEBHOOK_SIGNING_KEY'),\n};` + REQUIRE_ENV_TS + '\n' }],
        },
      ],
    },
  ],
});

const LOGGED_ENTRIES = (collection: string, binding: string) =>
  `import { loadItemFields } from './vault';\nexport async function run(ref) {\n  const ${collection} = await loadItemFields(ref);\n  for (const [name, ${binding}] of Object.entries(${collection})) {\n    console.debug(\`\${name}=\${${binding}}\`);\n  }\n}\n`;

ruleTester.run('no-plaintext-data-key-exposure (blind-s33 password-manager shapes)', noPlaintextDataKeyExposure, {
  valid: [
    {
      name: 'only the names of the secrets are logged',
      code: `import { loadItemFields } from './vault';\nexport async function run(ref) {\n  const secrets = await loadItemFields(ref);\n  for (const [name] of Object.entries(secrets)) console.debug(name);\n}\n`,
    },
    {
      name: 'the values of an object that holds no secrets',
      code: LOGGED_ENTRIES('settings', 'value'),
    },
  ],
  invalid: [
    {
      name: 'each value of a secrets object logged in a for…of over Object.entries',
      code: LOGGED_ENTRIES('secrets', 'value'),
      errors: [{ messageId: 'secretLogged', line: 5 }],
    },
    {
      name: 'each value of a secrets object logged in a for…of over Object.values',
      code: `import { loadItemFields } from './vault';\nexport async function run(ref) {\n  const secrets = await loadItemFields(ref);\n  for (const value of Object.values(secrets)) console.log('field', value);\n}\n`,
      errors: [{ messageId: 'secretLogged', line: 4 }],
    },
  ],
});

const TAGGED_KDF = (pbkdf2Iterations: string) => `import { webcrypto } from 'node:crypto';
type KdfConfig = { type: 'pbkdf2'; iterations: number } | { type: 'argon2id'; iterations: number; memoryKiB: number };
export const DEFAULT_KDF: KdfConfig = { type: 'pbkdf2', iterations: ${pbkdf2Iterations} };
export const ARGON2_DEFAULT: KdfConfig = { type: 'argon2id', iterations: 3, memoryKiB: 65536 };
export function kdfFor(stored: Partial<KdfConfig>): KdfConfig {
  return stored.type === 'argon2id' ? { ...ARGON2_DEFAULT, ...stored } : DEFAULT_KDF;
}
export async function derive(password: Uint8Array, salt: Uint8Array, kdf: KdfConfig) {
  const base = await webcrypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
  if (kdf.type === 'pbkdf2') return webcrypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: kdf.iterations }, base, 256);
  throw new Error('argon2id is derived elsewhere');
}
`;

ruleTester.run('min-key-strength (blind-s33 password-manager shapes)', minKeyStrength, {
  valid: [
    {
      name: "a tagged union's iterations read under a test of its tag: the other variant's passes are not PBKDF2's",
      code: TAGGED_KDF('600_000'),
    },
  ],
  invalid: [
    {
      name: "the tag's own variant with a low count is still reported, on the constant",
      code: TAGGED_KDF('100_000'),
      errors: [{ messageId: 'lowIterations', line: 3 }],
    },
  ],
});

// Lead, session 33: Pwned Passwords' range API indexes breached passwords by SHA-1; a client sends five hex digits of the
// password's digest and matches the suffixes locally (k-anonymity). That digest is the API's lookup key, not a stored
// password hash. The guard: the same SHA-1 of a password kept as its hash, with no such API in the file.
ruleTester.run('no-weak-algorithm (breach check by hash prefix)', noWeakAlgorithm, {
  valid: [
    `import { createHash } from 'node:crypto';
const RANGE_API = 'https://api.pwnedpasswords.com/range/';
export async function isBreached(password: string): Promise<boolean> {
  const hex = createHash('sha1').update(password).digest('hex').toUpperCase();
  const res = await fetch(RANGE_API + hex.slice(0, 5), { headers: { 'Add-Padding': 'true' } });
  return (await res.text()).split('\\n').some((line) => line.startsWith(hex.slice(5)));
}`,
  ],
  invalid: [
    {
      code: `import { createHash } from 'node:crypto';
export function passwordHash(password: string): string {
  return createHash('sha1').update(password).digest('hex');
}`,
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              output: `import { createHash } from 'node:crypto';
export function passwordHash(password: string): string {
  return createHash('sha256').update(password).digest('hex');
}`,
            },
          ],
        },
      ],
    },
  ],
});

// Lead, session 34: a favicon service caches icons by the MD5 of the site's host name. A host name is public, so its
// digest names it; nothing is hidden or verified. The guard: the same digest compared with request data is a check.
ruleTester.run('no-weak-algorithm (digest of a public locator)', noWeakAlgorithm, {
  valid: [
    `import md5 from 'blueimp-md5';
const ICON_HOST = 'https://icons.example.io';
export function iconUrl(uri: string): string {
  const host = new URL(uri).hostname.replace(/^www\\./, '');
  return \`\${ICON_HOST}/\${md5(host)}/icon.png\`;
}`,
  ],
  invalid: [
    {
      code: `import md5 from 'blueimp-md5';
export function checkHost(host: string, signature: string): boolean {
  return md5(host) === signature;
}`,
      errors: [{ messageId: 'weakHash', line: 3 }],
    },
  ],
});
