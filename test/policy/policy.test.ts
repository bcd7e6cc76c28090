import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import plugin = require('../../rules');
import { getPolicy, getPolicyProblems, isAlgorithmDenied, keyForEnv, keyForKmsId, keyForName, KEY_PURPOSES, RULE_SEVERITIES, validatePolicy } from '../../src/policy';

const SCHEMA = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schema/keywarden.policy.schema.json'), 'utf8'));

const SAMPLE = {
  version: 1,
  keys: [
    { name: 'sessionKey', purpose: 'mac', env: ['SESSION_KEY'], identifiers: ['config.session.key'], algorithms: ['sha256'], minBits: 256, rotationDays: 90 },
    { name: 'payments', purpose: 'encrypt', kms: ['alias/payments'] },
  ],
  algorithms: { allow: [], deny: ['aes-128-ecb', 'SHA1'] },
  kdf: { pbkdf2: { minIterations: 600000 }, bcrypt: { minRounds: 12 } },
};

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-policy-'));
}

describe('policy file', () => {
  it('the shipped schema and the validator agree on fields and purposes', () => {
    assert.deepEqual(SCHEMA.$defs.purpose.enum, [...KEY_PURPOSES]);
    assert.deepEqual(Object.keys(SCHEMA.properties).sort(), ['$schema', 'algorithms', 'kdf', 'keys', 'rules', 'version']);
    const ruleNames = Object.keys(plugin.rules).sort();
    assert.deepEqual([...SCHEMA.properties.rules.propertyNames.enum].sort(), [...ruleNames, ...ruleNames.map((n) => `keywarden/${n}`)].sort());
    assert.deepEqual(SCHEMA.$defs.severity.enum, [...RULE_SEVERITIES]);
    assert.deepEqual(Object.keys(SCHEMA.properties.keys.items.properties).sort(), ['algorithms', 'env', 'identifiers', 'kms', 'minBits', 'name', 'purpose', 'rotationDays']);
    assert.deepEqual(Object.keys(SCHEMA.properties.kdf.properties).sort(), ['argon2', 'bcrypt', 'pbkdf2', 'scrypt']);
  });

  it('validates a complete policy without problems and answers lookups', () => {
    const { policy, problems } = validatePolicy(SAMPLE, '/p/keywarden.policy.json');
    assert.deepEqual(problems, []);
    assert.equal(keyForEnv(policy, 'SESSION_KEY')?.name, 'sessionKey');
    assert.equal(keyForName(policy, 'config.session.key')?.purpose, 'mac');
    assert.equal(keyForKmsId(policy, 'arn:aws:kms:eu-west-1:111122223333:alias/payments')?.purpose, 'encrypt');
    assert.equal(keyForKmsId(policy, 'alias/other'), undefined);
    assert.equal(isAlgorithmDenied(policy, 'sha1'), true);
    assert.equal(isAlgorithmDenied(policy, 'sha256'), false);
    assert.equal(policy.kdf.pbkdf2?.minIterations, 600000);
  });

  it('reads rule severities for the editor, by id with or without the keywarden/ prefix', () => {
    const { policy, problems } = validatePolicy(
      { rules: { 'no-weak-algorithm': 'warn', 'keywarden/prefer-envelope-encryption': 'off', 'no-static-iv': 2, 'Bad Id': 'error' } },
      'p.json',
    );
    assert.deepEqual(policy.rules, { 'keywarden/no-weak-algorithm': 'warn', 'keywarden/prefer-envelope-encryption': 'off' });
    assert.deepEqual(
      problems.map((p) => [p.path, p.message]),
      [
        ['/rules/no-static-iv', 'severity must be one of off, warn, error'],
        ['/rules/Bad Id', '"Bad Id" is not a keywarden rule id (e.g. "keywarden/no-weak-algorithm")'],
      ],
    );
    assert.deepEqual(validatePolicy({ rules: ['warn'] }, 'p.json').problems.map((p) => p.path), ['/rules']);
  });

  it('keeps the valid parts of a broken policy and says precisely what is wrong', () => {
    const { policy, problems } = validatePolicy(
      { keys: [{ name: 'a', purpose: 'encrypt-and-sign' }, { name: 'b', purpose: 'sign', minBits: -3 }, 'x'], kdf: { md5: {} }, colour: 'red' },
      'p.json',
    );
    assert.deepEqual(policy.keys.map((k) => k.name), ['b']);
    assert.equal(policy.keys[0].minBits, undefined);
    assert.deepEqual(
      problems.map((p) => p.path),
      ['/colour', '/keys/0/purpose', '/keys/1/minBits', '/keys/2', '/kdf/md5'],
    );
    assert.match(problems[1].message, /purpose must be one of encrypt, mac/);
    assert.equal(validatePolicy([], 'p.json').problems[0].message, 'the policy must be a JSON object');
  });

  it('is found from the linted file upward, re-read when it changes, and never throws', () => {
    const root = tempDir();
    const nested = path.join(root, 'src', 'deep');
    fs.mkdirSync(nested, { recursive: true });
    const file = path.join(root, 'keywarden.policy.json');
    fs.writeFileSync(file, JSON.stringify(SAMPLE));
    const context = { filename: path.join(nested, 'a.ts') };
    assert.equal(getPolicy(context).source, file);
    assert.equal(getPolicy(context).keys.length, 2);

    fs.writeFileSync(file, JSON.stringify({ keys: [{ name: 'only', purpose: 'wrap' }] }));
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    assert.deepEqual(getPolicy(context).keys.map((k) => k.name), ['only']);

    fs.writeFileSync(file, '{ not json');
    fs.utimesSync(file, new Date(Date.now() + 10000), new Date(Date.now() + 10000));
    assert.deepEqual(getPolicy(context).keys, []);
    assert.match(getPolicyProblems(context)[0].message, /not valid JSON/);
  });

  it('reads settings.keywarden.policy as a path or an inline object; defaults otherwise', () => {
    const root = tempDir();
    fs.writeFileSync(path.join(root, 'custom.json'), JSON.stringify(SAMPLE));
    assert.equal(getPolicy({ filename: '/nowhere/a.ts', cwd: root, settings: { keywarden: { policy: 'custom.json' } } }).keys.length, 2);
    const inline = { keys: [{ name: 'k', purpose: 'jwt', env: ['JWT_SECRET'] }] };
    assert.equal(keyForEnv(getPolicy({ filename: '/nowhere/a.ts', settings: { keywarden: { policy: inline } } }), 'JWT_SECRET')?.purpose, 'jwt');
    const missing = { filename: '/nowhere/a.ts', cwd: root, settings: { keywarden: { policy: 'missing.json' } } };
    assert.deepEqual(getPolicy(missing).keys, []);
    assert.match(getPolicyProblems(missing)[0].message, /does not exist/);
    assert.deepEqual(getPolicy({ filename: path.join(tempDir(), 'x.ts') }).keys, []);
    assert.deepEqual(getPolicy({ filename: '<input>' }).keys, []);
  });
});
