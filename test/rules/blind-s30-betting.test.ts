import noPlaintextDataKeyExposure from '../../rules/no-plaintext-data-key-exposure';
import noWeakAlgorithm from '../../rules/no-weak-algorithm';
import { createRuleTester } from './rule-tester';

// Shapes the thirtieth blind set (part C: online betting, lotteries and gaming platforms — provably-fair seeds and their
// commitments, lottery draw signing and audit chains, odds-feed and settlement webhooks, cashier and withdrawal signing, KYC
// and age verification, responsible-gambling limits, affiliate postbacks, anti-cheat replays, game-server sessions,
// regulator exports) found misjudged: an anti-cheat service's SHA-1 that names each stored replay in a content-addressed
// layout (`replays/${digest.slice(0, 2)}/${digest}.rep`) was reported as a security use because the format's extension is
// not one of the known file extensions; and a provably-fair game's server seed (the HMAC key of its rounds until rotation
// reveals it) written to a debug log was not a secret's name, though `seed` with a qualifier already names a secret for
// no-insecure-randomness (decision 110).

const ruleTester = createRuleTester();

const GRANT_LOCATION = `import { createHash } from 'node:crypto';
export function grantLocation(playerId: string, expires: number): string {
  const token = createHash('md5').update(\`\${playerId}:\${expires}\`).digest('hex');
  return \`grants/\${playerId}/\${token}.tkt\`;
}
`;

const replayStore = (extension: string, directory = 'replays/${digest.slice(0, 2)}/') => `const crypto = require('node:crypto');
function replayObjectKey(replay) {
  const digest = crypto.createHash('sha1').update(replay).digest('hex');
  return \`${directory}\${digest}${extension}\`;
}
module.exports = { replayObjectKey };
`;

ruleTester.run('no-weak-algorithm (blind-s30 betting and gaming shapes)', noWeakAlgorithm, {
  valid: [
    {
      name: 'a SHA-1 that names a stored replay in a fan-out directory, with the format’s own extension',
      code: replayStore('.rep'),
    },
    {
      name: 'an MD5 that names an export file under a dated folder, with a longer extension',
      code: `import { createHash } from 'node:crypto';
export function exportObjectKey(day: string, body: Buffer): string {
  return \`exports/\${day}/\${createHash('md5').update(body).digest('hex')}.parquet\`;
}
`,
    },
    {
      name: 'a known extension after the digest already named a file (unchanged)',
      code: replayStore('.json', 'state/'),
    },
  ],
  invalid: [
    {
      name: 'a digest named as a token stays a security use when a path and an extension surround it',
      code: GRANT_LOCATION,
      errors: [{ messageId: 'weakHash', line: 3, suggestions: [{ messageId: 'useSha256Migrate', output: GRANT_LOCATION.replace("'md5'", "'sha256'") }] }],
    },
    {
      name: 'an extension after the digest without a directory is not taken for a file path',
      code: replayStore('.rep', 'replay-'),
      errors: [{ messageId: 'weakHash', line: 3, suggestions: [{ messageId: 'useSha256', output: replayStore('.rep', 'replay-').replace("'sha1'", "'sha256'") }] }],
    },
  ],
});

const playRound = (logged: string) => `import { createHmac } from 'node:crypto';
import pino from 'pino';
const logger = pino();
export function playRound(serverSeed: string, clientSeed: string, nonce: number, serverSeedHash: string) {
  const roll = createHmac('sha256', serverSeed).update(\`\${clientSeed}:\${nonce}\`).digest().readUInt32BE(0) / 2 ** 32;
  logger.debug({ ${logged}, nonce, roll }, 'round played');
  return roll;
}
`;

ruleTester.run('no-plaintext-data-key-exposure (blind-s30 betting and gaming shapes)', noPlaintextDataKeyExposure, {
  valid: [
    { name: "a player's client seed and the published seed hash are not secrets", code: playRound('clientSeed, serverSeedHash') },
    {
      name: "a PRNG's seed logged for reproducing a shuffle is not a secret",
      code: `import pino from 'pino';
const logger = pino();
export function shuffleLobby(games: string[], shuffleSeed: number) {
  logger.info({ shuffleSeed, count: games.length }, 'lobby shuffled');
  return games;
}
`,
    },
  ],
  invalid: [
    {
      name: 'an unrevealed server seed written to a debug log',
      code: playRound('serverSeed, clientSeed'),
      errors: [{ messageId: 'secretLogged', line: 6, data: { name: '`serverSeed`', sink: 'written to a log' } }],
    },
    {
      name: "a wallet's master seed logged in hex",
      code: `import { mnemonicToSeedSync } from 'bip39';
export function restore(mnemonic: string) {
  const masterSeedHex = mnemonicToSeedSync(mnemonic).toString('hex');
  console.log('restored wallet', masterSeedHex);
  return masterSeedHex.length;
}
`,
      errors: [{ messageId: 'secretLogged', line: 4 }],
    },
  ],
});
