import type { TSESTree } from '@typescript-eslint/utils';
import { descendants } from './ast';
import { returnedExpressions } from './local-functions';
import { annotatedTypeName, classMemberKeyName, memberName, unwrapExpression, variableOf, type SourceCode } from './scope';
import { LintScopedWeakMap } from './lint-scoped';

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * The expressions a class member can hold: `this.key` (instance fields and
 * `this.key = …` assignments inside the class) or `Config.KEY` (static fields).
 */
export function classMemberValues(sourceCode: SourceCode, node: TSESTree.MemberExpression, name: string): TSESTree.Node[] {
  const object = unwrapExpression(node.object);
  if (object.type === 'ThisExpression') {
    const cls = enclosingClass(node);
    return cls ? memberValues(cls, name, false) : [];
  }
  if (object.type === 'Identifier') {
    const variable = variableOf(sourceCode, object);
    const def = variable?.defs[0];
    if (def?.type === 'ClassName') return memberValues(def.node as ClassNode, name, true);
  }
  return [];
}

/**
 * What `param.<name>` holds when `param` is declared with the type of a class of this file
 * (`constructor(private readonly appConfig: AppConfig)`, a Nest provider injected by its type):
 * that class's field values or getter returns. Empty for other types.
 */
export function typedInstanceMemberValues(sourceCode: SourceCode, param: TSESTree.Identifier, name: string): TSESTree.Node[] {
  const typeName = annotatedTypeName(param);
  const def = typeName && variableOf(sourceCode, typeName)?.defs[0];
  return def?.type === 'ClassName' ? memberValues(def.node as ClassNode, name, false) : [];
}

function enclosingClass(node: TSESTree.Node): ClassNode | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'ClassDeclaration' || n.type === 'ClassExpression') return n;
    // `this` inside a plain function is not the class instance.
    if (n.type === 'FunctionDeclaration' || (n.type === 'FunctionExpression' && n.parent?.type !== 'MethodDefinition')) return undefined;
  }
  return undefined;
}

function memberValues(cls: ClassNode, name: string, isStatic: boolean): TSESTree.Node[] {
  const values: TSESTree.Node[] = [];
  for (const element of cls.body.body) {
    if (element.type === 'PropertyDefinition' && element.static === isStatic && !element.computed && classMemberKeyName(element.key) === name) {
      if (element.value) values.push(element.value);
    }
    // `get algorithm() { return `aes-${this.bits}-ecb`; }`: reading the member evaluates the getter's return.
    if (element.type === 'MethodDefinition' && element.kind === 'get' && element.static === isStatic && !element.computed && classMemberKeyName(element.key) === name && element.value.body) {
      values.push(...(returnedExpressions(element.value, false) ?? []));
    }
    if (!isStatic && element.type === 'MethodDefinition' && element.value.body) {
      collectThisAssignments(element.value.body, name, values);
      if (element.kind === 'constructor') collectParameterProperties(element.value, name, values);
    }
  }
  return values;
}

/** `constructor(private readonly key = 'x')`. */
function collectParameterProperties(fn: TSESTree.FunctionExpression, name: string, out: TSESTree.Node[]): void {
  for (const param of fn.params) {
    if (param.type !== 'TSParameterProperty') continue;
    const inner = param.parameter;
    if (inner.type === 'AssignmentPattern' && inner.left.type === 'Identifier' && inner.left.name === name) out.push(inner.right);
  }
}

/** `this.<name> = value` assignments per method body, indexed by name in one walk per body. */
const thisAssignmentIndex = new LintScopedWeakMap<TSESTree.Node, Map<string, TSESTree.Node[]>>();

/** Finds `this.<name> = value` in a method body, not descending into nested non-arrow functions. */
function collectThisAssignments(body: TSESTree.Node, name: string, out: TSESTree.Node[]): void {
  let index = thisAssignmentIndex.get(body);
  if (!index) {
    index = new Map();
    const nested = (n: TSESTree.Node) => n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ClassBody';
    for (const node of descendants(body, nested)) {
      if (node.type !== 'AssignmentExpression' || node.operator !== '=' || node.left.type !== 'MemberExpression' || node.left.object.type !== 'ThisExpression') continue;
      const member = memberName(node.left);
      if (member === undefined) continue;
      const values = index.get(member);
      if (values) values.push(node.right);
      else index.set(member, [node.right]);
    }
    thisAssignmentIndex.set(body, index);
  }
  out.push(...(index.get(name) ?? []));
}

