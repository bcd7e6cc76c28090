import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as crypto from 'node:crypto';
import { runKmsCli, type CliIo } from '../../src/kms/cli';
import { LocalProvider } from '../../src/kms/providers/local';
import { localClient, localOptions, rejectsWith, useTempDir } from './helpers';

const ROOT = path.join(__dirname, '..', '..');

function io(env: NodeJS.ProcessEnv = {}, stdin = ''): CliIo & { out: string; err: string } {
  const state = {
    out: '',
    err: '',
    env: { ...env },
    stdout(text: string) {
      state.out += text;
    },
    stderr(text: string) {
      state.err += text;
    },
    readStdin: async () => Buffer.from(stdin),
  };
  return state;
}

describe('kms: CLI (keywarden kms …)', function () {
  this.timeout(60_000);
  const tmp = useTempDir();
  const keyringArgs = () => ['--keyring', path.join(tmp.dir, 'keyring.json')];

  it('backup, destroy, restore, decrypt (also into a keyring with another master key)', async () => {
    const client = localClient(tmp.dir, { purpose: 'pii' });
    const v1 = await client.encrypt('sealed under v1');
    assert.equal(await runKmsCli(['rotate', '--key', 'local://app', ...keyringArgs()], io()), 0);
    const v2 = await client.encrypt('sealed under v2');
    const passFile = path.join(tmp.dir, 'pass.txt');
    fs.writeFileSync(passFile, 'correct horse battery staple\n');
    const backupFile = path.join(tmp.dir, 'keyring.backup');

    const b = io();
    assert.equal(await runKmsCli(['backup', '--out', backupFile, '--passphrase-file', passFile, ...keyringArgs()], b), 0, b.err);
    if (process.platform !== 'win32') assert.equal(fs.statSync(backupFile).mode & 0o777, 0o600);
    const backupText = fs.readFileSync(backupFile, 'utf8');
    const keks = await new LocalProvider(localOptions(tmp.dir)).exportKeks();
    for (const k of keks) assert.ok(!backupText.includes(k.kek.toString('base64')) && !backupText.includes(k.kek.toString('hex')), 'KEK in clear in backup');
    assert.match(backupText, /"scrypt"/);

    // Destroy the keyring and its master key.
    fs.rmSync(path.join(tmp.dir, 'keyring.json'));
    fs.rmSync(path.join(tmp.dir, 'master.key'));
    await rejectsWith(localClient(tmp.dir, { purpose: 'pii' }).decrypt(v1), 'UNKNOWN_KEY');

    const wrong = io({ KEYWARDEN_BACKUP_PASSPHRASE: 'not the right passphrase' });
    assert.equal(await runKmsCli(['restore', '--in', backupFile, ...keyringArgs()], wrong), 1);
    assert.match(wrong.err, /KMS_DENIED/);

    const r = io();
    assert.equal(await runKmsCli(['restore', '--in', backupFile, '--passphrase-file', passFile, ...keyringArgs()], r), 0, r.err);
    assert.match(r.out, /restored 2 KEK version/);
    const restored = localClient(tmp.dir, { purpose: 'pii' });
    assert.equal((await restored.decrypt(v1)).toString(), 'sealed under v1');
    assert.equal((await restored.decrypt(v2)).toString(), 'sealed under v2');
    assert.match((await restored.encrypt('new')).toString('latin1'), /local:\/\/app#v2/, 'v2 is still current');

    // Restoring over a live keyring needs --force.
    const again = io();
    assert.equal(await runKmsCli(['restore', '--in', backupFile, '--passphrase-file', passFile, ...keyringArgs()], again), 1);
    assert.match(again.err, /--force/);

    // Restore elsewhere, under a master key from the environment.
    const elsewhere = path.join(tmp.dir, 'elsewhere', 'keyring.json');
    const master = crypto.randomBytes(32).toString('hex');
    const e = io({ KEYWARDEN_LOCAL_MASTER_KEY: master });
    assert.equal(await runKmsCli(['restore', '--in', backupFile, '--passphrase-file', passFile, '--keyring', elsewhere], e), 0, e.err);
    const other = localClient(path.dirname(elsewhere), { purpose: 'pii', providerOptions: { local: { keyringPath: elsewhere, masterKey: master } } });
    assert.equal((await other.decrypt(v2)).toString(), 'sealed under v2');
  });

  it('refuses short passphrases and damaged backups', async () => {
    await localClient(tmp.dir).encrypt('x');
    const out = path.join(tmp.dir, 'b.json');
    const short = io({ KEYWARDEN_BACKUP_PASSPHRASE: 'short' });
    assert.equal(await runKmsCli(['backup', '--out', out, ...keyringArgs()], short), 1);
    assert.match(short.err, /at least 12/);
    fs.writeFileSync(out, '{"format":"something else"}');
    const bad = io({ KEYWARDEN_BACKUP_PASSPHRASE: 'long enough passphrase' });
    assert.equal(await runKmsCli(['restore', '--in', out, ...keyringArgs()], bad), 1);
    assert.match(bad.err, /UNSUPPORTED_FORMAT/);
  });

  it('rotate + rewrap files (binary and base64 text) and stdin records; retire the old version', async () => {
    const client = localClient(tmp.dir, { context: { table: 'users' } });
    const binFile = path.join(tmp.dir, 'a.sealed');
    const textFile = path.join(tmp.dir, 'b.sealed.txt');
    fs.writeFileSync(binFile, await client.encrypt('binary file'));
    fs.writeFileSync(textFile, `${(await client.encrypt('text file')).toString('base64')}\n`);
    const record = (await client.encrypt('a record')).toString('base64');

    assert.equal(await runKmsCli(['rotate', '--key', 'local://app', ...keyringArgs()], io()), 0);
    const rw = io();
    assert.equal(await runKmsCli(['rewrap', binFile, textFile, ...keyringArgs()], rw), 0, rw.err);
    assert.match(rw.out, /a\.sealed: local:\/\/app#v1 -> local:\/\/app#v2/);
    const stdin = io({}, `${record}\n`);
    assert.equal(await runKmsCli(['rewrap', '-', ...keyringArgs()], stdin), 0, stdin.err);

    assert.equal(await runKmsCli(['retire', '--key', 'local://app#v1', ...keyringArgs()], io()), 0);
    const reader = localClient(tmp.dir, { context: { table: 'users' } });
    assert.equal((await reader.decrypt(fs.readFileSync(binFile))).toString(), 'binary file');
    assert.equal((await reader.decrypt(fs.readFileSync(textFile, 'utf8').trim())).toString(), 'text file');
    assert.equal((await reader.decrypt(stdin.out.trim())).toString(), 'a record');
    await rejectsWith(reader.decrypt(record), 'KMS_DENIED');

    const listed = io();
    assert.equal(await runKmsCli(['list', ...keyringArgs()], listed), 0);
    assert.match(listed.out, /local:\/\/app#v1 .*retired/);
    assert.match(listed.out, /local:\/\/app#v2 .*current/);
  });

  it('rewrap reports files that are not sealed blobs and exits 1', async () => {
    const junk = path.join(tmp.dir, 'junk.txt');
    fs.writeFileSync(junk, 'hello');
    const run = io();
    assert.equal(await runKmsCli(['rewrap', junk, ...keyringArgs()], run), 1);
    assert.match(run.err, /junk\.txt: UNSUPPORTED_FORMAT/);
    assert.equal(fs.readFileSync(junk, 'utf8'), 'hello');
  });

  it('inspect prints the header: key URI, purpose, context keys, never plaintext or context values', async () => {
    const client = localClient(tmp.dir, { purpose: 'pii', context: { tenant: 'acme-secret-tenant' } });
    const file = path.join(tmp.dir, 'x.sealed');
    fs.writeFileSync(file, await client.encrypt('the plaintext'));
    const run = io();
    assert.equal(await runKmsCli(['inspect', file], run), 0, run.err);
    const info = JSON.parse(run.out);
    assert.equal(info.keyUri, 'local://app#v1');
    assert.equal(info.purpose, 'pii');
    assert.deepEqual(info.contextKeys, ['tenant']);
    assert.equal(info.frames, 1);
    assert.ok(!run.out.includes('acme-secret-tenant') && !run.out.includes('the plaintext'));
  });

  it('usage errors exit 2; the bin entry runs', () => {
    const result = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), path.join(ROOT, 'bin', 'keywarden.ts'), 'kms', 'frobnicate'], { encoding: 'utf8' });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /unknown command "frobnicate"/);
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.equal(pkg.bin.keywarden, 'dist/bin/keywarden.js');
  });
});
