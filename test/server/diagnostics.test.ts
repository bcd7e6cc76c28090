import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DiagnosticSeverity, DidChangeConfigurationNotification, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { TestClient } from './lsp-client';
import { HARDCODED_KEY_SOURCE } from './fixtures-text';

const DOC_URL = 'https://github.com/keywarden/keywarden/blob/main/docs/rules/no-hardcoded-key.md';

describe('diagnostics and hover (LSP over stdio, real rules)', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  const configuration: Record<string, unknown> = { keywarden: {} };
  const uri = () => URI.file(path.join(root, 'src', 'crypto.ts')).toString();

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-diag-'));
    fs.mkdirSync(path.join(root, 'src'));
    client = new TestClient({ workspaceFolders: [{ uri: URI.file(root).toString(), name: 'ws' }], configuration });
    await client.initialize();
  });
  after(async () => {
    await client.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('reports a hardcoded key with the rule id, its doc link, and where the key is defined and used', async () => {
    const published = await client.open(uri(), HARDCODED_KEY_SOURCE);
    assert.equal(published.diagnostics.length, 1);
    const [diagnostic] = published.diagnostics;
    assert.equal(diagnostic.code, 'keywarden/no-hardcoded-key');
    assert.equal(diagnostic.source, 'keywarden');
    assert.equal(diagnostic.codeDescription?.href, DOC_URL);
    assert.equal(diagnostic.severity, DiagnosticSeverity.Error);
    // on the string literal of `const ENCRYPTION_KEY = '…'` (line 2)
    assert.deepEqual(diagnostic.range.start, { line: 1, character: 23 });
    assert.ok(!diagnostic.message.includes('9c4e2a7f1b3d5e8a0c6f'), 'the message must not print the key');
    const related = (diagnostic.relatedInformation ?? []).map((r) => [r.location.range.start.line, r.message]);
    assert.deepEqual(related, [
      [1, "'ENCRYPTION_KEY' is defined here"],
      [4, "'ENCRYPTION_KEY' is used here"],
      [8, "'ENCRYPTION_KEY' is used here"],
    ]);
    for (const r of diagnostic.relatedInformation!) assert.equal(r.location.uri, uri());
    assert.equal((diagnostic.data as { ruleId: string }).ruleId, 'keywarden/no-hardcoded-key');
  });

  it('hovers a finding with what is wrong, why it matters, the fix and the link', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri() }, position: { line: 1, character: 30 } });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /Hardcoded key/);
    assert.match(value, /\*\*Why it matters:\*\* A key in source code is in every clone/);
    assert.match(value, /\*\*Fix:\*\*/);
    assert.ok(value.includes(`(${DOC_URL})`));
    const elsewhere = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uri() }, position: { line: 5, character: 2 } });
    assert.equal(elsewhere, null);
  });

  it('takes severities from keywarden.rules and honours keywarden.enable', async () => {
    configuration.keywarden = { rules: { 'no-hardcoded-key': 'warn' } };
    let next = client.nextDiagnostics(uri());
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.equal((await next).diagnostics[0].severity, DiagnosticSeverity.Warning);

    configuration.keywarden = { rules: { 'keywarden/no-hardcoded-key': 'off' } };
    next = client.nextDiagnostics(uri());
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.deepEqual((await next).diagnostics, []);

    configuration.keywarden = {};
    next = client.nextDiagnostics(uri(), (p) => p.diagnostics.length === 1);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.equal((await next).diagnostics[0].severity, DiagnosticSeverity.Error);

    configuration.keywarden = { enable: false };
    next = client.nextDiagnostics(uri());
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.deepEqual((await next).diagnostics, [], 'disabling keywarden clears its diagnostics');

    configuration.keywarden = {};
    next = client.nextDiagnostics(uri(), (p) => p.diagnostics.length === 1);
    await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    await next;
  });

  it('reads keywarden.policy.json upward from the file and logs (once) when it is not valid JSON', async () => {
    fs.writeFileSync(path.join(root, 'keywarden.policy.json'), '{ not json');
    const other = URI.file(path.join(root, 'src', 'policy-probe.ts')).toString();
    await client.open(other, 'export const x = 1;\n');
    await client.change(other, 'export const x = 2;\n', 2);
    const complaints = client.logs.filter((l) => l.includes('keywarden.policy.json') && l.includes('not valid JSON'));
    assert.equal(complaints.length, 1, client.logs.join('\n'));
    fs.rmSync(path.join(root, 'keywarden.policy.json'));
  });
});
