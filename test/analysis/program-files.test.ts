import * as assert from 'node:assert/strict';
import type * as ts from 'typescript';
import { programFilesMentioning } from '../../src/analysis/program-files';

// Cross-file questions (importers of a hash helper, injections of a DI token) read the program's own files for a word.
describe('programFilesMentioning', () => {
  const file = (name: string, text: string, isDeclarationFile = false) => ({ fileName: name, text, isDeclarationFile }) as unknown as ts.SourceFile;
  const programOf = (files: ts.SourceFile[]) => ({ getSourceFiles: () => files }) as unknown as ts.Program;

  it('finds a mention in a project of some thousands of files (the corpus has 2,748)', () => {
    const own = file('/p/own.ts', 'export function md5() {}');
    const files = [own, ...Array.from({ length: 3_000 }, (_, i) => file(`/p/f${i}.ts`, i === 2_600 ? "import { md5 } from './own';" : 'export {};'))];
    assert.deepEqual([...programFilesMentioning(programOf(files), own, 'md5')].map((f) => f.fileName), ['/p/f2600.ts']);
  });

  it('skips the file itself and declaration files, which do not count against the budget', () => {
    const own = file('/p/own.ts', 'md5');
    const declarations = Array.from({ length: 20_000 }, (_, i) => file(`/lib/d${i}.d.ts`, 'declare function md5(): void;', true));
    const files = [...declarations, own, file('/p/user.ts', 'md5(x)')];
    assert.deepEqual([...programFilesMentioning(programOf(files), own, 'md5')].map((f) => f.fileName), ['/p/user.ts']);
  });
});
