import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import minKeyStrength from '../../rules/min-key-strength';
import noKeyReuse from '../../rules/no-key-reuse-across-purposes';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// False positives found by linting batches of application packages
// (bench/apps2-packages.json, bench/apps3-packages.json, reviewed in
// docs/benchmark-review.md), each with the look-alike that must still be reported.
const ruleTester = createRuleTester();

// samlify's urn.js: XML Encryption algorithm identifiers under names like AES_128.
const algorithmUris = `export const algorithms = {
  encryption: {
    data: {
      AES_128: 'http://www.w3.org/2001/04/xmlenc#aes128-cbc',
      AES_256_GCM: 'http://www.w3.org/2009/xmlenc11#aes256-gcm',
    },
    key: { RSA_OAEP_MGF1P: 'http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p' },
  },
};
export const SIGNING_KEY_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent';
`;

ruleTester.run('no-hardcoded-key (application packages, batch 2)', noHardcodedKey, {
  valid: [{ name: 'algorithm URIs and URNs under key-like names are identifiers, not key material', code: algorithmUris }],
  invalid: [
    {
      name: 'a generated passphrase under a key name is still key material',
      code: `export const SIGNING_KEY = 'k9#Qz!vW2@xL7pR4&mN8';`,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 1,
          column: 28,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { envVar: 'SIGNING_KEY', format: 'the same string' },
              output: `export const SIGNING_KEY = requireEnv('SIGNING_KEY');${REQUIRE_ENV_TS}`,
            },
          ],
        },
      ],
    },
  ],
});

// nodemailer's XOAUTH2 service-account JWT: the clock gives the claims' iat and exp.
const jwtClaims = `import jwt from 'jsonwebtoken';
export function serviceAccountToken(clientEmail: string, privateKey: string): string {
  const iat = Math.floor(Date.now() / 1000);
  const tokenData = { iss: clientEmail, scope: 'https://mail.google.com/', aud: 'https://oauth2.googleapis.com/token', iat, exp: iat + 3600 };
  return jwt.sign(tokenData, privateKey, { algorithm: 'RS256' });
}
`;
// verdaccio-htpasswd: an htpasswd line ends with a comment saying when it was created.
const htpasswdLine = `export function addUserToHTPasswd(body: string, user: string, hash: string): string {
  const comment = 'autocreated ' + new Date().toJSON();
  return body + user + ':' + hash + ':' + comment + '\\n';
}
`;

ruleTester.run('no-insecure-randomness (application packages, batch 2)', noInsecureRandomness, {
  valid: [
    { name: "a clock read kept as a JWT's iat/exp claims, in an object named for the token", code: jwtClaims },
    { name: 'a creation date in the comment of an htpasswd line', code: htpasswdLine },
  ],
  invalid: [
    {
      name: 'a clock read as the id field of a session record is still a predictable session id',
      code: `export function newSession(userId: string) {
  const session = { id: Date.now().toString(36), userId, createdAt: Date.now() };
  return session;
}`,
      errors: [{ messageId: 'predictableSecret', line: 2, column: 25 }],
    },
    {
      name: 'a clock read under a time name and hashed into a token field is still reported',
      code: `import { createHash } from 'node:crypto';
export function verificationRecord(email: string) {
  const issuedAt = Date.now();
  return { token: createHash('sha256').update(email + issuedAt).digest('hex'), issuedAt };
}`,
      errors: [{ messageId: 'predictableSecret', line: 3, column: 20 }],
    },
  ],
});

// The oauth package's OAuth 1.0a signer: one variable holds the HMAC secret, and the RSA branch
// assigns the private key to it just before signing.
const oauthSigner = `import crypto from 'node:crypto';
export class OAuth {
  constructor(private consumerSecret: string, private privateKey: string, private method: string) {}
  createSignature(signatureBase: string, tokenSecret: string): string {
    let key = this.consumerSecret + '&' + tokenSecret;
    if (this.method === 'RSA-SHA256') {
      key = this.privateKey || '';
      return crypto.createSign('RSA-SHA256').update(signatureBase).sign(key, 'base64');
    }
    return crypto.createHmac('sha256', key).update(signatureBase).digest('base64');
  }
}
`;

ruleTester.run('no-key-reuse-across-purposes (application packages, batch 2)', noKeyReuse, {
  valid: [{ name: 'a variable given another key before one of its uses holds two keys', code: oauthSigner }],
  invalid: [
    {
      name: 'a reassignment that every use sees is still one key: signing and decryption with it are reuse',
      code: `import crypto from 'node:crypto';
export function signAndOpen(pem: string, data: Buffer): Buffer[] {
  let key: crypto.KeyObject | string = pem;
  key = crypto.createPrivateKey(key);
  const signature = crypto.sign('sha256', data, key);
  const opened = crypto.privateDecrypt(key, data);
  return [signature, opened];
}`,
      errors: [{ messageId: 'reusedKeyPair', line: 3, column: 7 }],
    },
  ],
});

// @workos-inc/node (batch 3): one bundled file encrypts with a key named \`key\`, and a
// feature-flag evaluator elsewhere in it logs the invalid keys of a context record.
const vaultAndFlags = (logged: string) => `import { createCipheriv, randomBytes } from 'node:crypto';
export class Vault {
  seal(plaintext: Buffer): { key: Buffer; sealed: Buffer } {
    const key = randomBytes(32);
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    ${logged}
    const sealed = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
    return { key, sealed };
  }
}
export class Evaluator {
  constructor(private logger?: { warn(message: string): void }) {}
  normalize(record: Record<string, unknown>): string[] {
    const typedKeys: string[] = [];
    for (const key of Object.keys(record)) {
      if (!/^[a-z_]+$/.test(key)) {
        this.logger?.warn(\`Ignoring invalid target type in evaluation context: \${key}\`);
        continue;
      }
      typedKeys.push(key);
    }
    return typedKeys;
  }
}
`;

ruleTester.run('no-plaintext-data-key-exposure (application packages, batch 3)', noPlaintextDataKeyExposure, {
  valid: [{ name: "a record's keys logged in one class are not the key named key in another", code: vaultAndFlags("console.debug('sealing', plaintext.length, 'bytes');") }],
  invalid: [
    {
      name: 'the key itself written to the log is still reported',
      code: vaultAndFlags("console.debug('data key', key.toString('hex'));"),
      errors: [{ messageId: 'secretLogged', line: 7 }],
    },
  ],
});

// hono's JWT verifier: the current time is handed to the error it throws when a token's
// `iat` lies in the future. A thrown object reports; it keeps no credential (batch 4).
const thrownClockError = `export function verifyIssuedAt(payload: { iat?: number }) {
  const now = Math.floor(Date.now() / 1e3);
  if (payload.iat !== undefined && now < payload.iat) throw new JwtTokenIssuedAt(now, payload.iat);
  return payload;
}`;

ruleTester.run('no-insecure-randomness (application packages, batch 4)', noInsecureRandomness, {
  valid: [{ name: 'the clock handed to a thrown error named for a token', code: thrownClockError }],
  invalid: [
    {
      name: 'the same constructor not thrown keeps the value: a token record',
      code: `export function issue(userId: string) {
  const record = new JwtTokenRecord(userId, Date.now().toString(36));
  return record;
}`,
      errors: [{ messageId: 'predictableCredentialCall', line: 2, column: 45 }],
    },
  ],
});

// @dotenvx/dotenvx's CLI help: an example command whose value is the first line of an OpenSSH
// key, the line every unencrypted OpenSSH key starts with; it holds no key (batch 4).
const sshKeyHelp = (body: string) => `export const setHelp = () => \`
Examples:
  $ dotenvx set KEY -- "-----BEGIN OPENSSH PRIVATE KEY-----
${body}
-----END OPENSSH PRIVATE KEY-----"
\`;`;

ruleTester.run('no-hardcoded-key (application packages, batch 4)', noHardcodedKey, {
  valid: [{ name: 'the common first line of an OpenSSH key, shown in a help text', code: sshKeyHelp('b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW') }],
  invalid: [
    {
      name: 'a whole OpenSSH key in the same help text is a key',
      code: sshKeyHelp(`b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
QyNTUxOQAAACDvnv3F20LN/VxPsM5KlAWdemD6WPm/1EwSkS8sfH6W+AAAAJAeJHX+HiR1
/gAAAAtzc2gtZWQyNTUxOQAAACDvnv3F20LN/VxPsM5KlAWdemD6WPm/1EwSkS8sfH6W+A
AAAECiCNEXds9VizBsvlHmtCUV2pMxWB9RcX9XBA2tMe62CO+e/cXbQs39XE+wzkqUBZ16
YPpY+b/UTBKRLyx8fpb4AAAAB3Jvb3RAdm0BAgMEBQY=`),
      errors: [{ messageId: 'embeddedPrivateKey', data: { label: 'PEM openssh private key' }, line: 1 }],
    },
  ],
});

// fast-jwt's signer and verifier: the algorithm its caller names picks HMAC or a signature,
// through a constant made from that parameter (batch 4).
const jwtDispatch = (typeSource: string) => `import { createHmac, sign, verify, timingSafeEqual } from 'node:crypto';
export function createSignature(algorithm: string, key: Buffer, input: string): string {
  const type = ${typeSource};
  const alg = 'sha' + algorithm.slice(2);
  switch (type) {
    case 'HS':
      return createHmac(alg, key).update(input).digest('base64url');
    case 'Ed':
      return sign(undefined, Buffer.from(input), key).toString('base64url');
    default:
      throw new Error('unsupported algorithm ' + algorithm);
  }
}
export function verifySignature(algorithm: string, key: Buffer, input: string, signature: Buffer): boolean {
  const type = ${typeSource};
  if (type === 'HS') {
    return timingSafeEqual(createHmac('sha' + algorithm.slice(2), key).update(input).digest(), signature);
  } else if (type === 'Ed') {
    return verify(undefined, Buffer.from(input), key, signature);
  }
  return false;
}`;

ruleTester.run('no-key-reuse-across-purposes (application packages, batch 4)', noKeyReuse, {
  valid: [{ name: "a switch and an if/else on a constant made from the caller's algorithm", code: jwtDispatch('algorithm.slice(0, 2)') }],
  invalid: [
    {
      name: 'the same branches on a setting fixed outside the function use the caller key for both, every call alike',
      code: jwtDispatch("(process.env.JWT_ALG ?? 'HS256').slice(0, 2)"),
      errors: [
        { messageId: 'reusedKeyPair', line: 9 },
        { messageId: 'reusedKeyPair', line: 19 },
      ],
    },
  ],
});

// lucia's vendored scrypt (after @noble/hashes): RFC 7914 wraps the memory-hard mix in single-iteration
// PBKDF2-HMAC-SHA256; the cost is N, r and p (batch 4).
const scryptConstruction = (name: string) => `import { pbkdf2 } from '@noble/hashes/pbkdf2';
import { sha256 } from '@noble/hashes/sha2';
export function ${name}(password: Uint8Array, salt: Uint8Array, mix: (b: Uint8Array) => Uint8Array): Uint8Array {
  const blocks = pbkdf2(sha256, password, salt, { c: 1, dkLen: 1024 });
  return pbkdf2(sha256, password, mix(blocks), { c: 1, dkLen: 32 });
}`;

ruleTester.run('min-key-strength (application packages, batch 4)', minKeyStrength, {
  valid: [{ name: "scrypt's own single-iteration PBKDF2 steps", code: scryptConstruction('scrypt') }],
  invalid: [
    {
      name: 'one PBKDF2 iteration anywhere else is still reported',
      code: scryptConstruction('deriveKey'),
      errors: [
        { messageId: 'lowIterations', line: 4 },
        { messageId: 'lowIterations', line: 5 },
      ],
    },
  ],
});

// qiniu's region cache (batch 5): the hash object is reduce's initial value, the callback hands it on
// with `update`, and `.digest` is called on reduce's result.
const foldedDigest = (name: string, use: string) => `import crypto from 'node:crypto';
export function ${name}(hosts: string[], store: Map<string, string>) {
  const digest = hosts.slice().sort().reduce((hash, host) => hash.update(host), crypto.createHash('md5')).digest('hex');
  ${use}
}`;

ruleTester.run('no-weak-algorithm (application packages, batch 5)', noWeakAlgorithm, {
  valid: [{ name: 'a hash folded over a list by reduce, used as a cache key', code: foldedDigest('regionsKey', "const cacheKey = [digest, 'v1'].join(':');\n  return store.get(cacheKey);") }],
  invalid: [
    {
      name: 'the same fold used as a signature is reported, with the use it serves',
      code: foldedDigest('signHosts', "return { signature: digest };"),
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          data: { name: 'MD5', weakness: 'is broken (collisions are practical)', use: 'security (this digest is used for signature)', passwordHint: '' },
          suggestions: [{ messageId: 'useSha256Migrate', output: foldedDigest('signHosts', "return { signature: digest };").replace("'md5'", "'sha256'") }],
        },
      ],
    },
  ],
});

// qiniu's resumable uploads (batch 5): the SHA-1 of a file's name, size and mtime names the file
// that records an upload's progress.
const recordFile = (suffix: string) => `import { createHash } from 'node:crypto';
export function uploadState(dir: string, file: { name: string; size: number; mtime: number }) {
  const h = createHash('sha1');
  for (const field of [file.name, String(file.size), String(file.mtime)]) h.update(field);
  return \`\${dir}/qn-resume-\${h.digest('hex')}${suffix}\`;
}`;

ruleTester.run('no-weak-algorithm (application packages, batch 5, file names)', noWeakAlgorithm, {
  valid: [
    { name: 'a digest followed only by a file extension names a file', code: recordFile('.json') },
    { name: 'an asset name with its content hash', code: "import { createHash } from 'node:crypto';\nexport const outputFor = (source: string) => 'app.' + createHash('md5').update(source).digest('hex').slice(0, 8) + '.js';" },
  ],
  invalid: [
    {
      name: 'a digest with more than an extension after it is not a file name',
      code: recordFile('.sig:verified'),
      errors: [{ messageId: 'weakHash', line: 3, suggestions: [{ messageId: 'useSha256', output: recordFile('.sig:verified').replace("'sha1'", "'sha256'") }] }],
    },
  ],
});

// grant's OIDC helpers (batch 5): JOSE's `x5t` header is, by RFC 7515, the SHA-1 of the certificate's DER.
const certificateDigest = (name: string) => `import crypto from 'node:crypto';
export const ${name} = (cert: string) => {
  const der = Buffer.from(cert.replace(/-----(?:BEGIN|END) CERTIFICATE-----|\\s/g, ''), 'base64');
  return crypto.createHash('sha1').update(der).digest('base64url');
};`;

ruleTester.run('no-weak-algorithm (application packages, batch 5, thumbprints)', noWeakAlgorithm, {
  valid: [
    { name: "a certificate's x5t thumbprint", code: certificateDigest('x5t') },
    { name: 'a thumbprint by name', code: certificateDigest('certThumbprint') },
  ],
  invalid: [
    {
      name: "the same digest named for a signature is reported",
      code: certificateDigest('certSignature'),
      errors: [{ messageId: 'weakHash', line: 4, suggestions: [{ messageId: 'useSha256Migrate', output: certificateDigest('certSignature').replace("'sha1'", "'sha256'") }] }],
    },
  ],
});

// lucia's built scrypt (dist, batch 4 re-run): the single-iteration count is written where scrypt calls a
// local PBKDF2 wrapper around WebCrypto's deriveBits, not next to the modelled call.
const scryptThroughWrapper = (name: string) => `export async function ${name}(password: Uint8Array, salt: Uint8Array, mix: (b: Uint8Array) => Uint8Array) {
  const blocks = await pbkdf2(password, salt, { c: 1, dkLen: 1024 });
  return pbkdf2(password, mix(blocks), { c: 1, dkLen: 32 });
}
async function pbkdf2(password: Uint8Array, salt: Uint8Array, options: { c: number; dkLen: number }) {
  const key = await crypto.subtle.importKey('raw', password, 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: options.c }, key, options.dkLen * 8);
  return new Uint8Array(bits);
}`;

ruleTester.run('min-key-strength (application packages, batch 4, through a local wrapper)', minKeyStrength, {
  valid: [{ name: "scrypt's single-iteration steps through a local PBKDF2 wrapper", code: scryptThroughWrapper('scrypt') }],
  invalid: [
    {
      name: 'one iteration through the same wrapper from any other function is reported',
      code: scryptThroughWrapper('deriveKey'),
      errors: [
        { messageId: 'lowIterations', line: 2 },
        { messageId: 'lowIterations', line: 3 },
      ],
    },
  ],
});

// plivo's Babel-compiled classes: `_createClass(C, [{ key: 'stopPlayingAudioToMember', value: function … }])`,
// a method name under a bare `key` (batch 6).
ruleTester.run('no-hardcoded-key (application packages, batch 6)', noHardcodedKey, {
  valid: [
    {
      name: "a compiled class's property descriptors name their methods under `key`",
      code: `_createClass(Conference, [{
  key: 'stopPlayingAudioToMember',
  value: function stopPlayingAudioToMember(memberId) { return this.client('DELETE', memberId); },
}, {
  key: 'recordingCallbackMethodName',
  get: function get() { return this.method; },
}]);`,
    },
    {
      name: 'the key of a key/value entry is its name',
      code: `export const tags = [{ key: 'deploymentEnvironmentName', value: 'production' }, { key: 'QmVhcmVyVG9rZW5Gb3JTdGFnaW5n', value: 'staging' }];`,
    },
  ],
  invalid: [
    {
      name: 'a bare `key` holding key material, with no value beside it, is still a key',
      code: `export const cipher = { key: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08', iv: 'fixed' };`,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 1,
          column: 30,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { envVar: 'CIPHER_KEY', format: 'the same hex string' },
              output: `export const cipher = { key: requireEnv('CIPHER_KEY'), iv: 'fixed' };${REQUIRE_ENV_TS}`,
            },
          ],
        },
      ],
    },
  ],
});

// bitcoinjs-lib's crypto module: HASH160, the RIPEMD-160 of a SHA-256, is the public-key hash Bitcoin addresses
// are made of (batch 6).
const hash160Module = (name: string, input: string) => `import { ripemd160 } from '@noble/hashes/legacy';
import { sha256 } from '@noble/hashes/sha2';
export const TAGS = ['BIP0340/challenge', 'BIP0340/aux'];
export function ${name}(${input}) {
  return ripemd160(sha256(${input}));
}`;

ruleTester.run('no-weak-algorithm (application packages, batch 6)', noWeakAlgorithm, {
  valid: [{ name: "Bitcoin's HASH160 names a public key (an address), it protects nothing", code: hash160Module('hash160', 'buffer') }],
  invalid: [
    {
      name: 'the same construction over a session token is a security use',
      code: hash160Module('sessionTokenHash', 'token'),
      errors: [
        {
          messageId: 'weakHash',
          data: {
            name: 'RIPEMD-160',
            weakness: 'is too weak (its 160-bit digest gives only 80-bit collision resistance, below the 112 bits NIST requires)',
            use: 'security (this digest hashes a token)',
            passwordHint: '',
          },
          line: 5,
          column: 10,
        },
      ],
    },
  ],
});

// nodemailer's SMTP connection: `_sendCommand(str, logStr)` logs `logStr || str`, and the AUTH PLAIN
// command that carries the password passes a masked `logStr` (second application batch, session 14).
const smtpConnection = (maskArgument: string) => `import crypto from 'node:crypto';
export class SmtpConnection {
  constructor(options, logger) {
    this.options = options;
    this.logger = logger;
  }
  _sendCommand(str, logStr) {
    if (this.options.debug) {
      this.logger.debug({ tnx: 'client' }, (logStr || str || '').toString().replace(/\\r?\\n$/, ''));
    }
    this._socket.write(Buffer.from(str + '\\r\\n', 'utf-8'));
  }
  _cramMd5(challenge) {
    const hmac = crypto.createHmac('sha256', this._auth.credentials.pass);
    return hmac.update(challenge).digest('hex');
  }
  _authPlain() {
    const user = this._auth.credentials.user;
    this._sendCommand('AUTH PLAIN ' + Buffer.from('\\u0000' + user + '\\u0000' + this._auth.credentials.pass, 'utf-8').toString('base64')${maskArgument});
  }
}
`;

ruleTester.run('no-plaintext-data-key-exposure (application packages, batch 2 re-run)', noPlaintextDataKeyExposure, {
  valid: [
    {
      name: 'a masked log text passed for the command that carries the password: `logStr || str` logs the mask',
      code: smtpConnection(", 'AUTH PLAIN ' + Buffer.from('\\\\u0000' + user + '\\\\u0000' + '/* secret */', 'utf-8').toString('base64')"),
    },
    { name: 'a mask made by a template literal', code: smtpConnection(', `AUTH PLAIN ${user} (hidden)`') },
  ],
  invalid: [
    {
      name: 'without the mask, `logStr || str` logs the command with the password',
      code: smtpConnection(''),
      errors: [{ messageId: 'secretLogged', line: 9 }],
    },
    {
      name: 'a mask that may be empty does not hide it',
      code: smtpConnection(', this.options.logText'),
      errors: [{ messageId: 'secretLogged', line: 9 }],
    },
  ],
});

// hono's ETag middleware: SHA-1 of the response body, made by a generator function handed to a
// helper in another file, so the digest's use is out of sight; the module is named for ETags (batch 4).
const etagMiddleware = `import { generateDigest } from './digest.js';
function initializeGenerator(generator) {
  if (!generator) {
    if (crypto && crypto.subtle) generator = (body) => crypto.subtle.digest({ name: 'SHA-1' }, body);
  }
  return generator;
}
export const middleware = (options) => {
  const generator = initializeGenerator(options?.generateDigest);
  return async function handle(c, next) {
    await next();
    const value = await generateDigest(c.res.clone().body, generator);
    if (value !== null) c.res.headers.set('X-Digest', value);
  };
};
`;

ruleTester.run('no-weak-algorithm (application packages, batch 4 re-run)', noWeakAlgorithm, {
  valid: [
    { name: 'a digest whose use is out of sight, in a module named for ETags', filename: 'src/middleware/etag/index.js', code: etagMiddleware },
    { name: 'the same in a checksum module', filename: 'src/utils/checksum.js', code: etagMiddleware },
  ],
  invalid: [
    {
      name: 'the same code in a module with another name is still reported',
      filename: 'src/middleware/integrity/index.js',
      code: etagMiddleware,
      errors: [{ messageId: 'weakHash', line: 4, suggestions: [{ messageId: 'useSha256', output: etagMiddleware.replace("'SHA-1'", "'SHA-256'") }] }],
    },
  ],
});

// node-rsa's browser backend: its hash primitives in a table by algorithm name, looked up as
// `HASHES[alg]` by the caller's choice (main real-world list, session 14).
const hashTable = (entries: string) => `import { sha1, md5 } from '@noble/hashes/legacy.js';
import { createHash } from 'node:crypto';
import { sha256 } from '@noble/hashes/sha2.js';
const HASHES = {
${entries}
};
export const backend = {
  digest(alg, data) {
    const fn = HASHES[alg];
    if (!fn) throw new Error(\`Unsupported hash algorithm: \${alg}\`);
    return fn(data);
  },
};
`;

ruleTester.run('no-weak-algorithm (application packages, main list)', noWeakAlgorithm, {
  valid: [
    { name: 'hash primitives in a table by algorithm name', code: hashTable('  md5: (d) => md5(d),\n  sha1: (d) => sha1(d),\n  sha256: (d) => sha256(d),') },
    {
      name: 'the same with node:crypto chains and function bodies',
      code: hashTable("  md5(d) { return createHash('md5').update(d).digest(); },\n  sha256: (d) => createHash('sha256').update(d).digest(),"),
    },
  ],
  invalid: [
    {
      name: 'one entry under a name that is not an algorithm is not such a table',
      code: hashTable('  legacy: (d) => md5(d),\n  current: (d) => sha256(d),'),
      errors: [{ messageId: 'weakHash', line: 5, suggestions: null }],
    },
  ],
});
