import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '../../analysis/scope';
import { lineRange, within } from './ast';
import type { TextEdit } from './text-edit';

type Range = readonly [number, number];

/** ES module syntax (import/export) rather than CommonJS. */
export function isEsm(program: TSESTree.Program): boolean {
  return program.sourceType === 'module' && program.body.some((s) => s.type === 'ImportDeclaration' || s.type.startsWith('Export'));
}

/** The last import (ESM) or top-level `require` declaration (CJS) before `before`; undefined when the module mixes styles. */
export function lastImport(program: TSESTree.Program, esm: boolean, before: number): TSESTree.ProgramStatement | undefined | null {
  if (!esm && program.body.some((s) => s.type === 'ImportDeclaration')) return undefined;
  const imports = program.body.filter((s) => (esm ? s.type === 'ImportDeclaration' : isRequireDeclaration(s)));
  const last = imports[imports.length - 1];
  if (!last) return null; // no import at all: the new one goes first
  return last.range[0] < before ? last : undefined;
}

function isRequireDeclaration(statement: TSESTree.ProgramStatement): statement is TSESTree.VariableDeclaration {
  return statement.type === 'VariableDeclaration' && statement.declarations.some((d) => requireCallOf(d.init) !== undefined);
}

function requireCallOf(init: TSESTree.Expression | null): TSESTree.CallExpression | undefined {
  let node = init;
  while (node?.type === 'MemberExpression') node = node.object as TSESTree.Expression;
  return node?.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' ? node : undefined;
}

/**
 * Edits removing imported bindings the rewrite leaves unused: a binding whose
 * every reference lies in `removed` (and not in `kept`, text the rewrite moves
 * elsewhere) goes — just its specifier, or the whole declaration when nothing
 * is left. Bindings unused before the rewrite are not ours to touch. Module-level
 * constants with a literal value that only the removed code read are returned in
 * `constants` (the caller removes their lines together with the key's).
 */
export function unusedImportEdits(
  sourceCode: SourceCode,
  removed: readonly Range[],
  kept: readonly Range[],
): { edits: TextEdit[]; wholly: Set<TSESTree.Node>; constants: TSESTree.VariableDeclaration[] } {
  const text = sourceCode.getText();
  const gone = (variable: TSESLint.Scope.Variable) => {
    const refs = variable.references.filter((r) => !r.init).map((r) => r.identifier as TSESTree.Node); // not the declaration's own write
    return refs.length > 0 && refs.every((id) => removed.some((r) => within(id, r)) && !kept.some((r) => within(id, r)));
  };
  const edits: TextEdit[] = [];
  const wholly = new Set<TSESTree.Node>();
  const constants: TSESTree.VariableDeclaration[] = [];
  for (const statement of sourceCode.ast.body) {
    if (statement.type === 'ImportDeclaration') {
      if (statement.importKind === 'type' || statement.specifiers.length === 0) continue;
      const unused = statement.specifiers.filter((s) => sourceCode.getDeclaredVariables(s).every(gone));
      if (unused.length === 0) continue;
      if (unused.length === statement.specifiers.length) {
        edits.push({ range: lineRange(text, statement), text: '' });
        wholly.add(statement);
        continue;
      }
      const named = statement.specifiers.filter((s) => s.type === 'ImportSpecifier');
      if (named.length > 0 && named.every((s) => unused.includes(s)) && named.length < statement.specifiers.length) {
        // `import def, { a, b } from 'm'` → `import def from 'm'`
        const first = statement.specifiers.find((s) => s.type !== 'ImportSpecifier')!;
        const closing = text.indexOf('}', named[named.length - 1].range[1]);
        edits.push({ range: [first.range[1], closing + 1], text: '' });
        continue;
      }
      edits.push(...listRemovals(named, unused));
    } else if (isPureConstant(statement)) {
      // `const IV_LENGTH = 16` that only the old encrypt read
      const declaration = statement as TSESTree.VariableDeclaration;
      if (sourceCode.getDeclaredVariables(declaration.declarations[0]).every(gone)) constants.push(declaration);
    } else if (statement.type === 'VariableDeclaration' && statement.declarations.length === 1 && requireCallOf(statement.declarations[0].init)) {
      const declarator = statement.declarations[0];
      const variables = sourceCode.getDeclaredVariables(declarator);
      if (variables.length === 0) continue;
      if (variables.every(gone)) {
        edits.push({ range: lineRange(text, statement), text: '' });
        wholly.add(statement);
        continue;
      }
      if (declarator.id.type !== 'ObjectPattern') continue;
      const properties = declarator.id.properties;
      const unused = properties.filter((p) => p.type === 'Property' && sourceCode.getDeclaredVariables(declarator).filter((v) => v.defs.some((d) => within(d.name, p))).every(gone));
      edits.push(...listRemovals(properties, unused));
    }
  }
  return { edits, wholly, constants };
}

/** Removes items of a comma-separated list with their separating commas (`{ a, b, c }` minus b, c → `{ a }`). */
function listRemovals(items: readonly TSESTree.Node[], unused: readonly TSESTree.Node[]): TextEdit[] {
  let lastKept = items.length - 1;
  while (lastKept >= 0 && unused.includes(items[lastKept])) lastKept--;
  if (lastKept < 0) return [];
  const edits: TextEdit[] = [];
  items.forEach((item, i) => {
    if (i < lastKept && unused.includes(item)) edits.push({ range: [item.range[0], items[i + 1].range[0]], text: '' });
  });
  if (lastKept < items.length - 1) edits.push({ range: [items[lastKept].range[1], items[items.length - 1].range[1]], text: '' });
  return edits;
}

/** `const NAME = 16` / `'aes-256-cbc'` / `-1` at module level, not exported: removing it has no effect but its name. */
function isPureConstant(statement: TSESTree.ProgramStatement): boolean {
  if (statement.type !== 'VariableDeclaration' || statement.kind !== 'const' || statement.declarations.length !== 1) return false;
  const { id, init } = statement.declarations[0];
  if (id.type !== 'Identifier' || !init) return false;
  const value = init.type === 'UnaryExpression' && init.operator === '-' ? init.argument : init;
  return value.type === 'Literal' || (value.type === 'TemplateLiteral' && value.expressions.length === 0);
}
