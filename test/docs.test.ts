import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import plugin = require('../rules');

const DOCS = path.join(__dirname, '..', 'docs', 'rules');

interface Example {
  kind: 'incorrect' | 'correct';
  lang: string;
  code: string;
  line: number;
}

/** Code blocks under "❌ Incorrect" / "✅ Correct" markers in a rule doc. */
function examples(markdown: string): Example[] {
  const out: Example[] = [];
  let kind: Example['kind'] | undefined;
  let block: { lang: string; lines: string[]; line: number } | undefined;
  markdown.split('\n').forEach((line, index) => {
    if (block) {
      if (line.startsWith('```')) {
        if (kind) out.push({ kind, lang: block.lang, code: block.lines.join('\n'), line: block.line });
        block = undefined;
      } else {
        block.lines.push(line);
      }
      return;
    }
    if (line.startsWith('## ')) kind = undefined;
    if (/^\s*(?:#+\s*)?❌/.test(line)) kind = 'incorrect';
    if (/^\s*(?:#+\s*)?✅/.test(line)) kind = 'correct';
    const fence = /^```(\w+)/.exec(line);
    if (fence) block = { lang: fence[1], lines: [], line: index + 2 };
  });
  return out.filter((e) => /^(?:js|javascript|ts|typescript|jsx|tsx|mjs|cjs)$/.test(e.lang));
}

describe('rule docs', () => {
  for (const name of Object.keys(plugin.rules)) {
    const file = path.join(DOCS, `${name}.md`);
    describe(`docs/rules/${name}.md`, () => {
      const markdown = fs.readFileSync(file, 'utf8');
      const rule = plugin.rules[name];
      const docs = rule.meta.docs!;

      it('has the sections every rule doc has', () => {
        for (const heading of ['## Rule details', '## Why', '## Examples', '## Options', '## When not to use it']) {
          assert.ok(markdown.includes(heading), `missing "${heading}"`);
        }
        assert.match(markdown, /CWE-\d+/, 'names the CWE');
        assert.match(markdown, /CEK-\d+/, 'names the CSA CCM control');
      });

      const cases = examples(markdown);
      it('has incorrect and correct examples', () => {
        assert.ok(cases.some((c) => c.kind === 'incorrect'), 'no ❌ example');
        assert.ok(cases.some((c) => c.kind === 'correct'), 'no ✅ example');
      });

      for (const example of cases) {
        it(`${example.kind} example at line ${example.line} ${example.kind === 'incorrect' ? 'reports' : 'passes'}`, () => {
          const ts = /^(?:ts|typescript|tsx)$/.test(example.lang);
          const options = docs.recommended === 'strict' && docs.strictOptions ? docs.strictOptions : [];
          const config = [
            {
              files: ['**/*.ts', '**/*.js', '**/*.tsx', '**/*.jsx'],
              languageOptions: { parser: tsParser, sourceType: 'module' as const, parserOptions: { ecmaFeatures: { jsx: true } } },
              plugins: { keywarden: plugin },
              rules: { [`keywarden/${name}`]: ['error', ...options] },
            },
          ];
          const messages = new Linter({ configType: 'flat' }).verify(example.code, config as never, { filename: ts ? 'example.ts' : 'example.js' });
          const fatal = messages.find((m) => m.fatal);
          assert.equal(fatal, undefined, `example does not parse: ${fatal?.message}`);
          const own = messages.filter((m) => m.ruleId === `keywarden/${name}`);
          if (example.kind === 'incorrect') assert.ok(own.length > 0, 'the ❌ example reports nothing');
          else assert.deepEqual(own.map((m) => `${m.line}: ${m.message}`), [], 'the ✅ example reports');
        });
      }
    });
  }
});

/**
 * Markdown structure of the README and the docs: merges of concurrent edits
 * have dropped code fences before, which turns everything after an unclosed
 * fence into one code block.
 */
describe('Markdown structure (README.md, DEVELOPERS.md, docs/)', () => {
  const files = ['README.md', 'DEVELOPERS.md', 'bench/README.md', ...fs.readdirSync(DOCS).map((f) => path.join('docs', 'rules', f))].filter((f) =>
    fs.existsSync(path.join(__dirname, '..', f)),
  );
  for (const file of files) {
    it(`${file}: every code fence is closed`, () => {
      let open: { line: number; fence: string } | null = null;
      fs.readFileSync(path.join(__dirname, '..', file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const fence = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
          if (!fence) return;
          if (!open) open = { line: i + 1, fence };
          else if (fence[0] === open.fence[0] && fence.length >= open.fence.length && line.trim() === fence) open = null;
        });
      assert.equal(open, null, `the code fence opened at line ${(open as { line: number } | null)?.line} is never closed`);
    });
  }
});
