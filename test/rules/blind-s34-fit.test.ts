import noHardcodedKey from '../../rules/no-hardcoded-key';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_TS } from './env-helper-text';

// Shapes the blind set s34 part E (fitness and wearables: BLE pairing, watch sync, Strava/Garmin/Fitbit OAuth,
// heart-rate and GPS storage, coaching, challenges, subscriptions, privacy exports) found misreported: a constant
// secret written in a binding and dressed at its use (`${CLIENT_SECRET}&`, the OAuth 1.0a-style signing key Fitbit
// signs notifications with) was reported twice, on the binding and again on the template at the MAC call. The guards:
// key material written inside the template itself, two key-shaped parts (a split key) and a key body wrapped in PEM
// armour are still reported where the text is assembled.

const DRESSED = (value: string) =>
  `import { createHmac } from 'node:crypto';\nconst CLIENT_SECRET = ${value};\nexport function sign(body) {\n  return createHmac('sha256', \`\${CLIENT_SECRET}&\`).update(body).digest('base64');\n}`;
const PREFIXED = (value: string) =>
  `import { createHmac } from 'node:crypto';\nconst RELAY_KEY = ${value};\nexport function sign(body) {\n  return createHmac('sha256', 'v1:' + RELAY_KEY).update(body).digest('hex');\n}`;

const ruleTester = createRuleTester();

ruleTester.run('no-hardcoded-key (blind-s34 fitness shapes)', noHardcodedKey, {
  valid: [],
  invalid: [
    {
      name: 'a constant secret dressed in a template at its MAC call is reported once, where it is written',
      code: DRESSED(`'2a04b69e1b26b200c149a48ed7e68cf7'`) + '\n',
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 2,
          column: 23,
          suggestions: [{ messageId: 'readFromEnvironment', output: DRESSED(`requireEnv('CLIENT_SECRET')`) + REQUIRE_ENV_TS + '\n' }],
        },
      ],
    },
    {
      name: 'a constant secret prefixed with + at its MAC call is reported once, where it is written',
      code: PREFIXED(`'91685661261f202e9dd6985915d3eb07'`) + '\n',
      errors: [
        {
          messageId: 'hardcodedKey',
          line: 2,
          column: 19,
          suggestions: [{ messageId: 'readFromEnvironment', output: PREFIXED(`requireEnv('RELAY_KEY')`) + REQUIRE_ENV_TS + '\n' }],
        },
      ],
    },
    {
      name: 'key material written inside the template is reported on the template',
      code: `import { createHmac } from 'node:crypto';\nconst VERSION = 'v2';\nexport function sign(body) {\n  return createHmac('sha256', \`\${VERSION}:25589aaa345643720011f5b120bb96369689d861ccf31c887fd1d3783b169967\`).update(body).digest('hex');\n}\n`,
      errors: [{ messageId: 'hardcodedKey', line: 4 }],
    },
    {
      name: 'a key split in two key-shaped parts is reported once, where the parts meet',
      code: `import { createHmac } from 'node:crypto';\nconst KEY_HEAD = 'b03699f30a13bff4f9fd84fbc2c98d3a';\nconst KEY_TAIL = '8201616db86c8407bf4a1703299f0741';\nexport function sign(body) {\n  return createHmac('sha256', \`\${KEY_HEAD}\${KEY_TAIL}\`).update(body).digest('hex');\n}\n`,
      errors: [{ messageId: 'hardcodedKey', line: 5 }],
    },
    {
      name: 'a key body wrapped in PEM armour at its use is reported where the PEM is assembled',
      code: `import { createPrivateKey } from 'node:crypto';\nconst DEVICE_KEY_BODY = 'MC4CAQAwBQYDK2VwBCIEIPDumlpEp5LuOfVt6vt3JpNAmSGHRZqphutubU+gPTR6';\nexport const deviceKey = createPrivateKey(\`-----BEGIN PRIVATE KEY-----\\n\${DEVICE_KEY_BODY}\\n-----END PRIVATE KEY-----\\n\`);\n`,
      errors: [{ messageId: 'hardcodedKey', line: 3 }],
    },
  ],
});
