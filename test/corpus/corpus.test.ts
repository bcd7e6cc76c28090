import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CATEGORIES, CORPUS_ROOT, RULES, corpusLinter, folderCategory, isStrictFile, listCorpusFiles, parseErrorOf, parseMarkers,
  type Category,
} from './corpus-lib';
import { scoreCorpus, type ScorablePlugin } from './scoring';
import { secretLiterals } from './secret-literals';

/** Minimum files per category folder (the corpus targets about 30/30/15/15/10 %). */
const MIN_FILES: Record<Category, number> = {
  'hardcoded-key': 110,
  'weak-crypto': 130,
  zeroization: 55,
  'key-purpose': 50,
  kms: 45,
};
const MIN_TOTAL = 420;

const files = listCorpusFiles();
const read = (rel: string) => fs.readFileSync(path.join(CORPUS_ROOT, rel), 'utf8');

describe('corpus: structure', () => {
  it(`has at least ${MIN_TOTAL} files, each in a category folder`, () => {
    assert.ok(files.length >= MIN_TOTAL, `${files.length} files`);
    const stray = files.filter((f) => !folderCategory(f));
    assert.deepEqual(stray, []);
  });

  for (const category of CATEGORIES) {
    it(`has at least ${MIN_FILES[category]} files in ${category}/`, () => {
      const n = files.filter((f) => folderCategory(f) === category).length;
      assert.ok(n >= MIN_FILES[category], `${category}: ${n} files`);
    });
  }

  it('has about as many negative files as positive ones in each category', () => {
    for (const category of CATEGORIES) {
      const inFolder = files.filter((f) => folderCategory(f) === category);
      if (inFolder.length === 0) continue;
      const negatives = inFolder.filter((f) => parseMarkers(read(f)).length === 0).length;
      const share = negatives / inFolder.length;
      assert.ok(share >= 0.3 && share <= 0.7, `${category}: ${negatives}/${inFolder.length} files without markers`);
    }
  });

  it('names only rule ids of the contract in markers', () => {
    const bad: string[] = [];
    for (const f of files) {
      for (const m of parseMarkers(read(f))) if (!(m.rule in RULES)) bad.push(`${f}:${m.line} ${m.rule}`);
    }
    assert.deepEqual(bad, []);
  });

  it('puts markers of strict-only rules only in files under a strict/ folder', () => {
    const bad: string[] = [];
    for (const f of files.filter((f) => !isStrictFile(f))) {
      for (const m of parseMarkers(read(f))) if (RULES[m.rule]?.config === 'strict') bad.push(`${f}:${m.line} ${m.rule}`);
    }
    assert.deepEqual(bad, []);
  });

  it('has files that parse (JS with espree, TS with @typescript-eslint/parser and type information)', function () {
    this.timeout(300_000); // ~475 files, TS with type information: minutes on a loaded 2-core machine
    const linter = corpusLinter();
    const errors = files.map((f) => parseErrorOf(linter, path.join(CORPUS_ROOT, f), f)).filter(Boolean);
    assert.deepEqual(errors, []);
  });

  it('never reuses a secret-looking literal in two files', () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const f of files) {
      for (const literal of new Set(secretLiterals(read(f)))) {
        const other = seen.get(literal);
        if (other) dupes.push(`${literal.slice(0, 8)}… in ${other} and ${f}`);
        else seen.set(literal, f);
      }
    }
    assert.deepEqual(dupes, []);
  });
});

describe('corpus: secret literal extraction', () => {
  it('finds hex, base64 and PEM bodies and ignores words, paths and short strings', () => {
    const hex = 'a'.repeat(8) + '0123456789abcdef'.repeat(2);
    const src = [
      `const k = '${hex}';`,
      "const b = 'q3Rz9Kx0Vb7mLw2Pn8Yc4Ud6Ht1Je5Ga';",
      "const p = '-----BEGIN PRIVATE KEY-----\\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\\n-----END PRIVATE KEY-----';",
      "const w = 'user-profile-cache-key-v2'; import x from './some/long/module/path/name';",
      "const t = 'changeme';",
    ].join('\n');
    const found = secretLiterals(src);
    assert.ok(found.includes(hex), 'hex');
    assert.ok(found.includes('q3Rz9Kx0Vb7mLw2Pn8Yc4Ud6Ht1Je5Ga'), 'base64');
    assert.ok(found.includes('MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg'), 'PEM body');
    assert.ok(!found.some((s) => s.includes('cache') || s.includes('module') || s === 'changeme'), found.join(','));
  });
});

describe('corpus: scorer', () => {
  // A fake plugin: one rule flags every string literal of 8+ chars, one always throws.
  const recommendedConfig = { rules: { 'keywarden/no-hardcoded-key': 'error', 'keywarden/no-weak-algorithm': 'error' } };
  const strictConfig = { rules: { 'keywarden/no-hardcoded-key': 'error' } };
  const fakePlugin: ScorablePlugin = {
    rules: {},
    configs: { recommended: [recommendedConfig], strict: [strictConfig] },
  };
  const flagLongStrings = {
    meta: { type: 'problem' as const, schema: [], messages: { hit: 'long string' } },
    create: (context: { report: (d: object) => void }) => ({
      Literal(node: { value: unknown }) {
        if (typeof node.value === 'string' && node.value.length >= 8) context.report({ node, messageId: 'hit' });
      },
    }),
  };
  const crash = {
    meta: { type: 'problem' as const, schema: [] },
    create: () => ({ Program() { throw new Error('boom'); } }),
  };
  fakePlugin.rules['no-hardcoded-key'] = flagLongStrings;
  fakePlugin.rules['no-weak-algorithm'] = crash;

  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'kw-corpus-'));
    fs.mkdirSync(path.join(root, 'hardcoded-key', 'strict'), { recursive: true });
    fs.mkdirSync(path.join(root, 'weak-crypto'), { recursive: true });
    fs.writeFileSync(path.join(root, 'hardcoded-key', 'a.js'), [
      "const key = 'long-enough-value'; // expect: no-hardcoded-key",
      "const other = 'another-long-one';",
      'const short = 1; // expect: no-hardcoded-key',
      "const md = 'md5'; // expect: no-weak-algorithm",
    ].join('\n'));
    fs.writeFileSync(path.join(root, 'hardcoded-key', 'strict', 'b.js'), "const k = 'strict-file-value'; // expect: no-hardcoded-key\n");
    fs.writeFileSync(path.join(root, 'weak-crypto', 'broken.js'), 'const = ;\n');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('counts TP, FP, FN per rule and category, crashes, parse errors and unimplemented rules', () => {
    const s = scoreCorpus(fakePlugin, { root });
    assert.equal(s.files, 3);
    assert.equal(s.strictFiles, 1);
    const hk = s.rules['no-hardcoded-key'];
    assert.deepEqual([hk.tp, hk.fp, hk.fn], [2, 1, 1]);
    assert.equal(hk.precision, 2 / 3);
    assert.equal(hk.recall, 2 / 3);
    assert.deepEqual(s.crashes.map((c) => `${c.rule}@${c.file}`), [`no-weak-algorithm@${path.join('hardcoded-key', 'a.js')}`]);
    assert.equal(s.rules['no-weak-algorithm'].fn, 1, 'a crashed rule misses its markers');
    assert.deepEqual(s.parseErrors.map((e) => e.file), [path.join('weak-crypto', 'broken.js')]);
    assert.equal(s.rules['no-static-iv'].implemented, false);
    assert.equal(s.categories['hardcoded-key'].fileLevel.tp, 2);
    assert.equal(s.categories['zeroization'].implemented, 0);
    assert.ok(s.misses.some((m) => m.kind === 'FP' && m.line === 2));
    assert.ok(s.misses.some((m) => m.kind === 'FN' && m.line === 3));
  });

  it('reads configs that are single objects as well as arrays', () => {
    const objectShaped: ScorablePlugin = { rules: fakePlugin.rules, configs: { recommended: recommendedConfig, strict: strictConfig } };
    const s = scoreCorpus(objectShaped, { root });
    assert.equal(s.rules['no-hardcoded-key'].tp, 2);
  });

  it('refuses to score when no config enables any rule of the plugin', () => {
    const unconfigured: ScorablePlugin = { rules: fakePlugin.rules, configs: { recommended: [], strict: {} } };
    assert.throws(() => scoreCorpus(unconfigured, { root }), /cannot score/);
  });

  it('limits scoring to one rule with the rule option', () => {
    const s = scoreCorpus(fakePlugin, { root, rule: 'no-hardcoded-key' });
    assert.deepEqual(Object.keys(s.rules), ['no-hardcoded-key']);
    assert.equal(s.crashes.length, 0);
  });
});
