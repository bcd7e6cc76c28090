import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Scope } from 'eslint';
import type { ScopeManager } from '@typescript-eslint/scope-manager';
import { IncrementalParser } from '../../src/server/lint/incremental-parser';
import { serverParser } from '../../src/server/lint/server-parser';
import { keywardenParser } from '../../src/util/parser';
import { randomSource } from '../robustness/mutate';
import { describeScopes } from './describe-scopes';
import { eslintParserOptions, fixtureFiles, randomEdit } from './typing-edits';

/** describeScopes, plus what `getDeclaredVariables` and `acquire` answer for every definition and scope block. */
function describeAnalysis(scopeManager: ScopeManager): string[] {
  const scopes = scopeManager.scopes as unknown as Scope.Scope[];
  const index = new Map(scopes.map((scope, i) => [scope, i]));
  const at = (node: { range?: [number, number] } | null | undefined) => (node?.range ? node.range.join('-') : '-');
  const lines = describeScopes(scopes);
  const seen = new Set<unknown>();
  for (const scope of scopeManager.scopes) {
    if (!seen.has(scope.block)) {
      seen.add(scope.block);
      lines.push(`acquire ${at(scope.block)} → ${index.get(scopeManager.acquire(scope.block) as never)} / inner ${index.get(scopeManager.acquire(scope.block, true) as never)}`);
    }
    for (const variable of scope.variables) {
      for (const def of variable.defs) {
        for (const node of [def.node, def.parent]) {
          if (!node || seen.has(node)) continue;
          seen.add(node);
          const declared = scopeManager.getDeclaredVariables(node).map((v) => `${v.name}@${index.get(v.scope as never)}`);
          lines.push(`declared ${node.type}@${at(node)}: ${declared.join(' ')}`);
        }
      }
    }
  }
  return lines;
}

function firstDifference(expected: string[], actual: string[]): string | undefined {
  const line = expected.findIndex((entry, i) => entry !== actual[i]);
  if (line === -1 && expected.length === actual.length) return undefined;
  const i = line === -1 ? Math.min(expected.length, actual.length) : line;
  return `line ${i}: full "${expected[i]}" vs incremental "${actual[i]}"`;
}

interface Run {
  compared: number;
  reused: number;
  mismatches: string[];
}

/** The parser options the server gives a file: JavaScript is parsed with JSX on (lint-config.ts). */
function serverParserOptions(filePath: string): Record<string, unknown> {
  const options = eslintParserOptions(filePath);
  if (!TS_FILE.test(filePath)) options.ecmaFeatures = { jsx: true };
  return options;
}

/** A full analysis of `text`: TypeScript's parser analyses as it parses; JavaScript is analysed by the server parser without reuse. */
function fullAnalysis(text: string, options: Record<string, unknown>): ScopeManager {
  const parsed = keywardenParser.parseForESLint(text, options) as { ast: unknown; scopeManager?: unknown };
  return (parsed.scopeManager ?? serverParser.analyzeScopes!(parsed.ast, options)) as ScopeManager;
}

/** Random edits, one after another; after each, the incremental parser's scopes must equal a full parse's. */
function checkEdits(text: string, filePath: string, edits: number, seed: number, run: Run): void {
  const random = randomSource(seed);
  const incremental = new IncrementalParser(serverParser, { minChars: 0, maxRegionShare: 1 });
  const options = serverParserOptions(filePath);
  let current = text;
  let lastParsed = current;
  let previousScopes = new Set<unknown>();
  try {
    previousScopes = new Set((incremental.parser.parseForESLint(current, options).scopeManager as ScopeManager).scopes);
  } catch {
    // a fixture that does not parse as TypeScript: the edits start from nothing kept
  }
  for (let i = 0; i < edits; i++) {
    if (current !== lastParsed && random() < 0.7) current = lastParsed;
    current = randomEdit(current, random);
    // Half the time the server's worker has let go of the last analysis (finishJob), half the time not.
    if (random() < 0.5) incremental.detachKeptStatements();
    let full: ScopeManager;
    try {
      full = fullAnalysis(current, options);
    } catch {
      try {
        incremental.parser.parseForESLint(current, options);
      } catch {
        // both fail
      }
      continue;
    }
    lastParsed = current;
    const scopeManager = incremental.parser.parseForESLint(current, options).scopeManager as ScopeManager;
    run.compared++;
    if (scopeManager.scopes.some((scope) => previousScopes.has(scope))) run.reused++;
    previousScopes = new Set(scopeManager.scopes);
    const difference = firstDifference(describeAnalysis(full), describeAnalysis(scopeManager));
    if (difference) run.mismatches.push(`${filePath} seed ${seed} edit ${i + 1}: ${difference}`);
  }
}

const TS_FILE = /\.(?:[cm]?tsx?)$/;
const JS_FILE = /\.(?:[cm]?jsx?)$/;

describe('server: scope analysis reusing the scopes of kept statements', () => {
  for (const [language, files] of [
    ['TypeScript', () => fixtureFiles().filter((file) => /\.(?:[cm]?ts)$/.test(file))],
    ['JavaScript', () => fixtureFiles().filter((file) => JS_FILE.test(file))],
  ] as const) {
    it(`equals a full analysis after random edits to the ${language} fixtures, and reuses scopes for many of them`, function () {
      this.timeout(300_000);
      const sample = files().filter((_, i) => i % 4 === 0);
      const run: Run = { compared: 0, reused: 0, mismatches: [] };
      sample.forEach((file, i) => checkEdits(fs.readFileSync(file, 'utf8'), file, 10, 7000 + i, run));
      assert.deepEqual(run.mismatches.slice(0, 5), []);
      assert.ok(sample.length > 200 && run.compared > sample.length * 3, `${sample.length} files, ${run.compared} compared`);
      // Many edits break the syntax or touch a small file's every statement; about a third reuse scopes.
      assert.ok(run.reused > run.compared * 0.2, `only ${run.reused} of ${run.compared} analyses reused scopes`);
    });
  }

  const cases: Record<string, [before: string, after: string]> = {
    // A kept function's reference to a module binding whose declaration was edited resolves to the new variable.
    'edited declaration': [
      "const KEY = process.env.KEY;\nconst pad = 0;\nexport function use(): string {\n  return KEY ?? '';\n}\n",
      "const KEY = process.env.KEY2;\nconst pad = 0;\nexport function use(): string {\n  return KEY ?? '';\n}\n",
    ],
    // Decorators are visited in the upper scope; the class scope is reused.
    decorators: [
      "import { Injectable, Inject } from './di';\nconst TOKEN = 'x';\n@Injectable()\nexport class Service {\n  constructor(@Inject(TOKEN) private readonly dep: string) {}\n  run(): string { return this.dep + TOKEN; }\n}\nconst pad = 0;\nlet a = 1;\n",
      "import { Injectable, Inject } from './di';\nconst TOKEN = 'x';\n@Injectable()\nexport class Service {\n  constructor(@Inject(TOKEN) private readonly dep: string) {}\n  run(): string { return this.dep + TOKEN; }\n}\nconst pad = 0;\nlet a = 2;\n",
    ],
    // A named function expression has its own name scope around the function scope.
    'named function expression': [
      "export const f = function inner(n: number): number {\n  return n ? inner(n - 1) : g();\n};\nconst pad = 0;\nfunction g() { return 0; }\n",
      "export const f = function inner(n: number): number {\n  return n ? inner(n - 1) : g();\n};\nconst pad = 0;\nfunction g() { return 1; }\n",
    ],
    // Overloads (TSDeclareFunction), type references through a kept function, a default export.
    'overloads and types': [
      "interface Box { v: number }\nexport function open(b: Box): number;\nexport function open(b: Box | string): number {\n  return typeof b === 'string' ? 0 : b.v;\n}\nexport default function (): Box { return { v: 1 }; }\nconst z = 1;\n",
      "interface Box { v: number }\nexport function open(b: Box): number;\nexport function open(b: Box | string): number {\n  return typeof b === 'string' ? 0 : b.v;\n}\nexport default function (): Box { return { v: 1 }; }\nconst z = 2;\n",
    ],
    // A script (no import or export): the top scope is the global scope; implicit globals come from assignments.
    script: [
      "function setUp() {\n  leaked = 1;\n  return leaked + Math.max(1, 2);\n}\nvar pad = 0;\nvar counter = 0;\n",
      "function setUp() {\n  leaked = 1;\n  return leaked + Math.max(1, 2);\n}\nvar pad = 0;\nvar counter = 1;\n",
    ],
  };
  /**
   * Parses `before`, then `after` incrementally: the second analysis must equal a full one, and reuse a
   * scope of the first exactly when `reused`.
   */
  function checkEdit(fileName: string, script: boolean, before: string, after: string, reused: boolean): void {
    const options = serverParserOptions(path.join(os.tmpdir(), fileName));
    if (script) options.sourceType = 'script';
    const incremental = new IncrementalParser(serverParser, { minChars: 0, maxRegionShare: 1 });
    const first = incremental.parser.parseForESLint(before, options).scopeManager as ScopeManager;
    const kept = new Set(first.scopes);
    incremental.detachKeptStatements();
    const second = incremental.parser.parseForESLint(after, options).scopeManager as ScopeManager;
    assert.equal(incremental.stats.partial, 1, 'the edit was parsed incrementally');
    assert.equal(firstDifference(describeAnalysis(fullAnalysis(after, options)), describeAnalysis(second)), undefined);
    assert.equal(second.scopes.some((scope) => kept.has(scope)), reused, reused ? 'no scope of a kept statement was reused' : 'a scope was reused');
  }

  for (const [name, [before, after]] of Object.entries(cases)) {
    it(`equals a full analysis and reuses kept scopes: ${name}`, () => checkEdit(name.includes('script') ? 'script.ts' : 'module.ts', name.includes('script'), before, after, true));
  }

  /** JavaScript: [before, after, whether a kept scope is reused]. */
  const javascriptCases: Record<string, [before: string, after: string, reused: boolean]> = {
    // The super class is visited inside the class scope; a kept class still resolves it to the edited binding.
    'class with a super class': [
      "import { Base } from './base.js';\nlet Mixin = Base;\nexport class Service extends Mixin {\n  run() { return KEY + this.id; }\n}\nconst pad = 0;\nconst KEY = 'a';\n",
      "import { Base } from './base.js';\nlet Mixin = Base;\nexport class Service extends Mixin {\n  run() { return KEY + this.id; }\n}\nconst pad = 0;\nconst KEY = 'b';\n",
      true,
    ],
    'named function expression and arrow': [
      "export const f = function inner(n) {\n  return n ? inner(n - 1) : g();\n};\nexport const h = (x) => x + g();\nconst pad = 0;\nfunction g() { return 0; }\n",
      "export const f = function inner(n) {\n  return n ? inner(n - 1) : g();\n};\nexport const h = (x) => x + g();\nconst pad = 0;\nfunction g() { return 1; }\n",
      true,
    ],
    // eslint-scope adds no pragma reference for JSX: a kept component is reused.
    jsx: [
      "import React from 'react';\nexport function View({ items }) {\n  return <List>{items.map((i) => <Row key={i.id} />)}</List>;\n}\nconst pad = 0;\nconst List = 'ul';\nconst Row = 'li';\n",
      "import React from 'react';\nexport function View({ items }) {\n  return <List>{items.map((i) => <Row key={i.id} />)}</List>;\n}\nconst pad = 0;\nconst List = 'ol';\nconst Row = 'li';\n",
      true,
    ],
    // A script: implicit globals come from assignments; the top scope is the global scope.
    script: [
      "function setUp() {\n  leaked = 1;\n  return leaked + Math.max(1, 2);\n}\nvar pad = 0;\nvar counter = 0;\n",
      "function setUp() {\n  leaked = 1;\n  return leaked + Math.max(1, 2);\n}\nvar pad = 0;\nvar counter = 1;\n",
      true,
    ],
    // `with` closes its references dynamically, into every enclosing scope: such a function is analysed again.
    'script with a with statement': [
      "function read(o) {\n  with (o) { return value + other; }\n}\nvar pad = 0;\nvar value = 1;\n",
      "function read(o) {\n  with (o) { return value + other; }\n}\nvar pad = 0;\nvar value = 2;\n",
      false,
    ],
  };
  for (const [name, [before, after, reused]] of Object.entries(javascriptCases)) {
    it(`JavaScript: equals a full analysis${reused ? ' and reuses kept scopes' : ''}: ${name}`, () => checkEdit('module.js', name.includes('script'), before, after, reused));
  }

  it('reuses no scope of a TSX file (JSX references its pragma wherever the first element is)', () => {
    const before = "import React from 'react';\nexport function View() {\n  return <div />;\n}\nconst a = 1;\n";
    checkEdit('view.tsx', false, before, before.replace('a = 1', 'a = 2'), false);
  });
});
