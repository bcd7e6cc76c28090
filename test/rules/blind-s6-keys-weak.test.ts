import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noStaticIv from '../../rules/no-static-iv';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Shapes the fourth blind set (hardcoded-key/blind-s6, weak-crypto/blind-s6) found missed:
// enum keyrings, keys spelled as character codes, command-line option defaults, Azure client
// secrets, libsodium's named pwhash limits, and weak ciphers in a table an encrypt call picks from.
const ruleTester = createRuleTester();

const ENUM_KEYRING = [
  "import { createHmac } from 'node:crypto';",
  'export enum SigningSecret {',
  "  Webhooks = '423e62b9f5b43fc299b4af9b73b9194b895ccab0a9a66851df090f43b8eaca38',",
  "  Exports = '5664b6a3c730efb81b416a7c22bcf9b5707f06df58fb3c1341f205e62a95b676',",
  '}',
  'export function sign(integration: keyof typeof SigningSecret, body: string): string {',
  "  return createHmac('sha256', SigningSecret[integration]).update(body).digest('hex');",
  '}',
].join('\n');

const CHAR_CODE_KEY = [
  "import CryptoJS from 'crypto-js';",
  'const STORE_KEY = CryptoJS.enc.Utf8.parse(String.fromCharCode(81, 55, 118, 90, 50, 107, 80, 120, 57, 76, 109, 68, 52, 115, 87, 104, 70, 48, 110, 74, 56, 116, 82, 99, 51, 98, 89, 109, 71, 54, 117, 69));',
  'export function seal(text: string): string {',
  '  const iv = CryptoJS.lib.WordArray.random(16);',
  '  return CryptoJS.AES.encrypt(text, STORE_KEY, { iv }).toString();',
  '}',
].join('\n');

const COMMANDER_KEY = [
  "const { program } = require('commander');",
  "const crypto = require('crypto');",
  'program',
  "  .option('-k, --key <hex>', 'AES-256 key as 64 hex characters', 'c3303841a560bec7db3f422cbe51854c00c949c4ff29e8c3d73e59c04ff977b1')",
  "  .option('--chunk-size <bytes>', 'read buffer size', (v) => parseInt(v, 10), 65536)",
  '  .parse();',
  'const opts = program.opts();',
  "const cipher = crypto.createCipheriv('aes-256-gcm', crypto.createSecretKey(Buffer.from(opts.key, 'hex')), crypto.randomBytes(12));",
].join('\n');

const YARGS_SECRET = [
  "import yargs from 'yargs';",
  "import jwt from 'jsonwebtoken';",
  'const argv = yargs(process.argv.slice(2))',
  "  .option('signing-secret', { type: 'string', default: 'Y50YR8Tl5EOpyf0d8pzE6c7tmGXzABthvxSm4/JI3Zs=' })",
  '  .parseSync();',
  "console.log(jwt.sign({ sub: 'cli' }, argv.signingSecret, { algorithm: 'HS256' }));",
].join('\n');

const AZURE_SECRET = [
  "import { ClientSecretCredential } from '@azure/identity';",
  "import { KeyClient } from '@azure/keyvault-keys';",
  "const credential = new ClientSecretCredential('4f9a2c1e-7b3d-4e8a-9c0f-1d2e3f4a5b6c', 'b7c1e9d3-2a4f-4c6e-8d0b-9f1a3c5e7d2b', 'Xq8Q~vN3kLp7TzR2wYc9HbF4mJd6GsA1eUo5iKx0');",
  "export const keys = new KeyClient('https://acme.vault.azure.net', credential);",
].join('\n');

const REQUIRE_ENV_HELPER = [
  '',
  '',
  '/** A secret the service cannot run without: read from the environment, checked at start-up. */',
  'function requireEnv(name: string): string {',
  '  const value = process.env[name];',
  "  if (!value) throw new Error(`Environment variable ${name} is not set: it holds a key that is no longer in the source code.`);",
  '  return value;',
  '}',
].join('\n');

const FORMAT_TABLE = (call: string) =>
  [
    "const crypto = require('crypto');",
    'const FORMATS = {',
    "  1: { cipher: 'des-ede3-cbc', ivLength: 8 },",
    "  3: { cipher: 'aes-256-gcm', ivLength: 12 },",
    '};',
    'function run(partner, key, data) {',
    '  const format = FORMATS[partner.formatVersion];',
    "  if (!format) throw new Error('unknown format');",
    `  return crypto.${call}(format.cipher, key, crypto.randomBytes(format.ivLength));`,
    '}',
    'module.exports = { run };',
  ].join('\n');

ruleTester.run('no-hardcoded-key (blind-s6 shapes)', noHardcodedKey, {
  valid: [
    {
      name: 'command-line options that name key ids, key files and suffixes keep their defaults',
      code: [
        "const { Command } = require('commander');",
        'const program = new Command();',
        "program.option('--kms-key-id <id>', 'destination KMS key', 'alias/exports-2025')",
        "  .option('--key-file <path>', 'wrapped key file', './keys/dev.key.b64')",
        "  .option('--key-file-suffix <suffix>', 'suffix of wrapped key files', '.key.b64');",
      ].join('\n'),
    },
    {
      name: 'a zod default and an Option default that are not secrets',
      code: "import { Option } from 'commander';\nimport { z } from 'zod';\nexport const port = new Option('--port <n>', 'port').default('8080');\nexport const Settings = z.object({ keyPrefix: z.string().default('app:') });",
    },
    {
      name: 'an option default that is not key material',
      code: "import { program } from 'commander';\nprogram.option('--secret-header <name>', 'header carrying the secret', 'x-webhook-secret').parse();",
    },
    {
      name: 'an Azure client secret read from the environment',
      code: "import { ClientSecretCredential } from '@azure/identity';\nexport const credential = new ClientSecretCredential(process.env.AZURE_TENANT_ID!, process.env.AZURE_CLIENT_ID!, process.env.AZURE_CLIENT_SECRET!);",
    },
    {
      name: 'character codes that are not a key (a separator)',
      code: "import { createHmac } from 'node:crypto';\nconst SEP = String.fromCharCode(31);\nexport const mac = (k: Buffer, a: string, b: string) => createHmac('sha256', k).update(a + SEP + b).digest();",
    },
  ],
  invalid: [
    {
      name: 'every member of an enum indexed at run time is a key in use',
      code: ENUM_KEYRING,
      errors: [
        { messageId: 'hardcodedKey', line: 3, suggestions: [] },
        { messageId: 'hardcodedKey', line: 4, suggestions: [] },
      ],
    },
    {
      name: 'a key spelled with String.fromCharCode',
      code: CHAR_CODE_KEY,
      errors: [{ messageId: 'hardcodedKey', line: 2, suggestions: [] }],
    },
    {
      name: "a commander option's default key",
      code: COMMANDER_KEY,
      errors: [{ messageId: 'keyLikeConstant', line: 4, suggestions: [] }],
    },
    {
      name: "the default of a commander Option object",
      code: "import { Command, Option } from 'commander';\nconst program = new Command();\nprogram.addOption(new Option('--hmac-secret <s>', 'HMAC secret').env('HMAC_SECRET').default('1bf2cab32cac19eb96ea493eab1b63b4d32168f4a1353e5ad262760d77840db4'));",
      errors: [{ messageId: 'keyLikeConstant', line: 3, suggestions: [] }],
    },
    {
      name: "a yargs option's default secret",
      code: YARGS_SECRET,
      errors: [{ messageId: 'keyLikeConstant', line: 4, suggestions: [] }],
    },
    {
      name: 'an Azure client secret handed to the Key Vault credential',
      code: AZURE_SECRET,
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 3,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { envVar: 'AZURE_CLIENT_SECRET', format: 'the same string' },
              output: AZURE_SECRET.replace("'Xq8Q~vN3kLp7TzR2wYc9HbF4mJd6GsA1eUo5iKx0'", "requireEnv('AZURE_CLIENT_SECRET')") + REQUIRE_ENV_HELPER,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('min-key-strength (blind-s6 shapes)', minKeyStrength, {
  valid: [
    {
      name: 'Number(…) of an environment variable with a strong fallback',
      code: "import { pbkdf2Sync } from 'node:crypto';\nconst ITERATIONS = Number(process.env.PBKDF2_ITERATIONS ?? 600000);\nexport const derive = (pw: string, salt: Buffer) => pbkdf2Sync(pw, salt, ITERATIONS, 32, 'sha256');",
    },
    {
      name: "libsodium's MODERATE limits",
      code: "import sodium from 'libsodium-wrappers';\nexport const hash = (pw: string) => sodium.crypto_pwhash_str(pw, sodium.crypto_pwhash_OPSLIMIT_MODERATE, sodium.crypto_pwhash_MEMLIMIT_MODERATE);",
    },
    {
      name: "libsodium's INTERACTIVE limits (64 MiB, 2 passes)",
      code: "const sodium = require('sodium-native');\nmodule.exports = (out, pw) => sodium.crypto_pwhash_str(out, pw, sodium.crypto_pwhash_OPSLIMIT_INTERACTIVE, sodium.crypto_pwhash_MEMLIMIT_INTERACTIVE);",
    },
  ],
  invalid: [
    {
      name: 'a cost that falls back to a constant through Number(…)',
      code: "import { pbkdf2Sync } from 'node:crypto';\nconst ITERATIONS = Number(process.env.PBKDF2_ITERATIONS ?? 1000);\nexport const derive = (pw: string, salt: Buffer) => pbkdf2Sync(pw, salt, ITERATIONS, 32, 'sha256');",
      errors: [{ messageId: 'lowIterations', line: 2, column: 60 }],
    },
    {
      name: 'a bcrypt cost parsed from a string constant',
      code: "import bcrypt from 'bcrypt';\nconst ROUNDS = parseInt('8', 10);\nexport const hash = (pw: string) => bcrypt.hash(pw, ROUNDS);",
      errors: [{ messageId: 'lowCost', line: 2, column: 25 }],
    },
    {
      name: "libsodium's MIN limits (8 KiB)",
      code: "import sodium from 'libsodium-wrappers';\nexport const hash = (pin: string) => sodium.crypto_pwhash_str(pin, sodium.crypto_pwhash_OPSLIMIT_MIN, sodium.crypto_pwhash_MEMLIMIT_MIN);",
      errors: [{ messageId: 'lowCost', line: 2, column: 103 }],
    },
  ],
});

ruleTester.run('no-weak-algorithm (blind-s6 shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'a decrypt-only format table reads what others wrote',
      code: FORMAT_TABLE('createDecipheriv'),
    },
  ],
  invalid: [
    {
      name: 'an encrypt call picking its cipher from a table with a DES entry',
      code: FORMAT_TABLE('createCipheriv'),
      errors: [{ messageId: 'weakCipher', line: 3 }],
    },
  ],
});

ruleTester.run('no-static-iv (blind-s6 shapes)', noStaticIv, {
  valid: [
    {
      name: 'a random IV next to the key',
      code: "import CryptoJS from 'crypto-js';\nexport const seal = (key: CryptoJS.lib.WordArray, s: string) => CryptoJS.AES.encrypt(s, key, { iv: CryptoJS.lib.WordArray.random(16) }).toString();",
    },
  ],
  invalid: [
    {
      name: 'the key passed as its own IV (node:crypto)',
      code: "import crypto from 'node:crypto';\nexport const seal = (key: Buffer, s: string) => crypto.createCipheriv('aes-128-cbc', key, key).update(s);",
      errors: [{ messageId: 'keyDerivedIv', line: 2, column: 91 }],
    },
    {
      name: 'the key passed as its own IV (crypto-js options)',
      code: "import CryptoJS from 'crypto-js';\nexport const seal = (key: CryptoJS.lib.WordArray, s: string) => CryptoJS.DES.encrypt(s, key, { iv: key }).toString();",
      errors: [{ messageId: 'keyDerivedIv', line: 2 }],
    },
  ],
});
