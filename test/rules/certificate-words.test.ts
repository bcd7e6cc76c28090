import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Session 25: the analyses that ask "does this name name a certificate?" share one list (names.ts
// namesCertificate). Before, digest-purpose knew `cert`, `certificate`, `x509` and `crt` but not the plurals or
// JOSE's `x5c` chain, and the key-bytes search knew `x5c` and the plurals but not `crt`.
createRuleTester().run('no-weak-algorithm (certificate chains)', noWeakAlgorithm, {
  valid: [
    {
      name: "a SHA-1 digest of a chain's leaf certificate, only logged, in a function whose name says verify",
      code: [
        "import { createHash } from 'node:crypto';",
        'export function verifySignature(certs, log) {',
        "  const hash = createHash('sha1').update(certs[0]).digest('hex');",
        "  log.debug({ hash }, 'signer certificate');",
        '}',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'a thumbprint of the same chain checked against pinned values is a security check',
      code: [
        "import { createHash } from 'node:crypto';",
        'export function pinned(certs, PINS) {',
        "  const thumbprint = createHash('sha1').update(certs[0]).digest('hex');",
        '  return PINS.includes(thumbprint);',
        '}',
      ].join('\n'),
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              data: { name: 'SHA-1', replacement: 'sha256' },
              output: [
                "import { createHash } from 'node:crypto';",
                'export function pinned(certs, PINS) {',
                "  const thumbprint = createHash('sha256').update(certs[0]).digest('hex');",
                '  return PINS.includes(thumbprint);',
                '}',
              ].join('\n'),
            },
          ],
        },
      ],
    },
  ],
});

createRuleTester().run('require-key-zeroization (certificate files)', requireKeyZeroization, {
  valid: [
    {
      name: "a Kubernetes TLS secret's tls.crt decoded into a key-named binding is the certificate, not key bytes",
      code: [
        "import { createHmac } from 'node:crypto';",
        'export function channelBinding(secret, transcript) {',
        "  const bindingKey = Buffer.from(secret.data['tls.crt'], 'base64');",
        "  return createHmac('sha256', bindingKey).update(transcript).digest('hex');",
        '}',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: "the same secret's tls.key decoded and used as a MAC key is key bytes",
      code: [
        "import { createHmac } from 'node:crypto';",
        'export function channelBinding(secret, transcript) {',
        "  const bindingKey = Buffer.from(secret.data['tls.key'], 'base64');",
        "  return createHmac('sha256', bindingKey).update(transcript).digest('hex');",
        '}',
      ].join('\n'),
      errors: [
        {
          messageId: 'notWiped',
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { name: 'bindingKey', what: 'a copy of a secret', wipe: 'bindingKey.fill(0)' },
              output: [
                "import { createHmac } from 'node:crypto';",
                'export function channelBinding(secret, transcript) {',
                "  const bindingKey = Buffer.from(secret.data['tls.key'], 'base64');",
                '  try {',
                "    return createHmac('sha256', bindingKey).update(transcript).digest('hex');",
                '  } finally {',
                '    bindingKey.fill(0);',
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
