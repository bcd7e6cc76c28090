import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Linter } from 'eslint';
import * as ts from 'typescript';
import plugin = require('../../rules');

/**
 * What every fix-corpus test does with a program: lint it the way users do,
 * apply one suggestion through ESLint's API, write the result to a temporary
 * folder, type-check it when it is TypeScript, and load it to drive it.
 */

export const REPO = path.join(__dirname, '..', '..');
export const FIX_FIXTURES = path.join(REPO, 'test', 'fixtures', 'fixes');

export type ConfigName = 'recommended' | 'strict';
export type Api = Record<string, (...args: never[]) => unknown>;

export function lint(source: string, filename: string, config: ConfigName = 'recommended'): Linter.LintMessage[] {
  const linter = new Linter({ configType: 'flat', cwd: '/' });
  const base = plugin.configs[config];
  const sourceType = /\.c[jt]s$/.test(filename) ? 'commonjs' : 'module';
  return linter.verify(source, [{ ...base, languageOptions: { ...base.languageOptions, sourceType } } as never], { filename });
}

/** The messages of one rule, and whether anything failed to parse. */
export function findings(source: string, filename: string, ruleId: string, config: ConfigName = 'recommended'): Linter.LintMessage[] {
  const messages = lint(source, filename, config);
  assert.deepEqual(messages.filter((m) => m.fatal).map((m) => m.message), [], 'the code parses');
  return messages.filter((m) => m.ruleId === ruleId);
}

/** Applies the suggestion `messageId` offered on the first finding of `ruleId` that has it. */
export function applySuggestion(source: string, filename: string, ruleId: string, messageId: string, config: ConfigName = 'recommended'): { output: string; message: string } | undefined {
  for (const finding of findings(source, filename, ruleId, config)) {
    const suggestion = finding.suggestions?.find((s) => s.messageId === messageId);
    if (!suggestion) continue;
    const { range, text } = suggestion.fix;
    return { output: source.slice(0, range[0]) + text + source.slice(range[1]), message: suggestion.desc };
  }
  return undefined;
}

/** The programs of one fix: `test/fixtures/fixes/<fix>/<program>` with an optional `<program>.case.json` sidecar. */
export function programs<T>(fix: string): { file: string; source: string; path: string; sidecar: T }[] {
  const dir = path.join(FIX_FIXTURES, fix);
  return fs
    .readdirSync(dir)
    .filter((name) => /\.(c|m)?(j|t)s$/.test(name))
    .sort()
    .map((file) => {
      const sidecarPath = path.join(dir, `${file}.case.json`);
      const sidecar = (fs.existsSync(sidecarPath) ? JSON.parse(fs.readFileSync(sidecarPath, 'utf8')) : {}) as T;
      return { file, path: path.join(dir, file), source: fs.readFileSync(path.join(dir, file), 'utf8'), sidecar };
    });
}

/** A temporary folder for one test file's outputs, removed by the returned cleanup. */
export function tempDir(label: string): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `keywarden-${label}-`));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

let copies = 0;
/** Writes `source` as `<dir>/<unique>/<file>` (a fresh module each time: no require/import cache). */
export function writeProgram(dir: string, file: string, source: string): string {
  const folder = path.join(dir, `p${++copies}`);
  fs.mkdirSync(folder, { recursive: true });
  const target = path.join(folder, file);
  fs.writeFileSync(target, source);
  return target;
}

/** Loads a module the way Node would: ES modules natively, CJS and TS (through the tsx hook mocha runs under) with require. */
export async function load(file: string): Promise<Api> {
  if (file.endsWith('.mjs')) {
    const dynamicImport = new Function('url', 'return import(url)') as (url: string) => Promise<Api>;
    return dynamicImport(pathToFileURL(file).href);
  }
  return require(file) as Api;
}

/** `tsc --noEmit` of one file with strict settings; the diagnostics' texts. */
export function typeCheck(file: string): string[] {
  const program = ts.createProgram([file], {
    noEmit: true,
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    esModuleInterop: true,
    types: ['node'],
    typeRoots: [path.join(REPO, 'node_modules', '@types')],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** Checks the output parses (and type-checks when TypeScript), then writes it and loads it. */
export async function writeCheckedOutput(dir: string, file: string, output: string): Promise<string> {
  const target = writeProgram(dir, file, output);
  if (/\.[cm]?ts$/.test(file)) assert.deepEqual(typeCheck(target), [], 'the TypeScript output type-checks');
  return target;
}

/** Sets environment variables for the duration of `run`, restoring them afterwards. */
export async function withEnv<T>(vars: Record<string, string | undefined>, run: () => Promise<T> | T): Promise<T> {
  const saved: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(vars)) {
    saved[name] = process.env[name];
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  try {
    return await run();
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}
