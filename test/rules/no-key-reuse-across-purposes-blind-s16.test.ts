import rule from '../../rules/no-key-reuse-across-purposes';
import { createRuleTester } from './rule-tester';

// Sixteenth lifecycle blind set (corpus key-purpose/blind-s16): node-rsa key objects that decrypt and sign, Elysia's signed
// cookies sharing the jwt plugin's secret, and an ECDH private key also imported as a JWK (`d`) for ECDSA signatures.

const nodeRsaSignAndVerify = "import NodeRSA from 'node-rsa';\nimport { readFileSync } from 'node:fs';\nconst releaseKey = new NodeRSA(readFileSync('/etc/release/release.pem'), 'pkcs8-private-pem');\nexport const signFile = (file: Buffer): string => releaseKey.sign(file, 'base64');\nexport const checkFile = (file: Buffer, signature: string): boolean => releaseKey.verify(file, signature, 'buffer', 'base64');\n";
const elysiaSeparateSecrets = "import { Elysia } from 'elysia';\nimport { jwt } from '@elysiajs/jwt';\nexport const app = new Elysia({ cookie: { secrets: process.env.COOKIE_SECRET ?? '', sign: ['prefs'] } }).use(jwt({ name: 'jwt', secret: process.env.JWT_SECRET ?? '', alg: 'HS256' }));\n";
const ecdhKeyOnlyAgrees = "import { createECDH, createPrivateKey, sign } from 'node:crypto';\nimport { readFileSync } from 'node:fs';\nconst ecdh = createECDH('prime256v1');\necdh.setPrivateKey(Buffer.from(process.env.DEVICE_AGREEMENT_KEY ?? '', 'base64url'));\nconst signingKey = createPrivateKey(readFileSync('/etc/device/signing.pem'));\nexport const agree = (peer: Buffer): Buffer => ecdh.computeSecret(peer);\nexport const signReport = (report: Buffer): Buffer => sign('sha256', report, signingKey);\n";
const nodeRsaDecryptAndSign = "import NodeRSA from 'node-rsa';\nimport { readFileSync } from 'node:fs';\nconst bridgeKey = new NodeRSA(readFileSync('/etc/bridge/bridge.pem'), 'pkcs8-private-pem');\nexport const openToken = (sealed: string): string => bridgeKey.decrypt(sealed, 'utf8');\nexport const signFile = (file: Buffer): string => bridgeKey.sign(file, 'base64');\n";
const elysiaCookieAndJwt = "import { Elysia } from 'elysia';\nimport { jwt } from '@elysiajs/jwt';\nconst AUTH_SECRET = process.env.AUTH_SECRET ?? '';\nexport const app = new Elysia({ cookie: { secrets: AUTH_SECRET, sign: ['prefs'] } }).use(jwt({ name: 'jwt', secret: AUTH_SECRET, alg: 'HS256' }));\n";
const ecdhKeyAlsoSigns = "import { createECDH, createPrivateKey, sign } from 'node:crypto';\nconst deviceKey = Buffer.from(process.env.DEVICE_KEY ?? '', 'base64url');\nconst ecdh = createECDH('prime256v1');\necdh.setPrivateKey(deviceKey);\nconst point = ecdh.getPublicKey();\nconst signingKey = createPrivateKey({ key: { kty: 'EC', crv: 'P-256', d: deviceKey.toString('base64url'), x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, format: 'jwk' });\nexport const agree = (peer: Buffer): Buffer => ecdh.computeSecret(peer);\nexport const signReport = (report: Buffer): Buffer => sign('sha256', report, signingKey);\n";

createRuleTester().run("no-key-reuse-across-purposes (blind-s16)", rule, {
  valid: [
    { name: "a node-rsa key that signs and verifies: one purpose", code: nodeRsaSignAndVerify, filename: 'case.ts' },
    { name: "Elysia cookie secrets and the jwt plugin on separate secrets", code: elysiaSeparateSecrets, filename: 'case.ts' },
    { name: "an ECDH key only agrees; signatures use a separate key", code: ecdhKeyOnlyAgrees, filename: 'case.ts' },
  ],
  invalid: [
    { name: "one node-rsa key object decrypts and signs", code: nodeRsaDecryptAndSign, filename: 'case.ts', errors: [{ messageId: "reusedKeyPair", line: 3, column: 7 }] },
    { name: "Elysia's cookie secrets and its jwt plugin share one secret", code: elysiaCookieAndJwt, filename: 'case.ts', errors: [{ messageId: "reused", line: 3, column: 7 }] },
    { name: "an ECDH private key set with setPrivateKey and imported as a JWK d member for ECDSA", code: ecdhKeyAlsoSigns, filename: 'case.ts', errors: [{ messageId: "reusedKeyPair", line: 2, column: 7 }] },
  ],
});
