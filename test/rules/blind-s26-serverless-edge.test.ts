import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import noStaticIv from '../../rules/no-static-iv';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Shapes the twenty-sixth blind set (part A: serverless functions and edge runtimes — Cloudflare Workers, Next.js edge
// middleware and route handlers, Netlify and Deno functions, AWS Lambda handlers) found missed or misjudged: a
// module-level IV of a Worker (drawn once per isolate) that is also stored next to each ciphertext through a D1
// prepared statement (`db.prepare(sql).bind(id, IV, ct)`: the statement reads its parameters, it does not fill the IV);
// a key handed to a function as base64 text and decoded by a local helper (`decodeBase64(exportKeyB64)`) into a
// key-named binding that is never wiped; HKDF `deriveKey` calls sharing one parameter object whose `info` is built from
// the purpose the function branches on (one subkey per purpose, not one key for two purposes); and a Worker secret
// read by two local helpers that import it for HMAC and for AES-GCM, reported on the second import, not the first.

const ruleTester = createRuleTester();

ruleTester.run('no-static-iv (blind-s26 shapes)', noStaticIv, {
  valid: [
    {
      name: 'a per-message IV stored with its ciphertext through a D1 prepared statement',
      code: `export async function save(db: D1Database, key: CryptoKey, id: string, text: string) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(text));
  await db.prepare('INSERT INTO notes (id, iv, body) VALUES (?1, ?2, ?3)').bind(id, iv, ct).run();
}
`,
    },
    {
      name: 'a module-level zero nonce filled by an unmodelled helper before use is not a static IV',
      code: `const NONCE = new Uint8Array(12);
declare function fillCounterNonce(buf: Uint8Array): void;
export async function seal(key: CryptoKey, data: Uint8Array) {
  fillCounterNonce(NONCE);
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: NONCE }, key, data);
}
`,
    },
  ],
  invalid: [
    {
      name: 'a module-level IV stored next to each row through a D1 prepared statement',
      code: `const IV = crypto.getRandomValues(new Uint8Array(12));
export async function save(db: D1Database, key: CryptoKey, id: string, text: string) {
  const ct = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: IV }, key, new TextEncoder().encode(text));
  await db.prepare('INSERT INTO notes (id, iv, body) VALUES (?1, ?2, ?3)').bind(id, IV, ct).run();
}
`,
      errors: [{ messageId: 'reusedIv', line: 1 }],
    },
    {
      name: 'a module-level IV passed to a store query as a parameter',
      code: `import { randomBytes, createCipheriv } from 'node:crypto';
const IV = randomBytes(16);
export async function save(db: { query(sql: string, values: unknown[]): Promise<unknown> }, key: Buffer, text: string) {
  const c = createCipheriv('aes-256-gcm', key, IV);
  const ct = Buffer.concat([c.update(text), c.final()]);
  await db.query('INSERT INTO notes (iv, body) VALUES ($1, $2)', [ct, IV]);
  await db.query('SELECT 1', IV as never);
}
`,
      errors: [{ messageId: 'reusedIv', line: 2 }],
    },
  ],
});

ruleTester.run('require-key-zeroization (blind-s26 shapes)', requireKeyZeroization, {
  valid: [
    {
      name: 'a key decoded by a local helper from a parameter and wiped in finally',
      code: `function decodeBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
export async function reencrypt(exportKeyB64: string, plain: ArrayBuffer): Promise<ArrayBuffer> {
  const exportKeyBytes = decodeBase64(exportKeyB64);
  try {
    const exportKey = await crypto.subtle.importKey('raw', exportKeyBytes, 'AES-GCM', false, ['encrypt']);
    return await crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, exportKey, plain);
  } finally {
    exportKeyBytes.fill(0);
  }
}
`,
    },
    {
      name: 'an IV and a ciphertext decoded from parameters by the same helper are not key bytes',
      code: `function decodeBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
export async function open(key: CryptoKey, ivText: string, ctText: string): Promise<ArrayBuffer> {
  const iv = decodeBase64(ivText);
  const body = decodeBase64(ctText);
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, body);
}
`,
    },
  ],
  invalid: [
    {
      name: 'a key decoded by a local helper from a parameter, imported, never wiped',
      code: `function decodeBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
export async function reencrypt(exportKeyB64: string, plain: ArrayBuffer): Promise<ArrayBuffer> {
  const exportKeyBytes = decodeBase64(exportKeyB64);
  const exportKey = await crypto.subtle.importKey('raw', exportKeyBytes, 'AES-GCM', false, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, exportKey, plain);
}
`,
      errors: [
        {
          messageId: 'notWiped',
          line: 5,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { name: 'exportKeyBytes', what: 'a copy of a secret', wipe: 'exportKeyBytes.fill(0)' },
              output: `function decodeBase64(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
export async function reencrypt(exportKeyB64: string, plain: ArrayBuffer): Promise<ArrayBuffer> {
  const exportKeyBytes = decodeBase64(exportKeyB64);
  try {
    const exportKey = await crypto.subtle.importKey('raw', exportKeyBytes, 'AES-GCM', false, ['encrypt']);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    return crypto.subtle.encrypt({ name: 'AES-GCM', iv }, exportKey, plain);
  } finally {
    exportKeyBytes.fill(0);
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-key-reuse-across-purposes (blind-s26 shapes)', noKeyReuseAcrossPurposes, {
  valid: [
    {
      name: 'HKDF deriveKey with one parameter object whose info is the purpose the function branches on',
      code: `const encoder = new TextEncoder();
let master: Promise<CryptoKey> | undefined;
function masterKey(): Promise<CryptoKey> {
  master ??= crypto.subtle.importKey('raw', encoder.encode(process.env.AUTH_MASTER_SECRET!), 'HKDF', false, ['deriveKey']);
  return master;
}
export async function derive(purpose: 'cookie' | 'payload'): Promise<CryptoKey> {
  const params = { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(16), info: encoder.encode(\`app/\${purpose}\`) };
  if (purpose === 'payload') {
    return crypto.subtle.deriveKey(params, await masterKey(), { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  }
  return crypto.subtle.deriveKey(params, await masterKey(), { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign', 'verify']);
}
`,
    },
    {
      name: 'HKDF deriveKey chosen by a switch on the purpose the info is built from',
      code: `export async function derive(master: CryptoKey, purpose: string): Promise<CryptoKey> {
  const params = { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(16), info: new TextEncoder().encode(purpose) };
  switch (purpose) {
    case 'enc':
      return crypto.subtle.deriveKey(params, master, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
    default:
      return crypto.subtle.deriveKey(params, master, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  }
}
`,
    },
  ],
  invalid: [
    {
      name: 'one parameter-built info used for two purposes in the same run is one key',
      code: `const encoder = new TextEncoder();
export async function derive(master: CryptoKey, purpose: string) {
  const params = { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(16), info: encoder.encode(\`app/\${purpose}\`) };
  const enc = await crypto.subtle.deriveKey(params, master, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const mac = await crypto.subtle.deriveKey(params, master, { name: 'HMAC', hash: 'SHA-256', length: 256 }, false, ['sign', 'verify']);
  return { enc, mac };
}
`,
      errors: [{ messageId: 'reused' }],
    },
    {
      name: 'a Worker secret imported by two helpers for HMAC and AES-GCM: reported on the second import',
      code: `interface Env { APP_SECRET: string }
const encoder = new TextEncoder();
async function cookieKey(env: Env): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(env.APP_SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}
async function handoffKey(env: Env): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(env.APP_SECRET), 'AES-GCM', false, ['encrypt']);
}
export async function sign(env: Env, body: Uint8Array) {
  return crypto.subtle.sign('HMAC', await cookieKey(env), body);
}
export async function seal(env: Env, body: Uint8Array) {
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, await handoffKey(env), body);
}
`,
      errors: [{ messageId: 'reused', line: 7 }],
    },
  ],
});
