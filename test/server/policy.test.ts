import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PolicyResolver } from '../../src/server/policy';

describe('PolicyResolver', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-policy-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('finds the nearest keywarden.policy.json walking up to the workspace folder', () => {
    fs.mkdirSync(path.join(root, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(root, 'keywarden.policy.json'), '{ "version": 1 }');
    const lookup = new PolicyResolver().resolve(path.join(root, 'a', 'b', 'x.ts'), root, null);
    assert.deepEqual(lookup, { policy: { version: 1 }, file: path.join(root, 'keywarden.policy.json') });
  });

  it('never quotes the content of a file that is not JSON (keywarden.policyFile may name a .env by mistake)', () => {
    const secret = 'SECRET_API_KEY=sk_live_0123456789abcdef';
    for (const text of [secret, `{ "keys": ${secret} }`]) {
      fs.writeFileSync(path.join(root, '.env'), text);
      const lookup = new PolicyResolver().resolve(path.join(root, 'x.ts'), root, '.env');
      assert.deepEqual(lookup.policy, {});
      assert.match(lookup.error!, /^policy file is not valid JSON: .*\.env \(/);
      for (const piece of ['SECRET', 'sk_live', '0123456789']) assert.ok(!lookup.error!.includes(piece), lookup.error);
    }
  });
});
