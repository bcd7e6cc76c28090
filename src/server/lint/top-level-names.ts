/**
 * The names a list of top-level statements declares and exports, as one
 * comparable key. Parsers check some rules across the whole file (espree
 * rejects a second `const x`, a duplicate export or an export of an undeclared
 * name), so a statement parsed on its own can only replace the old one when it
 * declares exactly the same names.
 */
interface AnyNode {
  type: string;
  [key: string]: unknown;
}

export function declaredNamesKey(statements: readonly AnyNode[]): string {
  const names: string[] = [];
  for (const statement of statements) collectStatement(statement, names);
  return names.sort().join('\n');
}

function collectStatement(statement: AnyNode, names: string[]): void {
  switch (statement.type) {
    case 'VariableDeclaration':
      for (const declarator of statement.declarations as AnyNode[]) collectPattern(declarator.id as AnyNode, names);
      return;
    case 'FunctionDeclaration':
    case 'ClassDeclaration':
    case 'TSEnumDeclaration':
    case 'TSModuleDeclaration':
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
    case 'TSImportEqualsDeclaration':
    case 'TSDeclareFunction':
      collectPattern(statement.id as AnyNode | null, names);
      return;
    case 'ImportDeclaration':
      for (const specifier of statement.specifiers as AnyNode[]) collectPattern(specifier.local as AnyNode, names);
      return;
    case 'ExportNamedDeclaration':
      if (statement.declaration) {
        const before = names.length;
        collectStatement(statement.declaration as AnyNode, names);
        for (const name of names.slice(before)) names.push(`export ${name}`);
      }
      for (const specifier of (statement.specifiers as AnyNode[] | undefined) ?? []) {
        names.push(`export ${nameOf(specifier.exported as AnyNode)}`, `local ${nameOf(specifier.local as AnyNode)}`);
      }
      return;
    case 'ExportDefaultDeclaration':
      names.push('export default');
      if (statement.declaration) collectStatement(statement.declaration as AnyNode, names);
      return;
    case 'ExportAllDeclaration':
      if (statement.exported) names.push(`export ${nameOf(statement.exported as AnyNode)}`);
      return;
    default:
      return;
  }
}

function collectPattern(pattern: AnyNode | null | undefined, names: string[]): void {
  if (!pattern) return;
  switch (pattern.type) {
    case 'Identifier':
      names.push(pattern.name as string);
      return;
    case 'ObjectPattern':
      for (const property of pattern.properties as AnyNode[]) collectPattern((property.type === 'RestElement' ? property.argument : property.value) as AnyNode, names);
      return;
    case 'ArrayPattern':
      for (const element of pattern.elements as (AnyNode | null)[]) collectPattern(element, names);
      return;
    case 'RestElement':
      collectPattern(pattern.argument as AnyNode, names);
      return;
    case 'AssignmentPattern':
      collectPattern(pattern.left as AnyNode, names);
      return;
    default:
      // TSQualifiedName (namespace a.b), string-named modules: kept as text.
      names.push(nameOf(pattern));
  }
}

function nameOf(node: AnyNode): string {
  if (node.type === 'Identifier') return node.name as string;
  if (node.type === 'Literal') return String(node.value);
  return node.type;
}
