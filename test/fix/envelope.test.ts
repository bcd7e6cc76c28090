import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ts from 'typescript';
import { applyEnvelopeSuggestion, lintWithKeywarden } from './envelope-lint';

const REPO = path.join(__dirname, '..', '..');
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'fixes');

interface FixCase {
  file: string;
  encrypt: string;
  decrypt: string;
  /** The fixture's hardcoded key, exactly as written: what an operator puts in KEYWARDEN_LEGACY_KEY. */
  legacyKey: string;
}

const CASES: FixCase[] = [
  { file: 'cbc-colon-hex.cjs', encrypt: 'encrypt', decrypt: 'decrypt', legacyKey: '8f3a9c2e71d64b05a9e1c37f20b8d4e6f1a2b3c4d5e6f708192a3b4c5d6e7f80' },
  { file: 'arrow-string-key.cjs', encrypt: 'encryptCookie', decrypt: 'decryptCookie', legacyKey: 'vT9qL2xR7mK4wN8pZ3bJ6hF1cY5dG0sA' },
  { file: 'gcm-prepended-base64.mjs', encrypt: 'sealToken', decrypt: 'openToken', legacyKey: 'q0n3W8tYv2mXc5Rz7LkP1sHd9FbG4jEa6uIo2wQy8Ts=' },
  { file: 'top-level-await.mjs', encrypt: 'encryptSetting', decrypt: 'decryptSetting', legacyKey: 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f91' },
  { file: 'gcm-colon-hex.ts', encrypt: 'encryptCard', decrypt: 'decryptCard', legacyKey: '3c1e5a7b9d0f2e4a6c8b1d3f5e7a9c0b2d4f6e8a1c3b5d7f9e0a2c4b6d8f1e3a' },
  { file: 'secret-store.ts', encrypt: 'encryptSecret', decrypt: 'decryptSecret', legacyKey: 'Zk3Rb8Qv1Lw6Yt0Hn5Mc2Xp7Ja4Ge9Ds3Fu8Ki1Ol6o=' },
];

type Api = Record<string, (input: string) => unknown>;

/** Loads a module the way Node would: ES modules natively, CJS and TS (via the tsx hook mocha runs under) with require. */
async function load(file: string): Promise<Api> {
  if (file.endsWith('.mjs')) {
    const dynamicImport = new Function('url', 'return import(url)') as (url: string) => Promise<Api>;
    return dynamicImport(pathToFileURL(file).href);
  }
  return require(file) as Api;
}

function typeCheck(file: string): string[] {
  const program = ts.createProgram([file], {
    noEmit: true,
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    types: ['node'],
    typeRoots: [path.join(REPO, 'node_modules', '@types')],
    paths: { 'keywarden/kms': [path.join(REPO, 'src', 'kms', 'index.ts')] },
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('envelope rewrite: fix corpus', function () {
  this.timeout(120_000);
  let work: string;
  const saved = { ...process.env };

  before(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'keywarden-fixes-'));
    // `keywarden/kms` resolves to this repository's build (npm test builds first).
    fs.mkdirSync(path.join(work, 'node_modules'));
    fs.symlinkSync(REPO, path.join(work, 'node_modules', 'keywarden'), 'dir');
    process.env.KEYWARDEN_LOCAL_KEYRING = path.join(work, 'keyring.json');
    process.env.KEYWARDEN_KEY_URI = 'local://fixes-test';
  });
  after(() => {
    for (const name of ['KEYWARDEN_LOCAL_KEYRING', 'KEYWARDEN_KEY_URI', 'KEYWARDEN_LEGACY_KEY']) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    fs.rmSync(work, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(`${c.file}: rewrites, type-checks, round-trips and still reads old ciphertexts`, async () => {
      const source = fs.readFileSync(path.join(FIXTURES, c.file), 'utf8');
      const dir = fs.mkdtempSync(path.join(work, 'case-'));
      const output = applyEnvelopeSuggestion(source, path.join(dir, c.file));
      assert.ok(output, 'the rewriteToEnvelope suggestion is offered');

      const relint = lintWithKeywarden(output, path.join(dir, c.file));
      assert.deepEqual(relint.filter((m) => m.fatal), [], 'the output parses');
      assert.deepEqual(relint.filter((m) => m.ruleId === 'keywarden/no-hardcoded-key').map((m) => m.message), []);
      assert.ok(!output.includes(c.legacyKey), 'the old key is gone from the source');

      // The original program writes a record the old way.
      fs.mkdirSync(path.join(dir, 'old'));
      const oldFile = path.join(dir, 'old', c.file);
      fs.writeFileSync(oldFile, source);
      const oldApi = await load(oldFile);
      const oldRecord = oldApi[c.encrypt]('order #1138: 2× café ☕') as string;

      const newFile = path.join(dir, c.file);
      fs.writeFileSync(newFile, output);
      if (c.file.endsWith('.ts')) assert.deepEqual(typeCheck(newFile), [], 'the TypeScript output type-checks');
      delete process.env.KEYWARDEN_LEGACY_KEY;
      const api = await load(newFile);
      const encrypt = api[c.encrypt] as (s: string) => Promise<string>;
      const decrypt = api[c.decrypt] as (s: string) => Promise<string>;
      for (const plain of ['hello', 'Grüße, 世界 🔐', '', 'x'.repeat(1024 * 1024), '\u0000\u0001binary\u00ff']) {
        const sealed = await encrypt(plain);
        assert.equal(typeof sealed, 'string');
        assert.notEqual(sealed, plain);
        assert.equal(await decrypt(sealed), plain);
      }
      // Old records: refused without the legacy key, readable with it.
      await assert.rejects(decrypt(oldRecord), /KEYWARDEN_LEGACY_KEY/);
      process.env.KEYWARDEN_LEGACY_KEY = c.legacyKey;
      assert.equal(await decrypt(oldRecord), 'order #1138: 2× café ☕');
    });
  }

  it('offers no rewrite when a caller is synchronous (it could not await)', () => {
    const source = fs.readFileSync(path.join(FIXTURES, 'cbc-colon-hex.cjs'), 'utf8').replace('async function reencryptProfile', 'function reencryptProfile');
    assert.equal(applyEnvelopeSuggestion(source, '/tmp/sync-caller.cjs'), undefined);
    assert.ok(lintWithKeywarden(source, '/tmp/sync-caller.cjs').some((m) => m.ruleId === 'keywarden/no-hardcoded-key'), 'the finding itself stays');
  });

  it('offers no rewrite when encrypt is passed around as a value', () => {
    const source = fs.readFileSync(path.join(FIXTURES, 'cbc-colon-hex.cjs'), 'utf8').replace('module.exports =', 'const all = [\'a\'].map(encrypt);\nmodule.exports =');
    assert.equal(applyEnvelopeSuggestion(source, '/tmp/as-value.cjs'), undefined);
  });
});
