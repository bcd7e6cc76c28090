import rule from '../../rules/no-key-reuse-across-purposes';
import { createRuleTester } from './rule-tester';

// Twelfth lifecycle blind set (corpus key-purpose/blind-s12): a private JWK imported once as an RSA-OAEP
// CryptoKey with usages `['decrypt', 'unwrapKey']` and used for both. The mixed usages are the mistake,
// reported where they are written; the JWK the key was imported from is not reported a second time.
const escrow = `const subtle = globalThis.crypto.subtle;
export async function escrowKey(jwkText: string): Promise<CryptoKey> {
  const jwk = JSON.parse(jwkText) as JsonWebKey;
  return subtle.importKey('jwk', jwk, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['decrypt', 'unwrapKey']);
}
export async function use(jwkText: string, wrapped: Uint8Array, ticket: Uint8Array) {
  const key = await escrowKey(jwkText);
  const dataKey = await subtle.unwrapKey('raw', wrapped, key, { name: 'RSA-OAEP' }, { name: 'AES-GCM' }, false, ['decrypt']);
  const text = await subtle.decrypt({ name: 'RSA-OAEP' }, key, ticket);
  return { dataKey, text };
}
`;

createRuleTester().run('no-key-reuse-across-purposes (blind-s12)', rule, {
  valid: [
    {
      name: 'the same JWK imported with one purpose only',
      code: escrow.replace("['decrypt', 'unwrapKey']", "['unwrapKey']").replace(
        "  const text = await subtle.decrypt({ name: 'RSA-OAEP' }, key, ticket);\n  return { dataKey, text };",
        '  return { dataKey };',
      ),
    },
  ],
  invalid: [
    {
      name: 'one finding, on the importKey whose usages mix decrypt and unwrapKey (not again on the JWK)',
      code: escrow,
      errors: [{ messageId: 'mixedUsages', line: 4, column: 10 }],
    },
  ],
});
