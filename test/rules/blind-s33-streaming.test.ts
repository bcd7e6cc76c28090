import noStaticIv from '../../rules/no-static-iv';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Shapes the blind set s33 part B (streaming, DRM and video platforms: HLS/DASH packaging, SAMPLE-AES and CENC,
// licence proxies, signed CDN URLs, ingest, podcasts) found missed or misread: an IV drawn once by a caller and passed to
// a local helper that makes the cipher, on every pass of the caller's array-iteration callback or loop (decision 51 one
// call away: SAMPLE-AES's per-NAL-unit encryption with the key period's IV), and a SHA-1 named as a GUID (an RSS item's
// `<guid>` made from its enclosure URL, decision 10's content id) read as a security use. The guards: the same helper
// called once per draw, an IV drawn inside the loop, and a GUID made from a secret.

const ruleTester = createRuleTester();

const HELPER = `import { createCipheriv, randomBytes } from 'node:crypto';
function encryptUnit(unit: Buffer, key: Buffer, iv: Buffer): Buffer {
  const cipher = createCipheriv('aes-128-cbc', key, iv);
  return Buffer.concat([cipher.update(unit), cipher.final()]);
}
`;

ruleTester.run('no-static-iv (blind-s33 streaming shapes)', noStaticIv, {
  valid: [
    {
      name: 'the helper called once per IV drawn',
      code: `${HELPER}export function encryptOne(unit: Buffer, key: Buffer) {\n  const iv = randomBytes(16);\n  return { iv, body: encryptUnit(unit, key, iv) };\n}\n`,
      filename: 'case.ts',
    },
    {
      name: 'an IV drawn inside the loop that calls the helper',
      code: `${HELPER}export function encryptEach(units: Buffer[], key: Buffer) {\n  const out = [];\n  for (const unit of units) {\n    const iv = randomBytes(16);\n    out.push({ iv, body: encryptUnit(unit, key, iv) });\n  }\n  return out;\n}\n`,
      filename: 'case.ts',
    },
    {
      name: 'a key drawn per pass by the caller (each key and IV pair is new)',
      code: `${HELPER}export function sealEach(units: Buffer[]) {\n  const iv = randomBytes(16);\n  return units.map((unit) => {\n    const key = randomBytes(16);\n    return { key, body: encryptUnit(unit, key, iv) };\n  });\n}\n`,
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: 'an IV drawn once and passed to the helper by every pass of a map callback',
      code: `${HELPER}export function encryptPeriod(units: Buffer[], key: Buffer) {\n  const iv = randomBytes(16);\n  return { iv, units: units.map((unit) => encryptUnit(unit, key, iv)) };\n}\n`,
      filename: 'case.ts',
      errors: [{ messageId: 'reusedIv', line: 7, column: 14 }],
    },
    {
      name: 'an IV drawn once and passed to the helper by every pass of a for loop',
      code: `${HELPER}export function encryptFrames(frames: Buffer[], key: Buffer) {\n  const iv = randomBytes(16);\n  const out: Buffer[] = [];\n  for (let i = 0; i < frames.length; i++) out.push(encryptUnit(frames[i], key, iv));\n  return { iv, out };\n}\n`,
      filename: 'case.ts',
      errors: [{ messageId: 'reusedIv', line: 7, column: 14 }],
    },
  ],
});

// A second export that is no digest helper: a module of bare digest helpers leaves the purpose to its importers.
const FEED_URL = "export function feedUrl(slug: string): string {\n  return `https://feeds.example/${slug}.rss`;\n}\n";
const GUID = `import { createHash } from 'node:crypto';\n${FEED_URL}export function episodeGuid(enclosureUrl: string): string {\n  return createHash('sha1').update(enclosureUrl).digest('hex');\n}\n`;
const SECRET_GUID = `import { createHash } from 'node:crypto';\n${FEED_URL}export function sessionGuid(userId: string, secret: string): string {\n  return createHash('sha1').update(userId + secret).digest('hex');\n}\n`;

ruleTester.run('no-weak-algorithm (blind-s33 streaming shapes)', noWeakAlgorithm, {
  valid: [
    { name: "an RSS item's GUID made from its enclosure URL", code: GUID, filename: 'case.ts' },
    {
      name: 'GUIDs of a feed, returned as a list',
      code: `import { createHash } from 'node:crypto';\n${FEED_URL}export function itemGuids(urls: string[]): string[] {\n  return urls.map((u) => createHash('md5').update(u).digest('hex'));\n}\n`,
      filename: 'case.ts',
    },
  ],
  invalid: [
    {
      name: 'a GUID made from a secret is still a security use',
      code: SECRET_GUID,
      filename: 'case.ts',
      errors: [
        {
          messageId: 'weakHash',
          line: 6,
          data: { name: 'SHA-1', weakness: 'is broken (collisions are practical)', use: 'security (this digest hashes a secret)', passwordHint: '' },
          suggestions: [{ messageId: 'useSha256Migrate', output: SECRET_GUID.replace("createHash('sha1')", "createHash('sha256')") }],
        },
      ],
    },
  ],
});
