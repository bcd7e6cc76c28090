import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// False positives found by linting the ninth batch of packages (bench/apps9-packages.json,
// reviewed in docs/benchmark-review.md), each next to the look-alike that must still be reported.
const ruleTester = createRuleTester();
const commonjs = { sourceType: 'commonjs', parserOptions: { sourceType: 'script', ecmaFeatures: { globalReturn: true } } } as never;

ruleTester.run('no-weak-algorithm (application packages, batch 9)', noWeakAlgorithm, {
  valid: [
    {
      name: "a hash kept in a class field on one branch of a ternary, its digest recorded as the attachment's checksum (mailparser's StreamHash)",
      code: `const crypto = require('node:crypto');
const { Transform } = require('node:stream');
class StreamHash extends Transform {
  constructor(attachment, algo) {
    super();
    this.attachment = attachment;
    this.algo = algo === false ? false : (algo || 'md5').toLowerCase();
    this.hash = this.algo === false ? null : crypto.createHash(this.algo);
    this.byteCount = 0;
  }
  _transform(chunk, encoding, done) {
    this.hash?.update(chunk);
    this.byteCount += chunk.length;
    done(null, chunk);
  }
  _flush(done) {
    if (this.hash) this.attachment.checksum = this.hash.digest('hex');
    this.attachment.size = this.byteCount;
    done();
  }
}
module.exports = StreamHash;
`,
      languageOptions: commonjs,
    },
    {
      name: "a digest of the command line as TLS's sessionIdContext, an opaque identifier (smtp-server's tls-options)",
      code: `const crypto = require('crypto');
module.exports = {
  honorCipherOrder: true,
  sessionIdContext: crypto.createHash('sha1').update(process.argv.join(' ')).digest('hex').slice(0, 32),
  minVersion: 'TLSv1.2',
};
`,
      languageOptions: commonjs,
    },
    {
      name: "six hex digits of an MD5 of the CI run's id as a test run's tag (postmark's integration tests)",
      code: `import { createHash } from 'crypto';
export function getTestRunTag(): string {
  const nodeMajor = (process.versions.node || '0').split('.')[0];
  const base = process.env.CIRCLE_WORKFLOW_ID || process.env.GITHUB_RUN_ID || \`\${Date.now()}\`;
  const hash = createHash('md5').update(base).digest('hex').slice(0, 6);
  return \`ci-\${nodeMajor}-\${hash}\`;
}
`,
    },
  ],
  invalid: [
    {
      name: "a hash in a class field on one branch of a ternary whose digest becomes a reset token",
      code: `const crypto = require('node:crypto');
class ResetTokens {
  constructor(fast) {
    this.hash = fast ? crypto.createHash('md5') : crypto.createHash('sha256');
  }
  issue(userId, now) {
    this.hash.update(userId + ':' + now);
    this.resetToken = this.hash.digest('hex');
    return this.resetToken;
  }
}
module.exports = ResetTokens;
`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'weakHash',
          line: 4,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              output: `const crypto = require('node:crypto');
class ResetTokens {
  constructor(fast) {
    this.hash = fast ? crypto.createHash('sha256') : crypto.createHash('sha256');
  }
  issue(userId, now) {
    this.hash.update(userId + ':' + now);
    this.resetToken = this.hash.digest('hex');
    return this.resetToken;
  }
}
module.exports = ResetTokens;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a short prefix of an MD5 compared with what the user typed is a check, not a tag',
      code: `import { createHash } from 'crypto';
export function confirmCode(email: string, typed: string): boolean {
  const code = createHash('md5').update(email).digest('hex').slice(0, 6);
  return code === typed;
}
`,
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              output: `import { createHash } from 'crypto';
export function confirmCode(email: string, typed: string): boolean {
  const code = createHash('sha256').update(email).digest('hex').slice(0, 6);
  return code === typed;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a short prefix of an MD5 of a password is still a digest of a password',
      code: `import { createHash } from 'crypto';
export function passwordHint(password: string): string {
  return createHash('md5').update(password).digest('hex').slice(0, 8);
}
`,
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              output: `import { createHash } from 'crypto';
export function passwordHint(password: string): string {
  return createHash('sha256').update(password).digest('hex').slice(0, 8);
}
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('require-key-zeroization (application packages, batch 9)', requireKeyZeroization, {
  valid: [
    {
      name: "base64 bytes only parsed as an OCSP certificate id, for a cache key (snowflake-sdk's cert_util)",
      code: `const rfc2560 = require('asn1.js-rfc2560');
const encodeKey = function (base64Key) {
  const buff = Buffer.from(base64Key, 'base64');
  const certID = rfc2560.CertID.decode(buff, 'der');
  return certID.issuerNameHash.toString('base64') + '#' + certID.serialNumber.toString(10);
};
exports.encodeKey = encodeKey;
`,
      languageOptions: commonjs,
    },
  ],
  invalid: [
    {
      name: 'base64 bytes parsed as a private key structure are still key bytes',
      code: `const rfc5208 = require('asn1.js-rfc5208');
const decodeKey = function (base64Key) {
  const buff = Buffer.from(base64Key, 'base64');
  const info = rfc5208.PrivateKeyInfo.decode(buff, 'der');
  return info.privateKey;
};
exports.decodeKey = decodeKey;
`,
      languageOptions: commonjs,
      errors: [
        {
          messageId: 'notWiped',
          line: 3,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `const rfc5208 = require('asn1.js-rfc5208');
const decodeKey = function (base64Key) {
  const buff = Buffer.from(base64Key, 'base64');
  try {
    const info = rfc5208.PrivateKeyInfo.decode(buff, 'der');
    return info.privateKey;
  } finally {
    buff.fill(0);
  }
};
exports.decodeKey = decodeKey;
`,
            },
          ],
        },
      ],
    },
  ],
});
