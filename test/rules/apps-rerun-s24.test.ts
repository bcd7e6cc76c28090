import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Found re-running the real-world lists after blind round s24 (session 24): node-jose's JWS verify decodes the
// certificate of the header's `x5c` chain into a binding called `algKey` (`algKey = sig.header.x5c[0]; algKey =
// Buffer.from(algKey, 'base64')`). A certificate is a public document: its bytes are no copy of a secret.
createRuleTester().run('require-key-zeroization (decoded certificates)', requireKeyZeroization, {
  valid: [
    {
      name: 'the first certificate of a JWS x5c chain, decoded through the variable it was stored in',
      code: [
        "import { JWK } from 'node-jose';",
        'export function keyOf(sig, opts) {',
        '  let algKey;',
        '  if (opts.allowEmbeddedKey && sig.header.x5c) {',
        '    algKey = sig.header.x5c[0];',
        "    algKey = Buffer.from(algKey, 'base64');",
        "    return JWK.asKey(algKey, 'pkix');",
        '  }',
        '  return null;',
        '}',
      ].join('\n'),
    },
    {
      name: 'a PEM certificate chain decoded straight from its field',
      code: "export function leafDer(options) {\n  const signingKeyCert = Buffer.from(options.certificates[0], 'base64');\n  return signingKeyCert.subarray(0, 32);\n}\n",
    },
  ],
  invalid: [
    {
      name: 'a secret decoded through the variable it was stored in is still a copy of a secret',
      code: [
        "import { createHmac } from 'node:crypto';",
        'export function tag(config, body) {',
        '  let signingKey = config.secrets.signingKey;',
        "  signingKey = Buffer.from(signingKey, 'base64');",
        "  return createHmac('sha256', signingKey).update(body).digest('hex');",
        '}',
      ].join('\n'),
      filename: 'file.js',
      errors: [
        {
          messageId: 'notWiped',
          line: 3,
          column: 7,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: [
                "import { createHmac } from 'node:crypto';",
                'export function tag(config, body) {',
                '  let signingKey = config.secrets.signingKey;',
                "  signingKey = Buffer.from(signingKey, 'base64');",
                '  try {',
                "    return createHmac('sha256', signingKey).update(body).digest('hex');",
                '  } finally {',
                '    signingKey.fill(0);',
                '  }',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
  ],
});
