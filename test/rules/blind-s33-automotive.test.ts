import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Blind set s33 part A (automotive and connected-vehicle back ends: OTA servers, digital keys, telematics, EV charging,
// workshop diagnostics) scored P100/R100 in every category before any change, so no rule changed with it. These are
// guards for the set's look-alikes, which a naive tool reports and keywarden must keep quiet on: content-addressed
// firmware objects named by MD5, a SHA-1 id of a CAN signal set, a supplier's hash allow-list, simulated vehicles and
// retry jitter from `Math.random`, CAN frame payloads and a pinned manifest digest written in hex, a firmware
// verification public key, and an ECDH secret wiped in `finally` whose HKDF session keys are returned.

const ruleTester = createRuleTester();
const commonjs = { sourceType: 'commonjs', parserOptions: { sourceType: 'script', ecmaFeatures: { globalReturn: true } } } as never;

ruleTester.run('no-weak-algorithm (blind-s33 automotive look-alikes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'MD5 naming a firmware image object in a content-addressed bucket',
      code: "const crypto = require('node:crypto');\nfunction objectNameFor(image) {\n  return `gen1/${crypto.createHash('md5').update(image).digest('hex')}.bin`;\n}\nmodule.exports = { objectNameFor };\n",
      languageOptions: commonjs,
      filename: 'case.js',
    },
    {
      name: 'a short SHA-1 id of a CAN signal set used as a partition hint',
      code: "import { createHash } from 'node:crypto';\nexport function signalSetId(signalNames) {\n  return createHash('sha1').update(signalNames.sort().join(',')).digest('hex').slice(0, 12);\n}\n",
      filename: 'case.mjs',
    },
    {
      name: "a metadata policy's hash allow-list and the weak methods it refuses",
      code: "const REJECTED_HASHES = new Set(['md5', 'sha1', 'sha-1']);\nexport function checkMethod(method: string) {\n  if (method === 'rsassa-pkcs1v15-sha1' || method === 'rsa-sha1') throw new Error('SHA-1 signatures are refused');\n  return !REJECTED_HASHES.has(method);\n}\n",
      filename: 'case.ts',
    },
  ],
  invalid: [],
});

ruleTester.run('no-insecure-randomness (blind-s33 automotive look-alikes)', noInsecureRandomness, {
  valid: [
    {
      name: 'a simulated VIN and CAN payload for a load generator',
      code: "const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';\nconst pick = (chars) => chars[Math.floor(Math.random() * chars.length)];\nexport const fakeVin = () => Array.from({ length: 17 }, () => pick(VIN_CHARS)).join('');\nexport function randomFrame() {\n  const data = Buffer.alloc(8);\n  for (let i = 0; i < 8; i += 1) data[i] = Math.floor(Math.random() * 256);\n  return { canId: 0x100 + Math.floor(Math.random() * 0x400), data: data.toString('hex') };\n}\n",
      filename: 'case.mjs',
    },
    {
      name: 'reconnect jitter and a quality sample rate',
      code: "export function delay(attempt) {\n  return Math.min(30000, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);\n}\nexport const sampled = () => Math.random() < 0.01;\n",
      filename: 'case.mjs',
    },
  ],
  invalid: [],
});

ruleTester.run('no-hardcoded-key (blind-s33 automotive look-alikes)', noHardcodedKey, {
  valid: [
    {
      name: 'CAN frame payloads and a pinned manifest digest in hex',
      code: "import { createHash } from 'node:crypto';\nexport const SAMPLE_FRAMES = [{ id: 0x1a0, data: Buffer.from('0a1b2c3d00000000', 'hex') }];\nconst ROLLBACK_MANIFEST_SHA256 = '81e897c9cfbf919b7f3a9198ef7b4074982981236a5d9dee2fd00acc9432b382';\nexport const isRollback = (m: Buffer) => createHash('sha256').update(m).digest('hex') === ROLLBACK_MANIFEST_SHA256;\n",
      filename: 'case.ts',
    },
    {
      name: "a supplier's Ed25519 public key for firmware manifests, with an environment override",
      code: "import { createPublicKey, verify } from 'node:crypto';\nconst SUPPLIER_RELEASE_PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\\nMCowBQYDK2VwAyEA0hMlb50/sT/zU4upCBglBR9QBebWliKFnOfeBveVoJI=\\n-----END PUBLIC KEY-----\\n';\nexport function checkManifest(body: Buffer, sig: Buffer) {\n  return verify(null, body, createPublicKey(process.env.SUPPLIER_KEY ?? SUPPLIER_RELEASE_PUBLIC_KEY), sig);\n}\n",
      filename: 'case.ts',
    },
  ],
  invalid: [],
});

ruleTester.run('require-key-zeroization (blind-s33 automotive look-alikes)', requireKeyZeroization, {
  valid: [
    {
      name: 'a BLE ECDH secret wiped in finally, its HKDF session keys returned to the caller',
      code: "import { createECDH, hkdfSync } from 'node:crypto';\nexport function openSession(peer: Buffer, nonce: Buffer) {\n  const ecdh = createECDH('prime256v1');\n  const mine = ecdh.generateKeys();\n  const shared = ecdh.computeSecret(peer);\n  try {\n    const salt = Buffer.concat([mine, peer, nonce]);\n    return {\n      up: Buffer.from(hkdfSync('sha256', shared, salt, 'phone->vehicle', 16)),\n      down: Buffer.from(hkdfSync('sha256', shared, salt, 'vehicle->phone', 16)),\n    };\n  } finally {\n    shared.fill(0);\n  }\n}\n",
      filename: 'case.ts',
    },
  ],
  invalid: [],
});
