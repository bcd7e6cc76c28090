import type { TSESTree } from '@typescript-eslint/utils';
import { variableOf, type SourceCode } from '../../analysis/scope';
import { collect, plainMemberName, thisFunction, within, keyName } from './ast';

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** Where a hardcoded key lives: a module-level const or a class field with an initialiser. */
export interface KeyBinding {
  kind: 'const' | 'field';
  /** The variable's name, or the field's (`key`, `#key`). */
  name: string;
  /** What the rewrite removes: the whole `const` statement or the field. */
  declaration: TSESTree.VariableDeclaration | TSESTree.PropertyDefinition;
  init: TSESTree.Expression;
  /** The hardcoded literal inside `init` (the finding's location). */
  origin: TSESTree.Node;
  /** Every expression that reads the key: identifiers, or `this.key` / `Class.KEY` member expressions. */
  reads: TSESTree.Node[];
  /** For a field: its class and whether it is static. */
  owner?: { classNode: ClassNode; static: boolean };
}

/**
 * The binding whose initialiser holds the hardcoded literal `origin`; undefined
 * when the key is not held in a shape the rewrite can remove safely (exported,
 * reassigned, several declarators, read through unknown objects).
 */
export function findKeyBinding(sourceCode: SourceCode, origin: TSESTree.Node): KeyBinding | undefined {
  if (origin.type !== 'Literal' && origin.type !== 'TemplateLiteral') return undefined;
  for (let n = origin.parent; n; n = n.parent) {
    if (n.type === 'VariableDeclarator') return constBinding(sourceCode, n, origin);
    if (n.type === 'PropertyDefinition') return fieldBinding(sourceCode, n, origin);
    if (n.type === 'Program' || n.type.endsWith('Statement') || n.type === 'ClassBody') return undefined;
  }
  return undefined;
}

function constBinding(sourceCode: SourceCode, declarator: TSESTree.VariableDeclarator, origin: TSESTree.Node): KeyBinding | undefined {
  const statement = declarator.parent;
  if (statement.type !== 'VariableDeclaration' || statement.kind !== 'const' || statement.declarations.length !== 1) return undefined;
  if (statement.parent.type !== 'Program' || declarator.id.type !== 'Identifier' || !declarator.init || !within(origin, declarator.init)) return undefined;
  const variable = variableOf(sourceCode, declarator.id);
  if (!variable || variable.defs.length !== 1) return undefined;
  const uses = variable.references.filter((r) => r.identifier !== declarator.id);
  if (uses.some((r) => r.isWrite())) return undefined;
  return { kind: 'const', name: declarator.id.name, declaration: statement, init: declarator.init, origin, reads: uses.map((r) => r.identifier as TSESTree.Node) };
}

function fieldBinding(sourceCode: SourceCode, field: TSESTree.PropertyDefinition, origin: TSESTree.Node): KeyBinding | undefined {
  const name = keyName(field.key, field.computed);
  const classNode = field.parent.parent;
  if (!name || !field.value || !within(origin, field.value) || field.declare) return undefined;
  if (classNode.type !== 'ClassDeclaration' && classNode.type !== 'ClassExpression') return undefined;
  const className = classNode.id?.name;
  const reads: TSESTree.Node[] = [];
  for (const member of collect<TSESTree.MemberExpression>(sourceCode.ast, 'MemberExpression')) {
    if (plainMemberName(member) !== name) continue;
    const ownRead = within(member, classNode.body) && isOwnAccess(member, classNode, field.static, className);
    if (!ownRead) return undefined; // read through an object we cannot prove is this class: not certain
    const parent = member.parent;
    const written = (parent.type === 'AssignmentExpression' && parent.left === member) || parent.type === 'UpdateExpression' || (parent.type === 'UnaryExpression' && parent.operator === 'delete');
    if (written) return undefined;
    reads.push(member);
  }
  return { kind: 'field', name, declaration: field, init: field.value, origin, reads, owner: { classNode, static: field.static } };
}

/** `this.key` in an instance method (or `this.KEY`/`Class.KEY` in a static one) of the class itself. */
function isOwnAccess(member: TSESTree.MemberExpression, classNode: ClassNode, isStatic: boolean, className: string | undefined): boolean {
  if (member.object.type === 'Identifier') return isStatic && member.object.name === className;
  if (member.object.type !== 'ThisExpression') return false;
  const fn = thisFunction(member);
  const method = fn?.parent;
  return method?.type === 'MethodDefinition' && method.parent.parent === classNode && method.static === isStatic && method.kind === 'method';
}
