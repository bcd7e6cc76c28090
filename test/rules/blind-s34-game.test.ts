import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import { createRuleTester } from './rule-tester';

// Shapes the blind set s34 part C (online game back ends: matchmaking and lobbies, accounts and sessions, anti-cheat,
// leaderboards, store receipts, cloud saves, mod CDNs, Discord and Steam integrations) found misreported: a key or a
// token that a secret manager returned (AWS Secrets Manager's `SecretString`, directly or through a local helper that
// returns it, re-encoded by `trim()`) logged under a name ending in `Key` (`publisherKey`) was not a secret to the rule,
// which reads a `…Key` name alone as too ambiguous (a cache key, an object key). The guards: a `…Key` logged that
// comes from anywhere else, the secret's id and version logged, and a helper that returns something other than the
// secret.

const ruleTester = createRuleTester();

const HEAD = `import { SecretsManagerClient, GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import pino from 'pino';
const log = pino();
const sm = new SecretsManagerClient({});
`;
const READ_SECRET = `async function readSecret(secretId: string) {
  const out = await sm.send(new GetSecretValueCommand({ SecretId: secretId }));
  log.info({ secretId, versionId: out.VersionId }, 'secret loaded');
  return out.SecretString;
}
`;

ruleTester.run('no-plaintext-data-key-exposure (blind-s34 game back-end shapes)', noPlaintextDataKeyExposure, {
  valid: [
    {
      name: 'a …Key name logged whose value does not come from a secret manager (a Redis cache key)',
      code: `${HEAD}export function cacheFor(steamId: string) {\n  const ownershipKey = \`steam:own:\${steamId}\`;\n  log.debug({ ownershipKey }, 'cache lookup');\n  return ownershipKey;\n}\n`,
    },
    {
      name: "only the secret's id and version are logged by the helper that reads it",
      code: `${HEAD}${READ_SECRET}export async function load() {\n  const publisherKey = (await readSecret('steam/publisher')).trim();\n  return publisherKey;\n}\n`,
    },
    {
      name: 'a …Key from a helper that returns the secret manager answer’s version id, not the secret',
      code: `${HEAD}async function currentVersion(id: string) {\n  const out = await sm.send(new GetSecretValueCommand({ SecretId: id }));\n  return out.VersionId;\n}\nexport async function show() {\n  const rotationKey = await currentVersion('steam/publisher');\n  log.info({ rotationKey }, 'publisher key version');\n}\n`,
    },
  ],
  invalid: [
    {
      name: 'a publisher key read through a local helper returning SecretString, trimmed, logged at debug level',
      code: `${HEAD}${READ_SECRET}export async function load() {\n  const publisherKey = (await readSecret('steam/publisher')).trim();\n  log.debug({ publisherKey, sandbox: true }, 'steam credentials');\n  return publisherKey;\n}\n`,
      errors: [{ messageId: 'secretLogged', line: 12 }],
    },
    {
      name: "a bot token taken straight from GetSecretValue's SecretString and logged",
      code: `${HEAD}export async function connect() {\n  const res = await sm.send(new GetSecretValueCommand({ SecretId: 'discord/bot' }));\n  const botToken = res.SecretString!;\n  console.log('connecting with', botToken);\n}\n`,
      errors: [{ messageId: 'secretLogged', line: 8 }],
    },
  ],
});
