import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { IncrementalParser, type ParserLike } from '../../src/server/lint/incremental-parser';
import { serverParser } from '../../src/server/lint/server-parser';
import { LinterHost } from '../../src/server/lint/linter-host';
import { DEFAULT_SETTINGS } from '../../src/server/settings';
import { keywardenParser } from '../../src/util/parser';
import { checkTypingEdits, eslintParserOptions, firstDifference, fixtureFiles } from './typing-edits';

/** A parser that reuses statements in files of any size (the server's skips small files). */
function eagerParser(): IncrementalParser {
  return new IncrementalParser(serverParser, { minChars: 0, maxRegionShare: 1 });
}

/** Parses `before` then `after` incrementally; returns the incremental result, a full parse of `after`, and whether statements were reused. */
function reparse(before: string, after: string, fileName: string) {
  const parser = eagerParser();
  const options = eslintParserOptions(path.join(os.tmpdir(), fileName));
  parser.parse(before, options);
  const partialBefore = parser.stats.partial;
  const attempt = (run: () => unknown) => {
    try {
      return { ast: run() as unknown, error: undefined };
    } catch (error) {
      return { ast: undefined, error: error as Error };
    }
  };
  const incremental = attempt(() => parser.parse(after, options).ast);
  const full = attempt(() => keywardenParser.parseForESLint(after, options).ast);
  return { incremental, full, partial: parser.stats.partial > partialBefore, fallbacks: parser.stats.fallbacks };
}

const FUNCTIONS = Array.from({ length: 12 }, (_, i) => `export function f${i}(input) {\n  return input + ${i};\n}\n`).join('\n');

describe('server: incremental parsing of the documents being typed in', () => {
  it('gives the same tree as a full parse over random edits to a sample of the test fixtures, and reuses statements for many of them', function () {
    this.timeout(120_000);
    const files = fixtureFiles().filter((_, i) => i % 8 === 0);
    let compared = 0;
    let partial = 0;
    const mismatches: string[] = [];
    files.forEach((file, i) => {
      const result = checkTypingEdits(fs.readFileSync(file, 'utf8'), file, 12, 1000 + i);
      compared += result.compared;
      partial += result.partial;
      mismatches.push(...result.mismatches);
    });
    assert.deepEqual(mismatches, []);
    assert.ok(files.length > 100 && compared >= files.length * 12);
    // Many random edits break the syntax (a full parse then fails too); of the rest, most reuse statements.
    assert.ok(partial > compared * 0.1, `only ${partial} of ${compared} parses reused statements`);
  });

  it('reuses the statements around an edit in the middle of a file and moves the ones after it', () => {
    const before = FUNCTIONS;
    const at = before.indexOf('return input + 6');
    const after = `${before.slice(0, at)}const extra = 1;\n  ${before.slice(at)}`;
    for (const fileName of ['middle.js', 'middle.ts']) {
      const { incremental, full, partial } = reparse(before, after, fileName);
      assert.ok(partial, fileName);
      assert.equal(firstDifference(full.ast, incremental.ast, 'Program'), undefined, fileName);
    }
  });

  it('analyses the scopes of the whole TypeScript tree once, not those of the re-parsed region alone', () => {
    const before = FUNCTIONS;
    const at = before.indexOf('return input + 6');
    const after = `${before.slice(0, at)}const extra = input * 2;\n  ${before.slice(at)}`;
    const options = eslintParserOptions(path.join(os.tmpdir(), 'scopes.ts'));
    const regionParses: string[] = [];
    const spied = new IncrementalParser(
      {
        parseForESLint: serverParser.parseForESLint,
        parseWithoutScopes: (code, opts) => {
          regionParses.push(code);
          return serverParser.parseWithoutScopes!(code, opts);
        },
        analyzeScopes: serverParser.analyzeScopes,
      },
      { minChars: 0, maxRegionShare: 1 },
    );
    spied.parse(before, options);
    const result = spied.parse(after, options);
    assert.equal(regionParses.length, 1);
    type Scopes = { scopes: { type: string; variables: { name: string }[] }[] };
    const names = (scopeManager: unknown) =>
      (scopeManager as Scopes).scopes.map((scope) => `${scope.type}:${scope.variables.map((v) => v.name).join(',')}`);
    const full = keywardenParser.parseForESLint(after, options) as unknown as { scopeManager: unknown };
    assert.deepEqual(names(result.scopeManager), names(full.scopeManager));
    assert.ok(names(result.scopeManager).some((scope) => scope.includes('extra')));
    assert.ok(names(result.scopeManager).some((scope) => scope.includes('f11')));
  });

  it('moves a node that two properties share once (espree: `import { a }` has one node as `imported` and `local`)', () => {
    const before = `${FUNCTIONS}import { readFile } from 'node:fs';\nexport { f1 as first, readFile };\n`;
    const at = before.indexOf('return input + 3');
    const { incremental, full, partial } = reparse(before, `${before.slice(0, at)}// typed\n  ${before.slice(at)}`, 'imports-last.mjs');
    assert.ok(partial);
    assert.equal(firstDifference(full.ast, incremental.ast, 'Program'), undefined);
  });

  it('parses the whole file when an unchanged statement before the edit now continues into it (no semicolon, a parenthesis typed)', () => {
    const before = `let a = b\n\n\n${FUNCTIONS}`;
    const after = `let a = b\n\n(c)\n${FUNCTIONS}`;
    const { incremental, full, fallbacks } = reparse(before, after, 'asi.js');
    assert.equal(fallbacks['statement before moved'], 1);
    assert.equal(firstDifference(full.ast, incremental.ast, 'Program'), undefined);
    assert.equal((incremental.ast as { body: { type: string; declarations?: { init: { type: string } }[] }[] }).body[0].declarations![0].init.type, 'CallExpression');
  });

  it('fails like a full parse when a second top-level `const` of a name is typed (espree checks the whole file)', () => {
    const before = `const extra = 0;\n${FUNCTIONS}`;
    const at = before.indexOf('export function f6');
    const after = `${before.slice(0, at)}const extra = 1;\n${before.slice(at)}`;
    const { incremental, full, fallbacks } = reparse(before, after, 'redeclared.js');
    assert.match(String(full.error), /already been declared/);
    assert.equal(String(incremental.error), String(full.error));
    assert.equal(fallbacks['declared names changed'], 1);
  });

  it("fails like a full parse when strict-mode-only syntax is typed in a script that starts with 'use strict'", () => {
    const before = "'use strict';\nconst crypto = require('crypto');\nconst a = 1;\nconst b = 2;\nconst c = 3;\nmodule.exports = { a, b, c };\n";
    const after = before.replace('const b = 2;', 'const b = 2 - static - 1;');
    const { incremental, full } = reparse(before, after, 'strict-script.cjs');
    assert.match(String(full.error), /static/);
    assert.equal(String(incremental.error), String(full.error));
  });

  it('parses the whole file when a string statement is typed (a directive or not depends on what precedes it)', () => {
    const at = FUNCTIONS.indexOf('export function f3');
    const { incremental, full, fallbacks } = reparse(FUNCTIONS, `${FUNCTIONS.slice(0, at)}'use strict';\n${FUNCTIONS.slice(at)}`, 'directive.js');
    assert.equal(fallbacks.directive, 1);
    assert.equal(firstDifference(full.ast, incremental.ast, 'Program'), undefined);
  });

  it('counts lines right when an edit splits a CRLF line break', () => {
    const before = FUNCTIONS.replace(/\n/g, '\r\n');
    const at = before.indexOf('\r\n', before.indexOf('f5')) + 1;
    const { incremental, full } = reparse(before, `${before.slice(0, at)}x${before.slice(at)}`, 'crlf.ts');
    assert.equal(firstDifference(full.ast, incremental.ast, 'Program'), undefined);
  });

  it('parses only the edited statement when the statements around it are closed (ended by `;`, or function declarations)', () => {
    const regions: string[] = [];
    const recording: ParserLike = {
      ...serverParser,
      parseWithoutScopes: (code, options) => {
        regions.push(code.trim());
        return serverParser.parseWithoutScopes!(code, options);
      },
    };
    for (const [fileName, before] of [['closed.js', FUNCTIONS], ['closed.ts', FUNCTIONS.replace(/\(input\)/g, '(input: number)')], ['semicolons.js', 'const a = 1;\nconst b = 2;\nconst c = 3;\n']] as const) {
      const parser = new IncrementalParser(recording, { minChars: 0, maxRegionShare: 1 });
      const options = eslintParserOptions(path.join(os.tmpdir(), fileName));
      parser.parse(before, options);
      regions.length = 0;
      const at = before.includes('f6') ? before.indexOf('input + 6') : before.indexOf('2;');
      const after = `${before.slice(0, at)}1 + ${before.slice(at)}`;
      const ast = parser.parse(after, options).ast;
      assert.deepEqual(parser.stats.fallbacks, {}, fileName);
      assert.equal(regions.length, 1, fileName);
      assert.ok(!regions[0].includes('f5') && !regions[0].includes('f7') && !regions[0].includes('const a') && !regions[0].includes('const c'), `${fileName}: ${regions[0]}`);
      assert.equal(firstDifference(keywardenParser.parseForESLint(after, options).ast, ast, 'Program'), undefined, fileName);
    }
  });

  it('parses with the statement before or after when the edit makes them one statement (`else` after an `if`, a `;` deleted before a `(`)', () => {
    const cases: [string, string, string, string][] = [
      // [file, before, after, fallback]
      ['else.js', `if (ok) x();\n\n// then\n${FUNCTIONS}`, `if (ok) x();\n\nelse y(); // then\n${FUNCTIONS}`, 'statement before moved'],
      ['loop-else.js', `while (ok) if (x) y();\n\n// then\n${FUNCTIONS}`, `while (ok) if (x) y();\n\nelse z(); // then\n${FUNCTIONS}`, 'statement before moved'],
      ['semicolon.js', `const a = f();\n\n(g)();\n${FUNCTIONS}`, `const a = f()\n\n(g)();\n${FUNCTIONS}`, 'statement after moved'],
      ['signature.ts', `function g(): void\n\n// body\n${FUNCTIONS}`, `function g(): void\n\n{ return; } // body\n${FUNCTIONS}`, 'statement before moved'],
    ];
    for (const [fileName, before, after, fallback] of cases) {
      const { incremental, full, fallbacks } = reparse(before, after, fileName);
      assert.equal(fallbacks[fallback], 1, `${fileName}: ${JSON.stringify(fallbacks)}`);
      assert.equal(firstDifference(full.ast, incremental.ast, 'Program'), undefined, fileName);
    }
  });

  it('reuses every statement when a line is typed between two closed ones', () => {
    const at = FUNCTIONS.indexOf('export function f6');
    for (const fileName of ['blank.js', 'blank.ts']) {
      const { incremental, full, partial } = reparse(FUNCTIONS, `${FUNCTIONS.slice(0, at)}\n${FUNCTIONS.slice(at)}`, fileName);
      assert.ok(partial, fileName);
      assert.equal(firstDifference(full.ast, incremental.ast, 'Program'), undefined, fileName);
    }
  });

  it('throws the full parse error on broken code, then reuses the last good parse for the next edit', () => {
    const parser = eagerParser();
    const options = eslintParserOptions(path.join(os.tmpdir(), 'typing.ts'));
    parser.parse(FUNCTIONS, options);
    const at = FUNCTIONS.indexOf('return input + 4');
    assert.throws(() => parser.parse(`${FUNCTIONS.slice(0, at)}if (${FUNCTIONS.slice(at)}`, options));
    const fixed = `${FUNCTIONS.slice(0, at)}if (input) ${FUNCTIONS.slice(at)}`;
    const partial = parser.stats.partial;
    const ast = parser.parse(fixed, options).ast;
    assert.equal(parser.stats.partial, partial + 1);
    assert.equal(firstDifference(keywardenParser.parseForESLint(fixed, options).ast, ast, 'Program'), undefined);
  });

  it('keeps no parse of a forgotten file, and none at all with type information', () => {
    const parser = eagerParser();
    const options = eslintParserOptions(path.join(os.tmpdir(), 'closed.js'));
    parser.parse(FUNCTIONS, options);
    parser.forget(options.filePath as string);
    parser.parse(`${FUNCTIONS}\n`, options);
    assert.equal(parser.stats.partial, 0);
    const typed = { ...eslintParserOptions(path.join(os.tmpdir(), 'typed.ts')), project: './tsconfig.json' };
    const base: ParserLike = { parseForESLint: () => ({ ast: keywardenParser.parseForESLint(FUNCTIONS, { ...typed, project: undefined }).ast as never }) };
    const withProgram = new IncrementalParser(base, { minChars: 0 });
    withProgram.parse(FUNCTIONS, typed);
    withProgram.parse(`${FUNCTIONS}\n`, typed);
    assert.deepEqual(withProgram.stats, { full: 0, partial: 0, fallbacks: {} });
  });

  it('lints reused statements with what the edited one now says (no analysis kept from the last lint)', () => {
    const host = new LinterHost(() => undefined);
    (host.incrementalParser as unknown as { minChars: number }).minChars = 0;
    const fileName = path.join(os.tmpdir(), 'purposes.ts');
    const functions = Array.from({ length: 4 }, (_, i) =>
      [
        `export function seal${i}(data: string, iv: Buffer) {`,
        "  const cipher = createCipheriv('aes-256-gcm', ENC_KEY, iv);",
        "  return cipher.update(data, 'utf8', 'hex') + cipher.final('hex');",
        '}',
        '',
        `export function tag${i}(data: string) {`,
        "  return createHmac('sha256', MAC_KEY).update(data).digest('hex');",
        '}',
        '',
      ].join('\n'),
    ).join('\n');
    // MAC_KEY is declared last: editing it re-parses only the end; ENC_KEY's declaration and every use are reused.
    const source = (macKey: string, extra = '') =>
      `import { createCipheriv, createHmac } from 'node:crypto';\n\nconst ENC_KEY = Buffer.from(process.env.ENC_KEY!, 'base64');\n\n${extra}${functions}\nconst MAC_KEY = ${macKey};\n`;
    const lint = (text: string, incremental: boolean) =>
      host.lint({ text, fileName, settings: DEFAULT_SETTINGS, incremental }).messages.map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`);
    const separate = "Buffer.from(\n  process.env.MAC_KEY!,\n  'base64',\n)";
    assert.deepEqual(lint(source(separate), true), []);
    const partial = host.incrementalParser.stats.partial;
    const reused = lint(source('ENC_KEY'), true);
    assert.equal(host.incrementalParser.stats.partial, partial + 1);
    assert.match(reused.join('\n'), /no-key-reuse-across-purposes 3:7 `ENC_KEY` is used for encrypt and mac \(encrypt at 6:48, mac at 11:31/);
    assert.deepEqual(reused, lint(source('ENC_KEY'), false));
    // Two lines typed above the uses: the findings' positions (kept nodes moved) match a full parse's.
    const moved = lint(source('ENC_KEY', '// a note\n// another\n'), true);
    assert.equal(host.incrementalParser.stats.partial, partial + 2);
    assert.match(moved.join('\n'), /encrypt at 8:48, mac at 13:31/);
    assert.deepEqual(moved, lint(source('ENC_KEY', '// a note\n// another\n'), false));
    assert.deepEqual(lint(source(separate), true), []);
  });

  it("judges a kept helper again when an edited statement changes what it does (no cached fact about a kept node outlives its lint)", () => {
    const host = new LinterHost(() => undefined);
    const fileName = path.join(os.tmpdir(), 'helper-sink.ts');
    // `report` and `run` are kept; only `sink`, which `report` calls with the data key, is parsed again.
    const source = (sink: string) =>
      [
        "import { KMSClient, GenerateDataKeyCommand } from '@aws-sdk/client-kms';",
        'const kms = new KMSClient({});',
        `const sink = ${sink};`,
        'const pad1 = 1;',
        'const pad2 = 2;',
        'function report(k: Uint8Array) {',
        '  sink(k);',
        '}',
        'const pad3 = 3;',
        'export async function run() {',
        "  const { Plaintext } = await kms.send(new GenerateDataKeyCommand({ KeyId: 'alias/app', KeySpec: 'AES_256' }));",
        '  report(Plaintext!);',
        '  Plaintext!.fill(0);',
        '}',
        '',
      ].join('\n');
    const exposures = (text: string, incremental: boolean) =>
      host.lint({ text, fileName, settings: DEFAULT_SETTINGS, incremental }).messages.filter((m) => m.ruleId === 'keywarden/no-plaintext-data-key-exposure').length;
    assert.equal(exposures(source('(v: unknown) => console.log(v)'), true), 1);
    host.incrementalParser.detachKeptStatements();
    const partial = host.incrementalParser.stats.partial;
    assert.equal(exposures(source('(v: unknown) => void v'), true), 0);
    assert.equal(host.incrementalParser.stats.partial, partial + 1);
    assert.equal(exposures(source('(v: unknown) => console.log(v)'), true), 1);
  });
});
