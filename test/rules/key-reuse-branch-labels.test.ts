import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import { createRuleTester } from './rule-tester';

// An HKDF label built from a parameter (`info: encode(`app/${purpose}`)`) in one parameter object shared by several
// `deriveKey` calls: calls in different branches of a condition on that parameter derive different subkeys, but a
// condition that only checks the parameter (`if (!purpose) throw …`) splits nothing, and two calls in one branch
// still derive one key for two purposes.

const ruleTester = createRuleTester();

const derive = (body: string) => `const encoder = new TextEncoder();
export async function derive(master: CryptoKey, purpose: string) {
  const params = { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(16), info: encoder.encode(\`app/\${purpose}\`) };
${body}}
`;

ruleTester.run('no-key-reuse-across-purposes (labels chosen by a branch)', noKeyReuseAcrossPurposes, {
  valid: [
    {
      name: 'a conditional expression picks one derivation per purpose',
      code: derive(`  return purpose === 'enc'
    ? crypto.subtle.deriveKey(params, master, { name: 'AES-GCM', length: 256 }, false, ['encrypt'])
    : crypto.subtle.deriveKey(params, master, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
`),
    },
    {
      name: 'a check of the parameter, then a guard that returns one derivation, then the other',
      code: derive(`  if (!purpose) throw new Error('purpose required');
  if (purpose === 'enc') return crypto.subtle.deriveKey(params, master, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  return crypto.subtle.deriveKey(params, master, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
`),
    },
  ],
  invalid: [
    {
      name: 'a guard that only checks the parameter does not split the two derivations after it',
      code: derive(`  if (!purpose) throw new Error('purpose required');
  const enc = await crypto.subtle.deriveKey(params, master, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
  const mac = await crypto.subtle.deriveKey(params, master, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return { enc, mac };
`),
      errors: [{ messageId: 'reused' }],
    },
    {
      name: 'two derivations in the same branch of a condition on the parameter are one key',
      code: derive(`  if (purpose !== 'none') {
    const enc = await crypto.subtle.deriveKey(params, master, { name: 'AES-GCM', length: 256 }, false, ['encrypt']);
    const mac = await crypto.subtle.deriveKey(params, master, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return { enc, mac };
  }
  return undefined;
`),
      errors: [{ messageId: 'reused' }],
    },
  ],
});
