import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Shapes the blind set s34 part F (CI/CD and developer platforms: build runners, toolchain installers, artifact and
// cache services, provenance signing, secret injection, deploy webhooks) found misreported: a hash object fed by a file
// stream (`createReadStream(file).pipe(hash)`, `await pipeline(createReadStream(file), hash)`) inside a helper named for
// the file (`fileDigest(algorithm, file)`), whose digest the caller compares with a published checksum, was taken for a
// file fingerprint: the stream was not seen as the hashed input, so the integrity check of a download (decision 11)
// was never recognised; and, in `strict`, an HKDF output whose text is bound to a credential's name (`const password =
// raw.toString('base64url')`, a preview database password derived from a master secret) was taken for an encoded token,
// so its string conversion was not reported (decision 39: HKDF outputs are key bytes whatever they are called). The guards: the same helper whose digest is only printed (a file's checksum that is shown is a
// fingerprint), an ETag of a piped file, and an HKDF output encoded into a request id.

const ruleTester = createRuleTester();

const PIPELINE_HELPER =
  `const crypto = require('node:crypto');\nconst fs = require('node:fs');\nconst { pipeline } = require('node:stream/promises');\n` +
  `async function fileDigest(algorithm, file) {\n  const hash = crypto.createHash(algorithm);\n  await pipeline(fs.createReadStream(file), hash);\n  return hash.digest('hex');\n}\n`;

const PIPE_HELPER =
  `const crypto = require('node:crypto');\nconst fs = require('node:fs');\n` +
  `function streamDigest(algorithm, file) {\n  const hash = crypto.createHash(algorithm);\n  fs.createReadStream(file).pipe(hash);\n  return hash.digest('hex');\n}\n`;

const VERIFY_ARCHIVE =
  PIPELINE_HELPER +
  `async function verifyArchive(file, tool) {\n  const published = (await (await fetch(tool.url + '.sha1')).text()).trim();\n  const actual = await fileDigest('sha1', file);\n  if (actual !== published) throw new Error('checksum mismatch');\n}\nmodule.exports = { verifyArchive };\n`;

const VERIFY_PIPED =
  PIPE_HELPER + `function verify(file, expected) {\n  if (streamDigest('sha1', file) !== expected) throw new Error('checksum mismatch');\n}\nmodule.exports = { verify };\n`;

ruleTester.run('no-weak-algorithm (blind-s34 build and release shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'a piped file digest that is only printed is a fingerprint',
      code: PIPELINE_HELPER + `async function show(file) {\n  console.log(await fileDigest('sha1', file));\n}\nmodule.exports = { show };\n`,
    },
    {
      name: 'a piped file digest sent as an ETag is a cache validator',
      code:
        `const crypto = require('node:crypto');\nconst fs = require('node:fs');\nconst { pipeline } = require('node:stream/promises');\n` +
        `async function sendAsset(res, file) {\n  const hash = crypto.createHash('md5');\n  await pipeline(fs.createReadStream(file), hash);\n  res.setHeader('ETag', hash.digest('hex'));\n}\nmodule.exports = { sendAsset };\n`,
    },
  ],
  invalid: [
    {
      name: 'a download piped into a helper hash and compared with its published checksum',
      code: VERIFY_ARCHIVE,
      errors: [{ messageId: 'weakHash', line: 11, suggestions: [{ messageId: 'useSha256Migrate', output: VERIFY_ARCHIVE.replace("fileDigest('sha1'", "fileDigest('sha256'") }] }],
    },
    {
      name: 'a file stream piped with .pipe() into a helper hash and compared',
      code: VERIFY_PIPED,
      errors: [{ messageId: 'weakHash', line: 9, suggestions: [{ messageId: 'useSha256Migrate', output: VERIFY_PIPED.replace("streamDigest('sha1'", "streamDigest('sha256'") }] }],
    },
  ],
});

const derivedText = (binding: string) =>
  `import { hkdfSync } from 'node:crypto';\nexport function derive(master: Buffer, role: string): number {\n  const raw = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), role, 32));\n  try {\n    const ${binding} = raw.toString('base64url');\n    return ${binding}.length;\n  } finally {\n    raw.fill(0);\n  }\n}\n`;

ruleTester.run('require-key-zeroization (blind-s34 build and release shapes)', requireKeyZeroization, {
  valid: [
    {
      name: 'an HKDF output encoded into a request id is a token (not converted key bytes)',
      code: derivedText('requestId'),
      options: [{ checkStringConversion: true }],
    },
  ],
  invalid: [
    {
      name: 'an HKDF output encoded into a password is a derived credential: its conversion is reported in strict',
      code: derivedText('password'),
      options: [{ checkStringConversion: true }],
      errors: [{ messageId: 'keyToString', line: 5 }],
    },
    {
      name: 'an HKDF output encoded into a secret',
      code: derivedText('webhookSecret'),
      options: [{ checkStringConversion: true }],
      errors: [{ messageId: 'keyToString', line: 5 }],
    },
  ],
});
