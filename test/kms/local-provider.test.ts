import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEnvelopeClient } from '../../src/kms';
import { parseHeader } from '../../src/kms/format';
import { resetLocalFallbackWarning } from '../../src/kms/key-uri';
import { LocalProvider } from '../../src/kms/providers/local';
import { localClient, localOptions, rejectsWith, useTempDir } from './helpers';

const ROOT = path.join(__dirname, '..', '..');

/** Runs `body` with some environment variables set, restoring them afterwards. */
async function withEnv<T>(vars: Record<string, string | undefined>, body: () => Promise<T> | T): Promise<T> {
  const saved: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(vars)) {
    saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return await body();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('kms: local provider', () => {
  const tmp = useTempDir();

  it('zero setup: the first encrypt creates the keyring and master key, both mode 0600', async () => {
    const client = localClient(tmp.dir);
    const sealed = await client.encrypt('first');
    for (const file of ['keyring.json', 'master.key']) {
      const stat = fs.statSync(path.join(tmp.dir, file));
      if (process.platform !== 'win32') assert.equal(stat.mode & 0o777, 0o600, file);
    }
    const ring = JSON.parse(fs.readFileSync(path.join(tmp.dir, 'keyring.json'), 'utf8'));
    assert.equal(ring.keys.app.current, 1);
    // The KEK is sealed, not stored in clear: nothing in the file decodes to the data key's KEK.
    assert.equal(Buffer.from(ring.keys.app.versions['1'].sealed, 'base64').length, 60);
    assert.equal((await client.decrypt(sealed)).toString(), 'first');
  });

  it('defaults to .keywarden/keyring.json in the working directory, or KEYWARDEN_LOCAL_KEYRING', async () => {
    const cwd = process.cwd();
    process.chdir(tmp.dir);
    try {
      await withEnv({ KEYWARDEN_LOCAL_KEYRING: undefined }, async () => {
        await createEnvelopeClient({ keyUri: 'local://app' }).encrypt('x');
      });
      assert.ok(fs.existsSync(path.join(tmp.dir, '.keywarden', 'keyring.json')));
      const custom = path.join(tmp.dir, 'elsewhere', 'ring.json');
      await withEnv({ KEYWARDEN_LOCAL_KEYRING: custom }, async () => {
        await createEnvelopeClient({ keyUri: 'local://app' }).encrypt('x');
      });
      assert.ok(fs.existsSync(custom));
      assert.ok(fs.existsSync(path.join(tmp.dir, 'elsewhere', 'master.key')));
    } finally {
      process.chdir(cwd);
    }
  });

  it('uses KEYWARDEN_LOCAL_MASTER_KEY instead of a key file', async () => {
    const master = crypto.randomBytes(32).toString('base64');
    await withEnv({ KEYWARDEN_LOCAL_MASTER_KEY: master }, async () => {
      const sealed = await localClient(tmp.dir).encrypt('env master');
      assert.ok(!fs.existsSync(path.join(tmp.dir, 'master.key')));
      assert.equal((await localClient(tmp.dir).decrypt(sealed)).toString(), 'env master');
    });
    await withEnv({ KEYWARDEN_LOCAL_MASTER_KEY: 'too-short' }, async () => {
      await rejectsWith(localClient(tmp.dir).encrypt('x'), 'UNSUPPORTED_FORMAT');
    });
  });

  it('KEYWARDEN_KEY_URI picks the key; no key URI at all warns once and uses local://default', async () => {
    await withEnv({ KEYWARDEN_KEY_URI: 'local://from-env' }, () => {
      assert.equal(createEnvelopeClient().keyUri, 'local://from-env');
    });
    const warnings: string[] = [];
    const listener = (w: Error & { code?: string }) => {
      if (w.code === 'KEYWARDEN_LOCAL_KMS') warnings.push(w.message);
    };
    process.on('warning', listener);
    try {
      resetLocalFallbackWarning();
      await withEnv({ KEYWARDEN_KEY_URI: undefined }, () => {
        assert.equal(createEnvelopeClient().keyUri, 'local://default');
        createEnvelopeClient();
      });
      await new Promise((resolve) => setImmediate(resolve));
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /KEYWARDEN_KEY_URI/);
    } finally {
      process.off('warning', listener);
    }
  });

  it('refuses with LOCAL_KMS_IN_PRODUCTION when NODE_ENV=production', async () => {
    await withEnv({ NODE_ENV: 'production', KEYWARDEN_KEY_URI: undefined }, async () => {
      assert.throws(() => createEnvelopeClient(), { code: 'LOCAL_KMS_IN_PRODUCTION' });
      assert.throws(() => createEnvelopeClient({ keyUri: 'local://app' }), { code: 'LOCAL_KMS_IN_PRODUCTION' });
      assert.throws(() => new LocalProvider(localOptions(tmp.dir)), { code: 'LOCAL_KMS_IN_PRODUCTION' });
    });
    // A production client of another provider must not fall back to local for a local blob either.
    const sealed = await localClient(tmp.dir).encrypt('dev data');
    await withEnv({ NODE_ENV: 'production' }, async () => {
      const prod = createEnvelopeClient({ keyUri: 'vault-transit://vault.example/app', providerOptions: { local: localOptions(tmp.dir) } });
      await rejectsWith(prod.decrypt(sealed), 'LOCAL_KMS_IN_PRODUCTION');
    });
  });

  it('rotation: new data uses the new version, rewrap moves old blobs, old version decrypts until retired', async () => {
    const provider = new LocalProvider(localOptions(tmp.dir));
    const client = createEnvelopeClient({ keyUri: 'local://app', provider });
    const old = await client.encrypt('written under v1');
    assert.equal((await provider.rotate('local://app')), 'local://app#v2');
    const fresh = await client.encrypt('written under v2');
    assert.match(fresh.toString('latin1'), /local:\/\/app#v2/);

    const rewrapped = await client.rewrap(old);
    assert.match(rewrapped.toString('latin1'), /local:\/\/app#v2/);
    // Only the key section changed: the data part (and ciphertext) is byte-identical.
    const before = parseHeader(old);
    const after = parseHeader(rewrapped);
    assert.ok(rewrapped.subarray(0, after.aadLength).equals(old.subarray(0, before.aadLength)));
    assert.ok(rewrapped.subarray(after.length).equals(old.subarray(before.length)));
    assert.equal((await client.decrypt(rewrapped)).toString(), 'written under v1');
    assert.equal((await client.decrypt(old)).toString(), 'written under v1', 'v1 still decrypts before retirement');

    await provider.retire('local://app#v1');
    // A second client (no cached keys) sees v1 retired; rewrapped and new data still decrypt.
    const reader = createEnvelopeClient({ keyUri: 'local://app', providerOptions: { local: localOptions(tmp.dir) } });
    await rejectsWith(reader.decrypt(old), 'KMS_DENIED');
    assert.equal((await reader.decrypt(rewrapped)).toString(), 'written under v1');
    assert.equal((await reader.decrypt(fresh)).toString(), 'written under v2');
    await assert.rejects(provider.retire('local://app#v2'), { code: 'KMS_DENIED' });
  });

  it('a long-running client picks up a rotation made by another process (keyring file changed)', async () => {
    const client = localClient(tmp.dir);
    await client.encrypt('v1');
    await new LocalProvider(localOptions(tmp.dir)).rotate('local://app');
    const sealed = await client.encrypt('after rotation');
    assert.match(sealed.toString('latin1'), /local:\/\/app#v2/);
  });

  it('rewrap to another key name in the same keyring', async () => {
    const client = localClient(tmp.dir, { purpose: 'p', context: { a: 'b' } });
    const sealed = await client.encrypt('move me');
    const moved = await client.rewrap(sealed, { toKeyUri: 'local://other' });
    assert.match(moved.toString('latin1'), /local:\/\/other#v1/);
    assert.equal((await client.decrypt(moved)).toString(), 'move me');
  });

  it('a damaged keyring file gives a clear UNSUPPORTED_FORMAT error, not a crash', async () => {
    fs.writeFileSync(path.join(tmp.dir, 'keyring.json'), '{"format":"keywarden-local-keyring","version":1,"keys":{"app":{"current":3}}}');
    await rejectsWith(localClient(tmp.dir).encrypt('x'), 'UNSUPPORTED_FORMAT');
    fs.writeFileSync(path.join(tmp.dir, 'keyring.json'), '{not json');
    await rejectsWith(localClient(tmp.dir).encrypt('x'), 'UNSUPPORTED_FORMAT');
  });

  it('is safe under concurrent first use by several processes', async function () {
    this.timeout(60_000);
    const script = path.join(tmp.dir, 'worker.ts');
    fs.writeFileSync(
      script,
      `import { createEnvelopeClient } from ${JSON.stringify(path.join(ROOT, 'src', 'kms'))};
       const client = createEnvelopeClient({ keyUri: 'local://shared', providerOptions: { local: { keyringPath: process.argv[2] } } });
       client.encrypt('from ' + process.pid).then((s) => process.stdout.write(s.toString('base64')), (e) => { console.error(e); process.exit(1); });`,
    );
    const keyring = path.join(tmp.dir, 'race', 'keyring.json');
    const run = () =>
      new Promise<string>((resolve, reject) => {
        const child = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), script, keyring], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        let err = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (err += d));
        child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`worker failed: ${err}`))));
      });
    const outputs = await Promise.all([run(), run(), run(), run()]);
    const reader = createEnvelopeClient({ keyUri: 'local://shared', providerOptions: { local: { keyringPath: keyring } } });
    for (const sealed of outputs) assert.match((await reader.decrypt(sealed)).toString(), /^from \d+$/);
    const ring = JSON.parse(fs.readFileSync(keyring, 'utf8'));
    assert.deepEqual(Object.keys(ring.keys.shared.versions), ['1'], 'exactly one KEK created');
    assert.deepEqual(fs.readdirSync(path.dirname(keyring)).sort(), ['keyring.json', 'master.key'], 'no temp or lock files left');
  });

  it('concurrent first use inside one process (several provider instances) creates one key', async () => {
    const clients = Array.from({ length: 6 }, () => localClient(tmp.dir));
    const sealed = await Promise.all(clients.map((c, i) => c.encrypt(`m${i}`)));
    const reader = localClient(tmp.dir);
    for (let i = 0; i < sealed.length; i++) assert.equal((await reader.decrypt(sealed[i])).toString(), `m${i}`);
    const ring = JSON.parse(fs.readFileSync(path.join(tmp.dir, 'keyring.json'), 'utf8'));
    assert.deepEqual(Object.keys(ring.keys.app.versions), ['1']);
  });
});
