import noHardcodedKey from '../../rules/no-hardcoded-key';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_JS } from './env-helper-text';

// Found by the rule fuzzer (session 24, `rules-fuzz.ts --seed 24120`): a key-named binding whose last word says how
// the key is written (`SIGNING_KEYS_HEX`, `keyBytes`) made `namesSeveralKeys` pop that word off the memoized,
// frozen word list of the name, and the TypeError aborted ESLint's whole run on the file.
createRuleTester().run('no-hardcoded-key (key tables named with an encoding word)', noHardcodedKey, {
  valid: [],
  invalid: [
{
      "name": "a key table whose name ends in an encoding word (`SIGNING_KEYS_HEX`): one finding per key, no crash",
      "code": "import { createHmac } from 'node:crypto';\nconst SIGNING_KEYS_HEX = {\n  v1: '74814db8dc0dd520dad3ab6e43eb67d5eab4e2928d73aabc70e29ad1ecaea3aa',\n  v2: 'f621cdabc1026b8e6b5bff705f9d4d841619c45185ba8237ce52c94a2327c162',\n};\nexport const sign = (version, body) => createHmac('sha256', Buffer.from(SIGNING_KEYS_HEX[version], 'hex')).update(body).digest('hex');\n",
      "filename": "case.js",
      "errors": [
        {
          "messageId": "hardcodedKey",
          "line": 3,
          "column": 7,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { createHmac } from 'node:crypto';\nconst SIGNING_KEYS_HEX = {\n  v1: requireEnv('SIGNING_KEYS_HEX_V1'),\n  v2: 'f621cdabc1026b8e6b5bff705f9d4d841619c45185ba8237ce52c94a2327c162',\n};\nexport const sign = (version, body) => createHmac('sha256', Buffer.from(SIGNING_KEYS_HEX[version], 'hex')).update(body).digest('hex');" + REQUIRE_ENV_JS + "\n"
            }
          ]
        },
        {
          "messageId": "hardcodedKey",
          "line": 4,
          "column": 7,
          "suggestions": [
            {
              "messageId": "readFromEnvironment",
              "output": "import { createHmac } from 'node:crypto';\nconst SIGNING_KEYS_HEX = {\n  v1: '74814db8dc0dd520dad3ab6e43eb67d5eab4e2928d73aabc70e29ad1ecaea3aa',\n  v2: requireEnv('SIGNING_KEYS_HEX_V2'),\n};\nexport const sign = (version, body) => createHmac('sha256', Buffer.from(SIGNING_KEYS_HEX[version], 'hex')).update(body).digest('hex');" + REQUIRE_ENV_JS + "\n"
            }
          ]
        }
      ]
    },
  ],
});
