import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import { descendants, programNodes } from '../../src/analysis/ast';

// A dozen whole-file scans read `programNodes` and rely on meeting nodes in `descendants`' order.
describe('programNodes', () => {
  const corpus = path.join(__dirname, '..', 'fixtures', 'corpus');
  const files = fs
    .readdirSync(corpus, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(?:ts|tsx|js|jsx)$/.test(file))
    .filter((_, i) => i % 40 === 0)
    .map((file) => path.join(corpus, file));

  it('lists every node of the file in the order descendants walks them, once per Program', () => {
    let compared = 0;
    for (const file of files) {
      let program: TSESTree.Program;
      try {
        program = parseForESLint(fs.readFileSync(file, 'utf8'), { range: true, loc: true, jsx: true, ecmaVersion: 'latest', sourceType: 'module', filePath: file } as never).ast as TSESTree.Program;
      } catch {
        continue; // a fixture written to not parse
      }
      const nodes = programNodes(program);
      assert.deepEqual(nodes, [...descendants(program)], file);
      assert.equal(programNodes(program), nodes, 'computed once');
      compared++;
    }
    assert.ok(compared > 50, `${compared} files compared`);
  });

  it('holds nodes only, not the tokens and comments a parser for ESLint attaches to the Program', () => {
    const code = '// settings\nconst key = process.env.KEY; /* the key */\nexport function f(a) { return a + key; }\n';
    const program = parseForESLint(code, { range: true, loc: true, tokens: true, comment: true, ecmaVersion: 'latest', sourceType: 'module' } as never).ast as TSESTree.Program;
    assert.ok(program.tokens!.length > 0 && program.comments!.length === 2, 'the parser attached tokens and comments');
    // Every node reachable through the visitor keys, as ESLint walks the tree.
    let count = 0;
    const visit = (node: TSESTree.Node): void => {
      count++;
      for (const key of visitorKeys[node.type] ?? []) {
        const child = (node as unknown as Record<string, unknown>)[key];
        for (const item of Array.isArray(child) ? child : [child]) if (item && typeof item === 'object' && typeof (item as TSESTree.Node).type === 'string') visit(item as TSESTree.Node);
      }
    };
    visit(program);
    assert.equal(programNodes(program).length, count);
    assert.equal([...descendants(program)].length, count);
  });
});
