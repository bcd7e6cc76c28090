import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import noStaticIv from '../../rules/no-static-iv';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Shapes the twenty-seventh blind set (part C: real-time and collaboration back-ends — WebSocket and SSE gateways, TURN
// credentials, video SDK tokens, web push, end-to-end encrypted rooms, live streaming, game lobbies) found missed or
// misjudged: the App Certificate of Agora's token builders and the API secret of LiveKit's `AccessToken` (the secrets
// of video SDK tokens, not modelled); a VAPID public key (an uncompressed P-256 point in base64url) sent under a `key`
// property; the MD5 collapse key of a push message (Web Push `Topic`); a lobby's `joinCode` drawn with Math.random; a
// counter nonce written through a `DataView` over the nonce's buffer; RFC 8291's nonce, derived with HKDF from the salt
// of the message being decrypted; and an Ed25519 pair kept in a field (`this.signing = nacl.sign.keyPair.fromSeed(seed)`)
// that signs and, converted with ed2curve, opens boxes — reported on that assignment, not on a later use.

const ruleTester = createRuleTester();

/** What the `readFromEnvironment` suggestion appends: the start-up check the moved key is read through. */
const REQUIRE_ENV = `
/** A secret the service cannot run without: read from the environment, checked at start-up. */
function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Environment variable \${name} is not set: it holds a key that is no longer in the source code.\`);
  return value;
}
`;

const agoraFallback = `const { RtcTokenBuilder, RtcRole } = require('agora-token');
const APP_CERTIFICATE = process.env.AGORA_APP_CERTIFICATE || '4e117b64d94162d4c8dd0b815563a846';
module.exports = (appId, channel, uid) =>
  RtcTokenBuilder.buildTokenWithUid(appId, APP_CERTIFICATE, channel, uid, RtcRole.SUBSCRIBER, 600, 600);
`;

const livekitSecret = `import { AccessToken } from 'livekit-server-sdk';
export function joinToken(identity: string) {
  return new AccessToken('APIq7RwZ4mDk2p', 'ScmpKWJZvJb7YN0B9JuYlxOwDdQMLbqTFLvozFE1b', { identity }).toJwt();
}
`;

const vapidPrivateUnderKey = `export function vapidConfig(res: { json(body: unknown): void }) {
  res.json({ key: 'fAppgXeKdyNY5oEbJTfBm740O4amt_gOnuICeTbPEq0' });
}
`;

const md5Signature = `import { createHash } from 'node:crypto';
export function signedCollapseTopic(storyId: string, secret: string): string {
  return createHash('md5').update(storyId + secret).digest('hex');
}
`;

ruleTester.run('no-hardcoded-key (blind-s27 shapes)', noHardcodedKey, {
  valid: [
    {
      name: 'a VAPID public key (uncompressed P-256 point, base64url) sent to the browser under a `key` property',
      code: `const VAPID_PUBLIC = 'BFw4cMDZLyHeu3GD9A2XoVK4NrD1OJe_EalYWWvsjGSd8egt7-Pn7JeuIaFnKhLJCvM1UjGWTJjJymwtxrrkhnU';
export function publicKeyHandler(_req: unknown, res: { json(body: unknown): void }) {
  res.json({ key: VAPID_PUBLIC });
}
`,
    },
    {
      name: "Agora's App ID beside a certificate read from the environment",
      code: `import { RtcTokenBuilder, RtcRole } from 'agora-token';
const APP_ID = '4e117b64d94162d4c8dd0b815563a846';
export const token = (channel: string, uid: number) =>
  RtcTokenBuilder.buildTokenWithUid(APP_ID, process.env.AGORA_APP_CERTIFICATE!, channel, uid, RtcRole.PUBLISHER, 3600, 3600);
`,
    },
    {
      name: "LiveKit's API key (an id) with the secret from the environment",
      code: `import { AccessToken } from 'livekit-server-sdk';
export function joinToken(identity: string) {
  const at = new AccessToken('APIq7RwZ4mDk2p', process.env.LIVEKIT_API_SECRET, { identity });
  return at.toJwt();
}
`,
    },
  ],
  invalid: [
    {
      name: "a hardcoded App Certificate given to Agora's RTC token builder",
      code: agoraFallback,
      errors: [
        {
          messageId: 'hardcodedFallback',
          line: 2,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: agoraFallback.replace("process.env.AGORA_APP_CERTIFICATE || '4e117b64d94162d4c8dd0b815563a846'", "requireEnv('AGORA_APP_CERTIFICATE')") + REQUIRE_ENV,
            },
          ],
        },
      ],
    },
    {
      name: "a hardcoded API secret given to LiveKit's AccessToken",
      code: livekitSecret,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output:
                livekitSecret
                  .replace("'ScmpKWJZvJb7YN0B9JuYlxOwDdQMLbqTFLvozFE1b'", 'JWT_SECRET')
                  .replace("livekit-server-sdk';\n", "livekit-server-sdk';\n\nconst JWT_SECRET = requireEnv('JWT_SECRET');\n") + REQUIRE_ENV,
            },
          ],
        },
      ],
    },
    {
      name: 'a VAPID private key (32 bytes, base64url) is still key material under a `key` property',
      code: vapidPrivateUnderKey,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 2,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: "const JSON_KEY = requireEnv('JSON_KEY');\n\n" + vapidPrivateUnderKey.replace("'fAppgXeKdyNY5oEbJTfBm740O4amt_gOnuICeTbPEq0'", 'JSON_KEY') + REQUIRE_ENV,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-weak-algorithm (blind-s27 shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'the MD5 collapse key of a push message (Web Push `Topic`) is deduplication of deliveries',
      code: `import webpush from 'web-push';
import { createHash } from 'node:crypto';
function collapseTopic(storyId: string): string {
  return createHash('md5').update(\`story:\${storyId}\`).digest('hex');
}
export function push(sub: webpush.PushSubscription, storyId: string, payload: string) {
  return webpush.sendNotification(sub, payload, { topic: collapseTopic(storyId) });
}
`,
    },
  ],
  invalid: [
    {
      name: 'an MD5 signature next to a collapse key is still reported',
      code: md5Signature,
      errors: [{ messageId: 'weakHash', line: 3, suggestions: [{ messageId: 'useSha256Migrate', output: md5Signature.replace("'md5'", "'sha256'") }] }],
    },
  ],
});

ruleTester.run('no-insecure-randomness (blind-s27 shapes)', noInsecureRandomness, {
  valid: [
    {
      name: 'Math.random for a join delay and a reconnect backoff',
      code: `export function joinDelay(attempt: number): number {
  return Math.random() * 250 * 2 ** attempt;
}
export const joinedAt = () => Date.now();
`,
    },
  ],
  invalid: [
    {
      name: "a lobby's join code drawn with Math.random",
      code: `const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
function joinCode() {
  let code = '';
  for (let i = 0; i < 6; i++) code += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return code;
}
module.exports = { joinCode };
`,
      errors: [{ messageId: 'predictableSecret', line: 4 }],
    },
  ],
});

ruleTester.run('no-static-iv (blind-s27 shapes)', noStaticIv, {
  valid: [
    {
      name: 'a frame counter written into a zeroed nonce through a DataView over its buffer',
      code: `export async function encryptFrame(key: CryptoKey, frame: ArrayBuffer, counter: number, sender: number) {
  const iv = new Uint8Array(12);
  const view = new DataView(iv.buffer);
  view.setUint32(0, sender);
  view.setBigUint64(4, BigInt(counter));
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, frame);
}
`,
    },
    {
      name: "RFC 8291's nonce, derived with HKDF from the salt of the message being decrypted",
      code: `import { createDecipheriv, hkdfSync } from 'node:crypto';
function header(body: Buffer) {
  return { salt: body.subarray(0, 16), payload: body.subarray(86) };
}
export function decryptPush(ikm: Buffer, body: Buffer): Buffer {
  const { salt, payload } = header(body);
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: aes128gcm\\0', 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, 'Content-Encoding: nonce\\0', 12));
  const d = createDecipheriv('aes-128-gcm', cek, nonce);
  d.setAuthTag(payload.subarray(payload.length - 16));
  return Buffer.concat([d.update(payload.subarray(0, payload.length - 16)), d.final()]);
}
`,
    },
  ],
  invalid: [
    {
      name: 'a zeroed nonce that a DataView only reads is still all zeros',
      code: `export async function encryptFrame(key: CryptoKey, frame: ArrayBuffer) {
  const iv = new Uint8Array(12);
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, frame);
}
`,
      errors: [{ messageId: 'zeroIv', line: 2 }],
    },
    {
      name: 'a nonce derived from the key with a module-level salt is the same for every message',
      code: `import { createDecipheriv, hkdfSync } from 'node:crypto';
const SALT = Buffer.from('push-salt');
export function decrypt(ikm: Buffer, body: Buffer): Buffer {
  const cek = Buffer.from(hkdfSync('sha256', ikm, SALT, 'cek', 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, SALT, 'nonce', 12));
  const d = createDecipheriv('aes-128-gcm', cek, nonce);
  d.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([d.update(body.subarray(0, body.length - 16)), d.final()]);
}
`,
      errors: [{ messageId: 'keyDerivedIv', line: 5 }],
    },
  ],
});

ruleTester.run('no-key-reuse-across-purposes (blind-s27 shapes)', noKeyReuseAcrossPurposes, {
  valid: [
    {
      name: 'an Ed25519 pair in a field that only signs and verifies',
      code: `import nacl from 'tweetnacl';
export class Signer {
  private readonly signing: nacl.SignKeyPair;
  constructor(seed: Uint8Array) {
    this.signing = nacl.sign.keyPair.fromSeed(seed);
  }
  sign(msg: Uint8Array) {
    return nacl.sign.detached(msg, this.signing.secretKey);
  }
  verify(msg: Uint8Array, sig: Uint8Array) {
    return nacl.sign.detached.verify(msg, sig, this.signing.publicKey);
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'an Ed25519 pair in a field that signs and, converted to X25519, opens boxes: on the field assignment',
      code: `import nacl from 'tweetnacl';
import ed2curve from 'ed2curve';
export class DeviceIdentity {
  private readonly signing: nacl.SignKeyPair;
  constructor(seed: Uint8Array) {
    this.signing = nacl.sign.keyPair.fromSeed(seed);
  }
  sign(msg: Uint8Array) {
    return nacl.sign(msg, this.signing.secretKey);
  }
  open(box: Uint8Array, nonce: Uint8Array, from: Uint8Array) {
    const mySecret = ed2curve.convertSecretKey(this.signing.secretKey);
    return nacl.box.open(box, nonce, from, mySecret);
  }
}
`,
      errors: [{ messageId: 'reusedKeyPair', line: 6 }],
    },
  ],
});
