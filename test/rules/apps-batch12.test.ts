import noKeyReuse from '../../rules/no-key-reuse-across-purposes';
import { createRuleTester } from './rule-tester';

// Found by linting the twelfth batch of packages (bench/apps12-packages.json, reviewed in
// docs/benchmark-review.md); each case sits next to the look-alike that must keep its verdict.
const ruleTester = createRuleTester();

ruleTester.run('no-key-reuse-across-purposes (application packages, batch 12)', noKeyReuse, {
  valid: [
    {
      name: "the caller's key goes to an HMAC helper or a signature helper, by the auth type the caller names (@aftership/tracking-sdk)",
      code: `import crypto from 'node:crypto';
interface SignParams { message: string; authType: 'AES' | 'RSA'; privateKey?: string }
export class RequestSigner {
  static sign(params: SignParams): string {
    if (params.authType === 'AES') {
      return this.signAes(params.message, params.privateKey);
    } else if (params.authType === 'RSA') {
      return this.signRsa(params.message, params.privateKey);
    }
    return '';
  }
  private static signAes(message: string, privateKey = ''): string {
    return crypto.createHmac('sha256', privateKey).update(message).digest('base64');
  }
  private static signRsa(message: string, privateKey = ''): string {
    return crypto.createSign('RSA-SHA256').update(message).sign(privateKey, 'base64');
  }
}
`,
    },
    {
      name: 'a switch over the scheme picks one of two module helpers for the key in the options the caller passes',
      code: `const crypto = require('crypto');
function hmacSignature(body, key) {
  return crypto.createHmac('sha256', key).update(body).digest('hex');
}
function rsaSignature(body, key) {
  return crypto.sign('sha256', Buffer.from(body), key).toString('base64');
}
function signBody(body, options) {
  switch (options.scheme) {
    case 'hmac':
      return hmacSignature(body, options.key);
    case 'rsa':
      return rsaSignature(body, options.key);
    default:
      throw new Error('unknown scheme');
  }
}
module.exports = { signBody };
`,
    },
  ],
  invalid: [
    {
      name: "both helpers run for every call: one key of the caller's options is an HMAC key and a signing key",
      code: `import crypto from 'node:crypto';
interface SignParams { message: string; privateKey: string }
export class RequestSigner {
  static sign(params: SignParams): string[] {
    return [this.signAes(params.message, params.privateKey), this.signRsa(params.message, params.privateKey)];
  }
  private static signAes(message: string, privateKey: string): string {
    return crypto.createHmac('sha256', privateKey).update(message).digest('base64');
  }
  private static signRsa(message: string, privateKey: string): string {
    return crypto.createSign('RSA-SHA256').update(message).sign(privateKey, 'base64');
  }
}
`,
      errors: [{ messageId: 'reusedKeyPair', line: 11 }],
    },
    {
      name: 'a module key picked for one helper or the other by the scheme: the same key in both branches is still one key for two purposes',
      code: `const crypto = require('crypto');
const SIGNING_KEY = process.env.SIGNING_KEY;
function hmacSignature(body, key) {
  return crypto.createHmac('sha256', key).update(body).digest('hex');
}
function rsaSignature(body, key) {
  return crypto.sign('sha256', Buffer.from(body), key).toString('base64');
}
function signBody(body, scheme) {
  return scheme === 'hmac' ? hmacSignature(body, SIGNING_KEY) : rsaSignature(body, SIGNING_KEY);
}
module.exports = { signBody };
`,
      errors: [{ messageId: 'reusedKeyPair', line: 2 }],
    },
  ],
});
