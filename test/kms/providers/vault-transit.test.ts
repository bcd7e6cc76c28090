import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KeywardenError } from '../../../src/kms/errors';
import type { KeyProvider } from '../../../src/kms/provider';
import { createVaultTransitProvider } from '../../../src/kms/providers/vault-transit';
import { parseVaultTransitUri } from '../../../src/kms/providers/vault-transit-uri';
import { VaultTransitTestServer } from '../servers/vault-transit-server';
import { rejectsWith } from './expect-error';

const context = { purpose: 'encrypt', table: 'users' };

async function vaultPost(server: VaultTransitTestServer, path: string, body: unknown = {}): Promise<void> {
  const res = await fetch(`${server.address}/v1/${path}`, {
    method: 'POST',
    headers: { 'x-vault-token': server.rootToken, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  assert.ok(res.ok, `${path}: HTTP ${res.status}`);
}

describe('vault-transit provider (HTTP API against a loopback Transit engine)', () => {
  let server: VaultTransitTestServer;
  let provider: KeyProvider;
  let keyName: string;
  let keyUri: string;
  let counter = 0;

  before(async () => {
    server = await new VaultTransitTestServer().start();
  });
  after(async () => {
    await server.stop();
  });
  beforeEach(() => {
    keyName = `app-${++counter}`;
    server.createKey(keyName);
    keyUri = `vault-transit://${server.authority}/${keyName}`;
    provider = createVaultTransitProvider({ addresses: [server.address], token: server.rootToken });
  });
  afterEach(async () => {
    server.setOutage(undefined);
    await provider.close?.();
  });

  it('generates a data key through datakey/plaintext and unwraps it through decrypt', async () => {
    const generated = await provider.generateDataKey({ keyUri, context });
    assert.equal(generated.plaintext.length, 32);
    assert.equal(generated.keyUri, `${keyUri}#v1`);
    assert.match(generated.wrapped.toString('utf8'), /^vault:v1:/);
    assert.deepEqual(await provider.unwrap({ ...generated, context }), generated.plaintext);
  });

  it('key versions: after rotate, new data keys use v2, old ones still unwrap, rewrap moves them to v2', async () => {
    const v1 = await provider.generateDataKey({ keyUri, context });
    await vaultPost(server, `transit/keys/${keyName}/rotate`);
    const v2 = await provider.generateDataKey({ keyUri, context });
    assert.equal(v2.keyUri, `${keyUri}#v2`);
    assert.deepEqual(await provider.unwrap({ ...v1, context }), v1.plaintext);

    const decrypts = server.calls.decrypt ?? 0;
    const rewrapped = await provider.rewrap({ ...v1, context });
    assert.equal(server.calls.decrypt ?? 0, decrypts, 'rewrap happens inside Vault');
    assert.equal(rewrapped.keyUri, `${keyUri}#v2`);
    assert.match(rewrapped.wrapped.toString('utf8'), /^vault:v2:/);
    assert.deepEqual(await provider.unwrap({ ...rewrapped, context }), v1.plaintext);
  });

  it('min_decryption_version retires old versions: KMS_DENIED, until rewrapped', async () => {
    const v1 = await provider.generateDataKey({ keyUri, context });
    await vaultPost(server, `transit/keys/${keyName}/rotate`);
    const rewrapped = await provider.rewrap({ ...v1, context });
    await vaultPost(server, `transit/keys/${keyName}/config`, { min_decryption_version: 2 });
    await rejectsWith(provider.unwrap({ ...v1, context }), 'KMS_DENIED');
    assert.deepEqual(await provider.unwrap({ ...rewrapped, context }), v1.plaintext);
  });

  it('rewrap to a pinned version and to another key', async () => {
    const generated = await provider.generateDataKey({ keyUri, context });
    await vaultPost(server, `transit/keys/${keyName}/rotate`);
    await vaultPost(server, `transit/keys/${keyName}/rotate`);
    const pinned = await provider.rewrap({ ...generated, context, toKeyUri: `${keyUri}#v2` });
    assert.equal(pinned.keyUri, `${keyUri}#v2`);

    server.createKey('other-key');
    const moved = await provider.rewrap({ ...generated, context, toKeyUri: `vault-transit://${server.authority}/other-key` });
    assert.equal(moved.keyUri, `vault-transit://${server.authority}/other-key#v1`);
    assert.deepEqual(await provider.unwrap({ ...moved, context }), generated.plaintext);
    await rejectsWith(provider.unwrap({ keyUri, wrapped: moved.wrapped, context }), 'TAMPERED');
  });

  it('rotate adds a version and returns its URI; wrap encrypts an existing data key', async () => {
    assert.equal(await provider.rotate!(keyUri), `${keyUri}#v2`);
    assert.equal(await provider.rotate!(`${keyUri}#v1`), `${keyUri}#v3`);
    const dataKey = Buffer.alloc(32, 9);
    const wrapped = await provider.wrap!({ keyUri, plaintext: dataKey, context });
    assert.equal(wrapped.keyUri, `${keyUri}#v3`);
    assert.deepEqual(await provider.unwrap({ ...wrapped, context }), dataKey);
  });

  it('a custom mount path is part of the URI', async () => {
    server.enableMount('kms/transit');
    server.createKey('mounted', 'kms/transit');
    const uri = `vault-transit://${server.authority}/kms/transit/mounted`;
    const generated = await provider.generateDataKey({ keyUri: uri, context });
    assert.equal(generated.keyUri, `${uri}#v1`);
    assert.deepEqual(await provider.unwrap({ ...generated, context }), generated.plaintext);
  });

  it('a flipped byte in the wrapped key is TAMPERED (or UNKNOWN_KEY when it changes the version)', async () => {
    const generated = await provider.generateDataKey({ keyUri, context });
    const text = generated.wrapped.toString('utf8');
    const prefix = 'vault:v1:'.length;
    for (let i = prefix; i < text.length; i += 3) {
      const chars = [...text];
      chars[i] = chars[i] === 'A' ? 'B' : 'A';
      const wrapped = Buffer.from(chars.join(''), 'utf8');
      await rejectsWith(provider.unwrap({ keyUri: generated.keyUri, wrapped, context }), 'TAMPERED');
    }
    await rejectsWith(provider.unwrap({ keyUri, wrapped: Buffer.from(text.replace('vault:v1:', 'vault:v7:')), context }), 'UNKNOWN_KEY');
    await rejectsWith(provider.unwrap({ keyUri, wrapped: Buffer.from('not a vault ciphertext'), context }), 'TAMPERED');
  });

  it('a wrapped key whose version disagrees with the key URI is TAMPERED without asking Vault', async () => {
    const generated = await provider.generateDataKey({ keyUri, context });
    const decrypts = server.calls.decrypt ?? 0;
    await rejectsWith(provider.unwrap({ keyUri: `${keyUri}#v2`, wrapped: generated.wrapped, context }), 'TAMPERED');
    assert.equal(server.calls.decrypt ?? 0, decrypts);
  });

  it('unknown keys and unknown mounts are UNKNOWN_KEY', async () => {
    await rejectsWith(provider.generateDataKey({ keyUri: `vault-transit://${server.authority}/nope`, context }), 'UNKNOWN_KEY');
    await rejectsWith(provider.generateDataKey({ keyUri: `vault-transit://${server.authority}/no-mount/app`, context }), 'UNKNOWN_KEY');
  });

  it('a token without the right policy is KMS_DENIED (403); a token that may only decrypt cannot create data keys', async () => {
    const generated = await provider.generateDataKey({ keyUri, context });
    const decryptOnly = createVaultTransitProvider({ addresses: [server.address], token: server.createToken([`transit/decrypt/${keyName}`]) });
    assert.deepEqual(await decryptOnly.unwrap({ ...generated, context }), generated.plaintext);
    await rejectsWith(decryptOnly.generateDataKey({ keyUri, context }), 'KMS_DENIED');
    await decryptOnly.close?.();
    const stranger = createVaultTransitProvider({ addresses: [server.address], token: 'hvs.unknown' });
    await rejectsWith(stranger.unwrap({ ...generated, context }), 'KMS_DENIED');
    await stranger.close?.();
  });

  it('no token at all is KMS_DENIED before any request', async () => {
    const saved = process.env.VAULT_TOKEN;
    delete process.env.VAULT_TOKEN;
    try {
      const tokenless = createVaultTransitProvider({ addresses: [server.address] });
      await rejectsWith(tokenless.generateDataKey({ keyUri, context }), 'KMS_DENIED');
    } finally {
      if (saved !== undefined) process.env.VAULT_TOKEN = saved;
    }
  });

  it('reads VAULT_ADDR and VAULT_TOKEN when no options are given', async () => {
    const saved = { addr: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN };
    process.env.VAULT_ADDR = server.address;
    process.env.VAULT_TOKEN = server.rootToken;
    try {
      const fromEnv = createVaultTransitProvider();
      const generated = await fromEnv.generateDataKey({ keyUri, context });
      assert.deepEqual(await fromEnv.unwrap({ ...generated, context }), generated.plaintext);
      await fromEnv.close?.();
    } finally {
      for (const [name, value] of [['VAULT_ADDR', saved.addr], ['VAULT_TOKEN', saved.token]] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('never sends the token to a host that is not a configured Vault address', async () => {
    const generated = await provider.generateDataKey({ keyUri, context });
    const total = Object.values(server.calls).reduce((a, b) => a + b, 0);
    // Same server, but named by a host the provider was not configured with.
    const port = server.authority.split(':')[1];
    await rejectsWith(provider.unwrap({ keyUri: `vault-transit://localhost:${port}/${keyName}`, wrapped: generated.wrapped, context }), 'KMS_DENIED');
    await rejectsWith(provider.unwrap({ keyUri: `vault-transit://127.0.0.1:1/${keyName}`, wrapped: generated.wrapped, context }), 'KMS_DENIED');
    assert.equal(Object.values(server.calls).reduce((a, b) => a + b, 0), total);
  });

  it('rate limiting (429), sealed (503) and resets are KMS_UNAVAILABLE and retryable', async () => {
    for (const fault of ['rate-limit', 'sealed', 'reset'] as const) {
      server.inject(fault);
      await rejectsWith(provider.generateDataKey({ keyUri, context }), 'KMS_UNAVAILABLE', true);
      assert.equal((await provider.generateDataKey({ keyUri, context })).plaintext.length, 32, `${fault}: recovers`);
    }
  });

  it('a Vault that is down is KMS_UNAVAILABLE (retryable); an aborted call is not retryable', async () => {
    const down = createVaultTransitProvider({ addresses: ['http://127.0.0.1:1'], token: 't' });
    await rejectsWith(down.generateDataKey({ keyUri: 'vault-transit://127.0.0.1:1/app', context }), 'KMS_UNAVAILABLE', true);
    await down.close?.();
    const controller = new AbortController();
    controller.abort();
    await rejectsWith(provider.generateDataKey({ keyUri, context, signal: controller.signal }), 'KMS_UNAVAILABLE');
  });

  it('a reply larger than 1 MiB is cut off as KMS_UNAVAILABLE, not buffered or hung on', async () => {
    const huge = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(Buffer.alloc(3 << 20, 0x20));
    });
    await new Promise<void>((resolve) => huge.listen(0, '127.0.0.1', resolve));
    const port = (huge.address() as AddressInfo).port;
    const client = createVaultTransitProvider({ addresses: [`http://127.0.0.1:${port}`], token: 't' });
    try {
      await rejectsWith(client.generateDataKey({ keyUri: `vault-transit://127.0.0.1:${port}/app`, context }), 'KMS_UNAVAILABLE', true);
    } finally {
      await client.close?.();
      huge.closeAllConnections();
      huge.close();
    }
  });

  it('parses key URIs strictly', () => {
    assert.deepEqual(parseVaultTransitUri('vault-transit://vault.internal:8200/app#v3'), {
      authority: 'vault.internal:8200',
      hostname: 'vault.internal',
      port: '8200',
      mount: 'transit',
      name: 'app',
      version: 3,
    });
    assert.equal(parseVaultTransitUri('vault-transit://vault.internal/team/transit/app').mount, 'team/transit');
    for (const bad of [
      'vault-transit://host',
      'vault-transit://host/',
      'vault-transit://user:pw@host/app',
      'vault-transit://host/app?x=1',
      'vault-transit://host/app#3',
      'vault-transit://host/-app',
      'vault-transit://host/../app',
      'vault-transit://host/a%2Fb',
      'https://host/app',
    ]) {
      assert.throws(() => parseVaultTransitUri(bad), (e: unknown) => e instanceof KeywardenError && e.code === 'UNSUPPORTED_FORMAT', bad);
    }
  });
});
