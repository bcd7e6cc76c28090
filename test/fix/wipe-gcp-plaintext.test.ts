import { strict as assert } from 'node:assert';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applySuggestion, findings, load, programs, tempDir, writeCheckedOutput } from './fix-harness';

const RULE = 'keywarden/require-key-zeroization';

/**
 * Google Cloud KMS types `plaintext` as `Uint8Array | string | null` (protobuf bytes): the wipe the
 * suggestion adds must type-check under strict TypeScript and still zero the unwrapped key.
 */
describe('fix: wipe of a Google Cloud KMS plaintext (typed Uint8Array | string)', function () {
  this.timeout(120_000);
  const { dir, cleanup } = tempDir('wipe-gcp');
  // The rewritten module imports @google-cloud/kms: resolve it from the repository.
  fs.symlinkSync(path.join(__dirname, '..', '..', 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  after(cleanup);

  for (const program of programs('wipe-gcp')) {
    it(`${program.file}: type-checks, decrypts, and the unwrapped key is zero after success and after a failure`, async () => {
      const applied = applySuggestion(program.source, program.path, RULE, 'wrapInTryFinally');
      assert.ok(applied, 'the wrapInTryFinally suggestion is offered');
      assert.match(applied.output, /\(result\.plaintext as Uint8Array \| null \| undefined\)\?\.fill\(0\);/);
      assert.deepEqual(findings(applied.output, program.path, RULE), [], 're-linting finds no missing wipe');
      const file = await writeCheckedOutput(dir, program.file, applied.output);

      const gcp = require('@google-cloud/kms') as { KeyManagementServiceClient: { prototype: { decrypt: unknown } } };
      const original = gcp.KeyManagementServiceClient.prototype.decrypt;
      const handed: Buffer[] = [];
      gcp.KeyManagementServiceClient.prototype.decrypt = async () => {
        const key = Buffer.alloc(32, 7);
        handed.push(key);
        return [{ plaintext: key }];
      };
      try {
        const api = await load(file);
        const openColumn = api.openColumn as (row: object) => Promise<string>;
        const iv = crypto.randomBytes(12);
        const cipher = crypto.createCipheriv('aes-256-gcm', Buffer.alloc(32, 7), iv);
        const body = Buffer.concat([cipher.update('héllo', 'utf8'), cipher.final()]);
        const tag = cipher.getAuthTag();
        assert.equal(await openColumn({ wrapped: Buffer.from('w'), iv, tag, body }), 'héllo');
        assert.ok(handed[0].every((b) => b === 0), 'wiped after a successful decrypt');
        await assert.rejects(openColumn({ wrapped: Buffer.from('w'), iv, tag: Buffer.alloc(16), body }));
        assert.ok(handed[1].every((b) => b === 0), 'wiped when the tag check throws');
      } finally {
        gcp.KeyManagementServiceClient.prototype.decrypt = original;
      }
    });
  }
});
