import type { TSESTree } from '@typescript-eslint/utils';
import { programNodes } from './ast';
import { isFunction } from './expression-names';
import { returnedExpressions } from './local-functions';
import { resolveObjectLiteral, type SourceCode } from './scope';
import { LintScopedWeakMap } from './lint-scoped';

/** The name of a type reference to a plain identifier (`VaultHeader`), not a generic or qualified one. */
function plainTypeName(annotation: TSESTree.TSTypeAnnotation | undefined): string | undefined {
  const type = annotation?.typeAnnotation;
  return type?.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && !type.typeArguments ? type.typeName.name : undefined;
}

const objectsByLocalType = new LintScopedWeakMap<SourceCode, Map<string, TSESTree.ObjectExpression[]>>();

/**
 * A parameter typed with an interface or type alias this file declares (`unlock(header: VaultHeader)`): the object
 * literals the file makes of that type — returned by its functions declared to return it (`newVaultHeader():
 * VaultHeader`) or held by bindings annotated with it. Those are the values the parameter is made of here.
 */
export function objectsOfLocalType(sourceCode: SourceCode, param: TSESTree.Identifier): TSESTree.ObjectExpression[] {
  const typeName = plainTypeName(param.typeAnnotation);
  if (!typeName) return [];
  let byType = objectsByLocalType.get(sourceCode);
  if (!byType) objectsByLocalType.set(sourceCode, (byType = new Map()));
  let objects = byType.get(typeName);
  if (!objects) {
    // Asked again while collecting (`merge(flags: Flags): Flags { return flags; }` returns a parameter of the
    // type itself): nothing is known yet, so nothing resolves through it.
    byType.set(typeName, []);
    byType.set(typeName, (objects = collectObjectsOfLocalType(sourceCode, typeName)));
  }
  return objects;
}

function collectObjectsOfLocalType(sourceCode: SourceCode, typeName: string): TSESTree.ObjectExpression[] {
  const declared = sourceCode.ast.body.some((statement) => {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    return (declaration?.type === 'TSInterfaceDeclaration' || declaration?.type === 'TSTypeAliasDeclaration') && declaration.id.name === typeName;
  });
  if (!declared) return [];
  const objects: TSESTree.ObjectExpression[] = [];
  const add = (expr: TSESTree.Node): void => {
    // `return available ? { kind: 'argon2id', … } : { kind: 'pbkdf2', iterations: 100_000 }`: either object, by branch.
    if (expr.type === 'ConditionalExpression') {
      add(expr.consequent);
      add(expr.alternate);
      return;
    }
    const literal = resolveObjectLiteral(sourceCode, expr);
    if (literal) objects.push(literal);
  };
  for (const node of programNodes(sourceCode.ast)) {
    if (isFunction(node) && plainTypeName(node.returnType) === typeName) (returnedExpressions(node) ?? []).forEach(add);
    else if (node.type === 'VariableDeclarator' && node.init && node.id.type === 'Identifier' && plainTypeName(node.id.typeAnnotation) === typeName) add(node.init);
  }
  return objects;
}
