import type { TSESTree } from '@typescript-eslint/utils';
import { LintScopedWeakMap } from './lint-scoped';

/**
 * Properties that hold no child node, or (`tokens`, `comments` of a Program, as
 * parsers for ESLint attach them) objects that look like nodes but are not: a
 * whole-file walk that went into them would see every token as well, twice the
 * nodes of the file, all of them skipped by every analysis.
 */
function isNotChildKey(key: string): boolean {
  return key === 'parent' || key === 'loc' || key === 'range' || key === 'tokens' || key === 'comments';
}

/** Direct child nodes, in no particular order (skips `parent` and non-node fields). */
export function* childNodes(node: TSESTree.Node): Generator<TSESTree.Node> {
  for (const key of Object.keys(node) as (keyof typeof node)[]) {
    if (isNotChildKey(key)) continue;
    const value = node[key] as unknown;
    if (Array.isArray(value)) {
      for (const item of value) if (isNode(item)) yield item;
    } else if (isNode(value)) {
      yield value;
    }
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Depth-first walk below `root`. `skip` prunes a subtree (e.g. nested
 * functions); iterative so deep ASTs cannot overflow the stack.
 */
export function* descendants(root: TSESTree.Node, skip?: (node: TSESTree.Node) => boolean): Generator<TSESTree.Node> {
  // Children are pushed inline (not through `childNodes`): this walk runs on whole files.
  const stack: TSESTree.Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node !== root && skip?.(node)) continue;
    yield node;
    for (const key in node) {
      if (isNotChildKey(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) stack.push(item);
      } else if (isNode(value)) {
        stack.push(value);
      }
    }
  }
}

/**
 * Every node of a file, in `descendants`' order, walked once per lint and kept
 * with the Program: a dozen analyses scan the whole file for the calls, classes
 * or objects they look for, and one walk each cost some 10% of a lint on
 * library code.
 */
export function programNodes(program: TSESTree.Program): readonly TSESTree.Node[] {
  let nodes = nodesOfProgram.get(program);
  if (!nodes) nodesOfProgram.set(program, (nodes = allNodes(program)));
  return nodes;
}
const nodesOfProgram = new LintScopedWeakMap<TSESTree.Program, readonly TSESTree.Node[]>();

/** `[...descendants(root)]`, in the same order, without a generator's cost per node (a third less on whole files). */
function allNodes(root: TSESTree.Node): TSESTree.Node[] {
  const nodes: TSESTree.Node[] = [];
  const stack: TSESTree.Node[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    nodes.push(node);
    for (const key in node) {
      if (isNotChildKey(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (isNode(value[i])) stack.push(value[i] as TSESTree.Node);
      } else if (isNode(value)) {
        stack.push(value);
      }
    }
  }
  return nodes;
}

/** Is the node inside a function body (rather than run once at module load)? */
export function insideFunction(node: TSESTree.Node): boolean {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === 'FunctionDeclaration' || n.type === 'FunctionExpression' || n.type === 'ArrowFunctionExpression') return true;
  }
  return false;
}

/** Does `node` lie inside `outer` (or is it `outer`)? Both from the same parse. */
export function isWithin(node: TSESTree.Node, outer: TSESTree.Node): boolean {
  return outer.range[0] <= node.range[0] && node.range[1] <= outer.range[1];
}

/**
 * Where to report a call: the call itself, or — for a method call whose chain starts on an earlier line
 * (`vault\n  .post('transit/encrypt/notes', …)`) — from the method's name to the call's end, the line
 * that says what is called rather than the line of the receiver.
 */
export function callLocation(call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.SourceLocation {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.property.loc.start.line === call.loc.start.line) return call.loc;
  return { start: callee.property.loc.start, end: call.loc.end };
}

/**
 * The length `n` of a prefix taken directly from `node`'s value: `node.subarray(0, n)` / `node.slice(0, n)`
 * (a tag cut where it is produced: `cipher.getAuthTag().subarray(0, 8)`).
 */
export function prefixLength(node: TSESTree.Node): TSESTree.Node | undefined {
  const member = node.parent;
  if (member?.type !== 'MemberExpression' || member.object !== node || member.computed || member.property.type !== 'Identifier') return undefined;
  const cut = member.parent;
  if ((member.property.name !== 'subarray' && member.property.name !== 'slice') || cut?.type !== 'CallExpression' || cut.callee !== member) return undefined;
  const [start, end] = cut.arguments;
  if (cut.arguments.length !== 2 || start.type !== 'Literal' || start.value !== 0 || end.type === 'SpreadElement') return undefined;
  return end;
}

/** The `constructor(…) { … }` a class declares itself (its function), if any. */
export function classConstructor(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): TSESTree.FunctionExpression | undefined {
  const ctor = cls.body.body.find((m): m is TSESTree.MethodDefinition => m.type === 'MethodDefinition' && m.kind === 'constructor');
  return ctor?.value.type === 'FunctionExpression' ? ctor.value : undefined;
}

/**
 * Every operand of a `+` chain, parenthesised sums included (`A + (B + C)` → A, B, C): what a concatenation is made
 * of, unlike values.ts's `plusOperands`, which keeps a right-hand sum whole to evaluate it in order.
 */
export function concatenatedOperands(node: TSESTree.Node): TSESTree.Node[] {
  return node.type === 'BinaryExpression' && node.operator === '+' ? [...concatenatedOperands(node.left), ...concatenatedOperands(node.right)] : [node];
}
