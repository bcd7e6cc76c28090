/**
 * `keywarden kms rotate` / `rewrap` with real providers configured the way an
 * operator would: only through the standard environment variables (the CLI
 * creates providers without options).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEnvelopeClient, inspectSealed } from '../../../src/kms';
import { runKmsCli, type CliIo } from '../../../src/kms/cli';
import { AwsKmsTestServer } from '../servers/aws-kms-server';
import { VaultTransitTestServer } from '../servers/vault-transit-server';

function io(): CliIo & { out: string; err: string } {
  const state = {
    out: '',
    err: '',
    env: process.env,
    stdout: (text: string) => void (state.out += text),
    stderr: (text: string) => void (state.err += text),
    readStdin: async () => Buffer.alloc(0),
  };
  return state;
}

describe('keywarden kms CLI with real providers configured from the environment', () => {
  let aws: AwsKmsTestServer;
  let vault: VaultTransitTestServer;
  let dir: string;
  const names = ['VAULT_ADDR', 'VAULT_TOKEN', 'AWS_ENDPOINT_URL_KMS', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'];
  const saved: Record<string, string | undefined> = {};

  before(async function () {
    // Starts servers, tokens and SDKs: seconds on a busy machine.
    this.timeout(120_000);
    aws = await new AwsKmsTestServer().start();
    vault = await new VaultTransitTestServer().start();
    for (const name of names) saved[name] = process.env[name];
    Object.assign(process.env, {
      VAULT_ADDR: vault.address,
      VAULT_TOKEN: vault.rootToken,
      AWS_ENDPOINT_URL_KMS: aws.endpoint,
      AWS_ACCESS_KEY_ID: 'AKIDCLI',
      AWS_SECRET_ACCESS_KEY: 'cli-secret',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    });
    dir = mkdtempSync(join(tmpdir(), 'keywarden-cli-providers-'));
  });
  after(async () => {
    for (const name of names) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    rmSync(dir, { recursive: true, force: true });
    await aws.stop();
    await vault.stop();
  });

  it('vault-transit: rotate prints the new version; rewrap moves a sealed file to it', async () => {
    vault.createKey('cli');
    const keyUri = `vault-transit://${vault.authority}/cli`;
    const client = createEnvelopeClient({ keyUri });
    const file = join(dir, 'record.sealed');
    writeFileSync(file, await client.encrypt('ledger line'));
    await client.close();

    const rotated = io();
    assert.equal(await runKmsCli(['rotate', '--key', keyUri], rotated), 0, rotated.err);
    assert.equal(rotated.out, `rotated: ${keyUri}#v2 is now current\n`);

    const rewrapped = io();
    assert.equal(await runKmsCli(['rewrap', '--key', keyUri, file], rewrapped), 0, rewrapped.err);
    assert.equal(inspectSealed(readFileSync(file)).keyUri, `${keyUri}#v2`);
    const reader = createEnvelopeClient({ keyUri });
    assert.equal((await reader.decrypt(readFileSync(file))).toString(), 'ledger line');
    await reader.close();
  });

  it('aws-kms: rotate on demand through AWS_ENDPOINT_URL_KMS; rewrap keeps the file readable', async () => {
    const arn = aws.createKey();
    const keyUri = `aws-kms://${arn}`;
    const client = createEnvelopeClient({ keyUri });
    const file = join(dir, 'aws.sealed');
    writeFileSync(file, (await client.encrypt('aws line')).toString('base64'));
    await client.close();

    const rotated = io();
    assert.equal(await runKmsCli(['rotate', '--key', keyUri], rotated), 0, rotated.err);
    assert.equal(rotated.out, `rotated: ${keyUri} is now current\n`);
    assert.equal(aws.calls.RotateKeyOnDemand, 1);

    const rewrapped = io();
    assert.equal(await runKmsCli(['rewrap', '--key', keyUri, file], rewrapped), 0, rewrapped.err);
    assert.equal(aws.calls.ReEncrypt, 1);
    const reader = createEnvelopeClient({ keyUri });
    assert.equal((await reader.decrypt(readFileSync(file, 'utf8').trim())).toString(), 'aws line');
    await reader.close();
  });
});
