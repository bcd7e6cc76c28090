import noHardcodedKey from '../../rules/no-hardcoded-key';
import requireKeyZeroization from '../../rules/require-key-zeroization';
import { createRuleTester } from './rule-tester';

// Shapes the blind set of round 31b (part E: card issuing, banking cores and payment HSMs — PIN blocks, DUKPT key
// injection, remote key injection, token vaults, open banking) found missed: a terminal master key drawn per device in a
// remote key injection loop and skipped by a `continue` before its `try/finally`. The binding was called `tmk`: card
// payments name their working keys by acronyms (ANSI X9.24, ISO 11568, payment HSM command sets), which no key-name
// check knew. Probing after the set: a lab BDK written as hex under such a name.

const ruleTester = createRuleTester();

const LAB_KEYS = `export const LAB_BDK = '44BD8D83BBAF80800BAAEB59030B2454';
export const LAB_BDK_KCV = '4E1F0A';
`;

ruleTester.run('require-key-zeroization (blind-s31b banking shapes)', requireKeyZeroization, {
  valid: [
    {
      name: 'a terminal master key wiped in finally after it is encrypted for the device',
      code: `import { constants, publicEncrypt, randomBytes } from 'node:crypto';
export async function inject(device, queue) {
  const tmk = randomBytes(16);
  try {
    await queue.enqueue(publicEncrypt({ key: device.cert, padding: constants.RSA_PKCS1_OAEP_PADDING }, tmk));
  } finally {
    tmk.fill(0);
  }
}
`,
    },
    {
      name: 'a random id whose name only starts with a key acronym is no key',
      code: `import { randomBytes } from 'node:crypto';
export async function register(store) {
  const zpkId = randomBytes(8);
  await store.save({ id: zpkId.toString('hex') });
}
`,
    },
  ],
  invalid: [
    {
      name: 'a terminal master key (TMK) encrypted for a device and never wiped',
      code: `import { constants, publicEncrypt, randomBytes } from 'node:crypto';
export async function inject(device, queue) {
  const tmk = randomBytes(16);
  await queue.enqueue(publicEncrypt({ key: device.cert, padding: constants.RSA_PKCS1_OAEP_PADDING }, tmk));
}
`,
      errors: [
        {
          messageId: 'notWiped',
          line: 3,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              output: `import { constants, publicEncrypt, randomBytes } from 'node:crypto';
export async function inject(device, queue) {
  const tmk = randomBytes(16);
  try {
    await queue.enqueue(publicEncrypt({ key: device.cert, padding: constants.RSA_PKCS1_OAEP_PADDING }, tmk));
  } finally {
    tmk.fill(0);
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a device's initial key (IPEK) skipped by a continue before its try/finally",
      code: `import { randomBytes } from 'node:crypto';
export async function injectFleet(devices, queue) {
  for (const device of devices) {
    const ipek = randomBytes(16);
    if (!device.online) {
      continue;
    }
    try {
      await queue.enqueue(device.id, ipek);
    } finally {
      ipek.fill(0);
    }
  }
}
`,
      errors: [{ messageId: 'droppedBeforeHandOver', line: 4 }],
    },
  ],
});

ruleTester.run('no-hardcoded-key (blind-s31b banking shapes)', noHardcodedKey, {
  valid: [
    {
      name: 'key check values, key ids and cryptograms under the LMK named after a working key are not key material',
      code: `export const ZPK_KCV = '9C41E2';
export const bdkId = 'bdk-pinpad-fleet-b';
export const zpkUnderLmk = 'U' + '3F9A0C7E51B24D86A0E3C9F1B7D5428E';
`,
    },
  ],
  invalid: [
    {
      name: 'a lab base derivation key (BDK) written as hex is key material',
      code: LAB_KEYS,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 1,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: `${LAB_KEYS.replace("'44BD8D83BBAF80800BAAEB59030B2454'", "requireEnv('LAB_BDK')")}
/** A secret the service cannot run without: read from the environment, checked at start-up. */
function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(\`Environment variable \${name} is not set: it holds a key that is no longer in the source code.\`);
  return value;
}
`,
            },
          ],
        },
      ],
    },
  ],
});
