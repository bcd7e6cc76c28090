import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeActionRequest,
  InitializedNotification,
  InitializeRequest,
  type ClientCapabilities,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { escapeSnippetText, quickFixes } from '../../src/server/code-actions';
import type { KeywardenDiagnosticData } from '../../src/shared/protocol';
import { HARDCODED_KEY_SOURCE } from './fixtures-text';
import { TestClient } from './lsp-client';

const DISABLE_TITLE = 'Disable keywarden/no-hardcoded-key for this line';

interface SnippetEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  snippet: { kind: string; value: string };
}

/**
 * What an editor does with a snippet edit, for the one snippet this action
 * sends: the placeholder becomes its default text, which is then selected.
 */
function expandSnippet(value: string): { text: string; placeholder: string; offset: number } {
  const match = /\$\{1:([^}]*)\}/.exec(value);
  assert.ok(match, `a placeholder in ${JSON.stringify(value)}`);
  const unescape = (s: string) => s.replace(/\\([$}\\])/g, '$1');
  const before = unescape(value.slice(0, match.index));
  return { text: before + match[1] + unescape(value.slice(match.index + match[0].length)), placeholder: match[1], offset: before.length };
}

/**
 * The server over stdio, initialised with the workspace-edit capabilities a
 * test chooses (`snippetEditSupport` is LSP 3.18, not in the 3.17 types).
 */
async function startServer(root: string, workspaceEdit: { documentChanges?: boolean; snippetEditSupport?: boolean }) {
  const client = new TestClient({ workspaceFolders: [{ uri: URI.file(root).toString(), name: 'ws' }] });
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: URI.file(root).toString(),
    workspaceFolders: [{ uri: URI.file(root).toString(), name: 'ws' }],
    initializationOptions: { debounceMs: 20 },
    capabilities: {
      workspace: { configuration: true, applyEdit: true, workspaceEdit: workspaceEdit as ClientCapabilities['workspace'] extends { workspaceEdit?: infer E } ? E : never },
      textDocument: { publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true } },
    },
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
  return client;
}

describe('disable for this line: the reason as a snippet placeholder (LSP over stdio)', function () {
  this.timeout(60000);
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-snippet-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  async function disableAction(client: TestClient): Promise<{ uri: string; action: CodeAction; diagnostics: Diagnostic[] }> {
    const uri = URI.file(path.join(root, 'crypto.ts')).toString();
    const { diagnostics } = await client.open(uri, HARDCODED_KEY_SOURCE);
    assert.equal(diagnostics.length, 1);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    })) as CodeAction[];
    const action = actions.find((a) => a.title === DISABLE_TITLE);
    assert.ok(action, JSON.stringify(actions.map((a) => a.title)));
    return { uri, action, diagnostics };
  }

  it('sends a snippet edit with ${1:reason} to a client that supports snippet edits; the edited file has no finding', async () => {
    const client = await startServer(root, { documentChanges: true, snippetEditSupport: true });
    try {
      const { uri, action } = await disableAction(client);
      assert.equal(action.edit?.changes, undefined, 'documentChanges only');
      const [change] = action.edit!.documentChanges as unknown as { textDocument: { uri: string; version: number }; edits: SnippetEdit[] }[];
      assert.deepEqual(change.textDocument, { uri, version: 1 });
      assert.equal(change.edits.length, 1);
      const [edit] = change.edits;
      assert.deepEqual(edit.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } });
      assert.deepEqual(edit.snippet, { kind: 'snippet', value: '// eslint-disable-next-line keywarden/no-hardcoded-key -- ${1:reason}\n' });

      const expanded = expandSnippet(edit.snippet.value);
      assert.equal(expanded.placeholder, 'reason');
      const document = TextDocument.create(uri, 'typescript', 1, HARDCODED_KEY_SOURCE);
      const edited = TextDocument.applyEdits(document, [{ range: edit.range, newText: expanded.text }]);
      const line = edited.split('\n')[1];
      assert.equal(line, '// eslint-disable-next-line keywarden/no-hardcoded-key -- reason');
      assert.equal(line.slice(expanded.offset, expanded.offset + 'reason'.length), 'reason', 'the selection covers the placeholder');
      assert.deepEqual((await client.change(uri, edited, 2)).diagnostics, [], 'the comment disables the finding');
    } finally {
      await client.dispose();
    }
  });

  it('sends the plain text edit with <reason> to a client without snippet edit support', async () => {
    for (const workspaceEdit of [{ documentChanges: true }, { snippetEditSupport: true }]) {
      const client = await startServer(root, workspaceEdit);
      try {
        const { uri, action } = await disableAction(client);
        assert.equal(action.edit?.documentChanges, undefined, JSON.stringify(workspaceEdit));
        const [edit] = action.edit!.changes![uri];
        assert.equal(edit.newText, '// eslint-disable-next-line keywarden/no-hardcoded-key -- <reason>\n');
      } finally {
        await client.dispose();
      }
    }
  });
});

describe('disable for this line with snippets (quickFixes)', () => {
  const data: KeywardenDiagnosticData = { ruleId: 'keywarden/no-hardcoded-key', version: 3, suggestions: [] };
  const diagnosticAt = (line: number): Diagnostic => ({
    range: { start: { line, character: 8 }, end: { line, character: 11 } },
    message: 'm',
    source: 'keywarden',
    code: data.ruleId,
    data,
  });
  const disableEdit = (document: TextDocument, line: number) =>
    quickFixes({ document, diagnostics: [diagnosticAt(line)], hasAutofix: false, envelopeCompanions: () => ({}), snippets: true }).find((a) =>
      a.title.startsWith('Disable'),
    )!.edit!;

  it('keeps the line\'s indentation (tabs) and CRLF line ends in the snippet', () => {
    const document = TextDocument.create('file:///w/a.js', 'javascript', 3, 'function f() {\r\n\tconst KEY = "k";\r\n}\r\n');
    const [change] = disableEdit(document, 1).documentChanges as unknown as { edits: SnippetEdit[] }[];
    assert.equal(change.edits[0].snippet.value, '\t// eslint-disable-next-line keywarden/no-hardcoded-key -- ${1:reason}\r\n');
  });

  it('adds the rule to an existing disable comment as plain text: there is no reason to type', () => {
    const document = TextDocument.create('file:///w/b.js', 'javascript', 3, '// eslint-disable-next-line no-console -- debug\nconst KEY = 1;\n');
    const edit = disableEdit(document, 1);
    assert.equal(edit.documentChanges, undefined);
    assert.deepEqual(edit.changes!['file:///w/b.js'].map((e) => e.newText), [', keywarden/no-hardcoded-key']);
  });

  it('escapes what is snippet syntax in the text around the placeholder', () => {
    assert.equal(escapeSnippetText('a$b}c\\d{e'), 'a\\$b\\}c\\\\d{e');
    assert.equal(expandSnippet(`${escapeSnippetText('x $y} ')}\${1:reason}${escapeSnippetText('\\')}`).text, 'x $y} reason\\');
  });
});
