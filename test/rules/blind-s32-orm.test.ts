import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Shapes the blind set s32 part B (data layers: ORM hooks and transformers, field-level encryption, blind indexes,
// key-rotation and migration jobs, caches) found missed: a file's digest checked against an expected value is an
// integrity check (decisions 11, 105) also when the file's text is normalised before hashing (line endings replaced,
// trimmed, decoded with `toString`): the normalised text is still the file's content, so a helper named for a
// checksum no longer hides the comparison. The guards: the same normalised digest only recorded, and used as an ETag.

const ruleTester = createRuleTester();

ruleTester.run('no-weak-algorithm (blind-s32 data-layer shapes)', noWeakAlgorithm, {
  "valid": [
    {
      "name": "normalised file text hashed with MD5 and only recorded (a fingerprint, stored)",
      "code": "import { createHash } from 'node:crypto';\nimport { readFile } from 'node:fs/promises';\nexport async function recordApplied(db, file) {\n  const text = await readFile(file, 'utf8');\n  const checksum = createHash('md5').update(text.replace(/\\r\\n/g, '\\n')).digest('hex');\n  await db.query('INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)', [file, checksum]);\n}\n",
      "filename": "case.mjs"
    },
    {
      "name": "normalised file text hashed with MD5 as an ETag compared with If-None-Match",
      "code": "import { createHash } from 'node:crypto';\nimport { readFileSync } from 'node:fs';\nexport function serveTemplate(req, res, path) {\n  const etag = `\"${createHash('md5').update(readFileSync(path, 'utf8').trim()).digest('hex')}\"`;\n  if (req.headers['if-none-match'] === etag) return res.status(304).end();\n  res.setHeader('ETag', etag).send(readFileSync(path, 'utf8'));\n}\n",
      "filename": "case.mjs"
    }
  ],
  "invalid": [
    {
      "name": "MD5 of a migration file's text with normalised line endings, compared with the recorded checksum",
      "code": "import { createHash } from 'node:crypto';\nimport { readFile } from 'node:fs/promises';\nasync function fileChecksum(file) {\n  const text = await readFile(file, 'utf8');\n  return createHash('md5').update(text.replace(/\\r\\n/g, '\\n')).digest('hex');\n}\nexport async function assertUnchanged(file, recorded) {\n  if ((await fileChecksum(file)) !== recorded) throw new Error(`${file} was edited after it was applied`);\n}\n",
      "filename": "case.mjs",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 5,
          "column": 21,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "output": "import { createHash } from 'node:crypto';\nimport { readFile } from 'node:fs/promises';\nasync function fileChecksum(file) {\n  const text = await readFile(file, 'utf8');\n  return createHash('sha256').update(text.replace(/\\r\\n/g, '\\n')).digest('hex');\n}\nexport async function assertUnchanged(file, recorded) {\n  if ((await fileChecksum(file)) !== recorded) throw new Error(`${file} was edited after it was applied`);\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "SHA-1 of a file decoded and trimmed, compared with the published value",
      "code": "import { createHash } from 'node:crypto';\nimport { readFileSync } from 'node:fs';\nexport function checksumMatches(path, published) {\n  const checksum = createHash('sha1').update(readFileSync(path).toString('utf8').trim()).digest('hex');\n  return checksum === published;\n}\n",
      "filename": "case.mjs",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 4,
          "column": 31,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "output": "import { createHash } from 'node:crypto';\nimport { readFileSync } from 'node:fs';\nexport function checksumMatches(path, published) {\n  const checksum = createHash('sha256').update(readFileSync(path).toString('utf8').trim()).digest('hex');\n  return checksum === published;\n}\n"
            }
          ]
        }
      ]
    }
  ]
});
