/**
 * Syntax-preserving mutations of real source files, for the rule fuzzer
 * (rules-fuzz.ts). Realistic files hold the shapes the rules model; mutating
 * them makes the odd-but-valid variants a hand-written test never tries: a
 * call missing the argument a table says is the key, a key that refers to
 * itself or to a variable that refers back, optional chains and computed
 * members where the model expects plain ones, a statement gone from the middle
 * of a data flow. Each mutation splices text at an AST node's range; a
 * variant that no longer parses is discarded by the caller.
 */
import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';

/** A small deterministic PRNG (mulberry32), so a reported crash can be replayed from its seed. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Node = TSESTree.Node;
type Random = () => number;

interface Edit {
  start: number;
  end: number;
  text: string;
}

export interface Mutation {
  /** What was done, for the report: `deleteArgument at 12:8`. */
  name: string;
  edit: Edit;
}

interface Parsed {
  source: string;
  nodes: Node[];
  identifiers: string[];
}

/** Parses with ranges and collects every node with its parent (typescript-estree sets `parent`). */
export function parseForMutation(source: string, jsx: boolean): Parsed | null {
  let program: TSESTree.Program;
  try {
    program = parse(source, { range: true, loc: true, jsx, comment: false });
  } catch {
    return null;
  }
  const nodes: Node[] = [];
  const identifiers = new Set<string>();
  const visit = (node: Node, parent: Node | undefined): void => {
    if (parent && !node.parent) (node as { parent?: Node }).parent = parent;
    nodes.push(node);
    if (node.type === 'Identifier') identifiers.add(node.name);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent' || key === 'loc' || key === 'range') continue;
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) visit(child, node);
      } else if (isNode(value)) {
        visit(value, node);
      }
    }
  };
  visit(program, undefined);
  return { source, nodes, identifiers: [...identifiers] };
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

const at = (node: Node) => `${node.loc.start.line}:${node.loc.start.column + 1}`;
const textOf = (parsed: Parsed, node: Node) => parsed.source.slice(node.range[0], node.range[1]);
const pick = <T>(random: Random, items: readonly T[]): T | undefined => (items.length ? items[Math.floor(random() * items.length)] : undefined);

/** Is `node` in a place where any expression may stand (not a pattern, key, label or import source)? */
function isExpressionSlot(node: Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  switch (parent.type) {
    case 'CallExpression':
    case 'NewExpression':
      return true;
    case 'VariableDeclarator':
      return parent.init === node;
    case 'Property':
      return parent.value === node && !parent.shorthand && parent.parent?.type === 'ObjectExpression';
    case 'ReturnStatement':
    case 'ArrayExpression':
    case 'ConditionalExpression':
    case 'LogicalExpression':
    case 'BinaryExpression':
    case 'AwaitExpression':
    case 'TemplateLiteral':
    case 'ExpressionStatement':
      return parent.type !== 'ExpressionStatement' || node.type !== 'Literal';
    case 'AssignmentExpression':
      return parent.right === node;
    case 'MemberExpression':
      return parent.object === node || (parent.computed && parent.property === node);
    default:
      return false;
  }
}

const EXPRESSION_TYPES = new Set([
  'CallExpression', 'NewExpression', 'MemberExpression', 'Literal', 'TemplateLiteral', 'ObjectExpression', 'ArrayExpression',
  'Identifier', 'BinaryExpression', 'LogicalExpression', 'ConditionalExpression', 'AwaitExpression', 'ArrowFunctionExpression',
  'FunctionExpression', 'ChainExpression', 'TSAsExpression', 'TSNonNullExpression', 'UnaryExpression',
]);

/** Replacements for an expression: other shapes of value a rule may meet where it expects a key, an algorithm or an options object. */
function replacementFor(parsed: Parsed, node: Node, random: Random): string {
  const other = pick(random, parsed.identifiers) ?? 'x';
  const original = textOf(parsed, node);
  const choices = [
    'undefined',
    'null',
    'this',
    other,
    `${other}()`,
    `${other}.${pick(random, parsed.identifiers) ?? 'y'}`,
    `${other}?.[0]`,
    '[]',
    '{}',
    "''",
    '0',
    '`${' + other + '}`',
    `{ ...${other} }`,
    `[...${other}]`,
    `(() => (${original}))()`,
    `(${original}, ${other})`,
    `${other} ? ${original} : ${other}`,
    `${other} ?? ${original}`,
    `new ${other}(${original})`,
    `${other}(${original})`,
    `{ [${other}]: ${original} }`,
  ];
  return pick(random, choices) ?? 'undefined';
}

type Mutator = (parsed: Parsed, random: Random) => Mutation | null;

const replaceExpression: Mutator = (parsed, random) => {
  const node = pick(random, parsed.nodes.filter((n) => EXPRESSION_TYPES.has(n.type) && isExpressionSlot(n)));
  if (!node) return null;
  return { name: `replaceExpression at ${at(node)}`, edit: { start: node.range[0], end: node.range[1], text: `(${replacementFor(parsed, node, random)})` } };
};

const calls = (parsed: Parsed) => parsed.nodes.filter((n): n is TSESTree.CallExpression | TSESTree.NewExpression => n.type === 'CallExpression' || n.type === 'NewExpression');

const deleteArgument: Mutator = (parsed, random) => {
  const call = pick(random, calls(parsed).filter((c) => c.arguments.length > 0));
  if (!call) return null;
  const index = Math.floor(random() * call.arguments.length);
  const args = call.arguments;
  // remove the argument with the comma that separates it from a neighbour
  const start = index > 0 ? args[index - 1].range[1] : args[index].range[0];
  const end = index > 0 ? args[index].range[1] : index + 1 < args.length ? args[index + 1].range[0] : args[index].range[1];
  return { name: `deleteArgument ${index} at ${at(call)}`, edit: { start, end, text: '' } };
};

const dropArguments: Mutator = (parsed, random) => {
  const call = pick(random, calls(parsed).filter((c) => c.arguments.length > 0));
  if (!call) return null;
  const args = call.arguments;
  return { name: `dropArguments at ${at(call)}`, edit: { start: args[0].range[0], end: args[args.length - 1].range[1], text: '' } };
};

const swapArguments: Mutator = (parsed, random) => {
  const call = pick(random, calls(parsed).filter((c) => c.arguments.length > 1));
  if (!call) return null;
  const i = Math.floor(random() * (call.arguments.length - 1));
  const [a, b] = [call.arguments[i], call.arguments[i + 1]];
  const between = parsed.source.slice(a.range[1], b.range[0]);
  return { name: `swapArguments ${i} at ${at(call)}`, edit: { start: a.range[0], end: b.range[1], text: textOf(parsed, b) + between + textOf(parsed, a) } };
};

const extraArguments: Mutator = (parsed, random) => {
  const call = pick(random, calls(parsed).filter((c) => c.arguments.length > 0));
  if (!call) return null;
  const last = call.arguments[call.arguments.length - 1];
  const extra = pick(random, [', undefined', `, ...${pick(random, parsed.identifiers) ?? 'x'}`, `, ${textOf(parsed, last)}`, ', {}']) ?? ', undefined';
  return { name: `extraArguments at ${at(call)}`, edit: { start: last.range[1], end: last.range[1], text: extra } };
};

const spreadArguments: Mutator = (parsed, random) => {
  const call = pick(random, calls(parsed).filter((c) => c.arguments.length > 0));
  if (!call) return null;
  const args = call.arguments;
  const list = parsed.source.slice(args[0].range[0], args[args.length - 1].range[1]);
  return { name: `spreadArguments at ${at(call)}`, edit: { start: args[0].range[0], end: args[args.length - 1].range[1], text: `...[${list}]` } };
};

const STATEMENT_PARENTS = new Set(['Program', 'BlockStatement', 'StaticBlock', 'SwitchCase']);

const deleteStatement: Mutator = (parsed, random) => {
  const statement = pick(random, parsed.nodes.filter((n) => n.parent && STATEMENT_PARENTS.has(n.parent.type) && n.type !== 'SwitchCase' && n.type !== 'Literal'));
  if (!statement) return null;
  return { name: `deleteStatement at ${at(statement)}`, edit: { start: statement.range[0], end: statement.range[1], text: ';' } };
};

const renameReference: Mutator = (parsed, random) => {
  const reference = pick(random, parsed.nodes.filter((n) => n.type === 'Identifier' && isExpressionSlot(n)));
  const name = pick(random, parsed.identifiers);
  if (!reference || !name) return null;
  return { name: `renameReference ${textOf(parsed, reference)}→${name} at ${at(reference)}`, edit: { start: reference.range[0], end: reference.range[1], text: name } };
};

/** `const a = <init>` → `const a = a`, or the init of another declarator: self and mutual references. */
const circularInitializer: Mutator = (parsed, random) => {
  const declarators = parsed.nodes.filter((n): n is TSESTree.VariableDeclarator => n.type === 'VariableDeclarator' && n.init !== null && n.id.type === 'Identifier');
  const target = pick(random, declarators);
  if (!target?.init) return null;
  const source = random() < 0.5 ? target : pick(random, declarators) ?? target;
  const name = source.id.type === 'Identifier' ? source.id.name : 'x';
  const text = pick(random, [name, `${name}.key`, `${name} || ${textOf(parsed, target.init)}`, `Buffer.from(${name})`]) ?? name;
  return { name: `circularInitializer ${text} at ${at(target)}`, edit: { start: target.init.range[0], end: target.init.range[1], text } };
};

const optionalChain: Mutator = (parsed, random) => {
  const node = pick(random, parsed.nodes.filter((n) => (n.type === 'MemberExpression' && !n.computed && !n.optional) || (n.type === 'CallExpression' && !n.optional)));
  if (!node) return null;
  if (node.type === 'MemberExpression') {
    const dot = parsed.source.lastIndexOf('.', node.property.range[0]);
    if (dot < node.object.range[1]) return null;
    return { name: `optionalChain at ${at(node)}`, edit: { start: dot, end: dot + 1, text: '?.' } };
  }
  if (node.type !== 'CallExpression') return null;
  const open = parsed.source.indexOf('(', node.callee.range[1]);
  if (open < 0) return null;
  return { name: `optionalCall at ${at(node)}`, edit: { start: open, end: open, text: '?.' } };
};

const computedMember: Mutator = (parsed, random) => {
  const node = pick(random, parsed.nodes.filter((n): n is TSESTree.MemberExpression => n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier'));
  if (!node || node.property.type !== 'Identifier') return null;
  const key = random() < 0.5 ? `'${node.property.name}'` : pick(random, parsed.identifiers) ?? 'x';
  return { name: `computedMember at ${at(node)}`, edit: { start: node.object.range[1], end: node.range[1], text: `${node.optional ? '?.' : ''}[${key}]` } };
};

const templateString: Mutator = (parsed, random) => {
  const literal = pick(random, parsed.nodes.filter((n): n is TSESTree.StringLiteral => n.type === 'Literal' && typeof n.value === 'string' && isExpressionSlot(n)));
  if (!literal) return null;
  const body = literal.value.replace(/[`\\$]/g, '\\$&');
  const cut = Math.floor(random() * (body.length + 1));
  const other = pick(random, parsed.identifiers) ?? 'x';
  return { name: `templateString at ${at(literal)}`, edit: { start: literal.range[0], end: literal.range[1], text: '`' + body.slice(0, cut) + '${' + other + '}' + body.slice(cut) + '`' } };
};

/** Cuts the file after a top-level statement: a half-written file as the editor sees it. */
const truncate: Mutator = (parsed, random) => {
  const statement = pick(random, parsed.nodes.filter((n) => n.parent?.type === 'Program'));
  if (!statement) return null;
  return { name: `truncate after ${at(statement)}`, edit: { start: statement.range[1], end: parsed.source.length, text: '\n' } };
};

const MUTATORS: readonly Mutator[] = [
  replaceExpression, replaceExpression, replaceExpression, deleteArgument, dropArguments, swapArguments, extraArguments, spreadArguments,
  deleteStatement, renameReference, renameReference, circularInitializer, circularInitializer, optionalChain, computedMember, templateString, truncate,
];

/** One random mutation of the source, or null when the picked mutator found nothing to change. */
export function mutateOnce(parsed: Parsed, random: Random): { source: string; mutation: Mutation } | null {
  const mutator = pick(random, MUTATORS);
  const mutation = mutator?.(parsed, random);
  if (!mutation) return null;
  const { start, end, text } = mutation.edit;
  return { source: parsed.source.slice(0, start) + text + parsed.source.slice(end), mutation };
}
