import rule from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Fourteenth lifecycle blind set (corpus zeroization/blind-s14, part C): a `DisposableStack` whose `defer` wipes the
// key (TypeScript 5.2 `using`), a key handed to an object made for one call and dropped (`new FieldCipher(key).seal(…)`),
// and, in strict mode, an HKDF output named as a key turned into base64 for a shared cache.
const deferBeforeUses = `import { randomBytes, createCipheriv } from 'node:crypto';
export function seal(plain: Buffer): Buffer {
  using stack = new DisposableStack();
  const key = randomBytes(32);
  stack.defer(() => key.fill(0));
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}
`;
const deferAfterUses = deferBeforeUses.replace(
  "  stack.defer(() => key.fill(0));\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n",
  "  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  stack.defer(() => key.fill(0));\n",
);
const deferNotUsing = deferBeforeUses.replace('  using stack = new DisposableStack();', '  const stack = new DisposableStack();');
const temporaryObject = `import { randomBytes } from 'node:crypto';
import { FieldCipher } from './field-cipher';
export function sealOnce(value: string): string {
  const key = randomBytes(32);
  const sealed = new FieldCipher(key).seal(value, 'note');
  return sealed;
}
`;
const encodedTenantKey = `import { hkdfSync } from 'node:crypto';
export async function shareTenantKey(cache: Map<string, string>, root: Buffer, tenant: string): Promise<Buffer> {
  const tenantKey = Buffer.from(hkdfSync('sha256', root, tenant, 'tenant/v1', 32));
  cache.set(tenant, tenantKey.toString('base64'));
  return tenantKey;
}
`;

createRuleTester().run('require-key-zeroization (blind-s14)', rule, {
  valid: [
    { name: 'a DisposableStack declared with using defers the wipe right after the key exists', code: deferBeforeUses, filename: 'seal.ts' },
    {
      name: 'an AsyncDisposableStack under await using, with awaits after the defer',
      code: deferBeforeUses
        .replace('export function seal(plain: Buffer): Buffer {', 'export async function seal(plain: Buffer, audit: () => Promise<void>): Promise<Buffer> {')
        .replace('  using stack = new DisposableStack();', '  await using stack = new AsyncDisposableStack();')
        .replace('  const iv = randomBytes(12);', '  await audit();\n  const iv = randomBytes(12);'),
      filename: 'seal.ts',
    },
    {
      name: 'DisposableStack#adopt with a callback that wipes what it is given',
      code: deferBeforeUses.replace('  stack.defer(() => key.fill(0));', '  stack.adopt(key, (k) => k.fill(0));'),
      filename: 'seal.ts',
    },
    {
      name: 'a kept object holds the key (it may wipe it later)',
      code: temporaryObject.replace("  const sealed = new FieldCipher(key).seal(value, 'note');\n  return sealed;", "  const cipher = new FieldCipher(key);\n  registry.add(cipher);\n  return cipher.seal(value, 'note');").replace('export function', 'declare const registry: Set<unknown>;\nexport function'),
      filename: 'seal.ts',
    },
    {
      name: 'the result of a method on a temporary object is returned: it may be the object itself',
      code: temporaryObject.replace("  const sealed = new FieldCipher(key).seal(value, 'note');\n  return sealed;", "  return new FieldCipher(key).seal(value, 'note');"),
      filename: 'seal.ts',
    },
    {
      name: 'strict: an HKDF output named as a token, encoded, is not a key',
      code: encodedTenantKey.replace(/tenantKey/g, 'linkToken').replace("'tenant/v1'", "'link-token/v1'").replace('  return linkToken;', "  return linkToken.toString('base64url');").replace('Promise<Buffer>', 'Promise<string>'),
      filename: 'tokens.ts',
      options: [{ checkStringConversion: true }],
    },
  ],
  invalid: [
    {
      name: 'a defer registered after a use that can throw',
      code: deferAfterUses,
      filename: 'seal.ts',
      errors: [
        {
          messageId: 'wipedOnHappyPathOnly',
          line: 4,
          column: 9,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: deferAfterUses.replace(
                "  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  stack.defer(() => key.fill(0));\n  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);\n",
                "  try {\n    const iv = randomBytes(12);\n    const cipher = createCipheriv('aes-256-gcm', key, iv);\n    return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);\n  } finally {\n    key.fill(0);\n  }\n",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a stack that is never disposed (no using) runs no deferred wipe',
      code: deferNotUsing,
      filename: 'seal.ts',
      errors: [
        {
          messageId: 'wipedOnHappyPathOnly',
          line: 4,
          column: 9,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: deferNotUsing.replace(
                "  stack.defer(() => key.fill(0));\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);\n",
                "  try {\n    stack.defer(() => key.fill(0));\n    const iv = randomBytes(12);\n    const cipher = createCipheriv('aes-256-gcm', key, iv);\n    return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);\n  } finally {\n    key.fill(0);\n  }\n",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'DisposableStack#adopt with a callback that only logs',
      code: deferBeforeUses.replace('  stack.defer(() => key.fill(0));', '  stack.adopt(key, (k) => console.debug(k.length));'),
      filename: 'seal.ts',
      errors: [
        {
          messageId: 'notWiped',
          line: 4,
          column: 9,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: deferBeforeUses.replace(
                "  stack.defer(() => key.fill(0));\n  const iv = randomBytes(12);\n  const cipher = createCipheriv('aes-256-gcm', key, iv);\n  return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);\n",
                "  try {\n    stack.adopt(key, (k) => console.debug(k.length));\n    const iv = randomBytes(12);\n    const cipher = createCipheriv('aes-256-gcm', key, iv);\n    return Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);\n  } finally {\n    key.fill(0);\n  }\n",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a key handed to an object made for one call and dropped',
      code: temporaryObject,
      filename: 'seal.ts',
      errors: [
        {
          messageId: 'notWiped',
          line: 4,
          column: 9,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: temporaryObject.replace(
                "  const sealed = new FieldCipher(key).seal(value, 'note');\n  return sealed;\n",
                "  try {\n    const sealed = new FieldCipher(key).seal(value, 'note');\n    return sealed;\n  } finally {\n    key.fill(0);\n  }\n",
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'strict: an HKDF output named as a key, turned into base64 for a shared cache',
      code: encodedTenantKey,
      filename: 'tenant.ts',
      options: [{ checkStringConversion: true }],
      errors: [{ messageId: 'keyToString', line: 4, column: 21 }],
    },
  ],
});
