import type { TSESTree } from '@typescript-eslint/utils';

export type FunctionNode = TSESTree.FunctionDeclaration | TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

export function isFunction(node: TSESTree.Node | undefined): node is FunctionNode {
  return node?.type === 'FunctionDeclaration' || node?.type === 'FunctionExpression' || node?.type === 'ArrowFunctionExpression';
}

/** `node` lies inside `outer` (or is it). */
export function within(node: TSESTree.Node, outer: TSESTree.Node | readonly [number, number]): boolean {
  const range = 'range' in outer && !Array.isArray(outer) ? (outer as TSESTree.Node).range : (outer as readonly [number, number]);
  return range[0] <= node.range[0] && node.range[1] <= range[1];
}

/** Depth-first visit of every node below `node` (and `node` itself). */
export function walk(node: TSESTree.Node, visit: (node: TSESTree.Node) => void, skipFunctions = false): void {
  visit(node);
  for (const key of Object.keys(node) as (keyof typeof node)[]) {
    if (key === 'parent') continue;
    const value = node[key] as unknown;
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (!child || typeof child !== 'object' || typeof (child as TSESTree.Node).type !== 'string') continue;
      const c = child as TSESTree.Node;
      if (skipFunctions && isFunction(c)) continue;
      walk(c, visit, skipFunctions);
    }
  }
}

/** Node's Buffer/stream encoding names. */
const ENCODING_NAME = /^(hex|base64|base64url|utf-?8|binary|latin1|ascii|ucs-?2|utf-?16le)$/i;
const ENCODING_METHODS = new Set(['update', 'final', 'toString', 'from', 'write']);

/**
 * The encoding names passed to `update`/`final`/`toString`/`from`/`write` below
 * `root`, lower-cased, in source order: how a function turns text into
 * ciphertext and back, which a rewrite must keep.
 */
export function encodingArguments(root: TSESTree.Node): string[] {
  const found: string[] = [];
  walk(root, (node) => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.property.type !== 'Identifier') return;
    if (!ENCODING_METHODS.has(node.callee.property.name)) return;
    for (const arg of node.arguments) if (arg.type === 'Literal' && typeof arg.value === 'string' && ENCODING_NAME.test(arg.value)) found.push(arg.value.toLowerCase());
  });
  return found;
}

/** Every node of one type below `root`. */
export function collect<T extends TSESTree.Node>(root: TSESTree.Node, type: `${T['type']}`, skipFunctions = false): T[] {
  const found: T[] = [];
  walk(root, (node) => {
    if (node.type === type) found.push(node as T);
  }, skipFunctions);
  return found;
}

/** The nearest enclosing non-arrow function (what `this` refers to), or undefined at module level. */
export function thisFunction(node: TSESTree.Node): TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression') return n;
    if (n.type === 'PropertyDefinition' || n.type === 'StaticBlock') return undefined;
  }
  return undefined;
}

/** The name of a member expression's property when it is written plainly (`a.b`, `a.#b` → 'b' / '#b'). */
export function plainMemberName(node: TSESTree.MemberExpression): string | undefined {
  if (node.computed) return node.property.type === 'Literal' && typeof node.property.value === 'string' ? node.property.value : undefined;
  if (node.property.type === 'Identifier') return node.property.name;
  if (node.property.type === 'PrivateIdentifier') return `#${node.property.name}`;
  return undefined;
}

/** A class member's or property's key as a name, when it is not computed. */
export function keyName(key: TSESTree.Node, computed: boolean): string | undefined {
  if (key.type === 'PrivateIdentifier') return `#${key.name}`;
  if (computed) return undefined;
  if (key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}

/** Whether the file uses TypeScript syntax anywhere (so generated code may carry types). */
export function hasTypeScriptSyntax(program: TSESTree.Program): boolean {
  let found = false;
  walk(program, (node) => {
    if (!found && node.type.startsWith('TS')) found = true;
    if (!found && (node.type === 'PropertyDefinition' || node.type === 'MethodDefinition') && node.accessibility) found = true;
  });
  return found;
}

/** The whitespace that starts the line `offset` is on. */
export function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start))![0];
}

/** The statement's whole line(s), so removing it leaves no blank hole; its own range when it shares a line. */
export function lineRange(text: string, node: TSESTree.Node): [number, number] {
  const start = text.lastIndexOf('\n', node.range[0] - 1) + 1;
  const newline = text.indexOf('\n', node.range[1]);
  const end = newline === -1 ? text.length : newline + 1;
  const alone = /^[ \t]*$/.test(text.slice(start, node.range[0])) && /^[ \t;]*(\/\/.*)?$/.test(text.slice(node.range[1], newline === -1 ? undefined : newline));
  return alone ? [start, end] : node.range;
}

/** The nearest function around `node`. */
export function enclosingFunctionNode(node: TSESTree.Node): FunctionNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunction(n)) return n;
  return undefined;
}

/** The return statements of a function body (not of functions nested in it). */
export function returnsOf(body: TSESTree.Node): TSESTree.ReturnStatement[] {
  return collect<TSESTree.ReturnStatement>(body, 'ReturnStatement', true);
}
