import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noStaticIv from '../../rules/no-static-iv';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_JS, REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twelfth blind set (hardcoded-key/blind-s15, weak-crypto/blind-s15) found missed: libraries without a
// table (Stripe's `webhooks.constructEvent`, fernet, node-jose key stores, iron-webcrypto, xml-crypto and node-saml
// signature settings, hash.js, des.js, @node-rs/bcrypt, browserify-aes and the pbkdf2 package), XMLDSig algorithm
// URIs, crypto-js passphrase mode on a cipher the algorithm table does not describe (Rabbit), a padding constant
// held in a local settings object, characters picked with `charAt(random)`, and a generator made by a local factory;
// then the same families probed further (the Stripe client made by a call, fernet-nodejs, a JWK Set literal,
// browserify-cipher, the pbkdf2 callback form, `String#at`, arrow factories, MultiSamlStrategy, and node-saml's
// RSA-SHA1 default when a `privateKey` signs and no `signatureAlgorithm` is given).
const ruleTester = createRuleTester();

ruleTester.run("no-hardcoded-key (blind-s15 shapes)", noHardcodedKey, {
  "valid": [
    {
      "name": "Stripe webhook secret from the environment",
      "code": "import Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\nexport const parse = (body: Buffer, sig: string) => stripe.webhooks.constructEvent(body, sig, process.env.STRIPE_WEBHOOK_SECRET!);"
    },
    {
      "name": "fernet secret from the environment",
      "code": "const fernet = require('fernet');\nconst secret = new fernet.Secret(process.env.FERNET_KEY);\nmodule.exports = (msg) => new fernet.Token({ secret, ttl: 0 }).encode(msg);",
      "filename": "file.js"
    },
    {
      "name": "node-jose key store given a public RSA JWK",
      "code": "import jose from 'node-jose';\nconst store = jose.JWK.createKeyStore();\nexport const ready = store.add({ kty: 'RSA', kid: 'pub-1', n: 'sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1WlUzewbgBHod5pcM9H95GQRV3JDXboIRROSBigeC5yjU1hGzHHyXss8UDprecbAYxknTcQkhslANGRUZmdTOQ5qTRsLAt6BTYuyvVRdhS8exSZEy_c4gs_7svlJJQ4H9_NxsiIoLwAEk7-Q3UXERGYw_75IDrGA84-lA_-Ct4eTlXHBIY2EaV7t7LjJaynVJCpkv4LKjTTAumiGUIuQhrNhZLuF_RJLqHpM2kgWFLU7-VTdL1VbC2tejvcI2BlMkEpk1BzBZI0KQB0GaDWFLN-aEAw3vRw', e: 'AQAB' });"
    },
    {
      "name": "iron-webcrypto password from the environment",
      "code": "import * as Iron from 'iron-webcrypto';\nexport const seal = (data: object) => Iron.seal(globalThis.crypto, data, process.env.COOKIE_PASSWORD!, Iron.defaults);"
    },
    {
      "name": "node-jose key store from a JWK Set of public keys",
      "code": "import jose from 'node-jose';\nexport const store = jose.JWK.asKeyStore({ keys: [{ kty: 'EC', crv: 'P-256', kid: 'a', x: 'VkxptVTqfIGkobOCLJe_Rp84PO3aN6JhPhLCZLgsPkg', y: 'IT0yn_qMpXthptpHPPhZuDxHdL1S7OOjwiLlo7HSZoM' }] });"
    },
    {
      "name": "Stripe test header helper with a secret from the environment",
      "code": "import Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_KEY!);\nexport const header = (payload: string) => stripe.webhooks.generateTestHeaderString({ payload, secret: process.env.STRIPE_WEBHOOK_SECRET! });"
    },
    {
      "name": "node-saml with key files",
      "code": "import { SAML } from '@node-saml/node-saml';\nimport { readFileSync } from 'node:fs';\nexport const saml = new SAML({ callbackUrl: 'https://sp/acs', entryPoint: 'https://idp/sso', issuer: 'sp', idpCert: readFileSync('idp.crt', 'utf8'), privateKey: readFileSync('sp.key', 'utf8'), signatureAlgorithm: 'sha256' });"
    }
  ],
  "invalid": [
    {
      "name": "Stripe webhook secret written at constructEvent",
      "code": "import Stripe from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\nexport const parse = (body: Buffer, sig: string) => stripe.webhooks.constructEvent(body, sig, 'whsec_9fK2LmQ7rT4vX1bN8cZ3pY6wD0hJ5gSa');",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 95,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "HMAC_KEY",
                "format": "the same string"
              },
              "output": "import Stripe from 'stripe';\n\nconst HMAC_KEY = requireEnv('HMAC_KEY');\nconst stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\nexport const parse = (body: Buffer, sig: string) => stripe.webhooks.constructEvent(body, sig, HMAC_KEY);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "Stripe webhook secret through the static webhooks helper",
      "code": "const Stripe = require('stripe');\nmodule.exports = (body, sig) => Stripe.webhooks.constructEventAsync(body, sig, 'whsec_Q4nV8xK1mR7tZ2cL5pW9yB3dF6hJ0gAs');",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 80,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "HMAC_KEY",
                "format": "the same string"
              },
              "output": "const Stripe = require('stripe');\n\nconst HMAC_KEY = requireEnv('HMAC_KEY');\nmodule.exports = (body, sig) => Stripe.webhooks.constructEventAsync(body, sig, HMAC_KEY);" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "fernet secret written in the source",
      "code": "const fernet = require('fernet');\nconst secret = new fernet.Secret('3qKx0Zt9c2mB7vN1pL5rW8yH4gD6fJ0sA-uE_iO2kQw=');\nmodule.exports = (msg) => new fernet.Token({ secret, ttl: 0 }).encode(msg);",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 34,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SECRET_KEY",
                "format": "the same string"
              },
              "output": "const fernet = require('fernet');\nconst secret = new fernet.Secret(requireEnv('SECRET_KEY'));\nmodule.exports = (msg) => new fernet.Token({ secret, ttl: 0 }).encode(msg);" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "node-jose key store given an oct JWK",
      "code": "import jose from 'node-jose';\nconst store = jose.JWK.createKeyStore();\nexport const ready = store.add({ kty: 'oct', kid: 'enc-1', alg: 'A256GCM', k: 'u7Xh2Qm9LpV4cR1tZ8yN3bW6kD0fJ5gS2aE7iO9qT4w' });",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 79,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "ADD_K",
                "format": "the same string"
              },
              "output": "import jose from 'node-jose';\nconst store = jose.JWK.createKeyStore();\nexport const ready = store.add({ kty: 'oct', kid: 'enc-1', alg: 'A256GCM', k: requireEnv('ADD_K') });" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "node-jose JWK.asKey of an oct JWK",
      "code": "import jose from 'node-jose';\nexport const keyPromise = jose.JWK.asKey({ kty: 'oct', k: 'Zp3Kx8Rm1Tq6Wv9Yc2Lb5Nf0Hd7Gs4Ja1Ue8Io3Py6' });",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 59,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "AS_KEY_K",
                "format": "the same string"
              },
              "output": "import jose from 'node-jose';\nexport const keyPromise = jose.JWK.asKey({ kty: 'oct', k: requireEnv('AS_KEY_K') });" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "iron-webcrypto password written in the source",
      "code": "import * as Iron from 'iron-webcrypto';\nexport const seal = (data: object) => Iron.seal(globalThis.crypto, data, 'k9Vq2Lx7Rm4Tz1Wc8Yb5Nf3Hd6Gs0Ja2Ue', Iron.defaults);",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 74,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SECRET_KEY",
                "format": "the same string"
              },
              "output": "import * as Iron from 'iron-webcrypto';\n\nconst SECRET_KEY = requireEnv('SECRET_KEY');\nexport const seal = (data: object) => Iron.seal(globalThis.crypto, data, SECRET_KEY, Iron.defaults);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "Stripe client made by calling the module, webhook secret written",
      "code": "const stripe = require('stripe')(process.env.STRIPE_KEY);\nmodule.exports = (b, s) => stripe.webhooks.constructEvent(b, s, 'whsec_Tb7Kq2Wm9Xr4Zc1Vn6Lp3Yd8Hf5Gs0Ja');",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 65,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "HMAC_KEY",
                "format": "the same string"
              },
              "output": "const HMAC_KEY = requireEnv('HMAC_KEY');\n\nconst stripe = require('stripe')(process.env.STRIPE_KEY);\nmodule.exports = (b, s) => stripe.webhooks.constructEvent(b, s, HMAC_KEY);" + REQUIRE_ENV_JS
            }
          ]
        }
      ]
    },
    {
      "name": "Stripe named import, webhook secret written",
      "code": "import { Stripe } from 'stripe';\nconst stripe = new Stripe(process.env.STRIPE_KEY!);\nexport const parse = (b: string, s: string) => stripe.webhooks.constructEvent(b, s, 'whsec_Lm4Qx8Rt1Wz6Yc3Vb9Np2Kd7Hf0Gs5Ja');",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 85,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "HMAC_KEY",
                "format": "the same string"
              },
              "output": "import { Stripe } from 'stripe';\n\nconst HMAC_KEY = requireEnv('HMAC_KEY');\nconst stripe = new Stripe(process.env.STRIPE_KEY!);\nexport const parse = (b: string, s: string) => stripe.webhooks.constructEvent(b, s, HMAC_KEY);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "fernet-nodejs static encrypt with a written key",
      "code": "import { Fernet } from 'fernet-nodejs';\nexport const seal = (m: string) => Fernet.encrypt(m, 'Q2xhc3NpY0Zlcm5ldEtleUZvclRlc3RzMDEyMzQ1Njc=');",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 54,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "ENCRYPTION_KEY",
                "format": "the same string"
              },
              "output": "import { Fernet } from 'fernet-nodejs';\n\nconst ENCRYPTION_KEY = requireEnv('ENCRYPTION_KEY');\nexport const seal = (m: string) => Fernet.encrypt(m, ENCRYPTION_KEY);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "node-jose key store from a JWK Set literal with an oct key",
      "code": "import jose from 'node-jose';\nexport const store = jose.JWK.asKeyStore({ keys: [{ kty: 'oct', kid: 'a', k: 'Rk9vQmFyQmF6UXV4S2V5TWF0ZXJpYWxGb3JUZXN0czE' }] });",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 78,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "K",
                "format": "the same string"
              },
              "output": "import jose from 'node-jose';\nexport const store = jose.JWK.asKeyStore({ keys: [{ kty: 'oct', kid: 'a', k: requireEnv('K') }] });" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    },
    {
      "name": "iron-webcrypto password given as { id, secret }",
      "code": "import * as Iron from 'iron-webcrypto';\nexport const seal = (d: object) => Iron.seal(crypto, d, { id: '2', secret: 'x8Kq3Lm7Rt2Wz9Yc4Vb1Np6Kd0Hf5GsJaUe' }, Iron.defaults);",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 2,
          "column": 76,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SEAL_SECRET",
                "format": "the same string"
              },
              "output": "import * as Iron from 'iron-webcrypto';\n\nconst SEAL_SECRET = requireEnv('SEAL_SECRET');\nexport const seal = (d: object) => Iron.seal(crypto, d, { id: '2', secret: SEAL_SECRET }, Iron.defaults);" + REQUIRE_ENV_TS
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run("no-weak-algorithm (blind-s15 shapes)", noWeakAlgorithm, {
  "valid": [
    {
      "name": "xml-crypto with RSA-SHA256 and SHA-256 digests",
      "code": "import { SignedXml } from 'xml-crypto';\nexport function signIt(xml: string, privateKey: Buffer) {\n  const sig = new SignedXml({ privateKey, signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256' });\n  sig.addReference({ xpath: '/*', digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256' });\n  sig.computeSignature(xml);\n  return sig.getSignedXml();\n}"
    },
    {
      "name": "xml-crypto v3 reference digest SHA-256 given positionally",
      "code": "const { SignedXml } = require('xml-crypto');\nfunction signIt(xml, key) {\n  const sig = new SignedXml();\n  sig.signingKey = key;\n  sig.addReference(\"//*[local-name(.)='Assertion']\", ['http://www.w3.org/2000/09/xmldsig#enveloped-signature'], 'http://www.w3.org/2001/04/xmlenc#sha256');\n  sig.computeSignature(xml);\n  return sig.getSignedXml();\n}\nmodule.exports = { signIt };",
      "filename": "file.js"
    },
    {
      "name": "node-saml with SHA-256",
      "code": "import { SAML } from '@node-saml/node-saml';\nexport const saml = new SAML({ entryPoint: 'https://idp.example/sso', issuer: 'sp', callbackUrl: 'https://sp.example/acs', idpCert: process.env.IDP_CERT!, signatureAlgorithm: 'sha256', digestAlgorithm: 'sha256' });"
    },
    {
      "name": "hash.js HMAC over SHA-256",
      "code": "import hash from 'hash.js';\nexport const sign = (key: string, msg: string) => hash.hmac(hash.sha256 as any, key).update(msg).digest('hex');"
    },
    {
      "name": "browserify-aes in GCM",
      "code": "const aes = require('browserify-aes');\nmodule.exports = (key, iv, data) => aes.createCipheriv('aes-256-gcm', key, iv).update(data);",
      "filename": "file.js"
    },
    {
      "name": "RSA-OAEP padding held in a settings object",
      "code": "import { constants, publicEncrypt } from 'node:crypto';\nconst ENVELOPE = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' } as const;\nexport const wrap = (key: string, dek: Buffer) => publicEncrypt({ key, padding: ENVELOPE.padding, oaepHash: ENVELOPE.oaepHash }, dek);"
    },
    {
      "name": "hash.js SHA-1 ETag",
      "code": "import hash from 'hash.js';\nexport function withEtag(res: any, body: string) {\n  const etag = hash.sha1().update(body).digest('hex');\n  res.setHeader('ETag', `\"${etag}\"`);\n  res.end(body);\n}"
    },
    {
      "name": "xml-crypto verifying with the IdP certificate",
      "code": "import { SignedXml } from 'xml-crypto';\nexport function verifyResponse(xml: string, signature: string, idpCert: string) {\n  const sig = new SignedXml({ publicCert: idpCert });\n  sig.loadSignature(signature);\n  return sig.checkSignature(xml);\n}"
    },
    {
      "name": "node-saml without a signing key (nothing signed with the default)",
      "code": "import { SAML } from '@node-saml/node-saml';\nexport const saml = new SAML({ callbackUrl: 'https://sp.example/acs', entryPoint: 'https://idp.example/sso', issuer: 'sp', idpCert: process.env.IDP_CERT! });"
    },
    {
      "name": "passport-saml options built elsewhere",
      "code": "import { Strategy } from '@node-saml/passport-saml';\nimport { samlOptions } from './saml-options';\nexport const strategy = new Strategy({ ...samlOptions, privateKey: process.env.SP_KEY! }, (p: any, d: any) => d(null, p), (p: any, d: any) => d(null, p));"
    }
  ],
  "invalid": [
    {
      "name": "xml-crypto with RSA-SHA1 and a SHA-1 reference digest",
      "code": "import { SignedXml } from 'xml-crypto';\nexport function signIt(xml: string, privateKey: Buffer) {\n  const sig = new SignedXml({ privateKey, signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' });\n  sig.addReference({ xpath: '/*', digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1' });\n  sig.computeSignature(xml);\n  return sig.getSignedXml();\n}",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 63,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
              },
              "output": "import { SignedXml } from 'xml-crypto';\nexport function signIt(xml: string, privateKey: Buffer) {\n  const sig = new SignedXml({ privateKey, signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256' });\n  sig.addReference({ xpath: '/*', digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1' });\n  sig.computeSignature(xml);\n  return sig.getSignedXml();\n}"
            }
          ]
        },
        {
          "messageId": "weakHash",
          "line": 4,
          "column": 52,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "http://www.w3.org/2001/04/xmlenc#sha256"
              },
              "output": "import { SignedXml } from 'xml-crypto';\nexport function signIt(xml: string, privateKey: Buffer) {\n  const sig = new SignedXml({ privateKey, signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1' });\n  sig.addReference({ xpath: '/*', digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256' });\n  sig.computeSignature(xml);\n  return sig.getSignedXml();\n}"
            }
          ]
        }
      ]
    },
    {
      "name": "xml-crypto v3 settings assigned to the instance",
      "code": "const { SignedXml } = require('xml-crypto');\nfunction signIt(xml, key) {\n  const sig = new SignedXml();\n  sig.signingKey = key;\n  sig.signatureAlgorithm = 'http://www.w3.org/2000/09/xmldsig#rsa-sha1';\n  sig.computeSignature(xml);\n  return sig.getSignedXml();\n}\nmodule.exports = { signIt };",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 5,
          "column": 28,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
              },
              "output": "const { SignedXml } = require('xml-crypto');\nfunction signIt(xml, key) {\n  const sig = new SignedXml();\n  sig.signingKey = key;\n  sig.signatureAlgorithm = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';\n  sig.computeSignature(xml);\n  return sig.getSignedXml();\n}\nmodule.exports = { signIt };"
            }
          ]
        }
      ]
    },
    {
      "name": "xml-crypto v3 reference digest given positionally",
      "code": "const { SignedXml } = require('xml-crypto');\nfunction signIt(xml, key) {\n  const sig = new SignedXml();\n  sig.signingKey = key;\n  sig.addReference(\"//*[local-name(.)='Assertion']\", ['http://www.w3.org/2000/09/xmldsig#enveloped-signature'], 'http://www.w3.org/2000/09/xmldsig#sha1');\n  sig.computeSignature(xml);\n  return sig.getSignedXml();\n}\nmodule.exports = { signIt };",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 5,
          "column": 113,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "http://www.w3.org/2001/04/xmlenc#sha256"
              },
              "output": "const { SignedXml } = require('xml-crypto');\nfunction signIt(xml, key) {\n  const sig = new SignedXml();\n  sig.signingKey = key;\n  sig.addReference(\"//*[local-name(.)='Assertion']\", ['http://www.w3.org/2000/09/xmldsig#enveloped-signature'], 'http://www.w3.org/2001/04/xmlenc#sha256');\n  sig.computeSignature(xml);\n  return sig.getSignedXml();\n}\nmodule.exports = { signIt };"
            }
          ]
        }
      ]
    },
    {
      "name": "passport-saml strategy signing with SHA-1",
      "code": "import { Strategy } from '@node-saml/passport-saml';\nexport const strategy = new Strategy({ entryPoint: 'https://idp.example/sso', issuer: 'sp', callbackUrl: 'https://sp.example/acs', idpCert: process.env.IDP_CERT!, signatureAlgorithm: 'sha1' }, (profile: any, done: any) => done(null, profile), (profile: any, done: any) => done(null, profile));",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 184,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "sha256"
              },
              "output": "import { Strategy } from '@node-saml/passport-saml';\nexport const strategy = new Strategy({ entryPoint: 'https://idp.example/sso', issuer: 'sp', callbackUrl: 'https://sp.example/acs', idpCert: process.env.IDP_CERT!, signatureAlgorithm: 'sha256' }, (profile: any, done: any) => done(null, profile), (profile: any, done: any) => done(null, profile));"
            }
          ]
        }
      ]
    },
    {
      "name": "hash.js HMAC over SHA-1",
      "code": "import hash from 'hash.js';\nexport const sign = (key: string, msg: string) => hash.hmac(hash.sha1 as any, key).update(msg).digest('hex');",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 61
        }
      ]
    },
    {
      "name": "des.js Triple DES in CBC",
      "code": "const des = require('des.js');\nfunction encrypt(key, iv, block) {\n  const cipher = des.CBC.instantiate(des.EDE).create({ type: 'encrypt', key, iv });\n  return cipher.update(block).concat(cipher.final());\n}\nmodule.exports = { encrypt };",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "weakCipher",
          "line": 3,
          "column": 38
        }
      ]
    },
    {
      "name": "des.js single DES block",
      "code": "const des = require('des.js');\nmodule.exports = (key, block) => des.DES.create({ type: 'encrypt', key }).update(block);",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "weakCipher",
          "line": 2,
          "column": 38
        }
      ]
    },
    {
      "name": "browserify-aes in ECB",
      "code": "const aes = require('browserify-aes');\nmodule.exports = (key, data) => aes.createCipheriv('aes-128-ecb', key, Buffer.alloc(0)).update(data);",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "ecbMode",
          "line": 2,
          "column": 52
        }
      ]
    },
    {
      "name": "crypto-js Rabbit with a passphrase",
      "code": "import CryptoJS from 'crypto-js';\nconst PASSPHRASE = process.env.TELEMETRY_PASSPHRASE ?? '';\nexport const seal = (text: string) => CryptoJS.Rabbit.encrypt(text, PASSPHRASE).toString();",
      "errors": [
        {
          "messageId": "passphraseKdf",
          "line": 3,
          "column": 69
        }
      ]
    },
    {
      "name": "PKCS#1 v1.5 padding held in a settings object",
      "code": "import { constants, publicEncrypt } from 'node:crypto';\nconst ENVELOPE = { padding: constants.RSA_PKCS1_PADDING, label: 'FILE' } as const;\nexport const wrap = (key: string, dek: Buffer) => publicEncrypt({ key, padding: ENVELOPE.padding }, dek);",
      "errors": [
        {
          "messageId": "rsaPkcs1Encryption",
          "line": 2,
          "column": 29
        }
      ]
    },
    {
      "name": "hash.js SHA-1 of a password",
      "code": "import hash from 'hash.js';\nexport const hashPassword = (password: string, salt: string) => hash.sha1().update(salt + password).digest('hex');",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 70,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "sha256"
              },
              "output": "import hash from 'hash.js';\nexport const hashPassword = (password: string, salt: string) => hash.sha256().update(salt + password).digest('hex');"
            }
          ]
        }
      ]
    },
    {
      "name": "des.js single DES in CBC",
      "code": "const des = require('des.js');\nmodule.exports = (key, iv, b) => des.CBC.instantiate(des.DES).create({ type: 'encrypt', key, iv }).update(b);",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "weakCipher",
          "line": 2,
          "column": 54
        }
      ]
    },
    {
      "name": "browserify-cipher Triple DES",
      "code": "const { createCipheriv } = require('browserify-cipher');\nmodule.exports = (key, iv, b) => createCipheriv('des-ede3-cbc', key, iv).update(b);",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "weakCipher",
          "line": 2,
          "column": 49
        }
      ]
    },
    {
      "name": "MultiSamlStrategy signing with SHA-1",
      "code": "import { MultiSamlStrategy } from '@node-saml/passport-saml';\nexport const s = new MultiSamlStrategy({ passReqToCallback: true, getSamlOptions: (req: any, done: any) => done(null, {}), signatureAlgorithm: 'sha1' } as any, (req: any, p: any, d: any) => d(null, p), (req: any, p: any, d: any) => d(null, p));",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 2,
          "column": 144,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "sha256"
              },
              "output": "import { MultiSamlStrategy } from '@node-saml/passport-saml';\nexport const s = new MultiSamlStrategy({ passReqToCallback: true, getSamlOptions: (req: any, done: any) => done(null, {}), signatureAlgorithm: 'sha256' } as any, (req: any, p: any, d: any) => d(null, p), (req: any, p: any, d: any) => d(null, p));"
            }
          ]
        }
      ]
    },
    {
      "name": "node-saml signing requests without signatureAlgorithm (RSA-SHA1 by default)",
      "code": "import { SAML } from '@node-saml/node-saml';\nimport { readFileSync } from 'node:fs';\nexport const saml = new SAML({\n  callbackUrl: 'https://sp.example/acs',\n  entryPoint: 'https://idp.example/sso',\n  issuer: 'sp',\n  idpCert: readFileSync('idp.crt', 'utf8'),\n  privateKey: readFileSync('sp.key', 'utf8'),\n});",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "column": 25
        }
      ]
    }
  ]
});

ruleTester.run("min-key-strength (blind-s15 shapes)", minKeyStrength, {
  "valid": [
    {
      "name": "@node-rs/bcrypt at cost 12",
      "code": "import { hash } from '@node-rs/bcrypt';\nexport const hashPassword = (pw: string) => hash(pw, 12);"
    },
    {
      "name": "pbkdf2 package at OWASP's SHA-256 count",
      "code": "const pbkdf2 = require('pbkdf2');\nmodule.exports = (pw, salt) => pbkdf2.pbkdf2Sync(pw, salt, 600000, 32, 'sha256').toString('hex');",
      "filename": "file.js"
    }
  ],
  "invalid": [
    {
      "name": "@node-rs/bcrypt at cost 9",
      "code": "import { hash } from '@node-rs/bcrypt';\nexport const hashPassword = (pw: string) => hash(pw, 9);",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 2,
          "column": 54
        }
      ]
    },
    {
      "name": "pbkdf2 package at 10,000 iterations",
      "code": "const pbkdf2 = require('pbkdf2');\nmodule.exports = (pw, salt) => pbkdf2.pbkdf2Sync(pw, salt, 10000, 32, 'sha256').toString('hex');",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "lowIterations",
          "line": 2,
          "column": 60
        }
      ]
    },
    {
      "name": "pbkdf2 package callback form at 1,000 iterations",
      "code": "const pbkdf2 = require('pbkdf2');\nmodule.exports = (pw, salt, cb) => pbkdf2.pbkdf2(pw, salt, 1000, 32, 'sha512', (err, k) => cb(err, k && k.toString('hex')));",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "lowIterations",
          "line": 2,
          "column": 60
        }
      ]
    },
    {
      "name": "@node-rs/bcrypt hashSync and genSalt below cost 10",
      "code": "import { hashSync, genSalt } from '@node-rs/bcrypt';\nexport const h = (pw: string) => hashSync(pw, 8);\nexport const s = () => genSalt(6);",
      "errors": [
        {
          "messageId": "lowCost",
          "line": 2,
          "column": 47
        },
        {
          "messageId": "lowCost",
          "line": 3,
          "column": 32
        }
      ]
    }
  ]
});

ruleTester.run("no-static-iv (blind-s15 shapes)", noStaticIv, {
  "valid": [
    {
      "name": "des.js CBC with a random IV",
      "code": "const des = require('des.js');\nconst { randomBytes } = require('crypto');\nfunction encrypt(key, block) {\n  const iv = Array.from(randomBytes(8));\n  const cipher = des.CBC.instantiate(des.EDE).create({ type: 'encrypt', key, iv });\n  return { iv, body: cipher.update(block).concat(cipher.final()) };\n}\nmodule.exports = { encrypt };",
      "filename": "file.js"
    }
  ],
  "invalid": [
    {
      "name": "des.js CBC with a zero IV",
      "code": "const des = require('des.js');\nfunction encrypt(key, block) {\n  const cipher = des.CBC.instantiate(des.EDE).create({ type: 'encrypt', key, iv: [0, 0, 0, 0, 0, 0, 0, 0] });\n  return cipher.update(block).concat(cipher.final());\n}\nmodule.exports = { encrypt };",
      "filename": "file.js",
      "errors": [
        {
          "messageId": "zeroIv",
          "line": 3,
          "column": 82
        }
      ]
    }
  ]
});

ruleTester.run("no-insecure-randomness (blind-s15 shapes)", noInsecureRandomness, {
  "valid": [
    {
      "name": "charAt with Math.random for a placeholder name",
      "code": "const LETTERS = 'abcdefghijklmnopqrstuvwxyz';\nexport function placeholderName(length = 6): string {\n  let out = '';\n  for (let i = 0; i < length; i++) out += LETTERS.charAt(Math.floor(Math.random() * LETTERS.length));\n  return out;\n}"
    },
    {
      "name": "a factory-made generator for UI tips",
      "code": "const TIPS = ['Press ? for shortcuts', 'Drag to reorder'];\nfunction makePicker() {\n  return function next() {\n    return TIPS[Math.floor(Math.random() * TIPS.length)];\n  };\n}\nconst nextTip = makePicker();\nexport const tip = () => nextTip();"
    },
    {
      "name": "charAt pick for a post slug suffix",
      "code": "const CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';\nfunction randomSuffix(n: number) {\n  let out = '';\n  for (let i = 0; i < n; i++) out += CHARS.charAt(Math.floor(Math.random() * CHARS.length));\n  return out;\n}\nexport const slugFor = (title: string) => `${title.toLowerCase().replace(/\\W+/g, '-')}-${randomSuffix(4)}`;"
    },
    {
      "name": "factory product for avatar colours",
      "code": "const COLORS = ['#f00', '#0f0', '#00f'];\nconst makePicker = (list: string[]) => () => list[Math.floor(Math.random() * list.length)];\nconst avatarColor = makePicker(COLORS);\nexport const colourFor = () => avatarColor();"
    }
  ],
  "invalid": [
    {
      "name": "charAt with Math.random for a PKCE verifier",
      "code": "const CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~';\nfunction randomString(length: number): string {\n  let out = '';\n  for (let i = 0; i < length; i++) out += CHARS.charAt(Math.floor(Math.random() * CHARS.length));\n  return out;\n}\nexport function startLogin() {\n  const verifier = randomString(64);\n  return verifier;\n}",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 4,
          "column": 67
        }
      ]
    },
    {
      "name": "a factory-made generator for invite codes",
      "code": "const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';\nfunction makeCodeGenerator(length: number) {\n  return function nextCode() {\n    let out = '';\n    for (let i = 0; i < length; i += 1) out += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];\n    return out;\n  };\n}\nconst inviteCode = makeCodeGenerator(10);\nexport const newInvite = (email: string) => ({ email, code: inviteCode() });",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 5,
          "column": 68
        }
      ]
    },
    {
      "name": "an arrow factory whose product makes reset tokens",
      "code": "const HEX = '0123456789abcdef';\nconst makeGen = (n: number) => () => Array.from({ length: n }, () => HEX.charAt((Math.random() * 16) | 0)).join('');\nconst resetToken = makeGen(32);\nexport const newReset = (userId: string) => ({ userId, token: resetToken() });",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 2,
          "column": 82
        }
      ]
    },
    {
      "name": "String#at picks appended to an API key",
      "code": "const ABC = 'abcdefghijklmnopqrstuvwxyz0123456789';\nexport function makeApiKey() {\n  let apiKey = 'ak_';\n  while (apiKey.length < 35) apiKey += ABC.at(Math.floor(Math.random() * ABC.length));\n  return apiKey;\n}",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 4,
          "column": 58
        }
      ]
    }
  ]
});
