import rule from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// A local helper that builds an object of keys and returns it (`out[label] = Buffer.from(hkdfSync(…))` in a
// loop, then `return out`): each property a caller destructures holds fresh key bytes of its own.
const helper = `import { createCipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

function deriveSubkeys(root: Buffer, labels: readonly string[]) {
  const out = {} as Record<string, Buffer>;
  for (const label of labels) {
    out[label] = Buffer.from(hkdfSync('sha256', root, '', label, 32));
  }
  return out;
}
`;
const seal = (wipes: string) => `${helper}
export function seal(root: Buffer, data: Buffer) {
  const { enc, mac } = deriveSubkeys(root, ['enc', 'mac']);
  try {
    const cipher = createCipheriv('aes-256-gcm', enc, randomBytes(12));
    return [cipher.update(data), createHmac('sha256', mac).update(data).digest()];
  } finally {
${wipes}
  }
}
`;

const namedProperty = `import { createCipheriv, randomBytes } from 'node:crypto';

function newKeys() {
  const out = {} as { enc: Buffer; id: string };
  out.enc = randomBytes(32);
  out.id = 'k1';
  return out;
}

export function encrypt(data: Buffer) {
  const { enc, id } = newKeys();
  return [id, createCipheriv('aes-256-gcm', enc, randomBytes(12)).update(data)];
}
`;
const namedPropertyWiped = namedProperty.replace(
  "  return [id, createCipheriv('aes-256-gcm', enc, randomBytes(12)).update(data)];\n",
  "  try {\n    return [id, createCipheriv('aes-256-gcm', enc, randomBytes(12)).update(data)];\n  } finally {\n    enc.fill(0);\n  }\n",
);

createRuleTester().run('require-key-zeroization (objects of keys built by a helper)', rule, {
  valid: [
    { code: seal('    enc.fill(0);\n    mac.fill(0);'), filename: 'src/seal.ts' },
    // The helper also keeps the object: its callers share the keys and must not wipe them (decision 41).
    {
      code: seal('    enc.fill(0);').replace('  return out;', '  cache.set(root, out);\n  return out;').replace('function deriveSubkeys', 'const cache = new Map<Buffer, Record<string, Buffer>>();\nfunction deriveSubkeys'),
      filename: 'src/seal.ts',
    },
    // An object of labels and lengths, not of key bytes.
    {
      code: `function sizes(labels: string[]) {
  const out = {} as Record<string, number>;
  for (const label of labels) out[label] = label.length;
  return out;
}
export const { enc, mac } = sizes(['enc', 'mac']);
`,
      filename: 'src/sizes.ts',
    },
  ],
  invalid: [
    {
      code: seal('    enc.fill(0);'),
      filename: 'src/seal.ts',
      errors: [
        {
          messageId: 'notWiped',
          line: 12,
          column: 16,
          suggestions: [{ messageId: 'wrapInTryFinally', data: { name: 'mac', what: 'a derived key', wipe: 'mac.fill(0)' }, output: seal('    enc.fill(0);\n    mac.fill(0);') }],
        },
      ],
    },
    // A named property (`out.enc = …`): only that property holds the key.
    {
      code: namedProperty,
      filename: 'src/keys.ts',
      errors: [
        {
          messageId: 'notWiped',
          line: 11,
          column: 11,
          suggestions: [{ messageId: 'wrapInTryFinally', data: { name: 'enc', what: 'random key bytes', wipe: 'enc.fill(0)' }, output: namedPropertyWiped }],
        },
      ],
    },
  ],
});
