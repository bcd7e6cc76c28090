import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// A key that reaches a function as base64 text and is decoded inline, the browser's and the edge runtimes' way
// (`Uint8Array.from(atob(text), (c) => c.charCodeAt(0))`, no `Buffer`), holds fresh key bytes exactly as
// `Buffer.from(text, 'base64')` or a local decoding helper around the same expression does: named as a key or used as
// one, they must be wiped. Bytes decoded the same way for an IV or a ciphertext are not key bytes, and neither are a
// public key's (`importKey('spki', der, …)`), however they were decoded.

const ruleTester = createRuleTester();

const code = (body: string) => `export async function reencrypt(exportKeyB64: string, plain: ArrayBuffer): Promise<ArrayBuffer> {
${body}}
`;

ruleTester.run('require-key-zeroization (inline base64 decode)', requireKeyZeroization, {
  valid: [
    {
      name: 'decoded inline from a parameter and wiped in finally',
      code: code(`  const exportKeyBytes = Uint8Array.from(atob(exportKeyB64), (c) => c.charCodeAt(0));
  try {
    const exportKey = await crypto.subtle.importKey('raw', exportKeyBytes, 'AES-GCM', false, ['encrypt']);
    return await crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, exportKey, plain);
  } finally {
    exportKeyBytes.fill(0);
  }
`),
    },
    {
      name: 'an IV and a ciphertext decoded inline from parameters are not key bytes',
      code: `export async function open(key: CryptoKey, ivText: string, ctText: string): Promise<ArrayBuffer> {
  const iv = Uint8Array.from(atob(ivText), (c) => c.charCodeAt(0));
  const body = Uint8Array.from(atob(ctText), (c) => c.charCodeAt(0));
  return crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, body);
}
`,
    },
    {
      name: 'a public key decoded inline and imported as spki',
      code: `export async function importRecipient(spkiB64: string): Promise<CryptoKey> {
  const der = Uint8Array.from(atob(spkiB64), (c) => c.charCodeAt(0));
  return crypto.subtle.importKey('spki', der, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['wrapKey']);
}
`,
    },
    {
      name: 'a public key decoded with Buffer.from and imported as spki',
      code: `export async function importRecipient(spkiB64: string): Promise<CryptoKey> {
  const der = Buffer.from(spkiB64, 'base64');
  return crypto.subtle.importKey('spki', der, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['wrapKey']);
}
`,
    },
    {
      name: 'a thumbnail decoded inline for display is not key bytes',
      code: `export function thumbnailBlob(previewB64: string): Blob {
  const bytes = Uint8Array.from(atob(previewB64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'image/png' });
}
`,
    },
  ],
  invalid: [
    {
      name: 'decoded inline from a parameter into a key-named binding, imported, never wiped',
      code: code(`  const exportKeyBytes = Uint8Array.from(atob(exportKeyB64), (c) => c.charCodeAt(0));
  const exportKey = await crypto.subtle.importKey('raw', exportKeyBytes, 'AES-GCM', false, ['encrypt']);
  return crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, exportKey, plain);
`),
      errors: [
        {
          messageId: 'notWiped',
          line: 2,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { name: 'exportKeyBytes', what: 'a copy of a secret', wipe: 'exportKeyBytes.fill(0)' },
              output: code(`  const exportKeyBytes = Uint8Array.from(atob(exportKeyB64), (c) => c.charCodeAt(0));
  try {
    const exportKey = await crypto.subtle.importKey('raw', exportKeyBytes, 'AES-GCM', false, ['encrypt']);
    return crypto.subtle.encrypt({ name: 'AES-GCM', iv: crypto.getRandomValues(new Uint8Array(12)) }, exportKey, plain);
  } finally {
    exportKeyBytes.fill(0);
  }
`),
            },
          ],
        },
      ],
    },
    {
      name: 'decoded inline from text not named as a key, used as the HMAC key',
      code: `export async function sign(material: string, payload: Uint8Array): Promise<ArrayBuffer> {
  const raw = Uint8Array.from(atob(material), (c) => c.charCodeAt(0));
  const hmacKey = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return crypto.subtle.sign('HMAC', hmacKey, payload);
}
`,
      errors: [
        {
          messageId: 'notWiped',
          line: 2,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { name: 'raw', what: 'a copy of a secret', wipe: 'raw.fill(0)' },
              output: `export async function sign(material: string, payload: Uint8Array): Promise<ArrayBuffer> {
  const raw = Uint8Array.from(atob(material), (c) => c.charCodeAt(0));
  try {
    const hmacKey = await crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return crypto.subtle.sign('HMAC', hmacKey, payload);
  } finally {
    raw.fill(0);
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
