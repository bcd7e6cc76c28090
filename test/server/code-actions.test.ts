import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeActionRequest, ExecuteCommandRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { quickFixes, FIX_ALL_TITLE } from '../../src/server/code-actions';
import { envelopeCompanionEdits } from '../../src/server/envelope-edits';
import { ServerCommands, type KeywardenDiagnosticData, type PublishedDiagnosticData } from '../../src/shared/protocol';
import { HARDCODED_KEY_SOURCE } from './fixtures-text';
import { TestClient } from './lsp-client';

function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const document = TextDocument.create('file:///x', 'plaintext', 1, text);
  return TextDocument.applyEdits(document, edits);
}

describe('code actions (LSP over stdio, real rules)', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  let uri: string;
  let diagnostics: Diagnostic[];

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-actions-'));
    client = new TestClient({ workspaceFolders: [{ uri: URI.file(root).toString(), name: 'ws' }] });
    await client.initialize();
    uri = URI.file(path.join(root, 'crypto.ts')).toString();
    diagnostics = (await client.open(uri, HARDCODED_KEY_SOURCE)).diagnostics;
    assert.equal(diagnostics.length, 1);
  });
  after(async () => {
    await client.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const request = (only?: string[]) =>
    client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics, only },
    }) as Promise<CodeAction[]>;

  it('offers the rule\'s suggestion, disable-for-this-line (with a reason) and the documentation, in that order', async () => {
    const actions = await request();
    const titles = actions.map((a) => a.title);
    assert.match(titles[0], /^Read the key from the environment variable ENCRYPTION_KEY/);
    assert.deepEqual(titles.slice(1), ['Disable keywarden/no-hardcoded-key for this line', 'Show documentation for keywarden/no-hardcoded-key']);
    const edited = applyEdits(HARDCODED_KEY_SOURCE, actions[1].edit!.changes![uri]);
    assert.equal(edited.split('\n')[1], '// eslint-disable-next-line keywarden/no-hardcoded-key -- <reason>');
    // the edited text no longer reports the finding
    const after = await client.change(uri, edited, 2);
    assert.deepEqual(after.diagnostics, []);
    diagnostics = (await client.change(uri, HARDCODED_KEY_SOURCE, 3)).diagnostics;
  });

  it('opens the documentation through window/showDocument', async () => {
    const [, , docs] = await request();
    const ok = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: docs.command!.command, arguments: docs.command!.arguments });
    assert.equal(ok, true);
    assert.deepEqual(client.shownDocuments, [diagnostics[0].codeDescription!.href]);
  });

  it('executes keywarden.server.disableForLine through workspace/applyEdit, and applies nothing for bad arguments', async () => {
    const ok = await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: ServerCommands.disableForLine,
      arguments: [{ uri, line: 1, ruleId: 'keywarden/no-hardcoded-key' }],
    });
    assert.equal(ok, true);
    const edit = client.appliedEdits.at(-1)!.edit.changes![uri];
    assert.equal(applyEdits(HARDCODED_KEY_SOURCE, edit).split('\n')[1], '// eslint-disable-next-line keywarden/no-hardcoded-key -- <reason>');
    const count = client.appliedEdits.length;
    for (const args of [[{ uri, line: 999, ruleId: 'keywarden/no-hardcoded-key' }], [{ uri, line: 1, ruleId: 'no-console' }], ['nonsense'], []]) {
      assert.equal(await client.connection.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.disableForLine, arguments: args }), false);
    }
    assert.equal(await client.connection.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.applyFixAll, arguments: [{ uri }] }), false, 'nothing to autofix');
    assert.equal(client.appliedEdits.length, count);
  });

  it('offers a diagnostic\'s edits only for the document version they were computed for', async () => {
    const fix = [{ range: diagnostics[0].range, newText: 'process.env.KEY' }];
    // data in the complete form (edits included), as a client may send it instead of the published reference
    const withFix = (version: number) => diagnostics.map((d) => ({ ...d, data: { ...(d.data as object), fix, suggestions: [], version } }));
    const ask = (version: number) =>
      client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: diagnostics[0].range,
        context: { diagnostics: withFix(version) },
      }) as Promise<CodeAction[]>;
    const current = (diagnostics[0].data as PublishedDiagnosticData).version;
    assert.equal((await ask(current)).filter((a) => a.isPreferred).length, 1);
    assert.equal((await ask(current - 1)).filter((a) => a.isPreferred).length, 0);
  });

  it('answers source.fixAll.keywarden with nothing when no finding has an autofix', async () => {
    assert.deepEqual(await request(['source.fixAll.keywarden']), []);
  });
});

describe('code actions with a rule suggestion (LSP over stdio, no-static-iv)', function () {
  this.timeout(60000);
  const source = `import crypto from 'node:crypto';
export function encrypt(key, text) {
  const iv = Buffer.alloc(16, 0);
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return iv.toString('hex') + ':' + cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}
`;
  let client: TestClient;
  const uri = URI.file(path.join(os.tmpdir(), 'keywarden-suggestion', 'encrypt.js')).toString();

  before(async () => {
    client = new TestClient();
    await client.initialize();
  });
  after(() => client.dispose());

  it('puts the suggestion before disable and documentation, and applies it as a code action edit or through applySuggestion', async () => {
    const { diagnostics, version } = await client.open(uri, source, 'javascript');
    const iv = diagnostics.find((d) => d.code === 'keywarden/no-static-iv')!;
    assert.ok(iv, JSON.stringify(diagnostics));
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: iv.range,
      context: { diagnostics: [iv] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((a) => a.title.replace(/:.*/, ':…')),
      ['Generate a fresh IV per message:…', 'Disable keywarden/no-static-iv for this line', 'Show documentation for keywarden/no-static-iv'],
    );
    const expected = source.replace('Buffer.alloc(16, 0)', 'crypto.randomBytes(16)');
    assert.equal(applyEdits(source, actions[0].edit!.changes![uri]), expected);
    const applied = await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: ServerCommands.applySuggestion,
      arguments: [{ uri, version, ruleId: 'keywarden/no-static-iv', range: iv.range, index: 0 }],
    });
    assert.equal(applied, true);
    assert.equal(applyEdits(source, client.appliedEdits.at(-1)!.edit.changes![uri]), expected);
    const stale = await client.connection.sendRequest(ExecuteCommandRequest.type, {
      command: ServerCommands.applySuggestion,
      arguments: [{ uri, version: (version ?? 1) + 5, ruleId: 'keywarden/no-static-iv', range: iv.range, index: 0 }],
    });
    assert.equal(stale, false, 'a suggestion for another version is not applied');
  });
});

describe('quickFixes (order and edits)', () => {
  const document = TextDocument.create('file:///w/src/a.ts', 'typescript', 7, "  const KEY = 'k';\n  use(KEY);\n");
  const edit = (text: string) => ({ range: { start: { line: 0, character: 14 }, end: { line: 0, character: 17 } }, newText: text });
  const data: KeywardenDiagnosticData = {
    ruleId: 'keywarden/prefer-envelope-encryption',
    version: 7,
    fix: [edit('process.env.KEY')],
    suggestions: [
      { desc: 'Read the key from an environment variable', edits: [edit('env()')] },
      { desc: 'Rewrite to envelope encryption with keywarden/kms (the functions become async; migrate old ciphertexts).', messageId: 'rewriteToEnvelope', edits: [edit('kms()')] },
    ],
  };
  const diagnostic: Diagnostic = {
    range: { start: { line: 0, character: 14 }, end: { line: 0, character: 17 } },
    message: 'm',
    source: 'keywarden',
    code: data.ruleId,
    codeDescription: { href: 'https://example.test/doc' },
    data,
  };
  const companions = { 'file:///w/package.json': [edit('dep')] };

  it('orders: preferred fix, suggestions (envelope rewrite with its companion files), disable, documentation, fix all', () => {
    const actions = quickFixes({ document, diagnostics: [diagnostic, diagnostic], hasAutofix: true, envelopeCompanions: () => companions });
    assert.deepEqual(actions.map((a) => a.title), [
      'Fix this keywarden/prefer-envelope-encryption problem',
      'Read the key from an environment variable',
      'Rewrite to envelope encryption (keywarden/kms)',
      'Disable keywarden/prefer-envelope-encryption for this line',
      'Show documentation for keywarden/prefer-envelope-encryption',
      // the second, identical diagnostic adds its fix and suggestions but not a second disable/doc action
      'Fix this keywarden/prefer-envelope-encryption problem',
      'Read the key from an environment variable',
      'Rewrite to envelope encryption (keywarden/kms)',
      FIX_ALL_TITLE,
    ]);
    assert.equal(actions[0].isPreferred, true);
    assert.deepEqual(Object.keys(actions[2].edit!.changes!), ['file:///w/src/a.ts', 'file:///w/package.json']);
    assert.deepEqual(Object.keys(actions[1].edit!.changes!), ['file:///w/src/a.ts']);
    assert.equal(actions[3].edit!.changes!['file:///w/src/a.ts'][0].newText, '  // eslint-disable-next-line keywarden/prefer-envelope-encryption -- <reason>\n');
    assert.equal(actions.at(-1)!.command!.command, ServerCommands.applyFixAll);
  });

  it('adds the rule to an existing eslint-disable-next-line comment instead of stacking a second one', () => {
    const commented = TextDocument.create('file:///w/b.ts', 'typescript', 1, '// eslint-disable-next-line no-console -- debug\nconst KEY = 1;\n');
    const actions = quickFixes({
      document: commented,
      diagnostics: [{ ...diagnostic, range: { start: { line: 1, character: 6 }, end: { line: 1, character: 9 } }, data: { ...data, version: 1, fix: undefined, suggestions: [] } }],
      hasAutofix: false,
      envelopeCompanions: () => ({}),
    });
    const disable = actions.find((a) => a.title.startsWith('Disable'))!;
    assert.equal(
      TextDocument.applyEdits(commented, disable.edit!.changes!['file:///w/b.ts']).split('\n')[0],
      '// eslint-disable-next-line no-console, keywarden/prefer-envelope-encryption -- debug',
    );
    assert.ok(!actions.some((a) => a.title === FIX_ALL_TITLE));
  });
});

describe('envelopeCompanionEdits', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-envelope-'));
    fs.mkdirSync(path.join(root, 'app', 'src'), { recursive: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null);
  const uriOf = (file: string) => URI.file(file).toString();

  it('adds keywarden to the nearest package.json and KEYWARDEN_KEY_URI to .env.example, keeping their formatting', () => {
    const pkg = path.join(root, 'app', 'package.json');
    fs.writeFileSync(pkg, '{\n    "name": "app",\n    "dependencies": {\n        "express": "^4.0.0"\n    }\n}\n');
    fs.writeFileSync(path.join(root, 'package.json'), '{ "name": "outer" }\n');
    const env = path.join(root, 'app', '.env.example');
    fs.writeFileSync(env, 'PORT=3000');
    const changes = envelopeCompanionEdits(path.join(root, 'app', 'src', 'a.ts'), root, read);
    assert.deepEqual(Object.keys(changes).sort(), [uriOf(env), uriOf(pkg)].sort());
    const updated = JSON.parse(applyEdits(read(pkg)!, changes[uriOf(pkg)]));
    assert.match(updated.dependencies.keywarden, /^\^\d+\.\d+\.\d+/);
    assert.equal(updated.dependencies.express, '^4.0.0');
    assert.match(applyEdits(read(pkg)!, changes[uriOf(pkg)]), /\n {8}"keywarden": /);
    const envText = applyEdits(read(env)!, changes[uriOf(env)]);
    assert.match(envText, /^PORT=3000\n# .*\nKEYWARDEN_KEY_URI=local:\/\/default\n$/);
  });

  it('changes nothing that is already there, and creates no .env.example', () => {
    const pkg = path.join(root, 'app', 'package.json');
    fs.writeFileSync(pkg, '{ "name": "app", "dependencies": { "keywarden": "^0.1.0" } }');
    assert.deepEqual(envelopeCompanionEdits(path.join(root, 'app', 'src', 'a.ts'), root, read), {});
    fs.writeFileSync(path.join(root, '.env.example'), 'KEYWARDEN_KEY_URI=aws-kms://arn\n');
    assert.deepEqual(envelopeCompanionEdits(path.join(root, 'app', 'src', 'a.ts'), root, read), {});
  });

  it('adds a dependencies object when the package.json has none', () => {
    const pkg = path.join(root, 'app', 'package.json');
    fs.writeFileSync(pkg, '{\n  "name": "app"\n}\n');
    const changes = envelopeCompanionEdits(path.join(root, 'app', 'src', 'a.ts'), root, read);
    assert.ok(JSON.parse(applyEdits(read(pkg)!, changes[uriOf(pkg)])).dependencies.keywarden);
  });
});
