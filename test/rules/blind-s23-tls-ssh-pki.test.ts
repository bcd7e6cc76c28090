import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import noKeyReuseAcrossPurposes from '../../rules/no-key-reuse-across-purposes';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the twenty-third blind set (part A: TLS, SSH and PKI code) found missed or misjudged: TLS session ticket keys
// (`ticketKeys`, `server.setTicketKeys`, also on a server handed in as a typed parameter) and TLS-PSK keys (what a
// `pskCallback` returns) are keys; ssh2's `hostHash` names the digest of a host key check; selfsigned, pem and
// acme-client generate keys of a size and sign with a digest they are told; acme-client's account key signs and its
// CSR key becomes a TLS key; a KeyObject's `export()` is that key; a certificate's digest checked against pins is
// pinning and only shown is a thumbprint; forge's `digest().toHex()` carries the digest on; a `psk` is a key name;
// the lines a `'keylog'` listener gets are TLS session secrets.

createRuleTester().run('no-weak-algorithm (blind-s23 shapes)', noWeakAlgorithm, {
  "valid": [
    {
      "name": "node-ssh with SHA-256 host key fingerprints",
      "code": "import { NodeSSH } from 'node-ssh';\nexport async function connect(host: string, pinned: Set<string>) {\n  const ssh = new NodeSSH();\n  await ssh.connect({ host, username: 'ops', hostHash: 'sha256', hostVerifier: (h: string) => pinned.has(h) });\n  return ssh;\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "a certificate's MD5 shown on a support page is its thumbprint",
      "code": "import { createHash } from 'node:crypto';\nimport type { PeerCertificate } from 'node:tls';\nexport function describePeer(cert: PeerCertificate) {\n  return { subject: cert.subject.CN, md5: createHash('md5').update(cert.raw).digest('hex') };\n}\n",
      "filename": "case.ts"
    },
    {
      "name": "forge MD5 of a CSR used as a dedupe id (through toHex)",
      "code": "import forge from 'node-forge';\nexport function requestId(csrPem: string): string {\n  const dedupeId = forge.md.md5.create().update(csrPem).digest().toHex();\n  return dedupeId;\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "ssh2 host key fingerprints compared as MD5 (hostHash)",
      "code": "import { Client } from 'ssh2';\nexport function connect(host: string, pinned: string) {\n  const conn = new Client();\n  conn.connect({ host, username: 'ops', hostHash: 'md5', hostVerifier: (h: string) => h === pinned });\n  return conn;\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 4,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "MD5",
                "replacement": "sha256"
              },
              "output": "import { Client } from 'ssh2';\nexport function connect(host: string, pinned: string) {\n  const conn = new Client();\n  conn.connect({ host, username: 'ops', hostHash: 'sha256', hostVerifier: (h: string) => h === pinned });\n  return conn;\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "selfsigned certificate signed with SHA-1",
      "code": "const selfsigned = require('selfsigned');\nfunction devCert() {\n  return selfsigned.generate([{ name: 'commonName', value: 'localhost' }], { days: 30, keySize: 2048, algorithm: 'sha1' });\n}\nmodule.exports = { devCert };\n",
      "filename": "case.js",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 3,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "sha256"
              },
              "output": "const selfsigned = require('selfsigned');\nfunction devCert() {\n  return selfsigned.generate([{ name: 'commonName', value: 'localhost' }], { days: 30, keySize: 2048, algorithm: 'sha256' });\n}\nmodule.exports = { devCert };\n"
            }
          ]
        }
      ]
    },
    {
      "name": "pem CSR with a SHA-1 signature",
      "code": "import pem from 'pem';\nimport { promisify } from 'node:util';\nconst createCSR = promisify(pem.createCSR);\nexport async function csr(commonName) {\n  return createCSR({ commonName, keyBitsize: 2048, hash: 'sha1' });\n}\n",
      "filename": "case.js",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 5,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "sha256"
              },
              "output": "import pem from 'pem';\nimport { promisify } from 'node:util';\nconst createCSR = promisify(pem.createCSR);\nexport async function csr(commonName) {\n  return createCSR({ commonName, keyBitsize: 2048, hash: 'sha256' });\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a certificate's SHA-1 checked against pinned thumbprints (includes)",
      "code": "import { createHash } from 'node:crypto';\nimport type { PeerCertificate } from 'node:tls';\nconst PINNED_THUMBPRINTS = ['5e0a91c3d47f28b6e13a9d05c8f2e74b1a6d39c0'];\nexport function checkPin(cert: PeerCertificate): boolean {\n  const thumb = createHash('sha1').update(cert.raw).digest('hex');\n  return PINNED_THUMBPRINTS.includes(thumb);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "weakHash",
          "line": 5,
          "suggestions": [
            {
              "messageId": "useSha256Migrate",
              "data": {
                "name": "SHA-1",
                "replacement": "sha256"
              },
              "output": "import { createHash } from 'node:crypto';\nimport type { PeerCertificate } from 'node:tls';\nconst PINNED_THUMBPRINTS = ['5e0a91c3d47f28b6e13a9d05c8f2e74b1a6d39c0'];\nexport function checkPin(cert: PeerCertificate): boolean {\n  const thumb = createHash('sha256').update(cert.raw).digest('hex');\n  return PINNED_THUMBPRINTS.includes(thumb);\n}\n"
            }
          ]
        }
      ]
    }
  ]
});

createRuleTester().run('min-key-strength (blind-s23 shapes)', minKeyStrength, {
  "valid": [
    {
      "name": "acme-client keys of 3072 bits and P-256",
      "code": "import * as acme from 'acme-client';\nexport const rsa = () => acme.crypto.createPrivateRsaKey(3072);\nexport const ec = () => acme.crypto.createPrivateEcdsaKey('P-256');\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "selfsigned with a 1024-bit key",
      "code": "const selfsigned = require('selfsigned');\nmodule.exports = () => selfsigned.generate([{ name: 'commonName', value: 'localhost' }], { keySize: 1024, algorithm: 'sha256' });\n",
      "filename": "case.js",
      "errors": [
        {
          "messageId": "smallModulus",
          "line": 2
        }
      ]
    },
    {
      "name": "pem certificate with a 1024-bit key",
      "code": "const pem = require('pem');\npem.createCertificate({ days: 1, selfSigned: true, keyBitsize: 1024 }, (err, keys) => console.log(err || keys.certificate));\n",
      "filename": "case.js",
      "errors": [
        {
          "messageId": "smallModulus",
          "line": 2
        }
      ]
    },
    {
      "name": "acme-client RSA key of 1024 bits",
      "code": "import * as acme from 'acme-client';\nexport const accountKey = () => acme.crypto.createPrivateRsaKey(1024);\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "smallModulus",
          "line": 2
        }
      ]
    }
  ]
});

createRuleTester().run('no-hardcoded-key (blind-s23 shapes)', noHardcodedKey, {
  "valid": [
    {
      "name": "TLS-PSK client key and ticket keys from the environment and a CSPRNG",
      "code": "import tls from 'node:tls';\nimport { randomBytes } from 'node:crypto';\nexport const server = tls.createServer({ ticketKeys: randomBytes(48) });\nexport const socket = tls.connect({ port: 7000, pskCallback: () => ({ psk: Buffer.from(process.env.PSK_HEX ?? '', 'hex'), identity: 'edge-1' }) });\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "TLS-PSK server whose pskCallback returns a written key",
      "code": "import tls from 'node:tls';\nexport const server = tls.createServer({\n  pskCallback: (_socket, identity) => (identity === 'sensor' ? Buffer.from('9c1e5a7f03b2d84e6a0c7f19e2b5d3a84f6e0c2b7a91d5e3f08c4b6a2e7d1f93', 'hex') : null),\n  ciphers: 'PSK-AES128-GCM-SHA256',\n});\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SECRET_KEY",
                "format": "hex, as written today"
              },
              "output": "import tls from 'node:tls';\n\nconst SECRET_KEY = requireEnv('SECRET_KEY');\nexport const server = tls.createServer({\n  pskCallback: (_socket, identity) => (identity === 'sensor' ? Buffer.from(SECRET_KEY, 'hex') : null),\n  ciphers: 'PSK-AES128-GCM-SHA256',\n});" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "TLS session ticket keys written in the code",
      "code": "import https from 'node:https';\nimport { readFileSync } from 'node:fs';\nexport const server = https.createServer({\n  key: readFileSync('/etc/tls/key.pem'),\n  cert: readFileSync('/etc/tls/cert.pem'),\n  ticketKeys: Buffer.from('q2Xv0lY8n3PZ1cWmR7eT4kD9sJhA6uBfG5iLoN2pQ0xE8yVzK1wC3tM7rU4gS6dF', 'base64'),\n});\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 6,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "data": {
                "envVar": "SERVER_TICKET_KEYS",
                "format": "base64, as written today"
              },
              "output": "import https from 'node:https';\nimport { readFileSync } from 'node:fs';\nexport const server = https.createServer({\n  key: readFileSync('/etc/tls/key.pem'),\n  cert: readFileSync('/etc/tls/cert.pem'),\n  ticketKeys: Buffer.from(requireEnv('SERVER_TICKET_KEYS'), 'base64'),\n});" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    }
  ]
});

createRuleTester().run('require-key-zeroization (blind-s23 shapes)', requireKeyZeroization, {
  "valid": [
    {
      "name": "ticket keys set on the server createServer returned, wiped in finally",
      "code": "import { randomBytes } from 'node:crypto';\nimport https from 'node:https';\nconst server = https.createServer({});\nexport function rotate(): void {\n  const next = randomBytes(48);\n  try {\n    server.setTicketKeys(next);\n  } finally {\n    next.fill(0);\n  }\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "ticket keys rotated on a server handed in as a typed parameter, never wiped",
      "code": "import { randomBytes } from 'node:crypto';\nimport type { Server } from 'node:tls';\nexport function rotate(server: Server): void {\n  const next = randomBytes(48);\n  server.setTicketKeys(next);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "notWiped",
          "line": 4,
          "suggestions": [
            {
              "messageId": "wrapInTryFinally",
              "data": {
                "name": "next",
                "what": "random key bytes",
                "wipe": "next.fill(0)"
              },
              "output": "import { randomBytes } from 'node:crypto';\nimport type { Server } from 'node:tls';\nexport function rotate(server: Server): void {\n  const next = randomBytes(48);\n  try {\n    server.setTicketKeys(next);\n  } finally {\n    next.fill(0);\n  }\n}\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a pre-shared key stored as hex (strict)",
      "code": "import { randomBytes } from 'node:crypto';\nexport async function provision(db: { insert(row: object): Promise<void> }, identity: string) {\n  const psk = randomBytes(32);\n  try {\n    await db.insert({ identity, pskHex: psk.toString('hex') });\n  } finally {\n    psk.fill(0);\n  }\n}\n",
      "filename": "case.ts",
      "options": [
        {
          "checkStringConversion": true
        }
      ],
      "errors": [
        {
          "messageId": "keyToString",
          "line": 5
        }
      ]
    }
  ]
});

createRuleTester().run('no-key-reuse-across-purposes (blind-s23 shapes)', noKeyReuseAcrossPurposes, {
  "valid": [
    {
      "name": "an ACME account key and a fresh certificate key",
      "code": "import * as acme from 'acme-client';\nexport async function order(accountKey: Buffer, hostname: string) {\n  const client = new acme.Client({ directoryUrl: acme.directory.letsencrypt.production, accountKey });\n  const certKey = await acme.crypto.createPrivateEcdsaKey('P-256');\n  const [, csr] = await acme.crypto.createCsr({ commonName: hostname }, certKey);\n  return client.auto({ csr, termsOfServiceAgreed: true, challengeCreateFn: async () => {}, challengeRemoveFn: async () => {} });\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "one key as the ACME account key and the certificate key",
      "code": "import * as acme from 'acme-client';\nexport async function order(key: Buffer, hostname: string) {\n  const identity = key;\n  const client = new acme.Client({ directoryUrl: acme.directory.letsencrypt.production, accountKey: identity });\n  const [, csr] = await acme.crypto.createCsr({ commonName: hostname }, identity);\n  return client.auto({ csr, termsOfServiceAgreed: true, challengeCreateFn: async () => {}, challengeRemoveFn: async () => {} });\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "reusedKeyPair",
          "line": 3
        }
      ]
    },
    {
      "name": "a KeyObject's PEM export as the mTLS key, the KeyObject signing bodies",
      "code": "import { createPrivateKey, sign } from 'node:crypto';\nimport { readFileSync } from 'node:fs';\nimport { Agent } from 'undici';\nconst clientKey = createPrivateKey(readFileSync('/etc/partner/client.key'));\nexport const dispatcher = new Agent({ connect: { key: clientKey.export({ type: 'pkcs8', format: 'pem' }) } });\nexport const signBody = (body: string) => sign('sha256', Buffer.from(body), clientKey).toString('base64');\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "reusedKeyPair",
          "line": 4
        }
      ]
    }
  ]
});

createRuleTester().run('no-plaintext-data-key-exposure (blind-s23 shapes)', noPlaintextDataKeyExposure, {
  "valid": [
    {
      "name": "TLS key log lines appended to SSLKEYLOGFILE when the operator sets it",
      "code": "import type { Server } from 'node:https';\nimport { appendFileSync } from 'node:fs';\nimport pino from 'pino';\nconst logger = pino();\nexport function trace(server: Server) {\n  const file = process.env.SSLKEYLOGFILE;\n  if (!file) return;\n  logger.warn({ file }, 'TLS key logging enabled');\n  server.on('keylog', (line) => appendFileSync(file, line, { mode: 0o600 }));\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "TLS key log lines sent to the application log",
      "code": "import type { Server } from 'node:https';\nimport pino from 'pino';\nconst logger = pino();\nexport function trace(server: Server) {\n  server.on('keylog', (line) => logger.debug({ keylog: line.toString('utf8') }, 'tls keylog'));\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "secretLogged",
          "line": 5
        }
      ]
    }
  ]
});
