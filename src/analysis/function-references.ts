import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { descendants } from './ast';
import { classMemberName, propertyName, unwrapExpression, variableOf, type SourceCode } from './scope';

/**
 * A generator function handed around by reference (`constructor(rng = Math.random)`,
 * `const pick = Math.random`) is called where it arrives: the calls it makes are
 * found by following the binding it is stored in — a variable, a parameter whose
 * default it is, and a `this.field` the parameter is stored in — to calls of it.
 */
export function callsOfFunctionReference(sourceCode: SourceCode, reference: TSESTree.Node): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (const variable of bindingsHolding(sourceCode, reference)) {
    for (const ref of variable.references) {
      if (!ref.isRead()) continue;
      const id = ref.identifier as TSESTree.Node;
      const parent = id.parent;
      if (parent?.type === 'CallExpression' && parent.callee === id) calls.push(parent);
      const field = parent?.type === 'AssignmentExpression' && parent.right === id ? thisFieldName(parent.left) : undefined;
      if (field) calls.push(...thisFieldCalls(parent!, field));
    }
  }
  return calls;
}

/** The variables the referenced function is stored in: `const x = REF`, `x = cond ? REF : other`, `(x = REF) => …`. */
function bindingsHolding(sourceCode: SourceCode, reference: TSESTree.Node): TSESLint.Scope.Variable[] {
  let node: TSESTree.Node = reference;
  while (node.parent && (node.parent.type === 'ConditionalExpression' || node.parent.type === 'LogicalExpression' || node.parent.type === 'TSAsExpression')) {
    if (node.parent.type === 'ConditionalExpression' && node.parent.test === node) return [];
    node = node.parent;
  }
  const parent = node.parent;
  let target: TSESTree.Node | undefined;
  if (parent?.type === 'VariableDeclarator' && parent.init === node) target = parent.id;
  else if (parent?.type === 'AssignmentPattern' && parent.right === node) target = parent.left;
  const id = target && unwrapExpression(target);
  const variable = id?.type === 'Identifier' ? variableOf(sourceCode, id) : undefined;
  return variable ? [variable] : [];
}

/** `this.rng` / `this.#rng` on the left of an assignment: the field's name. */
function thisFieldName(node: TSESTree.Node): string | undefined {
  if (node.type !== 'MemberExpression' || node.object.type !== 'ThisExpression' || node.computed) return undefined;
  return classMemberName(node);
}

/** Calls `this.<field>()` anywhere in the class that contains `from`. */
function thisFieldCalls(from: TSESTree.Node, field: string): TSESTree.CallExpression[] {
  let cls: TSESTree.Node | undefined = from.parent;
  while (cls && cls.type !== 'ClassBody') cls = cls.parent;
  if (!cls) return [];
  const calls: TSESTree.CallExpression[] = [];
  for (const node of descendants(cls)) {
    if (node.type !== 'CallExpression') continue;
    const callee = unwrapExpression(node.callee);
    if (callee.type === 'MemberExpression' && callee.object.type === 'ThisExpression' && thisFieldName(callee) === field) calls.push(node);
  }
  return calls;
}

/** `Math.random` written as a value (not called on the spot): a reference to the global's method. */
export function isUncalledGlobalMethod(sourceCode: SourceCode, node: TSESTree.MemberExpression, object: string, method: string): boolean {
  if (node.object.type !== 'Identifier' || node.object.name !== object || propertyName(node.property) !== method || node.computed) return false;
  if (variableOf(sourceCode, node.object)?.defs.length) return false;
  const parent = node.parent;
  return !(parent?.type === 'CallExpression' && parent.callee === node) && !(parent?.type === 'MemberExpression' && parent.object === node);
}
