import noHardcodedKey from '../../rules/no-hardcoded-key';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Shapes the twenty-ninth blind set (part A: enterprise identity and network access — LDAP/AD sync, RADIUS, TACACS+,
// SNMPv3 pollers, NTLM, Kerberos, SCIM, WireGuard/IPsec/OpenVPN provisioning, SCEP/EST enrolment, SSH CAs, password
// portals, posture agents) found missed or misjudged: an OpenVPN static key (`tls-auth`) written in a profile template;
// net-snmp SNMPv3 users with MD5/SHA-1 authentication and DES privacy, also when a local function returns the user per
// device generation; a node-forge PKCS#7 signer's `digestAlgorithm: forge.pki.oids.sha1`; a change-detection digest
// compared with the slot the same code stores it in; a KMS plaintext handed out through a memoised promise
// (`pending = unwrap().catch(…)`); and a secret-named binding that holds a path (`process.env.X_SECRETS_FILE`).

const ruleTester = createRuleTester();

const OPENVPN_STATIC_KEY_LINES = ['012d683c534e8aeb372d75292eacd9bd', '97c8473c02c295e04533b58a09b1011c', 'ba51984013a054c4e92a84699bb1d9d1', '9c71b8947776f6105b6de15031d49806'];

ruleTester.run('no-hardcoded-key (blind-s29 enterprise identity shapes)', noHardcodedKey, {
  valid: [
    {
      name: 'an OpenVPN static key placeholder in documentation text is not a key',
      code: `export const TLS_AUTH_HELP = 'Paste the key:\\n-----BEGIN OpenVPN Static key V1-----\\n...\\n-----END OpenVPN Static key V1-----\\n';
`,
    },
    {
      name: 'a tls-auth key read from a file at run time is not hardcoded',
      code: `const fs = require('node:fs');
const TLS_AUTH_KEY = fs.readFileSync(process.env.OVPN_TLS_AUTH_PATH, 'utf8');
module.exports = { profile: (ca) => ['client', '<ca>', ca, '</ca>', '<tls-auth>', TLS_AUTH_KEY, '</tls-auth>'].join('\\n') };
`,
    },
  ],
  invalid: [
    {
      name: 'an OpenVPN static key written in a profile template is a key by its format',
      code: `const TLS_AUTH_KEY =
  '-----BEGIN OpenVPN Static key V1-----\\n' +
${OPENVPN_STATIC_KEY_LINES.map((line) => `  '${line}\\n' +`).join('\n')}
  '-----END OpenVPN Static key V1-----\\n';
module.exports = { profile: (ca) => ['client', '<ca>', ca, '</ca>', '<tls-auth>', TLS_AUTH_KEY, '</tls-auth>'].join('\\n') };
`,
      errors: [{ messageId: 'embeddedPrivateKey', line: 2 }],
    },
  ],
});

ruleTester.run('no-weak-algorithm (blind-s29 enterprise identity shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'an SNMPv3 user with SHA-512 authentication and AES-256 privacy',
      code: `import snmp from 'net-snmp';
export const session = snmp.createV3Session('10.0.0.1', {
  name: 'netmon',
  level: snmp.SecurityLevel.authPriv,
  authProtocol: snmp.AuthProtocols.sha512,
  authKey: process.env.SNMP_AUTH_KEY,
  privProtocol: snmp.PrivProtocols.aes256b,
  privKey: process.env.SNMP_PRIV_KEY,
});
`,
    },
    {
      name: 'an equality test on an authentication protocol member is not a use of it',
      code: `import snmp from 'net-snmp';
export function warnLegacy(user: { authProtocol: number }, log: (m: string) => void) {
  if (user.authProtocol === snmp.AuthProtocols.md5) log('MD5 users are refused from 2026');
}
`,
    },
    {
      name: 'a PKCS#7 signer with SHA-256',
      code: `import forge from 'node-forge';
export function sign(content: string, key: forge.pki.PrivateKey, certificate: forge.pki.Certificate) {
  const p7 = forge.pkcs7.createSignedData();
  p7.content = forge.util.createBuffer(content);
  p7.addCertificate(certificate);
  p7.addSigner({ key, certificate, digestAlgorithm: forge.pki.oids.sha256 });
  p7.sign();
  return p7;
}
`,
    },
    {
      name: 'a digest compared with the slot the job stores it in is change detection',
      code: `import { createHash } from 'node:crypto';
export function changedEntries(entries: Array<{ id: string; attrs: string }>, state: Record<string, string>) {
  const changed: string[] = [];
  for (const entry of entries) {
    const digest = createHash('md5').update(entry.attrs).digest('hex');
    if (state[entry.id] === digest) continue;
    state[entry.id] = digest;
    changed.push(entry.id);
  }
  return changed;
}
`,
    },
  ],
  invalid: [
    {
      name: 'SNMPv3 MD5 authentication and DES privacy are an obsolete MAC hash and cipher',
      code: `import snmp from 'net-snmp';
export const session = snmp.createV3Session('10.0.0.1', {
  name: 'legacy',
  level: snmp.SecurityLevel.authPriv,
  authProtocol: snmp.AuthProtocols.md5,
  authKey: process.env.SNMP_AUTH_KEY,
  privProtocol: snmp.PrivProtocols.des,
  privKey: process.env.SNMP_PRIV_KEY,
});
`,
      errors: [
        { messageId: 'weakHash', line: 5 },
        { messageId: 'weakCipher', line: 7 },
      ],
    },
    {
      name: 'an SNMPv3 user returned per device generation by a local function is judged entry by entry',
      code: `const snmp = require('net-snmp');
function userFor(generation) {
  if (generation === 'ups') return { name: 'ups', level: snmp.SecurityLevel.authNoPriv, authProtocol: snmp.AuthProtocols.sha, authKey: process.env.UPS_KEY };
  return { name: 'core', level: snmp.SecurityLevel.authPriv, authProtocol: snmp.AuthProtocols.sha256, authKey: process.env.CORE_AUTH, privProtocol: snmp.PrivProtocols.aes, privKey: process.env.CORE_PRIV };
}
exports.open = (host, generation) => snmp.createV3Session(host, userFor(generation));
`,
      errors: [{ messageId: 'weakHash', line: 3 }],
    },
    {
      name: "a PKCS#7 signer's SHA-1 digest algorithm (SCEP PKCSReq for an old NDES)",
      code: `import forge from 'node-forge';
export function pkcsReq(envelope: forge.util.ByteStringBuffer, key: forge.pki.PrivateKey, certificate: forge.pki.Certificate) {
  const signed = forge.pkcs7.createSignedData();
  signed.content = envelope;
  signed.addCertificate(certificate);
  signed.addSigner({
    key,
    certificate,
    digestAlgorithm: forge.pki.oids.sha1,
  });
  signed.sign();
  return signed;
}
`,
      errors: [{ messageId: 'weakHash', line: 9 }],
    },
    {
      name: 'a digest compared with a recorded value the code does not write is still a verification',
      code: `import { createHash } from 'node:crypto';
export function verifyEntry(entry: { id: string; attrs: string }, recorded: Record<string, string>) {
  const digest = createHash('md5').update(entry.attrs).digest('hex');
  if (recorded[entry.id] !== digest) throw new Error(\`entry \${entry.id} was modified\`);
}
`,
      errors: [
        {
          messageId: 'weakHash',
          line: 3,
          suggestions: [
            {
              messageId: 'useSha256Migrate',
              output: `import { createHash } from 'node:crypto';
export function verifyEntry(entry: { id: string; attrs: string }, recorded: Record<string, string>) {
  const digest = createHash('sha256').update(entry.attrs).digest('hex');
  if (recorded[entry.id] !== digest) throw new Error(\`entry \${entry.id} was modified\`);
}
`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-plaintext-data-key-exposure (blind-s29 enterprise identity shapes)', noPlaintextDataKeyExposure, {
  valid: [
    {
      name: "a secret-named binding read from a path variable (`…_SECRETS_FILE`) holds a path",
      code: `import { writeFile } from 'node:fs/promises';
const SWANCTL_SECRETS = process.env.SWANCTL_SECRETS_FILE ?? '/etc/swanctl/conf.d/secrets.conf';
export async function write(body: string) {
  await writeFile(SWANCTL_SECRETS, body, { mode: 0o600 });
  console.info(\`wrote IKE secrets to \${SWANCTL_SECRETS}\`);
}
`,
    },
    {
      name: 'a memoised unwrap whose plaintext stays inside the module is an internal cache',
      code: `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
import { createCipheriv, randomBytes } from 'node:crypto';
const kms = new KMSClient({});
let pending: Promise<Uint8Array> | undefined;
async function unwrap(wrapped: Uint8Array): Promise<Uint8Array> {
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { service: 'collector' } }));
  if (!Plaintext) throw new Error('no plaintext');
  return Plaintext;
}
export async function seal(wrapped: Uint8Array, data: Buffer): Promise<Buffer> {
  pending ??= unwrap(wrapped).catch((err) => {
    pending = undefined;
    throw err;
  });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await pending, iv);
  return Buffer.concat([iv, cipher.update(data), cipher.final(), cipher.getAuthTag()]);
}
`,
    },
  ],
  invalid: [
    {
      name: 'a secret-named binding read from a secret variable is still a logged secret',
      code: `const RADIUS_SECRET = process.env.RADIUS_SHARED_SECRET;
export function start() {
  console.info(\`RADIUS server up with secret \${RADIUS_SECRET}\`);
}
`,
      errors: [{ messageId: 'secretLogged', line: 3 }],
    },
    {
      name: 'a KMS plaintext handed out through a memoised promise (`.catch` passes the value through)',
      code: `import { KMSClient, DecryptCommand } from '@aws-sdk/client-kms';
import { readFile } from 'node:fs/promises';
const kms = new KMSClient({});
let pending: Promise<Uint8Array> | undefined;
async function unwrap(): Promise<Uint8Array> {
  const wrapped = await readFile('/etc/collector/evidence.key.enc');
  const { Plaintext } = await kms.send(new DecryptCommand({ CiphertextBlob: wrapped, EncryptionContext: { service: 'collector' } }));
  if (!Plaintext) throw new Error('no plaintext');
  return Plaintext;
}
export function evidenceDataKey(): Promise<Uint8Array> {
  if (!pending) {
    pending = unwrap().catch((err) => {
      pending = undefined;
      throw err;
    });
  }
  return pending;
}
`,
      errors: [{ messageId: 'dataKeyExposed', line: 7 }],
    },
  ],
});
