import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LintPool } from '../../src/server/lint/lint-pool';
import { DEFAULT_SETTINGS } from '../../src/server/settings';
import type { KeywardenDiagnosticData, PublishedDiagnosticData } from '../../src/shared/protocol';
import { ROOT } from './lsp-client';

/** An envelope rewrite's edit spans most of the file: it must not travel with the diagnostics. */
const SOURCE = fs.readFileSync(path.join(ROOT, 'test/fixtures/e2e-workspace/src/profile-crypto.cjs'), 'utf8');

describe('LintPool.lint (result first, edits after)', function () {
  this.timeout(60000);
  const fileName = path.join(os.tmpdir(), 'keywarden-pool', 'profile-crypto.cjs');
  const job = { kind: 'lint' as const, uri: `file://${fileName}`, version: 3, languageId: 'javascript', text: SOURCE, fileName, settings: DEFAULT_SETTINGS, policy: {}, keys: 'lazy' as const };

  it('answers diagnostics that carry a reference, and then their edits by index (in-process)', async () => {
    const pool = new LintPool({ workerEntry: null, log: () => undefined, restartStaleAfterMs: 1e9 });
    const linted = await pool.lint(job, 'interactive', job.uri);
    assert.ok(linted);
    const index = linted.result.diagnostics.findIndex((d) => d.code === 'keywarden/no-hardcoded-key');
    const reference = linted.result.diagnostics[index].data as PublishedDiagnosticData & { suggestions?: unknown };
    assert.deepEqual({ ...reference, messageId: undefined }, { ruleId: 'keywarden/no-hardcoded-key', version: 3, index, messageId: undefined });
    assert.equal(reference.suggestions, undefined);
    const details = (await linted.details)!;
    assert.equal(details.length, linted.result.diagnostics.length);
    const data = details[index] as KeywardenDiagnosticData;
    assert.equal(data.ruleId, 'keywarden/no-hardcoded-key');
    assert.ok(data.suggestions.some((s) => s.messageId === 'rewriteToEnvelope' && s.edits[0].newText.includes('keywarden/kms')));
    pool.dispose();
  });
});
