import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeActionRequest, HoverRequest, type CodeAction, type Diagnostic, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { ENVELOPE_TITLE } from '../../src/server/code-actions';
import type { PublishedDiagnosticData } from '../../src/shared/protocol';
import { ROOT, TestClient } from './lsp-client';

/** The e2e workspace's CommonJS service with a hardcoded AES key: the envelope rewrite's flagship case. */
const SOURCE = fs.readFileSync(path.join(ROOT, 'test/fixtures/e2e-workspace/src/profile-crypto.cjs'), 'utf8');

describe('envelope rewrite code action (LSP over stdio, real rules)', function () {
  this.timeout(90000);
  let root: string;
  let client: TestClient;
  let uri: string;
  let finding: Diagnostic;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-envelope-actions-'));
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'package.json'), '{\n  "name": "profiles",\n  "dependencies": {}\n}\n');
    fs.writeFileSync(path.join(root, '.env.example'), 'PORT=3000\n');
    client = new TestClient({ workspaceFolders: [{ uri: URI.file(root).toString(), name: 'ws' }] });
    await client.initialize();
    uri = URI.file(path.join(root, 'src', 'profile-crypto.cjs')).toString();
    const published = await client.open(uri, SOURCE, 'javascript', 1, 90000);
    finding = published.diagnostics.find((d) => d.code === 'keywarden/no-hardcoded-key')!;
    assert.ok(finding, JSON.stringify(published.diagnostics.map((d) => d.code)));
  });
  after(async () => {
    await client.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const actionsFor = (diagnostic: Diagnostic) =>
    client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    }) as Promise<CodeAction[]>;

  it('publishes a reference in data, not the edits', () => {
    const data = finding.data as PublishedDiagnosticData & { suggestions?: unknown; fix?: unknown };
    assert.equal(data.ruleId, 'keywarden/no-hardcoded-key');
    assert.equal(data.version, 1);
    assert.equal(typeof data.index, 'number');
    assert.equal(data.suggestions, undefined);
    assert.equal(data.fix, undefined);
    assert.ok(JSON.stringify(finding).length < 2000, `published diagnostic is small: ${JSON.stringify(finding).length} characters`);
  });

  it('offers, in the contract order, the suggestions (envelope rewrite under its short title), disable, documentation', async () => {
    const actions = await actionsFor(finding);
    const titles = actions.map((a) => a.title);
    assert.deepEqual(titles.slice(0, 1), [ENVELOPE_TITLE]);
    assert.equal(ENVELOPE_TITLE, 'Rewrite to envelope encryption (keywarden/kms)');
    assert.match(titles[1], /^Read the key from the environment variable /);
    assert.deepEqual(titles.slice(2), ['Disable keywarden/no-hardcoded-key for this line', 'Show documentation for keywarden/no-hardcoded-key']);
    // The code action refers to the diagnostic as the client sent it (no edits travel back).
    assert.deepEqual(actions[0].diagnostics, [finding]);
  });

  it('rewrites the file and, in the same WorkspaceEdit, package.json and .env.example', async () => {
    const [envelope] = await actionsFor(finding);
    const changes = envelope.edit!.changes!;
    const pkg = URI.file(path.join(root, 'package.json')).toString();
    const env = URI.file(path.join(root, '.env.example')).toString();
    assert.deepEqual(Object.keys(changes).sort(), [env, pkg, uri].sort());
    const rewritten = TextDocument.applyEdits(TextDocument.create(uri, 'javascript', 1, SOURCE), changes[uri]);
    assert.match(rewritten, /require\('keywarden\/kms'\)/);
    assert.ok(!rewritten.includes('8f3a9c2e71d64b05'), 'the hardcoded key is gone from the rewritten file');
    const pkgText = TextDocument.applyEdits(TextDocument.create(pkg, 'json', 1, fs.readFileSync(path.join(root, 'package.json'), 'utf8')), changes[pkg]);
    assert.ok(JSON.parse(pkgText).dependencies.keywarden);
  });

  it('keeps the longer explanation of the rewrite in the hover', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: finding.range.start });
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /Rewrite to envelope encryption with keywarden\/kms/);
    assert.match(value, /KEYWARDEN\\_LEGACY\\_KEY|KEYWARDEN_LEGACY_KEY/);
  });

  it('offers no edits for a diagnostic of another version, or one whose reference does not match', async () => {
    const data = finding.data as PublishedDiagnosticData;
    const stale = { ...finding, data: { ...data, version: 0 } };
    const moved = { ...finding, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } };
    const wrongIndex = { ...finding, data: { ...data, index: data.index + 7 } };
    for (const diagnostic of [stale, moved, wrongIndex]) {
      assert.deepEqual(
        (await actionsFor(diagnostic)).map((a) => a.title),
        ['Disable keywarden/no-hardcoded-key for this line', 'Show documentation for keywarden/no-hardcoded-key'],
      );
    }
  });
});
