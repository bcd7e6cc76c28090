import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { createEnvelopeClient } from '../../src/kms';
import { createProvider, loadFactory, registeredSchemes } from '../../src/kms/providers';
import { LocalProvider } from '../../src/kms/providers/local';
import { localOptions, rejectsWith, useTempDir } from './helpers';

const ROOT = path.join(__dirname, '..', '..');

describe('kms: provider registry, isolation and types', () => {
  const tmp = useTempDir();

  it('registers local, aws-kms, azure-kv, gcp-kms, pkcs11 and vault-transit', () => {
    assert.deepEqual(registeredSchemes().sort(), ['aws-kms', 'azure-kv', 'gcp-kms', 'local', 'pkcs11', 'vault-transit']);
    assert.ok(createProvider('local', { local: localOptions(tmp.dir) }) instanceof LocalProvider);
  });

  it('an unknown scheme or a malformed key URI is UNSUPPORTED_FORMAT', async () => {
    assert.throws(() => createProvider('no-such-kms'), { code: 'UNSUPPORTED_FORMAT' });
    assert.throws(() => createEnvelopeClient({ keyUri: 'not a uri' }), { code: 'UNSUPPORTED_FORMAT' });
    const client = createEnvelopeClient({ keyUri: 'cloud-hsm://vault/key' });
    await rejectsWith(client.encrypt('x'), 'UNSUPPORTED_FORMAT');
  });

  it('a provider module missing from the build is a clear UNSUPPORTED_FORMAT, not a crash', () => {
    assert.throws(() => loadFactory('./no-such-provider', 'createX'), (error: Error & { code?: string }) => {
      assert.equal(error.code, 'UNSUPPORTED_FORMAT');
      assert.match(error.message, /not part of this keywarden build/);
      return true;
    });
    assert.throws(() => loadFactory('./local', 'createNothing'), { code: 'UNSUPPORTED_FORMAT' });
  });

  it('provider modules load lazily: creating clients and using local loads no provider SDK', () => {
    // In a fresh process: other tests in this one may have loaded SDKs already.
    // (The pkcs11 module itself is loaded by the createPkcs11Kek export; its native SDK is not.)
    const script = `
      const { createEnvelopeClient } = require(${JSON.stringify(path.join(ROOT, 'src', 'kms'))});
      createEnvelopeClient({ keyUri: 'aws-kms://arn:aws:kms:eu-west-1:111122223333:key/abc' });
      createEnvelopeClient({ keyUri: 'pkcs11://token=t;object=k' });
      createEnvelopeClient({ keyUri: 'azure-kv://acme.vault.azure.net/keys/k' });
      const local = createEnvelopeClient({ keyUri: 'local://app', providerOptions: { local: { keyringPath: process.argv[1] } } });
      local.encrypt('x').then(() => {
        const loaded = Object.keys(require.cache).filter((f) => /@aws-sdk|@google-cloud|@azure|pkcs11js|graphene-pk11|providers[\\/](aws-kms|vault-transit|gcp-kms|azure-kv)/.test(f));
        process.stdout.write(JSON.stringify(loaded));
      });`;
    const result = spawnSync(process.execPath, ['--require', require.resolve('tsx/cjs'), '-e', script, path.join(tmp.dir, 'keyring.json')], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), []);
  });

  it('src/kms imports nothing from the rest of the project and only node: built-ins at runtime', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name.endsWith('.ts')) files.push(full);
      }
    };
    walk(path.join(ROOT, 'src', 'kms'));
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?[^;]*?from\s+'([^']+)'/g)) {
        const [, , typeOnly, spec] = match;
        if (spec.startsWith('.')) {
          const resolved = path.resolve(path.dirname(file), spec);
          assert.ok(resolved.startsWith(path.join(ROOT, 'src', 'kms')), `${file} imports ${spec} outside src/kms`);
        } else {
          assert.ok(spec.startsWith('node:') || typeOnly, `${path.relative(ROOT, file)} imports ${spec} at runtime`);
        }
      }
    }
  });

  it('the purpose is part of the client type: a client for "encrypt" is not accepted where "mac" is expected', function () {
    this.timeout(60_000);
    const source = `
      import { createEnvelopeClient, type EnvelopeClient } from './src/kms';
      function signTokens(client: EnvelopeClient<'mac'>) { return client.purpose; }
      const macClient = createEnvelopeClient({ purpose: 'mac' });
      const encryptClient = createEnvelopeClient({ purpose: 'encrypt' });
      const defaultClient = createEnvelopeClient();
      signTokens(macClient);
      signTokens(encryptClient); // line 8: error expected
      signTokens(defaultClient); // line 9: error expected
      const p: 'encrypt' = defaultClient.purpose;
      const anyPurpose: EnvelopeClient = encryptClient;
    `;
    const file = path.join(ROOT, '__purpose_types_check__.ts');
    const host = ts.createCompilerHost({});
    const original = host.readFile;
    host.readFile = (name) => (path.resolve(name) === file ? source : original(name));
    const exists = host.fileExists;
    host.fileExists = (name) => path.resolve(name) === file || exists(name);
    const program = ts.createProgram([file], { strict: true, noEmit: true, module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16, target: ts.ScriptTarget.ES2022, types: ['node'], skipLibCheck: true }, host);
    const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.file?.fileName && path.resolve(d.file.fileName) === file);
    const lines = diagnostics.map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1).sort();
    assert.deepEqual(lines, [8, 9], diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')).join('\n'));
  });
});
