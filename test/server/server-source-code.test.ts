import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SourceCode, type Linter } from 'eslint';
import { LinterHost } from '../../src/server/lint/linter-host';
import { ServerSourceCode } from '../../src/server/lint/server-source-code';
import { DEFAULT_SETTINGS } from '../../src/server/settings';
import { CODE_PATHS_ON_DEMAND } from '../../src/analysis/code-paths';
import { sourceFiles } from './typing-edits';

const CORPUS = path.join(__dirname, '..', 'fixtures', 'corpus');

/** Everything a finding shows in the editor, fixes and suggestions included. */
const shown = (m: Linter.LintMessage) =>
  JSON.stringify([m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.severity, m.message, m.fix ?? null, m.suggestions ?? []]);

/** Edits made one after another: a blank line in the middle, a space at the start of the first line, the first undone. */
function edits(text: string): string[] {
  const lines = text.split('\n');
  const middle = Math.floor(lines.length / 2);
  const withBlank = [...lines.slice(0, middle), '', ...lines.slice(middle)];
  const indented = [' ' + withBlank[0], ...withBlank.slice(1)];
  return [withBlank.join('\n'), indented.join('\n'), [' ' + lines[0], ...lines.slice(1)].join('\n')];
}

describe('ServerSourceCode: the server\'s traversal, code paths on demand', () => {
  it('gives the findings ESLint gives, over the zeroization corpus and every fifth other corpus file, across successive edits and when scanned', function () {
    this.timeout(900_000);
    const zeroization = sourceFiles(path.join(CORPUS, 'zeroization'));
    const others = sourceFiles(CORPUS).filter((f) => !f.includes(`${path.sep}zeroization${path.sep}`) && !f.includes(`${path.sep}typed${path.sep}`));
    const files = [...zeroization, ...others.filter((_, i) => i % 5 === 0)];
    const server = new LinterHost(() => undefined);
    const eslint = new LinterHost(() => undefined, undefined, true);
    let throughServer = 0;
    let scannedThroughServer = 0;
    let zeroizationFindings = 0;
    const differences: string[] = [];
    for (const file of files) {
      const fileName = path.resolve(file);
      const original = fs.readFileSync(file, 'utf8');
      const scanned = server.lint({ text: original, fileName, settings: DEFAULT_SETTINGS });
      if (scanned.sourceCode instanceof ServerSourceCode) scannedThroughServer++;
      const scannedByEslint = eslint.lint({ text: original, fileName, settings: DEFAULT_SETTINGS });
      if (JSON.stringify(scanned.messages.map(shown).sort()) !== JSON.stringify(scannedByEslint.messages.map(shown).sort())) differences.push(`${path.relative(CORPUS, file)} (scanned)`);
      server.lint({ text: original, fileName, settings: DEFAULT_SETTINGS, incremental: true });
      for (const text of edits(fs.readFileSync(file, 'utf8'))) {
        const ours = server.lint({ text, fileName, settings: DEFAULT_SETTINGS, incremental: true });
        const theirs = eslint.lint({ text, fileName, settings: DEFAULT_SETTINGS });
        if (ours.sourceCode instanceof ServerSourceCode) throughServer++;
        zeroizationFindings += theirs.messages.filter((m) => m.ruleId === 'keywarden/require-key-zeroization').length;
        const a = ours.messages.map(shown).sort();
        const b = theirs.messages.map(shown).sort();
        if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`${path.relative(CORPUS, file)}:\n  server ${a.join('\n         ')}\n  eslint ${b.join('\n         ')}`);
      }
      server.forget(fileName);
    }
    assert.deepEqual(differences, []);
    // The comparison means something only if most lints took the server's path and the rule found things.
    assert.ok(throughServer > files.length * 3 * 0.95, `${throughServer} of ${files.length * 3} lints through ServerSourceCode`);
    assert.ok(scannedThroughServer > files.length * 0.95, `${scannedThroughServer} of ${files.length} scans through ServerSourceCode`);
    assert.ok(zeroizationFindings > 300, `${zeroizationFindings} zeroization findings`);
  });

  it('visits the nodes ESLint visits, in its order, without code-path events', () => {
    const host = new LinterHost(() => undefined);
    const text = [
      "import { randomBytes } from 'node:crypto';",
      'export class Vault<T> {',
      '  #key = randomBytes(32);',
      '  open(this: Vault<T>, data: T): string { try { return String(data); } finally { this.#key.fill(0); } }',
      '}',
      'label: for (const x of [1, 2]) { if (x) continue label; }',
      'export default (a?: number) => a ?? 0;',
    ].join('\n');
    const fileName = path.resolve('/project/src/vault.ts');
    host.lint({ text, fileName, settings: DEFAULT_SETTINGS, incremental: true });
    const ours = host.lint({ text: `${text}\n`, fileName, settings: DEFAULT_SETTINGS, incremental: true }).sourceCode!;
    assert.ok(ours instanceof ServerSourceCode);
    assert.equal((ours as unknown as Record<symbol, unknown>)[CODE_PATHS_ON_DEMAND], true);
    const eslints = new SourceCode({ text: ours.text, ast: ours.ast, visitorKeys: ours.visitorKeys, scopeManager: ours.scopeManager });
    const visits = (steps: Iterable<unknown>) =>
      [...(steps as Iterable<{ kind: number; target: { type: string; range: number[] }; phase: number }>)]
        .filter((s) => s.kind === 1)
        .map((s) => `${s.phase === 1 ? '>' : '<'}${s.target.type}@${s.target.range[0]}`);
    const eslintSteps = [...eslints.traverse()] as { kind: number }[];
    assert.ok(eslintSteps.some((s) => s.kind === 2), 'ESLint\'s own steps carry code-path events');
    assert.deepEqual([...ours.traverse()].filter((s) => (s as { kind: number }).kind !== 1), []);
    assert.deepEqual(visits(ours.traverse()), visits(eslintSteps));
  });

  it('walks again only the statements an edit touched', () => {
    const host = new LinterHost(() => undefined);
    const fileName = path.resolve('/project/src/two.js');
    const text = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((name, i) => `export function ${name}() { return ${i}; }\n`).join('\n');
    host.lint({ text, fileName, settings: DEFAULT_SETTINGS, incremental: true });
    const stepsOf = (t: string) => [...host.lint({ text: t, fileName, settings: DEFAULT_SETTINGS, incremental: true }).sourceCode!.traverse()] as { target: { type: string; parent?: unknown } }[];
    const before = stepsOf(text.replace('return 4', 'return  4'));
    const after = stepsOf(text.replace('return 4', 'return   4'));
    assert.equal(before.length, after.length);
    const entering = (steps: typeof before, name: string) => steps.find((s) => (s.target as { id?: { name?: string } }).id?.name === name);
    // Kept statements: the very same step objects; the edited one (and its neighbours, parsed again with it): new steps.
    assert.equal(entering(before, 'a'), entering(after, 'a'));
    assert.equal(entering(before, 'i'), entering(after, 'i'));
    assert.ok(entering(after, 'e'));
    assert.notEqual(entering(before, 'e'), entering(after, 'e'));
    // Every statement's parent is the new Program.
    const program = after[0].target;
    assert.equal(program.type, 'Program');
    for (const s of after) if ((s.target as { type: string }).type === 'ExportNamedDeclaration') assert.equal(s.target.parent, program);
  });
});
