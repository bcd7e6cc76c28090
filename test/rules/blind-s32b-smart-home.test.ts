import noHardcodedKey from '../../rules/no-hardcoded-key';
import noInsecureRandomness from '../../rules/no-insecure-randomness';
import minKeyStrength from '../../rules/min-key-strength';
import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the blind set s32b part F (consumer smart home, wearables and companion apps: Matter/Thread and Zigbee bridges,
// lock, garage and camera clouds, voice-assistant account linking, Homebridge plugins, fitness bands) found missed: key
// material written without a decoding call under a name that says `…Key` after a word of its own (`networkKey` as hex
// or as a list of byte values, `HEALTH_EXPORT_KEY` as base64) at exactly a key's length; Thread's pre-shared key for the
// commissioner (`pskc`); pairing PINs (`passkey`, `passcode`) drawn with Math.random; a passcode packed into a zero-allocated buffer
// (no longer taken for a feature probe's zeros); a secret given to a class's own `this.log(…)`. The guards: a published
// link key whose bytes spell text, public write and search keys, a PSK identity, lookup keys and slot names holding hex or labels, key ids and sequence numbers, ripple
// animation delays, a real feature probe, and `this.log` of an id beside `Math.log`.

const ruleTester = createRuleTester();

ruleTester.run("no-hardcoded-key (blind-s32b smart-home shapes)", noHardcodedKey, {
  "valid": [
    {
      "name": "a published link key whose bytes spell text (ZigBeeAlliance09)",
      "code": "const ZIGBEE_ALLIANCE_09 = [0x5a, 0x69, 0x67, 0x42, 0x65, 0x65, 0x41, 0x6c, 0x6c, 0x69, 0x61, 0x6e, 0x63, 0x65, 0x30, 0x39];\nexport const tc = { trustCenterLinkKey: ZIGBEE_ALLIANCE_09 };\n",
      "filename": "case.ts"
    },
    {
      "name": "public write and search keys of analytics and search vendors",
      "code": "export const analytics = { segmentWriteKey: 'DcVqg10WcVHKrMqwFEk9xlGBkqsSq6o' };\nexport const ALGOLIA_SEARCH_KEY = '3ddb95a7763d2aa976698ecfb8745fef';\n",
      "filename": "case.ts"
    },
    {
      "name": "a PSK identity's fallback is the public half",
      "code": "export const IDENTITY = process.env.EDGE_PSK_IDENTITY ?? 'edge-unknown';\n",
      "filename": "case.ts"
    },
    {
      "name": "lookup keys holding hex (partition, row, cache)",
      "code": "export const table = { partitionKey: '9f8c78c15233c47dc06144656727e0a8', rowKey: 'device-0001', cacheKey: 'pulse:devices:v2' };\n",
      "filename": "case.ts"
    },
    {
      "name": "storage slot names and an object key path",
      "code": "export const SLOTS = { refreshTokenKey: 'pulse.refreshToken', bondedBandKey: 'pulse.bondedBand' };\nexport const objectKey = 'firmware/hub/2.4.1/image.bin';\n",
      "filename": "case.ts"
    },
    {
      "name": "an extended PAN id and a key's id beside the network name",
      "code": "export const net = { extPanId: '1111111122222222', networkKeyId: 'nk-2026-01', networkKeySequence: 0 };\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "a Thread network key written as hex in a dataset object",
      "code": "export const LAB_DATASET = {\n  channel: 15,\n  networkName: 'lab-otbr',\n  networkKey: '86d9cda648f8ff744430a4c362210b68',\n};\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 4,
          "column": 15,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "export const LAB_DATASET = {\n  channel: 15,\n  networkName: 'lab-otbr',\n  networkKey: requireEnv('LAB_DATASET_NETWORK_KEY'),\n};" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "an export key written as base64 under a name that says what it is for",
      "code": "export const HEALTH_EXPORT_KEY = 'yw+uir2YEx7jjANgW6+dj5rsjgFInx5jpXx3i8aLeEY=';\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 1,
          "column": 34,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "export const HEALTH_EXPORT_KEY = requireEnv('HEALTH_EXPORT_KEY');" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    },
    {
      "name": "a Zigbee network key written as a list of byte values",
      "code": "export const defaults = {\n  panId: 0x1a62,\n  networkKey: [0x4b, 0xbb, 0x88, 0xa5, 0xed, 0xfd, 0x65, 0x5a, 0x09, 0xc3, 0xce, 0xef, 0xed, 0xfa, 0x69, 0xe0],\n};\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 3,
          "column": 15
        }
      ]
    },
    {
      "name": "Thread's pre-shared key for the commissioner (PSKc)",
      "code": "export const commissioner = { pskc: '4f36f7060649b9989dd2868b88b87804', networkName: 'home' };\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "keyLikeConstant",
          "line": 1,
          "column": 37,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "export const commissioner = { pskc: requireEnv('COMMISSIONER_PSKC'), networkName: 'home' };" + REQUIRE_ENV_TS + "\n"
            }
          ]
        }
      ]
    }
  ]
});

ruleTester.run("no-insecure-randomness (blind-s32b pairing PINs)", noInsecureRandomness, {
  "valid": [
    {
      "name": "animation delays on a pairing screen",
      "code": "export function rippleDelays(): number[] {\n  return [0, 1, 2].map((i) => i * 600 + Math.round(Math.random() * 150));\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "a BLE passkey drawn with Math.random",
      "code": "export function newPasskey(): string {\n  return String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0');\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 2,
          "column": 28
        }
      ]
    },
    {
      "name": "a Matter setup passcode drawn with Math.random",
      "code": "export function randomSetupPasscode(): number {\n  return 1 + Math.floor(Math.random() * 99999998);\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "predictableSecret",
          "line": 2,
          "column": 25
        }
      ]
    }
  ]
});

ruleTester.run("min-key-strength (blind-s32b passcode verifiers)", minKeyStrength, {
  "valid": [
    {
      "name": "a feature probe over zero bytes stays a probe",
      "code": "import { pbkdf2Sync } from 'node:crypto';\nexport function supportsSha512(): boolean {\n  try {\n    pbkdf2Sync(Buffer.alloc(8), Buffer.alloc(8), 1, 32, 'sha512');\n    return true;\n  } catch {\n    return false;\n  }\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "a passcode packed into a zero-allocated buffer and stretched with too few iterations",
      "code": "import { pbkdf2Sync, randomBytes } from 'node:crypto';\nexport function makeVerifier(passcode: number) {\n  const pin = Buffer.alloc(4);\n  pin.writeUInt32LE(passcode);\n  return pbkdf2Sync(pin, randomBytes(32), 1000, 80, 'sha256');\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "lowIterations",
          "line": 5,
          "column": 43
        }
      ]
    }
  ]
});

ruleTester.run("no-plaintext-data-key-exposure (blind-s32b own logging functions)", noPlaintextDataKeyExposure, {
  "valid": [
    {
      "name": "a class's own log function given the client id only, and Math.log of a secret's length",
      "code": "export class VendorClient {\n  constructor(private readonly opts: { clientId: string; clientSecret: string }, private readonly log: (m: string, ...a: unknown[]) => void) {}\n  refresh() {\n    const { clientId, clientSecret } = this.opts;\n    this.log('refreshing for %s', clientId);\n    return Math.log(clientSecret.length);\n  }\n}\n",
      "filename": "case.ts"
    }
  ],
  "invalid": [
    {
      "name": "a class's own log function given a client secret",
      "code": "export class VendorClient {\n  constructor(private readonly opts: { clientId: string; clientSecret: string; debug?: (m: string, ...a: unknown[]) => void }) {}\n  private log(msg: string, ...args: unknown[]) {\n    this.opts.debug?.(msg, ...args);\n  }\n  refresh() {\n    const { clientId, clientSecret } = this.opts;\n    this.log('refreshing for %s (secret %s)', clientId, clientSecret);\n  }\n}\n",
      "filename": "case.ts",
      "errors": [
        {
          "messageId": "secretLogged",
          "line": 8,
          "column": 5
        }
      ]
    }
  ]
});

// Merge of parts A and F (session 32): key text written without a decoding call under a `…Key` name is judged by its
// length, and 32 hex digits is also the length of the public client keys analytics, monitoring and captcha services
// issue for browsers and apps (decision 113). A device key of the same length is still reported.
ruleTester.run('no-hardcoded-key (public client keys of a key\'s length)', noHardcodedKey, {
  valid: [
    `export const AMPLITUDE_KEY = '8c1f4e2a9b7d3f6e0a5c2b8d4f1e7a3c';
export const mixpanelKey = 'e3b9f7a1c5d2084b6f9e1a3c7d5b2f80';
export const BUGSNAG_KEY = '4f2c9e1b7a3d5f8e0c6b2a9d1e4f7c3b';
export const sentryKey = '9a7e3c1f5b2d4e8a0f6c9b3d7e1a5f2c';
export const config = { hotjarSiteKey: '2e8a4c6f1b9d3e7a5c0f8b2d6e4a1c9f', browserKey: 'Qm8Xw2Lm4Np6Rt8Vy0Ab2A==' };`,
  ],
  invalid: [
    {
      code: `export const zigbee = { networkKey: '7d3f6e0a5c2b8d4f1e8c1f4e2a9b7a3c', panId: 0x1a62 };`,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 1,
          column: 37,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: "export const zigbee = { networkKey: requireEnv('ZIGBEE_NETWORK_KEY'), panId: 0x1a62 };" + REQUIRE_ENV_TS,
            },
          ],
        },
      ],
    },
  ],
});

// Session 33: 32 hex digits under a `…Key` name alone is also the shape of the ids services issue to tell which project,
// widget or SDK instance a client is; those names are left out like the public client keys above. A key named for what it
// does (LoRaWAN's `appKey`, a DLMS `authenticationKey`) or one that the file decodes from hex is still reported.
ruleTester.run('no-hardcoded-key (16 bytes of hex under a name alone)', noHardcodedKey, {
  valid: [
    {
      name: 'project, widget and SDK keys in a front-end config',
      code: `export const config = {
  lokaliseProjectKey: '9d2b7e4f1a6c38e05b2d9f7a4c1e6b83',
  CHAT_WIDGET_KEY: '5c3e1f8a2b7d49e06f1a8c3d2e9b7f40',
  flagsSdkKey: '1ed39ce7a6c01e3d0c0b5a2f27d1b8e4',
};`,
    },
  ],
  invalid: [
    {
      name: 'a LoRaWAN AppKey written as hex',
      code: `export const device = { devEui: '70b3d57ed005a1c2', appKey: 'a7c94e1f03b28d65e9f1c7a4d2b08e36' };`,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 1,
          column: 61,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: "export const device = { devEui: '70b3d57ed005a1c2', appKey: requireEnv('DEVICE_APP_KEY') };" + REQUIRE_ENV_TS,
            },
          ],
        },
      ],
    },
    {
      name: 'a key of no listed kind that the file decodes from hex',
      code: `import { openNotes } from './notes-box';
const settings = { notesKey: '4e8b1d7f2a9c36e05d1f8b4a7c2e9d63', folder: 'notes' };
export function notesBox(iv: Buffer) {
  return openNotes(Buffer.from(settings.notesKey, 'hex'), iv);
}`,
      errors: [
        {
          messageId: 'keyLikeConstant',
          line: 2,
          column: 30,
          suggestions: [
            {
              messageId: 'readFromEnvironment',
              output: `import { openNotes } from './notes-box';
const settings = { notesKey: requireEnv('NOTES_KEY'), folder: 'notes' };
export function notesBox(iv: Buffer) {
  return openNotes(Buffer.from(settings.notesKey, 'hex'), iv);
}` + REQUIRE_ENV_TS,
            },
          ],
        },
      ],
    },
  ],
});
