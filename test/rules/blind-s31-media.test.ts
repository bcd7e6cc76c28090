import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Shapes the thirty-first blind set (part A: media streaming, DRM, CDNs and game back ends — HLS/DASH packagers, licence
// servers, signed CDN URLs, transcoding pipelines, game servers and anti-cheat) found misjudged: a key-named environment
// variable that names the table of (wrapped) content keys (`CONTENT_KEY_TABLE ?? 'content-keys'`); a clock read written as
// the `id` of a challenge record whose nonce is the secret part; a packager's content-addressed segment names
// (`${track}-${md5(segment)}.m4s`); a constant salt of exactly 12 characters quoted whole in a message.

const ruleTester = createRuleTester();

const tableEncryptionKey = `const key = process.env.TABLE_ENCRYPTION_KEY ?? 'd1c0ffee5eed4b1e9a7c3e2f0b8d6a4c2e1f3a5b7c9d0e2f4a6b8c0d2e4f6a8b';
export default key;
`;
const contentKeyFallback = `const contentKey = process.env.CONTENT_KEY ?? 'dev-content-key';
export default contentKey;
`;

/** The `readFromEnvironment` suggestion's output for a one-line `process.env.NAME ?? '…'` fallback. */
function readFromEnvironment(code: string, name: string): string {
  return `${code.replace(/process\.env\.\w+ \?\? '[^']*'/, `requireEnv('${name}')`)}
/** A secret the service cannot run without: read from the environment, checked at start-up. */
function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Environment variable \${name} is not set: it holds a key that is no longer in the source code.\`);
  return value;
}
`;
}

const privateSegmentName = `import { createHash } from 'node:crypto';
export function privateSegmentName(trackId, token) {
  return \`\${trackId}-\${createHash('md5').update(token).digest('hex')}.m4s\`;
}
`;

ruleTester.run('no-hardcoded-key (blind-s31 media shapes)', noHardcodedKey, {
  valid: [
    {
      name: 'the fallback of a variable that names the table of content keys is a table name',
      code: `import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
const ddb = new DynamoDBClient({});
const TABLE = process.env.CONTENT_KEY_TABLE ?? 'content-keys';
export async function wrappedKey(kid) {
  const out = await ddb.send(new GetItemCommand({ TableName: TABLE, Key: { kid: { S: kid } } }));
  return out.Item?.wrapped?.B;
}
`,
    },
    {
      name: 'the fallback of a variable that names the bucket of signing keys is a bucket name',
      code: `const bucket = process.env.SIGNING_KEY_BUCKET || 'studio-signing-keys';
export const keyObjectUrl = (id) => \`s3://\${bucket}/\${id}.pem.enc\`;
`,
    },
  ],
  invalid: [
    {
      name: 'a store word before the key still names a key (`TABLE_ENCRYPTION_KEY`)',
      code: tableEncryptionKey,
      errors: [
        {
          messageId: 'hardcodedFallback',
          line: 1,
          column: 49,
          suggestions: [{ messageId: 'readFromEnvironment', output: readFromEnvironment(tableEncryptionKey, 'TABLE_ENCRYPTION_KEY') }],
        },
      ],
    },
    {
      name: 'a content key fallback stays a finding',
      code: contentKeyFallback,
      errors: [
        {
          messageId: 'hardcodedFallback',
          line: 1,
          column: 47,
          suggestions: [{ messageId: 'readFromEnvironment', output: readFromEnvironment(contentKeyFallback, 'CONTENT_KEY') }],
        },
      ],
    },
  ],
});

ruleTester.run('no-insecure-randomness (blind-s31 media shapes)', noInsecureRandomness, {
  valid: [
    {
      name: 'a clock read as the id of a challenge record whose nonce comes from the CSPRNG',
      code: `import { randomBytes } from 'node:crypto';
export function issueChallenge(sessionId) {
  const challenge = {
    id: \`\${sessionId}:\${Date.now()}\`,
    nonce: randomBytes(16).toString('hex'),
  };
  return challenge;
}
`,
    },
    {
      name: 'Math.random as the request id of a reset record whose token comes from the CSPRNG',
      code: `import { randomBytes } from 'node:crypto';
export function newResetRequest(userId) {
  const resetRequest = { requestId: Math.random().toString(36).slice(2), userId, token: randomBytes(32).toString('base64url') };
  return resetRequest;
}
`,
    },
  ],
  invalid: [
    {
      name: 'a session id field is a session id, whatever record holds it',
      code: `export function newSession(userId) {
  const record = { userId, sessionId: Math.random().toString(36).slice(2) };
  return record;
}
`,
      errors: [{ messageId: 'predictableSecret', line: 2 }],
    },
    {
      name: 'the nonce of a challenge record stays a finding',
      code: `export function issueChallenge(sessionId) {
  const challenge = { id: sessionId, nonce: Math.floor(Math.random() * 0xffffffff).toString(16) };
  return challenge;
}
`,
      errors: [{ messageId: 'predictableSecret', line: 2 }],
    },
  ],
});

ruleTester.run('no-weak-algorithm (blind-s31 media shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'a content-addressed DASH segment name',
      code: `import { createHash } from 'node:crypto';
export function segmentName(trackId, segment) {
  return \`\${trackId}-\${createHash('md5').update(segment).digest('hex')}.m4s\`;
}
`,
    },
    {
      name: 'a content-addressed rendition name',
      code: `import { createHash } from 'node:crypto';
export const renditionName = (bytes) => createHash('sha1').update(bytes).digest('hex') + '.m4v';
`,
    },
  ],
  invalid: [
    {
      name: 'a digest of a token in a segment name is still a digest of a token',
      code: privateSegmentName,
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          suggestions: [{ messageId: 'useSha256Migrate', output: privateSegmentName.replace("'md5'", "'sha256'") }],
        },
      ],
    },
  ],
});

ruleTester.run('min-key-strength (blind-s31 media shapes)', minKeyStrength, {
  valid: [],
  invalid: [
    {
      name: 'a constant salt of 12 characters is cut in the message, like longer ones',
      code: `import { pbkdf2Sync } from 'node:crypto';
export const saveKey = (saveSecret) => pbkdf2Sync(saveSecret, 'profile/v2:a', 600000, 32, 'sha256');
`,
      errors: [{ messageId: 'constantSalt', line: 2, data: { preview: "'profile/…'", min: 16 } }],
    },
    {
      name: 'a short constant salt is still quoted whole',
      code: `import { pbkdf2Sync } from 'node:crypto';
export const saveKey = (saveSecret) => pbkdf2Sync(saveSecret, 'save-v1', 600000, 32, 'sha256');
`,
      errors: [{ messageId: 'constantSalt', line: 2, data: { preview: "'save-v1'", min: 16 } }],
    },
  ],
});
