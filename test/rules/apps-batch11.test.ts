import noHardcodedKey from '../../rules/no-hardcoded-key';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Found by linting the eleventh batch of packages (bench/apps11-packages.json, reviewed in
// docs/benchmark-review.md) and by reviewing which private-key formats no-hardcoded-key knew by
// their text alone; each case sits next to the look-alike that must keep its verdict.
const ruleTester = createRuleTester();
const commonjs = { sourceType: 'commonjs', parserOptions: { sourceType: 'script', ecmaFeatures: { globalReturn: true } } } as never;

ruleTester.run('no-weak-algorithm (application packages, batch 11)', noWeakAlgorithm, {
  valid: [
    {
      name: "MD5 of a queued request inside the job's description, next to its id (@rudderstack/rudder-sdk-node)",
      code: `const md5 = require('md5');
const { v4: uuid } = require('uuid');
async function enqueue(queue, request) {
  const jobId = uuid();
  const eventData = { jobId, description: \`node-\${md5(JSON.stringify(request))}-\${jobId}\`, request, attempts: 0 };
  await queue.add(eventData);
}
module.exports = { enqueue };
`,
      languageOptions: commonjs,
    },
    {
      name: 'MD5 of a document as the label a dashboard shows for it',
      code: `import { createHash } from 'node:crypto';
export function tile(doc: { body: string; title: string }) {
  return { label: \`\${doc.title} (\${createHash('md5').update(doc.body).digest('hex').slice(0, 10)})\`, body: doc.body };
}
`,
    },
  ],
  invalid: [
    {
      name: 'MD5 of a request body compared with a header: a check, whatever the record is called',
      code: `const md5 = require('md5');
function accept(req) {
  const description = md5(JSON.stringify(req.body));
  if (description !== req.headers['x-body-md5']) throw new Error('tampered');
  return { description };
}
module.exports = { accept };
`,
      languageOptions: commonjs,
      errors: [{ messageId: 'weakHash', line: 3 }],
    },
  ],
});

const oauthSignatures = `import { OAuth } from 'oauth';
import oauthSignature from 'oauth-signature';
import { sign } from 'oauth-sign';
export const lms = new OAuth('https://lms.example.edu/request', 'https://lms.example.edu/access', process.env.LTI_KEY!, process.env.LTI_SECRET!, '1.0', null, 'HMAC-SHA1');
export const a = (p: Record<string, string>) => sign('HMAC-SHA1', 'POST', 'https://tool.example.edu/launch', p, process.env.LTI_SECRET!, '');
export const b = (p: Record<string, string>) => oauthSignature.generate('POST', 'https://tool.example.edu/launch', p, process.env.LTI_SECRET!, '', { encodeSignature: false });
`;

// The OAuth 1.0a libraries' signature methods (decision 11: HMAC-SHA1 that OAuth 1.0a and LTI 1.1 mandate is reported).
ruleTester.run('no-weak-algorithm (OAuth 1.0a signature methods)', noWeakAlgorithm, {
  valid: [
    {
      name: 'HMAC-SHA256 through node-oauth and oauth-sign',
      code: `import { OAuth } from 'oauth';
import { hmacsign256, sign } from 'oauth-sign';
export const lms = new OAuth('https://lms.example.edu/request', 'https://lms.example.edu/access', process.env.LTI_KEY!, process.env.LTI_SECRET!, '1.0A', null, 'HMAC-SHA256');
export const a = (p: Record<string, string>) => sign('HMAC-SHA256', 'POST', 'https://tool.example.edu/launch', p, process.env.LTI_SECRET!, '');
export const b = (p: Record<string, string>) => hmacsign256('POST', 'https://tool.example.edu/launch', p, process.env.LTI_SECRET!, '');
`,
    },
  ],
  invalid: [
    {
      name: "node-oauth's and oauth-sign's 'HMAC-SHA1', and oauth-signature's generate (HMAC-SHA1 by definition)",
      code: oauthSignatures,
      errors: [
        // The method's name is an argument: the suggestion names HMAC-SHA256, which both libraries also speak.
        { messageId: 'weakHash', line: 4, suggestions: [{ messageId: 'useSha256Migrate', output: oauthSignatures.replace("null, 'HMAC-SHA1'", "null, 'HMAC-SHA256'") }] },
        { messageId: 'weakHash', line: 5, suggestions: [{ messageId: 'useSha256Migrate', output: oauthSignatures.replace("sign('HMAC-SHA1'", "sign('HMAC-SHA256'") }] },
        { messageId: 'weakHash', line: 6 },
      ],
    },
  ],
});

// Fresh material, made for these tests: an age identity and a Nostr key (bech32 with a valid checksum), a
// BIP32 extended private key and a WIF key (base58check), and an ed25519 OpenPGP secret key made by gpg.
const AGE_IDENTITY = 'AGE-SECRET-KEY-1PKNFXHF7V0UC7THU5UCGP68FLXS6Z8USEQJXG8UMQQFFVEARA25SR5S722';
const NSEC = 'nsec1nnayn5kytkf2x7qk8xjkncz260vrsfcsp3ut74u3rg9zw2qwe2us260tg0';
const NPUB = 'npub1pdg87e4kalgacu98eghh60ky9tp2qdht6a77ercecnzsv702hlvq2w644t';
const XPRV = 'xprv9s21ZrQH143K2vM64sC65GNhtavveJmZkrW7j15Vjft8GY1qEh1MVy21jNBeMLQjBrbusWF126Fg4Ur4aBNAwHHictC3AEotvNodQiYzVuF';
const XPUB = 'xpub661MyMwAqRbcEeMDXVW1S41BoMFTjTMW9hatz893UdVU3eSws1ocMi1rW7rujsWLSAYY12HESppXa1Hcpdyt97eYUNjnMNKXutU6droKMwn';
const WIF = 'L1Kv4NpQHVmT2RSEQuJvPP8gPwajV7Nb4NDUBn667mPqZaSHuGas';
const PGP_SECRET = `-----BEGIN PGP PRIVATE KEY BLOCK-----

lFgEaw+dERYJKwYBBAHaRw8BAQdAdgK2Pe5Q8TqxJXHeu/71ksPhxKG0jxM8AQUj
CQt6I24AAQCg38+R9pj6pfDtR5N0BzGtcd4o74ljvZAauuPqzoSiLBN9tCJHcmFk
ZXMgRXhwb3J0IDxncmFkZXNAZXhhbXBsZS5lZHU+iJAEExYIADgWIQShHjpjLbhV
8UCkGaesgpoER8dWUgUCaw+dEQIbAwULCQgHAgYVCgkICwIEFgIDAQIeAQIXgAAK
CRCsgpoER8dWUsXIAPwMJGQ1klaabzWLMQRWDZZY99Sc/Mh96Pz8FxbZHnlQrQD7
BpNG1ykPsM0DnJu5lIltFhcqi7M3VbLDXxdyfHuStQI=
=W1cJ
-----END PGP PRIVATE KEY BLOCK-----`;
const PGP_PUBLIC = `-----BEGIN PGP PUBLIC KEY BLOCK-----

mDMEaw+dERYJKwYBBAHaRw8BAQdAdgK2Pe5Q8TqxJXHeu/71ksPhxKG0jxM8AQUj
CQt6I260IkdyYWRlcyBFeHBvcnQgPGdyYWRlc0BleGFtcGxlLmVkdT6IkAQTFggA
OBYhBKEeOmMtuFXxQKQZp6yCmgRHx1ZSBQJrD50RAhsDBQsJCAcCBhUKCQgLAgQW
AgMBAh4BAheAAAoJEKyCmgRHx1ZSxcgA/AwkZDWSVppvNYsxBFYNllj31Jz8yH3o
/PwXFtkeeVCtAPsGk0bXKQ+wzQOcm7mUiW0WFyqLszdVssNfF3J8e5K1Ag==
=RDVs
-----END PGP PUBLIC KEY BLOCK-----`;
/** The same identity with its last character changed: the bech32 checksum fails, as in a hand-edited sample. */
const AGE_BROKEN = `${AGE_IDENTITY.slice(0, -1)}${AGE_IDENTITY.endsWith('Q') ? 'P' : 'Q'}`;

ruleTester.run('no-hardcoded-key (private keys in formats that name themselves)', noHardcodedKey, {
  valid: [
    { name: 'public counterparts: an xpub and an npub', code: `export const WATCH_ONLY = '${XPUB}';\nexport const RELAY_OWNER = '${NPUB}';` },
    { name: 'a PGP public key block', code: `export const RELEASE_SIGNING = \`${PGP_PUBLIC}\`;` },
    { name: 'an age identity whose checksum fails (a hand-edited sample)', code: `export const SAMPLE = '${AGE_BROKEN}';` },
    { name: 'the armor lines around an ellipsis, as documentation writes them', code: "export const HELP = `Paste your key:\\n-----BEGIN PGP PRIVATE KEY BLOCK-----\\n...\\n-----END PGP PRIVATE KEY BLOCK-----`;" },
    {
      name: "a WireGuard configuration made from the peer's generated key, with the server's public key written in",
      code: `export function peerConfig(privateKey: string, address: string): string {
  return \`[Interface]
PrivateKey = \${privateKey}
Address = \${address}

[Peer]
PublicKey = MyvNoOTeAS7FCEI669v7qxJTEvYX8YFGkv6naSjX1gQ=
Endpoint = vpn.example.com:51820
\`;
}`,
    },
    { name: 'WireGuard lines with a placeholder and with filler', code: "export const SAMPLE = '[Interface]\\nPrivateKey = <client-private-key>\\n[Peer]\\nPresharedKey = AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\\n';" },
    { name: 'a base58 transaction id of WIF length', code: "export const TX = '5x2SexM4AtU2oQCmS8R7LyFs9uqzjQutqXAGnbR94VBTZ1aWEiX';" },
  ],
  invalid: [
    {
      name: 'an armored OpenPGP secret key in a template, under a name that says nothing of keys',
      code: `export const RELEASE_BOT = \`${PGP_SECRET}\`;`,
      errors: [{ messageId: 'embeddedPrivateKey', data: { label: 'PGP private key block' }, line: 1 }],
    },
    {
      name: 'an age identity, a Nostr secret key, a BIP32 xprv and a WIF key in a config object',
      code: `export const wallets = {\n  backup: '${AGE_IDENTITY}',\n  relay: '${NSEC}',\n  treasury: '${XPRV}',\n  legacy: '${WIF}',\n};`,
      errors: [
        { messageId: 'embeddedPrivateKey', data: { label: 'age identity (an X25519 private key)' }, line: 2 },
        { messageId: 'embeddedPrivateKey', data: { label: 'Nostr secret key (nsec)' }, line: 3 },
        { messageId: 'embeddedPrivateKey', data: { label: 'BIP32 extended private key' }, line: 4 },
        { messageId: 'embeddedPrivateKey', data: { label: 'Bitcoin WIF private key' }, line: 5 },
      ],
    },
    {
      name: 'a WireGuard configuration written with its private and preshared keys',
      code: `export const BRANCH_OFFICE_TUNNEL = \`[Interface]
PrivateKey = BxdNX3xmrzXd5QOKCOjoRXuA8/KIw6fnzh//Bey9Jxg=
Address = 10.20.0.2/32

[Peer]
PublicKey = MyvNoOTeAS7FCEI669v7qxJTEvYX8YFGkv6naSjX1gQ=
PresharedKey = WfPi0iCJcAFmyodpEA6kFswDq0lEMKcYDXD9EXTF/IU=
AllowedIPs = 10.20.0.0/16
\`;`,
      errors: [{ messageId: 'embeddedPrivateKey', data: { label: 'WireGuard private key' }, line: 1 }],
    },
    {
      name: 'a preshared key alone, in a peer section joined line by line',
      code: "export const PEER = ['[Peer]', 'PublicKey = MyvNoOTeAS7FCEI669v7qxJTEvYX8YFGkv6naSjX1gQ=', 'PresharedKey = WfPi0iCJcAFmyodpEA6kFswDq0lEMKcYDXD9EXTF/IU='].join('\\n');",
      errors: [{ messageId: 'embeddedPrivateKey', data: { label: 'WireGuard preshared key' }, line: 1 }],
    },
    {
      name: 'an age identity at its sink keeps the message that names the sink',
      code: `import { Decrypter } from 'age-encryption';\nexport async function open(file: Uint8Array) {\n  const d = new Decrypter();\n  d.addIdentity('${AGE_IDENTITY}');\n  return d.decrypt(file, 'text');\n}`,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 4,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { envVar: 'ENCRYPTION_KEY', format: 'the same string' },
              output: `import { Decrypter } from 'age-encryption';

const ENCRYPTION_KEY = requireEnv('ENCRYPTION_KEY');
export async function open(file: Uint8Array) {
  const d = new Decrypter();
  d.addIdentity(ENCRYPTION_KEY);
  return d.decrypt(file, 'text');
}${REQUIRE_ENV_TS}`,
            },
          ],
        },
      ],
    },
  ],
});
