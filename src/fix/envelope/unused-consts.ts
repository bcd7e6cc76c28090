import type { TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression, type SourceCode } from '../../analysis/scope';
import { within } from './ast';

type Range = readonly [number, number];

/**
 * Module-level consts the rewrite leaves unread (`const NOTES_KEY_ID = process.env.NOTES_KMS_KEY_ID`
 * read only by the replaced encrypt): every read lies in `removed`, none in
 * `kept` (the caller removes their lines). Only initialisers without side effects go — literals, plain
 * templates, `process.env.NAME` (with a literal fallback) — so loading the
 * module does the same; `skip` are statements other edits already remove.
 */
export function unusedConstStatements(sourceCode: SourceCode, removed: readonly Range[], kept: readonly Range[], skip: ReadonlySet<TSESTree.Node>): TSESTree.VariableDeclaration[] {
  const found: TSESTree.VariableDeclaration[] = [];
  for (const statement of sourceCode.ast.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? undefined : statement;
    if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const' || declaration.declarations.length !== 1 || skip.has(declaration)) continue;
    const [declarator] = declaration.declarations;
    if (declarator.id.type !== 'Identifier' || !declarator.init || !sideEffectFree(declarator.init)) continue;
    const variable = sourceCode.getDeclaredVariables(declarator)[0];
    const reads = variable?.references.filter((r) => !r.init).map((r) => r.identifier as TSESTree.Node) ?? [];
    if (reads.length > 0 && reads.every((id) => removed.some((r) => within(id, r)) && !kept.some((r) => within(id, r)))) found.push(declaration);
  }
  return found;
}

function sideEffectFree(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  if (expr.type === 'Literal') return true;
  if (expr.type === 'TemplateLiteral') return expr.expressions.length === 0;
  if (expr.type === 'LogicalExpression' && expr.operator !== '&&') return sideEffectFree(expr.left) && sideEffectFree(expr.right);
  return expr.type === 'MemberExpression' && !expr.computed && expr.object.type === 'MemberExpression' && !expr.object.computed && expr.object.object.type === 'Identifier' && expr.object.object.name === 'process' && expr.object.property.type === 'Identifier' && expr.object.property.name === 'env';
}
