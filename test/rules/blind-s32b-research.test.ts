import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Shapes the blind set s32b part E (research, laboratory and scientific data platforms: LIMS and notebooks, instrument
// collectors, genomic data sharing, trial randomisation, de-identification, dataset publishing) found missed: a
// dataset file's MD5 computed in a helper that wraps a stream in `new Promise((resolve) => … resolve(h.digest()))` and
// compared by the caller with the checksum the repository publishes (decision 11: an integrity check), and codes from
// `Math.random` that enrol a device or unblind a trial participant (decision 16: tokens). The guards: the same helper's
// digest only written to a manifest (a fingerprint), a `new Promise` of another kind, and codes that name no credential.

const ruleTester = createRuleTester();

const MD5_OF_FILE = `function fileMd5(path) {
  return new Promise((resolve, reject) => {
    const h = createHash('md5');
    createReadStream(path)
      .on('data', (c) => h.update(c))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}
`;

const CHECKED_MD5 = `import { createHash } from 'node:crypto';\nimport { createReadStream } from 'node:fs';\n${MD5_OF_FILE}export async function check(path, published) {\n  const actual = await fileMd5(path);\n  if (actual !== published) throw new Error('checksum mismatch');\n}\n`;

const CHECKED_SHA1 = `import { createHash } from 'node:crypto';\nimport { readFile } from 'node:fs';\nconst sha1Of = (path) => new Promise((ok, fail) => readFile(path, (err, buf) => (err ? fail(err) : ok(createHash('sha1').update(buf).digest('hex')))));\nexport async function verifyMirror(path, expected) {\n  return (await sha1Of(path)) === expected;\n}\n`;

ruleTester.run('no-weak-algorithm (blind-s32b research shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: "a file's MD5 from a promise-wrapping helper, only written to a manifest",
      code: `import { createHash } from 'node:crypto';\nimport { createReadStream } from 'node:fs';\nimport { writeFile } from 'node:fs/promises';\n${MD5_OF_FILE}export async function manifest(files) {\n  const lines = [];\n  for (const f of files) lines.push(\`\${await fileMd5(f)}  \${f}\`);\n  await writeFile('manifest-md5.txt', lines.join('\\n'));\n}\n`,
      filename: 'case.mjs',
    },
    {
      name: 'a resolve that is not the executor of the global Promise',
      code: `import { createHash } from 'node:crypto';\nimport { createReadStream } from 'node:fs';\nimport Promise from 'bluebird';\n${MD5_OF_FILE}export async function shown(path) {\n  console.log('md5', await fileMd5(path));\n}\n`,
      filename: 'case.mjs',
    },
  ],
  invalid: [
    {
      name: "a downloaded file's MD5 from a promise-wrapping helper, compared with the published checksum",
      code: CHECKED_MD5,
      filename: 'case.mjs',
      errors: [
        {
          messageId: 'weakHash',
          line: 5,
          column: 26,
          data: { name: 'MD5', weakness: 'is broken (collisions are practical)', use: 'security (this digest checks a file against an expected digest)', passwordHint: '' },
          suggestions: [{ messageId: 'useSha256Migrate', output: CHECKED_MD5.replace("createHash('md5')", "createHash('sha256')") }],
        },
      ],
    },
    {
      name: 'the same helper with the digest resolved straight from a callback parameter list',
      code: CHECKED_SHA1,
      filename: 'case.mjs',
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          column: 114,
          data: { name: 'SHA-1', weakness: 'is broken (collisions are practical)', use: 'security (this digest is compared for verification)', passwordHint: '' },
          suggestions: [{ messageId: 'useSha256Migrate', output: CHECKED_SHA1.replace("createHash('sha1')", "createHash('sha256')") }],
        },
      ],
    },
  ],
});

ruleTester.run('no-insecure-randomness (blind-s32b research shapes)', noInsecureRandomness, {
  valid: [
    {
      name: 'a specimen label suffix from Math.random',
      code: "export function labelSuffix() {\n  return Math.floor(Math.random() * 1000).toString().padStart(3, '0');\n}\n",
      filename: 'case.ts',
    },
    {
      name: "a plot's enrolment-date jitter",
      code: 'export function enrolmentJitter(days: number) {\n  return days + (Math.random() - 0.5) * 0.4;\n}\n',
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: "an instrument's enrollment code",
      code: "export function enrollmentCode() {\n  const chars = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789';\n  let out = '';\n  for (let i = 0; i < 10; i++) out += chars[Math.floor(Math.random() * chars.length)];\n  return out;\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: 'predictableSecret', line: 4 }],
    },
    {
      name: "a trial participant's emergency unblinding code",
      code: "export function unblindingCode() {\n  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';\n  let code = '';\n  for (let i = 0; i < 8; i++) code += alphabet[Math.floor(Math.random() * alphabet.length)];\n  return code;\n}\n",
      filename: 'case.ts',
      errors: [{ messageId: 'predictableSecret', line: 4 }],
    },
  ],
});
