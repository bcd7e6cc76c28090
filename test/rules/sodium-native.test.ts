import minKeyStrength from '../../rules/min-key-strength';
import noHardcodedKey from '../../rules/no-hardcoded-key';
import noKeyReuse from '../../rules/no-key-reuse-across-purposes';
import noStaticIv from '../../rules/no-static-iv';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// sodium-native (and sodium-universal) follow libsodium's C API: output buffers first, so every
// argument sits one or two places later than in libsodium-wrappers, and a derived or generated
// key is the buffer the call fills. Read with the wrappers' table, the nonce was taken for the key
// and the ciphertext for the nonce (found by linting @fastify/secure-session).
const ruleTester = createRuleTester();

const SEAL = (key: string, declarations = '') =>
  [
    "const sodium = require('sodium-native');",
    ...(declarations ? [declarations] : []),
    'function seal(message) {',
    '  const nonce = Buffer.alloc(sodium.crypto_secretbox_NONCEBYTES);',
    '  sodium.randombytes_buf(nonce);',
    '  const box = Buffer.alloc(message.length + sodium.crypto_secretbox_MACBYTES);',
    `  sodium.crypto_secretbox_easy(box, message, nonce, ${key});`,
    '  return Buffer.concat([nonce, box]);',
    '}',
    'module.exports = { seal };',
  ].join('\n');

const HEX_KEY = "'8f2a6c1e9b3d47f0a5c8e2b19d6f3a7c4e1b8d2f6a9c3e5b7d0f2a4c6e8b1d3f'";

const OPEN = [
  "const sodium = require('sodium-native');",
  'function open(sealed, key) {',
  '  const nonce = sealed.subarray(0, sodium.crypto_secretbox_NONCEBYTES);',
  '  const box = sealed.subarray(sodium.crypto_secretbox_NONCEBYTES);',
  '  const message = Buffer.alloc(box.length - sodium.crypto_secretbox_MACBYTES);',
  "  if (!sodium.crypto_secretbox_open_easy(message, box, nonce, key)) throw new Error('cannot open');",
  '  return message;',
  '}',
  'module.exports = { open };',
].join('\n');

const REQUIRE_ENV_HELPER = [
  '',
  '',
  '/** A secret the service cannot run without: read from the environment, checked at start-up. */',
  'function requireEnv(name: string): string {',
  '  const value = process.env[name];',
  '  if (!value) throw new Error(`Environment variable ${name} is not set: it holds a key that is no longer in the source code.`);',
  '  return value;',
  '}',
].join('\n');

ruleTester.run('no-hardcoded-key (sodium-native)', noHardcodedKey, {
  valid: [
    { name: 'a key from the environment', code: SEAL('STORE_KEY', "const STORE_KEY = Buffer.from(process.env.STORE_KEY, 'hex');") },
    // The nonce is the third argument: a constant there is not a key (no-static-iv's business).
    { name: 'opening a box: the ciphertext and nonce are not keys', code: OPEN },
  ],
  invalid: [
    {
      name: 'a hex key in the fourth argument of crypto_secretbox_easy',
      code: SEAL('STORE_KEY', `const STORE_KEY = Buffer.from(${HEX_KEY}, 'hex');`),
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 2,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              data: { envVar: 'STORE_KEY', format: 'hex, as written today' },
              output: SEAL('STORE_KEY', "const STORE_KEY = Buffer.from(requireEnv('STORE_KEY'), 'hex');") + REQUIRE_ENV_HELPER,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-static-iv (sodium-native)', noStaticIv, {
  valid: [
    { name: 'a nonce filled by randombytes_buf', code: SEAL('key', 'const key = Buffer.from(process.env.STORE_KEY, "hex");') },
    { name: 'the ciphertext sliced from the sealed message is not the nonce', code: OPEN },
  ],
  invalid: [
    {
      name: 'a nonce allocated and never filled is all zeros',
      code: SEAL('key', 'const key = Buffer.from(process.env.STORE_KEY, "hex");').replace('  sodium.randombytes_buf(nonce);\n', ''),
      errors: [{ messageId: 'zeroIv', line: 4 }],
    },
  ],
});

const PWHASH_STR = (level: string) =>
  [
    "const sodium = require('sodium-native');",
    'module.exports = function hashPassword(password) {',
    '  const out = Buffer.alloc(sodium.crypto_pwhash_STRBYTES);',
    `  sodium.crypto_pwhash_str(out, Buffer.from(password), sodium.crypto_pwhash_OPSLIMIT_${level}, sodium.crypto_pwhash_MEMLIMIT_${level});`,
    "  return out.toString().replace(/\\0+$/, '');",
    '};',
  ].join('\n');

ruleTester.run('min-key-strength (sodium-native)', minKeyStrength, {
  valid: [{ name: 'crypto_pwhash_str at the INTERACTIVE limits', code: PWHASH_STR('INTERACTIVE') }],
  invalid: [
    {
      name: 'crypto_pwhash_str at the MIN limits (the output buffer comes first)',
      code: PWHASH_STR('MIN'),
      errors: [{ messageId: 'lowCost', line: 4 }],
    },
  ],
});

const DERIVE = (body: string[]) =>
  [
    "const sodium = require('sodium-native');",
    'function sealWithPassword(password, salt, message) {',
    '  const key = sodium.sodium_malloc(sodium.crypto_secretbox_KEYBYTES);',
    ...body,
    '}',
    'module.exports = { sealWithPassword };',
  ].join('\n');
const PWHASH = 'sodium.crypto_pwhash(key, Buffer.from(password), salt, sodium.crypto_pwhash_OPSLIMIT_MODERATE, sodium.crypto_pwhash_MEMLIMIT_MODERATE, sodium.crypto_pwhash_ALG_DEFAULT);';
const USE_KEY = [
  'const nonce = Buffer.alloc(sodium.crypto_secretbox_NONCEBYTES);',
  'sodium.randombytes_buf(nonce);',
  'const box = Buffer.alloc(message.length + sodium.crypto_secretbox_MACBYTES);',
  'sodium.crypto_secretbox_easy(box, message, nonce, key);',
  'return Buffer.concat([nonce, box]);',
];
const indent = (lines: string[], by: string) => lines.map((line) => by + line);

ruleTester.run('require-key-zeroization (sodium-native)', requireKeyZeroization, {
  valid: [
    {
      name: 'a key derived into a buffer and wiped with sodium_memzero in finally',
      code: DERIVE(['  try {', `    ${PWHASH}`, ...indent(USE_KEY, '    '), '  } finally {', '    sodium.sodium_memzero(key);', '  }']),
    },
    {
      name: 'a key returned to the caller is handed over',
      code: DERIVE([`  ${PWHASH}`, '  return key;']),
    },
    {
      name: 'the output of crypto_generichash is a digest, not a key',
      code: [
        "const sodium = require('sodium-native');",
        'module.exports = function fingerprint(data) {',
        '  const digest = Buffer.alloc(sodium.crypto_generichash_BYTES);',
        '  sodium.crypto_generichash(digest, data);',
        "  return digest.toString('hex');",
        '};',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'a key derived into a buffer by crypto_pwhash and never wiped',
      code: DERIVE([`  ${PWHASH}`, ...indent(USE_KEY, '  ')]),
      errors: [
        {
          messageId: 'notWiped',
          line: 3,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { name: 'key', what: 'a derived key', wipe: 'key.fill(0)' },
              output: DERIVE(['  try {', `    ${PWHASH}`, ...indent(USE_KEY, '    '), '  } finally {', '    key.fill(0);', '  }']),
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('no-key-reuse-across-purposes (sodium-native)', noKeyReuse, {
  valid: [
    {
      name: 'separate keys for secretbox and auth',
      code: [
        "const sodium = require('sodium-native');",
        "const ENC_KEY = Buffer.from(process.env.ENC_KEY, 'hex');",
        "const MAC_KEY = Buffer.from(process.env.MAC_KEY, 'hex');",
        'module.exports = function seal(message, nonce) {',
        '  const box = Buffer.alloc(message.length + 16);',
        '  sodium.crypto_secretbox_easy(box, message, nonce, ENC_KEY);',
        '  const tag = Buffer.alloc(sodium.crypto_auth_BYTES);',
        '  sodium.crypto_auth(tag, box, MAC_KEY);',
        '  return { box, tag };',
        '};',
      ].join('\n'),
    },
  ],
  invalid: [
    {
      name: 'one key for secretbox and crypto_auth',
      code: [
        "const sodium = require('sodium-native');",
        "const APP_KEY = Buffer.from(process.env.APP_KEY, 'hex');",
        'module.exports = function seal(message, nonce) {',
        '  const box = Buffer.alloc(message.length + 16);',
        '  sodium.crypto_secretbox_easy(box, message, nonce, APP_KEY);',
        '  const tag = Buffer.alloc(sodium.crypto_auth_BYTES);',
        '  sodium.crypto_auth(tag, box, APP_KEY);',
        '  return { box, tag };',
        '};',
      ].join('\n'),
      errors: [{ messageId: 'reused', line: 2 }],
    },
  ],
});
