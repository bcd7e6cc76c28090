import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { variableOf, type SourceCode } from '../../analysis/scope';
import { collect, isFunction, keyName, plainMemberName, thisFunction, within, type FunctionNode } from './ast';
import type { ClassNode } from './key';

/** What holds an encrypt/decrypt function: the module itself, a class, or an object literal bound to a const. */
export type Container =
  | { kind: 'module' }
  | { kind: 'class'; node: ClassNode; name: string | undefined }
  | { kind: 'object'; node: TSESTree.ObjectExpression; name: string; variable: TSESLint.Scope.Variable };

/** An encrypt or decrypt function of a recognised pair, in one of the shapes the rewrite can edit. */
export interface CryptoFunction {
  node: FunctionNode;
  /** `function f`, `const f = () => …`, `exports.f = function …`, a class method, an object-literal method or arrow property. */
  shape: 'declaration' | 'variable' | 'exported' | 'method' | 'property';
  name: string;
  container: Container;
  /** For class methods. */
  isStatic: boolean;
  /** The class member or object property (method and property shapes). */
  member?: TSESTree.MethodDefinition | TSESTree.Property;
  param: TSESTree.Identifier;
  body: TSESTree.BlockStatement;
  /** Where `async ` goes. */
  asyncAt: number;
  returnType?: TSESTree.TypeNode;
}

/** The function around `node`, when it is a named, single-parameter, non-generator function of a shape we edit (async only when the idiom says so). */
export function enclosingFunction(sourceCode: SourceCode, node: TSESTree.Node): CryptoFunction | undefined {
  let fn: TSESTree.Node | undefined = node.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  if (!isFunction(fn) || fn.generator || fn.body.type !== 'BlockStatement') return undefined;
  if (fn.params.length !== 1 || fn.params[0].type !== 'Identifier') return undefined;
  const base = { node: fn, param: fn.params[0], body: fn.body, returnType: fn.returnType?.typeAnnotation, isStatic: false };
  const parent = fn.parent;
  if (fn.type === 'FunctionDeclaration') {
    if (!fn.id || !isTopLevel(parent)) return undefined;
    return { ...base, shape: 'declaration', name: fn.id.name, container: { kind: 'module' }, asyncAt: fn.range[0] };
  }
  if (parent.type === 'VariableDeclarator') {
    const declaration = parent.parent;
    if (parent.id.type !== 'Identifier' || parent.init !== fn || declaration.kind !== 'const' || declaration.declarations.length !== 1 || !isTopLevel(declaration.parent)) return undefined;
    return { ...base, shape: 'variable', name: parent.id.name, container: { kind: 'module' }, asyncAt: fn.range[0] };
  }
  if (parent.type === 'AssignmentExpression' && parent.right === fn && parent.operator === '=' && parent.parent.type === 'ExpressionStatement' && parent.parent.parent.type === 'Program') {
    // `exports.encrypt = function (text) {…}` / `module.exports.encrypt = (text) => {…}`
    const name = parent.left.type === 'MemberExpression' ? plainMemberName(parent.left) : undefined;
    if (!name || name.startsWith('#') || !isExportsTarget(parent.left)) return undefined;
    return { ...base, shape: 'exported', name, container: { kind: 'module' }, member: undefined, asyncAt: fn.range[0] };
  }
  if (parent.type === 'MethodDefinition' && fn.type === 'FunctionExpression') {
    const name = keyName(parent.key, parent.computed);
    const classNode = parent.parent.parent;
    if (!name || name.startsWith('#') || parent.kind !== 'method' || (classNode.type !== 'ClassDeclaration' && classNode.type !== 'ClassExpression')) return undefined;
    const container = classContainer(classNode);
    if (!container) return undefined;
    return { ...base, shape: 'method', name, container, isStatic: parent.static, member: parent, asyncAt: parent.key.range[0] };
  }
  if (parent.type === 'Property' && parent.value === fn) {
    const name = keyName(parent.key, parent.computed);
    const object = parent.parent;
    if (!name || parent.kind !== 'init' || object.type !== 'ObjectExpression') return undefined;
    const container = objectContainer(sourceCode, object);
    if (!container) return undefined;
    const asyncAt = parent.method ? parent.key.range[0] : fn.range[0];
    return { ...base, shape: parent.method ? 'method' : 'property', name, container, member: parent, asyncAt };
  }
  return undefined;
}

function isTopLevel(node: TSESTree.Node): boolean {
  return node.type === 'Program' || (node.type === 'ExportNamedDeclaration' && node.parent.type === 'Program');
}

/** A class declared at module level (named), or `const X = class {…}` / `export default class {…}`. */
function classContainer(node: ClassNode): Container | undefined {
  const parent = node.parent;
  if (node.type === 'ClassDeclaration' && (isTopLevel(parent) || (parent.type === 'ExportDefaultDeclaration' && parent.parent.type === 'Program'))) return { kind: 'class', node, name: node.id?.name };
  if (parent.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && parent.parent.kind === 'const' && isTopLevel(parent.parent.parent)) return { kind: 'class', node, name: parent.id.name };
  return undefined;
}

/** `const cipher = { … }` at module level (exported or not). */
function objectContainer(sourceCode: SourceCode, node: TSESTree.ObjectExpression): Container | undefined {
  const declarator = node.parent;
  if (declarator.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier' || declarator.init !== node) return undefined;
  if (declarator.parent.kind !== 'const' || declarator.parent.declarations.length !== 1 || !isTopLevel(declarator.parent.parent)) return undefined;
  const variable = variableOf(sourceCode, declarator.id);
  return variable ? { kind: 'object', node, name: declarator.id.name, variable } : undefined;
}

/**
 * The in-file calls of the pair that must now be awaited; undefined when a use
 * cannot be kept working: a caller that cannot await, the function used as a
 * value, recursion, or a member access we cannot attribute with certainty.
 */
export function findCallers(sourceCode: SourceCode, fns: readonly CryptoFunction[], esm: boolean, libraryCallees: ReadonlySet<TSESTree.Node>): TSESTree.CallExpression[] | undefined {
  const uses: TSESTree.Node[] = [];
  for (const fn of fns) {
    const found = fn.shape === 'exported' ? exportedUses(sourceCode, fn, libraryCallees) : fn.container.kind === 'module' ? moduleUses(sourceCode, fn) : memberUses(sourceCode, fn, libraryCallees);
    if (!found) return undefined;
    uses.push(...found);
  }
  if (!containerEscapesSafely(sourceCode, fns[0].container)) return undefined;
  const callers: TSESTree.CallExpression[] = [];
  for (const use of uses) {
    if (fns.some((f) => within(use, f.node))) return undefined; // recursion or the pair calling itself
    const parent = use.parent!;
    if (parent.type === 'CallExpression' && parent.callee === use) {
      if (parent.parent?.type === 'AwaitExpression') continue;
      if (!awaitAllowedAt(parent, esm)) return undefined;
      callers.push(parent);
      continue;
    }
    if (isExportUse(use)) continue;
    return undefined;
  }
  return callers;
}

/** References of a module-level function's binding (other than its declaration). */
function moduleUses(sourceCode: SourceCode, fn: CryptoFunction): TSESTree.Node[] | undefined {
  const declared = sourceCode.getDeclaredVariables(fn.node.type === 'FunctionDeclaration' ? fn.node : fn.node.parent!);
  const variable = declared.find((v) => v.name === fn.name);
  if (!variable) return undefined;
  return variable.references.map((r) => r.identifier as TSESTree.Node).filter((id) => id.parent?.type !== 'VariableDeclarator' || (id.parent as TSESTree.VariableDeclarator).id !== id);
}

/** `exports.encrypt(…)` elsewhere in the file: calls through the exports object. */
function exportedUses(sourceCode: SourceCode, fn: CryptoFunction, libraryCallees: ReadonlySet<TSESTree.Node>): TSESTree.Node[] | undefined {
  const assigned = fn.node.parent as TSESTree.AssignmentExpression;
  const uses: TSESTree.Node[] = [];
  for (const member of collect<TSESTree.MemberExpression>(sourceCode.ast, 'MemberExpression')) {
    if (plainMemberName(member) !== fn.name || member === assigned.left || libraryCallees.has(member)) continue;
    if (!isExportsTarget(member)) return undefined;
    uses.push(member);
  }
  return uses;
}

/**
 * Member accesses `x.encrypt` anywhere in the file: each must be `this.encrypt`
 * inside the same class/object, `Class.encrypt` for a static method, `obj.encrypt`
 * on the object's own binding, or `v.encrypt` on a const initialised with `new Class()`.
 */
function memberUses(sourceCode: SourceCode, fn: CryptoFunction, libraryCallees: ReadonlySet<TSESTree.Node>): TSESTree.Node[] | undefined {
  const uses: TSESTree.Node[] = [];
  const container = fn.container;
  for (const member of collect<TSESTree.MemberExpression>(sourceCode.ast, 'MemberExpression')) {
    if (plainMemberName(member) !== fn.name) continue;
    if (libraryCallees.has(member)) continue; // `subtle.encrypt(…)`: the library's own method, resolved by the model
    if (!isOwnMember(sourceCode, member, fn)) return undefined; // `other.encrypt`: an object we cannot attribute
    uses.push(member);
  }
  if (container.kind === 'class' && container.node.superClass) return undefined;
  return uses;
}

function isOwnMember(sourceCode: SourceCode, member: TSESTree.MemberExpression, fn: CryptoFunction): boolean {
  const container = fn.container;
  if (container.kind === 'module') return false;
  const object = member.object;
  if (object.type === 'ThisExpression') {
    const owner = thisFunction(member)?.parent;
    if (container.kind === 'class') return owner?.type === 'MethodDefinition' && owner.parent.parent === container.node && owner.static === fn.isStatic;
    return owner?.type === 'Property' && owner.parent === container.node && owner.method;
  }
  if (object.type !== 'Identifier') return false;
  if (container.kind === 'object') return variableOf(sourceCode, object) === container.variable;
  if (fn.isStatic) return object.name === container.name && !!container.name && isClassBinding(sourceCode, object, container.node);
  const variable = variableOf(sourceCode, object);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (def?.type !== 'Variable' || def.node.id.type !== 'Identifier' || def.parent.kind !== 'const') return false;
  const init = def.node.init;
  return init?.type === 'NewExpression' && init.callee.type === 'Identifier' && isClassBinding(sourceCode, init.callee, container.node);
}

function isClassBinding(sourceCode: SourceCode, id: TSESTree.Identifier, classNode: ClassNode): boolean {
  const def = variableOf(sourceCode, id)?.defs[0];
  return !!def && (def.node === classNode || (def.node.type === 'VariableDeclarator' && def.node.init === classNode));
}

/**
 * The class or object itself may be exported, instantiated and have its methods
 * called, but not passed around (`register(cipher)`), aliased or subclassed:
 * then the methods could be called from code we cannot see await.
 */
function containerEscapesSafely(sourceCode: SourceCode, container: Container): boolean {
  if (container.kind === 'module') return true;
  const variable = container.kind === 'object' ? container.variable : classVariable(sourceCode, container.node);
  if (!variable) return container.kind === 'class';
  for (const ref of variable.references) {
    const id = ref.identifier as TSESTree.Node;
    const parent = id.parent!;
    if ((ref as { isTypeReference?: boolean }).isTypeReference || parent.type === 'TSTypeQuery') continue; // types vanish at run time
    if (parent.type === 'VariableDeclarator' && parent.id === id) continue;
    if (parent.type === 'MemberExpression' && parent.object === id) continue;
    if (parent.type === 'NewExpression' && parent.callee === id) continue;
    if (isExportUse(id)) continue;
    return false;
  }
  return true;
}

function classVariable(sourceCode: SourceCode, node: ClassNode): TSESLint.Scope.Variable | undefined {
  const declared = node.type === 'ClassDeclaration' ? sourceCode.getDeclaredVariables(node) : node.parent.type === 'VariableDeclarator' ? sourceCode.getDeclaredVariables(node.parent) : [];
  return declared.find((v) => v.defs.some((d) => d.node === node || d.node === node.parent)) ?? declared[0];
}

function awaitAllowedAt(node: TSESTree.Node, esm: boolean): boolean {
  for (let n: TSESTree.Node | undefined = node.parent; n; n = n.parent) {
    if (isFunction(n)) return n.async;
    if (n.type === 'PropertyDefinition' || n.type === 'StaticBlock') return false;
  }
  return esm; // top-level await exists only in ES modules
}

/** `module.exports = { encrypt }`, `exports.encrypt = encrypt`, `export { encrypt }`, `export default cipher`. */
export function isExportUse(id: TSESTree.Node): boolean {
  const parent = id.parent!;
  if (parent.type === 'ExportSpecifier' || parent.type === 'ExportDefaultDeclaration') return true;
  if (parent.type === 'Property' && parent.value === id && parent.parent.type === 'ObjectExpression') {
    const assign = parent.parent.parent;
    return assign?.type === 'AssignmentExpression' && isExportsTarget(assign.left);
  }
  if (parent.type === 'AssignmentExpression' && parent.right === id) return isExportsTarget(parent.left);
  return false;
}

function isExportsTarget(node: TSESTree.Node): boolean {
  if (node.type === 'Identifier') return node.name === 'exports';
  if (node.type !== 'MemberExpression') return false;
  const object = node.object;
  if (object.type === 'Identifier' && (object.name === 'exports' || object.name === 'module')) return true;
  return isExportsTarget(object);
}
