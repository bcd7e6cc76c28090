import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Shapes the thirty-first blind set (part C: developer tools, CLIs and SDK libraries — login commands, `.env`
// encryptors, key generators, self-updaters) found missed: a key file's encoding options chosen by a `--legacy` flag
// (`legacy ? { cipher: 'des-ede3-cbc', … } : { cipher: 'aes-256-cbc', … }` bound to a const); a downloaded binary's digest
// compared with the published checksum after both were computed in one `await Promise.all([…])`; and a key decoded by a
// helper that another local helper only hands on (`resolveKey(opts)` returning `loadKey(…)` in every branch). Probing
// the domain after the set found two private-key formats of release signing tools that were not recognised: cosign's
// `ENCRYPTED SIGSTORE PRIVATE KEY` (and 1.x's `ENCRYPTED COSIGN PRIVATE KEY`) and a minisign secret key line.

const ruleTester = createRuleTester();

const KEY_FILE_ENCODING = `import { generateKeyPairSync } from 'node:crypto';
export function generate(legacy, passphrase) {
  const privateKeyEncoding = legacy
    ? { type: 'pkcs1', format: 'pem', cipher: '__LEGACY__', passphrase }
    : { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase };
  const publicKeyEncoding = { type: 'spki', format: 'pem' };
  return generateKeyPairSync('ed25519', { publicKeyEncoding, privateKeyEncoding });
}
`;

const DOWNLOAD_CHECK = `import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
async function fileDigest(algorithm, path) {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}
async function publishedChecksum(url) {
  const res = await fetch(url);
  return (await res.text()).trim().split(/\\s+/)[0];
}
export async function verifyDownload(url, path) {
  const [expected, actual] = await Promise.all([publishedChecksum(\`\${url}.sha1\`), fileDigest('__ALG__', path)]);
  if (expected !== actual) throw new Error('checksum mismatch');
}
`;

ruleTester.run('no-weak-algorithm (blind-s31 devtools shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'a key file encoding chosen by a flag whose branches both use AES',
      code: KEY_FILE_ENCODING.replace('__LEGACY__', 'aes-128-cbc'),
    },
    {
      name: 'a file digest from Promise.all that is only printed is a fingerprint',
      code: `import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
async function fileDigest(algorithm, path) {
  const hash = createHash(algorithm);
  for await (const chunk of createReadStream(path)) hash.update(chunk);
  return hash.digest('hex');
}
export async function describeBuild(path) {
  const [info, digest] = await Promise.all([stat(path), fileDigest('sha1', path)]);
  console.log(\`\${path}: \${info.size} bytes, \${digest}\`);
}
`,
    },
  ],
  invalid: [
    {
      name: 'a key file encoding chosen by a --legacy flag writes the key under 3DES in one branch',
      code: KEY_FILE_ENCODING.replace('__LEGACY__', 'des-ede3-cbc'),
      errors: [{ messageId: 'weakKeyFileCipher', line: 4 }],
    },
    {
      name: 'a download checked against its published SHA-1 after an await Promise.all',
      code: DOWNLOAD_CHECK.replace('__ALG__', 'sha1'),
      errors: [
        {
          messageId: 'weakHash',
          line: 13,
          suggestions: [{ messageId: 'useSha256Migrate', output: DOWNLOAD_CHECK.replace('__ALG__', 'sha256') }],
        },
      ],
    },
  ],
});

ruleTester.run('min-key-strength (blind-s31 devtools shapes)', minKeyStrength, {
  valid: [
    {
      name: 'key pair options chosen by a flag, both branches at least 2048 bits',
      code: `import { generateKeyPairSync } from 'node:crypto';
export function generate(legacy) {
  const options = legacy ? { modulusLength: 2048 } : { modulusLength: 4096 };
  return generateKeyPairSync('rsa', options);
}
`,
    },
  ],
  invalid: [
    {
      name: 'key pair options chosen by a flag, the legacy branch at 1024 bits',
      code: `import { generateKeyPairSync } from 'node:crypto';
export function generate(legacy) {
  const options = legacy ? { modulusLength: 1024 } : { modulusLength: 4096 };
  return generateKeyPairSync('rsa', options);
}
`,
      errors: [{ messageId: 'smallModulus', line: 3 }],
    },
  ],
});

const KEY_RESOLVER = `import { createHmac } from 'node:crypto';
function loadKey(hex) {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('the key must be 64 hex digits');
  return Buffer.from(hex, 'hex');
}
function resolveKey(opts) {
  if (process.env.SIGNING_KEY) return loadKey(process.env.SIGNING_KEY);
  return loadKey(opts.key);
}
`;

const SIGN_WIPED = `${KEY_RESOLVER}export function sign(opts, data) {
  const key = resolveKey(opts);
  try {
    return createHmac('sha256', key).update(data).digest('hex');
  } finally {
    key.fill(0);
  }
}
`;

ruleTester.run('require-key-zeroization (blind-s31 devtools shapes)', requireKeyZeroization, {
  valid: [
    {
      name: 'the key a forwarding helper hands on is wiped in finally',
      code: SIGN_WIPED,
    },
    {
      name: 'a helper that may return a cached key is not a decoder: its callers do not own the bytes',
      code: `${KEY_RESOLVER}let cached;
function currentKey(opts) {
  if (cached) return cached;
  return resolveKey(opts);
}
export function sign(opts, data) {
  const key = currentKey(opts);
  return createHmac('sha256', key).update(data).digest('hex');
}
`,
    },
  ],
  invalid: [
    {
      name: 'a key decoded by a helper that another helper hands on, never wiped',
      code: `${KEY_RESOLVER}export function sign(opts, data) {
  const key = resolveKey(opts);
  return createHmac('sha256', key).update(data).digest('hex');
}
`,
      errors: [{ messageId: 'notWiped', line: 11, suggestions: [{ messageId: 'wrapInTryFinally', output: SIGN_WIPED }] }],
    },
  ],
});

const COSIGN_BODY =
  'eyJrZGYiOnsibmFtZSI6InNjcnlwdCIsInBhcmFtcyI6eyJOIjozMjc2OCwiciI6\\nOCwicCI6MX0sInNhbHQiOiJrUE5TVVRINnlVVkY3c1BkMEdCYlFPM0RjWWhiZElN\\n' +
  'ZzNvOW1BWEN1VUpZPSJ9LCJjaXBoZXIiOnsibmFtZSI6Im5hY2wvc2VjcmV0Ym94\\nIiwibm9uY2UiOiJFcjB5NzY5TGJ5aktWYmllOExwWEt5ejQxNVNtTU9HMCJ9LCJj\\n' +
  'aXBoZXJ0ZXh0IjoiVXc0ZzFhWnNjY0VybkJzcVNaTXlrczJZK0trei80OUJFSnhT\\nTGtFdmhsQjkzdUZMTnJrNG4wb1lDT0RNbDY4dFkzSUN0citPV3ZpcmcwdGJvZjVr\\n' +
  'QTVvUE9CMVh2eFNYRzdxTTdRRUpvT1E2bVF4TStKbmdwMUt5Ri9HMkZDK0pCUExF\\nIn0=';
const MINISIGN_SECRET =
  'RWRTY0Iy0MpzLuWB8/fH+EPQf7+40e782PGLnnM5Swh7yef5tNcAAAACAAAAAAAAAEAAAAAAsyDGcr3JeqVwlWVeC1yev0eEzwf4s1DYTdT5ilkZQcuTL8Ss5pN9TbS35ivN0bbfhf3cU/QPLANyxFgNibjivT1kQWA9yeW8j9VbR+JKSDnwGHmVyErrtlLiVl1l+9znWtxQtn45gBI=';

ruleTester.run('no-hardcoded-key (blind-s31 devtools shapes)', noHardcodedKey, {
  valid: [
    {
      name: "a cosign key's BEGIN/END lines around a placeholder in a README snippet",
      code: `export const EXAMPLE = '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\\n...\\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\\n';
`,
    },
    {
      name: 'a minisign public key embedded to verify releases',
      code: `export const RELEASE_PUBLIC_KEY = 'RWReg8T2KSaZ1R0zblq0CL8Jy1kMjUOfRXH34wgrJK8tH0vLflL3h9Vi';
`,
    },
  ],
  invalid: [
    {
      name: 'a cosign encrypted private key kept in source',
      code: `export const NIGHTLY = '-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\\n${COSIGN_BODY}\\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----\\n';
`,
      errors: [{ messageId: 'embeddedPrivateKey', line: 1 }],
    },
    {
      name: "a cosign 1.x key file's armour",
      code: `export const LEGACY = '-----BEGIN ENCRYPTED COSIGN PRIVATE KEY-----\\n${COSIGN_BODY}\\n-----END ENCRYPTED COSIGN PRIVATE KEY-----\\n';
`,
      errors: [{ messageId: 'embeddedPrivateKey', line: 1 }],
    },
    {
      name: 'a minisign secret key file written by a release script',
      code: `import { writeFileSync } from 'node:fs';
writeFileSync('minisign.key', 'untrusted comment: minisign encrypted secret key\\n${MINISIGN_SECRET}\\n');
`,
      errors: [{ messageId: 'embeddedPrivateKey', line: 2 }],
    },
  ],
});
