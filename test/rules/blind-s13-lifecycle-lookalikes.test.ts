import hardcodedKey from '../../rules/no-hardcoded-key';
import insecureRandomness from '../../rules/no-insecure-randomness';
import { createRuleTester } from './rule-tester';
import { REQUIRE_ENV_JS } from './env-helper-text';

// Look-alikes found by the thirteenth lifecycle blind set (corpus key-purpose/blind-s13, zeroization/blind-s13):
// an empty JSON object as the fallback of a JSON secrets map holds no key, and a clock read handed to a local
// function's parameter named for the time (`validToken(token, now)`) is the time a token is checked against.
const emptyJsonFallback = `const crypto = require('node:crypto');
const SECRETS = new Map(Object.entries(JSON.parse(process.env.PARTNER_SECRETS_JSON || '{}')));
function sign(partner, body) {
  return crypto.createHmac('sha256', SECRETS.get(partner)).update(body).digest('hex');
}
module.exports = { sign };
`;
const jsonKeyFallback = `const crypto = require('node:crypto');
const SECRETS = new Map(Object.entries(JSON.parse(process.env.PARTNER_SECRETS_JSON || '{"acme":"c2VjcmV0LWtleS1mb3ItYWNtZS1wYXJ0bmVyLTIwMjY="}')));
function sign(partner, body) {
  return crypto.createHmac('sha256', SECRETS.get(partner)).update(body).digest('hex');
}
module.exports = { sign };
`;
const clockToCheck = `import { createHmac } from 'node:crypto';
const tokenKey = process.env.TOKEN_KEY ?? '';
function validToken(token: string, now: number): boolean {
  const [id, exp, mac] = token.split('.');
  return Number(exp) >= now && createHmac('sha256', tokenKey).update(\`\${id}.\${exp}\`).digest('hex') === mac;
}
export function check(token: string): boolean {
  return validToken(token, Math.floor(Date.now() / 1000));
}
`;

createRuleTester().run('no-hardcoded-key (blind-s13)', hardcodedKey, {
  valid: [{ name: "JSON.parse(process.env.X || '{}') falls back to no key at all", code: emptyJsonFallback, filename: 'partners.js' }],
  invalid: [
    {
      name: 'a JSON fallback that holds a key is still a hardcoded fallback',
      code: jsonKeyFallback,
      filename: 'partners.js',
      errors: [{ messageId: 'hardcodedFallback', line: 2, column: 87, suggestions: [{ messageId: 'readFromEnvironment', output: `const crypto = require('node:crypto');
const SECRETS = new Map(Object.entries(JSON.parse(requireEnv('PARTNER_SECRETS_JSON'))));
function sign(partner, body) {
  return crypto.createHmac('sha256', SECRETS.get(partner)).update(body).digest('hex');
}
module.exports = { sign };${REQUIRE_ENV_JS}
` }] }],
    },
  ],
});

createRuleTester().run('no-insecure-randomness (blind-s13)', insecureRandomness, {
  valid: [{ name: 'Date.now() handed to the `now` parameter of a token check', code: clockToCheck }],
  invalid: [
    {
      name: 'Date.now() handed to a parameter of a token function that is not named for the time',
      code: clockToCheck.replace('token: string, now: number', 'token: string, salt: number'),
      errors: [{ messageId: 'predictableCredentialCall', line: 8, column: 39 }],
    },
  ],
});
