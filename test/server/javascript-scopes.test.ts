import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Linter, type Rule, type Scope } from 'eslint';
import { buildLintConfig } from '../../src/server/lint/lint-config';
import { serverParser } from '../../src/server/lint/server-parser';
import { DEFAULT_SETTINGS } from '../../src/server/settings';
import { describeScopes } from './describe-scopes';
import { keywardenParser } from '../../src/util/parser';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const JS_FILE = /\.(?:[cm]?js|jsx)$/;

function javascriptFixtures(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (JS_FILE.test(entry.name)) files.push(full);
    }
  };
  walk(FIXTURES);
  return files.sort();
}

/** The scopes ESLint gives rules when the file is parsed by `parser`. */
function scopesSeenByRules(linter: Linter, text: string, filePath: string, parser: Linter.Parser): { scopes?: string[]; fatal?: string } {
  let scopes: string[] | undefined;
  const probe: Rule.RuleModule = {
    create: (context) => ({
      'Program:exit'() {
        scopes = describeScopes(context.sourceCode.scopeManager.scopes as Scope.Scope[]);
      },
    }),
  };
  const config: Linter.Config[] = [
    ...buildLintConfig(DEFAULT_SETTINGS, undefined).map(({ rules: _rules, ...rest }) => rest),
    { languageOptions: { parser }, plugins: { probe: { rules: { scopes: probe } } }, rules: { 'probe/scopes': 'error' } },
  ];
  const messages = linter.verify(text, config, { filename: filePath });
  const fatal = messages.find((m) => m.fatal);
  return fatal ? { fatal: fatal.message } : { scopes };
}

/** espree alone: ESLint analyses the scopes itself, as with its default parser. */
const eslintAnalyses: Linter.Parser = {
  parseForESLint: (code: string, options?: Record<string, unknown>) => ({ ast: keywardenParser.parseForESLint(code, options).ast }),
} as Linter.Parser;
const serverAnalyses: Linter.Parser = { parseForESLint: serverParser.parseForESLint } as unknown as Linter.Parser;

function compare(text: string, filePath: string): { same: boolean; detail: string } {
  const linter = new Linter({ configType: 'flat', cwd: path.parse(filePath).root });
  const expected = scopesSeenByRules(linter, text, filePath, eslintAnalyses);
  const actual = scopesSeenByRules(linter, text, filePath, serverAnalyses);
  if (expected.fatal !== undefined || actual.fatal !== undefined) {
    return { same: expected.fatal === actual.fatal, detail: `${filePath}: fatal ${expected.fatal} vs ${actual.fatal}` };
  }
  assert.ok(expected.scopes && actual.scopes, filePath);
  const line = expected.scopes.findIndex((entry, i) => entry !== actual.scopes![i]);
  const same = line === -1 && expected.scopes.length === actual.scopes.length;
  return { same, detail: same ? '' : `${filePath}: ESLint "${expected.scopes[line]}" vs server "${actual.scopes[line]}"` };
}

describe("server: JavaScript scope analysis (ESLint's, without its per-visitor copies of the visitor keys)", () => {
  it('gives rules the same scopes, variables and references as ESLint over every JavaScript file of the test fixtures', function () {
    this.timeout(300_000);
    const files = javascriptFixtures();
    const differences = files.map((file) => compare(fs.readFileSync(file, 'utf8'), file)).filter((r) => !r.same);
    assert.deepEqual(
      differences.map((d) => d.detail),
      [],
    );
    assert.ok(files.length > 500, `only ${files.length} JavaScript fixtures`);
  });

  const cases: Record<string, string> = {
    // estraverse's keys lack the options of a dynamic import: visited by hand.
    'dynamic-import.mjs': "const kind = 'json';\nexport const load = (name) => import(name, { with: { type: kind } });\n",
    // JSX is not in estraverse's keys: the fallback reads ESLint's.
    'component.jsx':
      "import { Row } from './row';\nexport function List({ items, Empty }) {\n  return <>{items.length ? items.map((item) => <Row key={item.id} {...item} />) : <Empty />}</>;\n}\n",
    'static-block.js': 'const seed = 1;\nexport class Keys {\n  static #cache;\n  static {\n    Keys.#cache = new Map([[seed, seed]]);\n  }\n}\n',
    'script.cjs': "'use strict';\nconst crypto = require('node:crypto');\nmodule.exports = function digest(data) {\n  return crypto.createHash('sha256').update(data).digest('hex');\n};\nreturn;\n",
    'exports.mjs': "import * as fs from 'node:fs';\nimport data from './data.json' with { type: 'json' };\nconst local = fs;\nexport { local as fsAlias, data };\nexport * as everything from './other.js';\nexport default class {}\n",
    'patterns.js': 'export function f({ a = b, ...rest }, [c, d = c] = [], ...more) {\n  let e;\n  ({ e = a, x: globalThis.y } = rest);\n  for (const [k, { v }] of more) e += k + v;\n  return e;\n}\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`gives the same scopes as ESLint for ${name}`, () => {
      const result = compare(text, path.join(os.tmpdir(), name));
      assert.ok(result.same, result.detail);
    });
  }

  it("resolves the references in a dynamic import's options, which estraverse's keys alone would miss", () => {
    const linter = new Linter({ configType: 'flat', cwd: path.parse(os.tmpdir()).root });
    const { scopes } = scopesSeenByRules(linter, cases['dynamic-import.mjs'], path.join(os.tmpdir(), 'dynamic-import.mjs'), serverAnalyses);
    assert.ok(scopes?.some((line) => /var kind defs .* refs \S+ \S+/.test(line)), scopes?.join('\n'));
  });
});
