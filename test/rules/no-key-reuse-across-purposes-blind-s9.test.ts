import rule from '../../rules/no-key-reuse-across-purposes';
import { createRuleTester } from './rule-tester';

// Sixth lifecycle blind set (corpus key-purpose/blind-s9): libsodium crypto_kdf subkeys labelled by
// their id as well as their context, a class field declared `= null` whose key a method assigns, and
// secrets read through a local `getSecret(name)` helper that returns `process.env[name]`, a Worker's
// env secret encoded by a shared TextEncoder for a JWT and imported as an AES key, and one PKCS#8 PEM
// imported by jose for PS256 and for RSA-OAEP-256, and WebCrypto HKDF deriveKey with one salt and info twice.
const sameInfo = `const enc = new TextEncoder();
export async function cacheKeys(deviceSecret: Uint8Array): Promise<{ dataKey: CryptoKey; cursorKey: CryptoKey }> {
  const root = await crypto.subtle.importKey('raw', deviceSecret, 'HKDF', false, ['deriveKey']);
  const dataKey = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: enc.encode('cache'), info: enc.encode('cache/v1') }, root, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const cursorKey = await crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: enc.encode('cache'), info: enc.encode('cache/v1') }, root, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign', 'verify']);
  return { dataKey, cursorKey };
}
`;
const workerEnv = `import { jwtVerify } from 'jose';
const enc = new TextEncoder();
export default {
  async fetch(request: Request, env: { SESSION_SECRET: string }): Promise<Response> {
    const { payload } = await jwtVerify(request.headers.get('x-token') ?? '', enc.encode(env.SESSION_SECRET), { algorithms: ['HS256'] });
    const key = await crypto.subtle.importKey('raw', enc.encode(env.SESSION_SECRET), 'AES-GCM', false, ['decrypt']);
    const body = new Uint8Array(await request.arrayBuffer());
    return new Response(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: body.subarray(0, 12) }, key, body.subarray(12)), { headers: { 'x-sub': String(payload.sub) } });
  },
};
`;
const josePkcs8 = `import { compactDecrypt, importPKCS8, SignJWT } from 'jose';
const pem = process.env.IDP_PRIVATE_KEY_PEM ?? '';
const signingKey = importPKCS8(pem, 'PS256');
const decryptionKey = importPKCS8(pem, 'RSA-OAEP-256');
export async function issue(sub: string): Promise<string> {
  return new SignJWT({}).setProtectedHeader({ alg: 'PS256' }).setSubject(sub).sign(await signingKey);
}
export async function open(jwe: string): Promise<Uint8Array> {
  return (await compactDecrypt(jwe, await decryptionKey, { keyManagementAlgorithms: ['RSA-OAEP-256'] })).plaintext;
}
`;
const envHelper = `import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
function getSecret(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`secret \${name} is not configured\`);
  return value;
}
export function magicLink(email: string): string {
  return jwt.sign({ email }, getSecret('APP_SECRET'), { algorithm: 'HS256', expiresIn: '15m' });
}
export function unsubscribe(email: string): string {
  return createHmac('sha256', getSecret('APP_SECRET')).update(email).digest('base64url');
}
`;
const sameSubkeyId = `import sodium from 'libsodium-wrappers-sumo';
const root = sodium.from_base64(process.env.ROOT_KEY ?? '');
export function seal(plain: Uint8Array, nonce: Uint8Array): Uint8Array {
  const k = sodium.crypto_kdf_derive_from_key(32, 1, 'msgsvc__', root);
  try {
    return sodium.crypto_secretbox_easy(plain, nonce, k);
  } finally {
    sodium.memzero(k);
  }
}
export function tag(receipt: string): Uint8Array {
  const k = sodium.crypto_kdf_derive_from_key(32, 1, 'msgsvc__', root);
  try {
    return sodium.crypto_auth(receipt, k);
  } finally {
    sodium.memzero(k);
  }
}
`;
const nullField = `export class SessionKeys {
  private key: CryptoKey | null = null;
  async start(raw: ArrayBuffer): Promise<void> {
    this.key = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
  }
  async sign(data: Uint8Array): Promise<ArrayBuffer> {
    if (!this.key) throw new Error('no session');
    return crypto.subtle.sign('HMAC', this.key, data);
  }
  async wrap(documentKey: CryptoKey): Promise<ArrayBuffer> {
    if (!this.key) throw new Error('no session');
    return crypto.subtle.wrapKey('raw', documentKey, this.key, 'AES-KW');
  }
  end(): void {
    this.key = null;
  }
}
`;

createRuleTester().run('no-key-reuse-across-purposes (blind-s9)', rule as never, {
  valid: [
    {
      name: 'HKDF deriveKey with distinct info labels gives independent keys',
      code: sameInfo.replace("info: enc.encode('cache/v1') }, root, { name: 'HMAC'", "info: enc.encode('cursor/v1') }, root, { name: 'HMAC'"),
    },
    {
      name: 'one PKCS#8 PEM imported twice for signing only',
      code: josePkcs8.replace("importPKCS8(pem, 'RSA-OAEP-256')", "importPKCS8(pem, 'PS256')").replace("(await compactDecrypt(jwe, await decryptionKey, { keyManagementAlgorithms: ['RSA-OAEP-256'] })).plaintext", "new TextEncoder().encode(await new SignJWT({}).setProtectedHeader({ alg: 'PS256' }).sign(await decryptionKey))"),
    },
    {
      name: 'a Worker env secret used only for JWTs, the AES key from its own secret',
      code: workerEnv.replace("enc.encode(env.SESSION_SECRET), 'AES-GCM'", "enc.encode(env.DRAFT_KEY), 'AES-GCM'").replace('env: { SESSION_SECRET: string }', 'env: { SESSION_SECRET: string; DRAFT_KEY: string }'),
    },
    {
      name: 'a getSecret(name) helper called with two names reads two secrets',
      code: envHelper.replace("createHmac('sha256', getSecret('APP_SECRET'))", "createHmac('sha256', getSecret('UNSUBSCRIBE_SECRET'))"),
    },
    {
      name: 'crypto_kdf subkeys with one context and distinct ids are distinct keys',
      code: sameSubkeyId.replace("crypto_kdf_derive_from_key(32, 1, 'msgsvc__', root);\n  try {\n    return sodium.crypto_auth", "crypto_kdf_derive_from_key(32, 2, 'msgsvc__', root);\n  try {\n    return sodium.crypto_auth"),
    },
    {
      name: 'subkey ids given by named constants',
      code: `import sodium from 'libsodium-wrappers-sumo';
const root = sodium.from_base64(process.env.ROOT_KEY ?? '');
const PAYLOAD = 1;
const RECEIPT = 2;
export const seal = (m: Uint8Array, n: Uint8Array) => sodium.crypto_secretbox_easy(m, n, sodium.crypto_kdf_derive_from_key(32, PAYLOAD, 'notify__', root));
export const tag = (r: string) => sodium.crypto_auth(r, sodium.crypto_kdf_derive_from_key(32, RECEIPT, 'notify__', root));`,
    },
    {
      name: 'a field declared null and assigned an HMAC key that only signs and verifies',
      code: nullField.replace("return crypto.subtle.wrapKey('raw', documentKey, this.key, 'AES-KW');", "return crypto.subtle.sign('HMAC', this.key, new Uint8Array(await crypto.subtle.exportKey('raw', documentKey)));"),
    },
  ],
  invalid: [
    {
      name: 'HKDF deriveKey twice with the same salt and info gives one key: AES and HMAC from it reuse the root',
      code: sameInfo,
      errors: [{ messageId: 'reused', line: 3, column: 22, suggestions: [] }],
    },
    {
      name: 'an env secret of a Worker used for a JWT and imported as an AES key: reported on the importKey',
      code: workerEnv,
      errors: [{ messageId: 'reused', line: 6, column: 23, suggestions: [] }],
    },
    {
      name: 'one PKCS#8 PEM imported by jose for PS256 and RSA-OAEP-256: reported on the PEM binding',
      code: josePkcs8,
      errors: [{ messageId: 'reusedKeyPair', line: 2, column: 7 }],
    },
    {
      name: 'one environment secret read through a getSecret(name) helper for a JWT and an HMAC',
      code: envHelper,
      errors: [{ messageId: 'reused', line: 12, column: 31, suggestions: [] }],
    },
    {
      name: 'the same crypto_kdf id and context give the same subkey: used to encrypt and to MAC, the master is reused',
      code: sameSubkeyId,
      errors: [{ messageId: 'reused', line: 2, column: 7, suggestions: [] }],
    },
    {
      name: 'a field declared null is defined where a method assigns its key (not on the declaration)',
      code: nullField,
      errors: [{ messageId: 'reused', line: 4, column: 10, suggestions: [] }],
    },
  ],
});
