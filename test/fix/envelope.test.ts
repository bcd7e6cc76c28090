import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as ts from 'typescript';
import { applyEnvelopeSuggestion, lintWithKeywarden } from './envelope-lint';

const REPO = path.join(__dirname, '..', '..');
const FIXTURES = path.join(REPO, 'test', 'fixtures', 'fixes');

/**
 * One program of the fix corpus: `test/fixtures/fixes/<program>` plus its
 * sidecar `<program>.case.json`, which says how to drive it (one file per
 * case, so adding a program never edits a shared list).
 */
interface FixCase {
  file: string;
  encrypt: string;
  decrypt: string;
  /** The fixture's hardcoded key, exactly as written: what an operator puts in KEYWARDEN_LEGACY_KEY. */
  legacyKey: string;
}

const CASES: FixCase[] = fs
  .readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.case.json'))
  .sort()
  .map((name) => ({ file: name.slice(0, -'.case.json'.length), ...(JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8')) as Omit<FixCase, 'file'>) }));

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
