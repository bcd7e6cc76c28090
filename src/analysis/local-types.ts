import type { TSESTree } from '@typescript-eslint/utils';
import { programNodes } from './ast';
import { isFunction } from './expression-names';
import { returnedExpressions } from './local-functions';
import { memberName, resolveObjectLiteral, unwrapExpression, variableOf, type SourceCode } from './scope';
import { propertyOf } from './object-literals';
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

/**
 * The objects of a tagged union that a read of the parameter can see: `if (kdf.type === 'pbkdf2') … kdf.iterations`
 * reads the `iterations` of the file's `{ type: 'pbkdf2', … }` objects only, not those of `{ type: 'argon2id', … }`
 * (whose `iterations` are passes of another algorithm), spreads followed (`{ ...ARGON2_DEFAULTS, ...stored }` is
 * argon2id's). An object without that member, or with a value that is not a literal, stays.
 */
export function objectsNarrowedAt(sourceCode: SourceCode, objects: TSESTree.ObjectExpression[], read: TSESTree.Identifier): TSESTree.ObjectExpression[] {
  if (objects.length < 2) return objects;
  const required = discriminantsAt(sourceCode, read);
  if (required.size === 0) return objects;
  return objects.filter((object) =>
    [...required].every(([member, value]) => {
      const written = propertyOf(sourceCode, object, member);
      return written?.type !== 'Literal' || written.value === value;
    }),
  );
}

/** The `member === literal` tests on the read's variable that must hold for the read to run: the tests of the `if`, `? :` and `&&` it sits in. */
function discriminantsAt(sourceCode: SourceCode, read: TSESTree.Identifier): Map<string, unknown> {
  const required = new Map<string, unknown>();
  const variable = variableOf(sourceCode, read);
  if (!variable) return required;
  for (let child: TSESTree.Node = read, parent: TSESTree.Node | undefined = read.parent; parent && !isFunction(parent); child = parent, parent = parent.parent) {
    const test =
      (parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && parent.consequent === child
        ? parent.test
        : parent.type === 'LogicalExpression' && parent.operator === '&&' && parent.right === child
          ? parent.left
          : undefined;
    if (test) collectEqualities(sourceCode, test, variable, required);
  }
  return required;
}

function collectEqualities(sourceCode: SourceCode, test: TSESTree.Node, variable: NonNullable<ReturnType<typeof variableOf>>, into: Map<string, unknown>): void {
  const expr = unwrapExpression(test);
  if (expr.type === 'LogicalExpression' && expr.operator === '&&') {
    collectEqualities(sourceCode, expr.left, variable, into);
    collectEqualities(sourceCode, expr.right, variable, into);
    return;
  }
  if (expr.type !== 'BinaryExpression' || (expr.operator !== '===' && expr.operator !== '==')) return;
  for (const [side, other] of [[expr.left, expr.right], [expr.right, expr.left]] as const) {
    if (side.type !== 'MemberExpression' || other.type !== 'Literal' || side.object.type !== 'Identifier') continue;
    const member = memberName(side);
    if (member !== undefined && variableOf(sourceCode, side.object) === variable) into.set(member, other.value);
  }
}
