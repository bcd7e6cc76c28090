import type { TSESTree } from '@typescript-eslint/utils';
import { prototypeMethodCalls } from './prototype-classes';
import { bindingName, functionName, isFunction, type FunctionNode } from './expression-names';
import { resolveImportPath } from './imports';
import { localFunctionOf } from './local-functions';
import { climbTypeWrappers, memberName, propertyName, variableOf, type SourceCode } from './scope';
import { sqlColumnOfParameter } from './sql-parameters';
import { LintScopedWeakMap } from './lint-scoped';

/**
 * Where a value goes, forward from the expression that produces it: the names
 * it is bound to, the calls it is passed to, what it is compared with, the
 * functions that return it. Used to decide what a value is *for* (a digest
 * for an ETag or for a password; a `Math.random()` for a token or for jitter).
 */
export type ValueUse =
  /** Bound to a name: `const etag = v`, `obj.resetToken = v`, `{ sessionId: v }`. */
  | { kind: 'binding'; name: string; node: TSESTree.Node }
  /** Passed as argument `index` to a call. */
  | { kind: 'argument'; call: TSESTree.CallExpression | TSESTree.NewExpression; index: number }
  /** Returned from a function (`name` when it has one). */
  | { kind: 'return'; fn: FunctionNode; name?: string }
  /** Compared (`===`, `!==`, `==`, `!=`) with `other`. */
  | { kind: 'compare'; other: TSESTree.Node }
  /** Used as a computed property / index: `cache[v]`, `chars[v]`. */
  | { kind: 'index'; object: TSESTree.Node }
  /** Embedded in a template literal or concatenated with literal text. */
  | { kind: 'text'; text: string }
  /**
   * Concatenated with a named string constant (`CACHE_KEY_PREFIX + v`, `` `${SESSION_PREFIX}${v}` ``): the
   * constant's name says what the whole string is, as a binding's name would.
   */
  | { kind: 'concatenated'; name: string }
  /** Value of a JSX attribute (`key={v}`). */
  | { kind: 'jsx-attribute'; name: string }
  /** Turned into a number (`readUInt32BE(0)`, `parseInt(hex, 16)`): bucketing, sharding, sampling. */
  | { kind: 'numeric' };

export interface FlowOptions {
  /** How many bindings/returns to follow (each variable or function hop costs one). */
  maxHops?: number;
  /** Arithmetic (`v * 10`, `Math.floor(v)`) keeps the value's nature: true for randomness, false for digests. */
  throughArithmetic?: boolean;
  /** Called with every expression that holds the value (the start, each enclosing re-encoding, each read of a variable holding it). */
  visit?: (node: TSESTree.Node) => void;
  /** A binding after which the walk stops (`expiresAt: v` says what the value is; what holds the object does not). */
  stopAt?: (use: ValueUse) => boolean;
}

const MAX_USES = 64;
/** Calls on a value that return a re-encoding of it. */
/** String methods that read one character at an index (`s.charAt(i)`, `s.at(i)`). */
const STRING_INDEX_METHODS: ReadonlySet<string> = new Set(['charAt', 'at']);

const TRANSFORM_METHODS = new Set([
  'toString', 'slice', 'substring', 'substr', 'toUpperCase', 'toLowerCase', 'padStart', 'padEnd', 'trim', 'toFixed',
  'toJSON', 'valueOf', 'subarray', 'join', 'replace',
  // Buffer's integer reads, of any width and sign (and Node's `readUint…` aliases): a number taken from the bytes.
  'readUInt8', 'readUInt16BE', 'readUInt16LE', 'readUInt32BE', 'readUInt32LE', 'readUIntBE', 'readUIntLE', 'readBigUInt64BE', 'readBigUInt64LE',
  'readUint8', 'readUint16BE', 'readUint16LE', 'readUint32BE', 'readUint32LE', 'readBigUint64BE', 'readBigUint64LE',
  'readInt8', 'readInt16BE', 'readInt16LE', 'readInt32BE', 'readInt32LE', 'readIntBE', 'readIntLE', 'readBigInt64BE', 'readBigInt64LE',
  // node-forge's byte buffers: `md.digest().toHex()`.
  'toHex',
]);
/** Global functions that re-encode their argument. */
const TRANSFORM_FUNCTIONS = new Set(['String', 'Number', 'parseInt', 'parseFloat', 'BigInt', 'encodeURIComponent']);
const MATH_FUNCTIONS = new Set(['floor', 'round', 'ceil', 'trunc', 'abs']);
const COMPARISONS = new Set(['===', '!==', '==', '!=']);
/** Operators whose result is a boolean whatever the operands: the value goes no further (`expires > Date.now()`). */
const BOOLEAN_OPERATORS = new Set(['<', '>', '<=', '>=', 'in', 'instanceof']);

/** The first element's text of a `[name, value]` pair whose second element is `value` (`` `${PREFIX}ts` `` gives `ts`). */
function pairLabel(pair: TSESTree.ArrayExpression, value: TSESTree.Node): { name: string; node: TSESTree.Node } | undefined {
  const first = pair.elements[0];
  if (pair.elements.length !== 2 || pair.elements[1] !== value || !first) return undefined;
  if (first.type === 'Literal' && typeof first.value === 'string') return { name: first.value, node: first };
  const text = first.type === 'TemplateLiteral' ? first.quasis[first.quasis.length - 1].value.cooked : undefined;
  return text ? { name: text, node: first } : undefined;
}

/**
 * `other`, a piece of the same concatenation as the value, when it is a `const` initialised with literal text
 * (`const IMAGE_CACHE_KEY_PREFIX = 'img:v3:'`): its name is recorded. A variable holding data says nothing of the whole.
 */
function pushNamedConstant(sourceCode: SourceCode, other: TSESTree.Node, current: TSESTree.Node, uses: ValueUse[]): void {
  if (other === current || other.type !== 'Identifier') return;
  const variable = variableOf(sourceCode, other);
  const declarator = variable?.defs[0]?.node;
  if (variable?.defs.length !== 1 || declarator?.type !== 'VariableDeclarator' || declarator.parent.kind !== 'const') return;
  const init = declarator.init;
  const isText = (init?.type === 'Literal' && typeof init.value === 'string') || (init?.type === 'TemplateLiteral' && init.expressions.length === 0);
  if (isText) uses.push({ kind: 'concatenated', name: other.name });
}

/** Every use of the value `start` evaluates to, following variables and returns up to `maxHops`. */
export function valueUses(sourceCode: SourceCode, start: TSESTree.Node, options: FlowOptions = {}): ValueUse[] {
  const uses: ValueUse[] = [];
  const visited = new Set<TSESTree.Node>();
  const queue: Array<[TSESTree.Node, number]> = [[start, 0]];
  const maxHops = options.maxHops ?? 2;
  try {
    while (queue.length && uses.length < MAX_USES) {
      const [node, hops] = queue.shift()!;
      if (visited.has(node)) continue;
      visited.add(node);
      const follow = (next: TSESTree.Node) => hops < maxHops && queue.push([next, hops + 1]);
      usesAt(sourceCode, node, options, uses, follow);
    }
  } catch {
    // An unexpected AST shape ends the walk; what was found stays valid.
  }
  return uses;
}

function usesAt(
  sourceCode: SourceCode,
  start: TSESTree.Node,
  options: FlowOptions,
  uses: ValueUse[],
  follow: (node: TSESTree.Node) => void,
): void {
  let current = start;
  options.visit?.(current);
  for (let steps = 0; steps < 32; steps++) {
    const parent = current.parent;
    if (!parent) return;
    const climbed = climb(sourceCode, current, parent, options, uses);
    if (climbed) {
      current = climbed;
      options.visit?.(current);
      continue;
    }
    record(sourceCode, current, parent, uses, follow, options);
    return;
  }
}

/** The enclosing expression that still carries the value (or undefined to stop). */
function climb(sourceCode: SourceCode, current: TSESTree.Node, parent: TSESTree.Node, options: FlowOptions, uses: ValueUse[]): TSESTree.Node | undefined {
  switch (parent.type) {
    case 'AwaitExpression':
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
    case 'ChainExpression':
      return parent;
    case 'ArrayExpression': {
      // An element of `await Promise.all([…])` destructured by position: record() follows the binding at its place.
      if (promiseAllSlot(sourceCode, parent, current)) return undefined;
      // A query parameter (`pool.query('INSERT … (gravatar_hash) VALUES ($1)', [v])`) is named by the column it fills.
      const column = sqlColumnOfParameter(sourceCode, parent, current);
      if (column) uses.push({ kind: 'binding', name: column, node: current });
      // `['starttime', v]`: an entry of a parameter list, named by its first element as `{ starttime: v }` is by its
      // key. The name is only offered to `stopAt`, not recorded: a list of pairs is often a header list or a form.
      const label = pairLabel(parent, current);
      if (label && options.stopAt?.({ kind: 'binding', name: label.name, node: label.node })) return undefined;
      return parent;
    }
    case 'ConditionalExpression':
      return parent.test === current ? undefined : parent;
    case 'LogicalExpression':
      return parent;
    // `return (hash.update(s), hash.digest('hex'))`, as compilers and bundlers write it: a sequence is worth its last
    // expression; the others' values are dropped.
    case 'SequenceExpression':
      return parent.expressions[parent.expressions.length - 1] === current ? parent : undefined;
    case 'TemplateLiteral':
      uses.push({ kind: 'text', text: parent.quasis.map((q) => q.value.cooked ?? '').join(' ') });
      for (const other of parent.expressions) pushNamedConstant(sourceCode, other, current, uses);
      return parent;
    case 'BinaryExpression': {
      if (COMPARISONS.has(parent.operator) || BOOLEAN_OPERATORS.has(parent.operator)) return undefined;
      const other = parent.left === current ? parent.right : parent.left;
      if (parent.operator === '+' && other.type === 'Literal' && typeof other.value === 'string') {
        uses.push({ kind: 'text', text: other.value });
        return parent;
      }
      if (parent.operator === '+' && other.type === 'TemplateLiteral') {
        uses.push({ kind: 'text', text: other.quasis.map((q) => q.value.cooked ?? '').join(' ') });
        return parent;
      }
      if (parent.operator === '+') pushNamedConstant(sourceCode, other, current, uses);
      return options.throughArithmetic || parent.operator === '+' ? parent : undefined;
    }
    case 'MemberExpression': {
      if (parent.object === current) {
        const name = memberName(parent);
        const call = parent.parent;
        if (name && TRANSFORM_METHODS.has(name) && call?.type === 'CallExpression' && call.callee === parent) {
          if (/^read/.test(name)) uses.push({ kind: 'numeric' });
          return call;
        }
        return undefined;
      }
      if (parent.computed && parent.property === current) {
        uses.push({ kind: 'index', object: parent.object });
        // `chars[random]` is as unpredictable as the index; `cache[digest]` is a lookup.
        return options.throughArithmetic ? parent : undefined;
      }
      return undefined;
    }
    case 'CallExpression': {
      if (parent.callee === current || !parent.arguments.includes(current as TSESTree.CallExpressionArgument)) return undefined;
      const callee = parent.callee;
      if (callee.type === 'Identifier' && TRANSFORM_FUNCTIONS.has(callee.name) && !variableOf(sourceCode, callee)?.defs.length) {
        if (callee.name !== 'String' && callee.name !== 'encodeURIComponent') uses.push({ kind: 'numeric' });
        return parent;
      }
      // `ALPHABET.charAt(random)` picks a character like `ALPHABET[random]`: as unpredictable as the index.
      if (callee.type === 'MemberExpression' && parent.arguments[0] === current && STRING_INDEX_METHODS.has(memberName(callee) ?? '')) {
        uses.push({ kind: 'index', object: callee.object });
        return options.throughArithmetic ? parent : undefined;
      }
      if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && !variableOf(sourceCode, callee.object)?.defs.length) {
        const owner = callee.object.name;
        const name = memberName(callee);
        if (owner === 'Math' && name && (MATH_FUNCTIONS.has(name) || (options.throughArithmetic && (name === 'min' || name === 'max')))) return parent;
        if (owner === 'Buffer' && name === 'from') return parent;
      }
      // `mod(BigInt('0x' + h + tail), n)`: a local arithmetic helper returns a value computed from its argument.
      if (options.throughArithmetic && returnsArithmeticOfParameter(sourceCode, parent, parent.arguments.indexOf(current as TSESTree.CallExpressionArgument))) return parent;
      return undefined;
    }
    default:
      return undefined;
  }
}

const arithmeticHelpers = new LintScopedWeakMap<FunctionNode, Map<number, boolean>>();

/**
 * The local function `call` calls returns a value computed from its parameter `index` by arithmetic alone
 * (`function mod(a, m) { const r = a % m; return r >= 0n ? r : r + m; }`): what the call returns carries the argument,
 * as `Math.floor(v)` does. A parameter that reaches the return only through other calls does not count.
 */
function returnsArithmeticOfParameter(sourceCode: SourceCode, call: TSESTree.CallExpression, index: number): boolean {
  const fn = index >= 0 ? localFunctionOf(sourceCode, call.callee) : undefined;
  const param = fn?.params[index];
  if (!fn || param?.type !== 'Identifier') return false;
  let memo = arithmeticHelpers.get(fn);
  if (!memo) arithmeticHelpers.set(fn, (memo = new Map()));
  const known = memo.get(index);
  if (known !== undefined) return known;
  memo.set(index, false); // a recursive helper does not make itself one
  const carried = new Set<TSESTree.Node>();
  const queue: TSESTree.Node[] = (variableOf(sourceCode, param)?.references ?? []).filter((r) => r.isRead()).map((r) => r.identifier as TSESTree.Node);
  let returned = false;
  for (let steps = 0; queue.length && steps < 32 && !returned; steps++) {
    let node = queue.shift()!;
    if (carried.has(node)) continue;
    carried.add(node);
    for (let parent = node.parent; parent && !returned; node = parent, parent = parent.parent) {
      if (parent.type === 'BinaryExpression' && !COMPARISONS.has(parent.operator) && !BOOLEAN_OPERATORS.has(parent.operator)) continue;
      if (parent.type === 'ConditionalExpression' && parent.test !== node) continue;
      if (parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression') continue;
      if (parent.type === 'ReturnStatement' || (parent === fn && fn.type === 'ArrowFunctionExpression' && fn.body === node)) returned = true;
      else if (parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
        for (const ref of variableOf(sourceCode, parent.id)?.references ?? []) if (ref.isRead()) queue.push(ref.identifier as TSESTree.Node);
      }
      break;
    }
  }
  memo.set(index, returned);
  return returned;
}

function record(
  sourceCode: SourceCode,
  current: TSESTree.Node,
  parent: TSESTree.Node,
  uses: ValueUse[],
  follow: (node: TSESTree.Node) => void,
  options: FlowOptions,
): void {
  const stop = (use: ValueUse) => options.stopAt?.(use) === true;
  switch (parent.type) {
    case 'VariableDeclarator':
      if (parent.init === current && parent.id.type === 'Identifier') {
        const use: ValueUse = { kind: 'binding', name: parent.id.name, node: parent.id };
        uses.push(use);
        if (!stop(use)) followVariable(sourceCode, parent.id, follow);
      }
      return;
    case 'AssignmentExpression': {
      if (parent.right !== current) return;
      // `bytes[i] = v`: the value now lives in the array.
      const left = parent.left;
      if (left.type === 'MemberExpression' && left.computed && !(left.property.type === 'Literal' && typeof left.property.value === 'string')) {
        const array = left.object;
        if (array.type === 'Identifier') followVariable(sourceCode, array, follow);
        return;
      }
      const name = bindingName(parent.left);
      const use: ValueUse | undefined = name ? { kind: 'binding', name, node: parent.left } : undefined;
      if (use) uses.push(use);
      if (use && stop(use)) return;
      if (parent.left.type === 'Identifier') followVariable(sourceCode, parent.left, follow);
      return;
    }
    case 'PropertyDefinition':
      if (parent.value === current && !parent.computed) {
        const name = propertyName(parent.key);
        if (name) uses.push({ kind: 'binding', name, node: parent.key });
      }
      return;
    case 'Property': {
      if (parent.value !== current) return;
      const name = parent.computed ? undefined : propertyName(parent.key);
      const use: ValueUse | undefined = name ? { kind: 'binding', name, node: parent.key } : undefined;
      if (use) uses.push(use);
      // `{ ETag: v }` handed to `res.writeHead(…)`: the object's use matters too.
      if (parent.parent?.type === 'ObjectExpression' && !(use && stop(use))) follow(parent.parent);
      return;
    }
    case 'ArrayExpression': {
      const slot = promiseAllSlot(sourceCode, parent, current);
      if (!slot) return;
      const use: ValueUse = { kind: 'binding', name: slot.name, node: slot };
      uses.push(use);
      if (!stop(use)) followVariable(sourceCode, slot, follow);
      return;
    }
    case 'ReturnStatement':
      returnUse(sourceCode, parent, uses, follow);
      return;
    case 'ArrowFunctionExpression':
      if (parent.body === current) functionReturn(sourceCode, parent, uses, follow);
      return;
    case 'CallExpression':
    case 'NewExpression': {
      const index = parent.arguments.indexOf(current as TSESTree.CallExpressionArgument);
      if (index >= 0) uses.push({ kind: 'argument', call: parent, index });
      // `nonce.writeBigUInt64BE(v, 4)`: the value now lives in the buffer, like `bytes[i] = v`.
      const buffer = index === 0 ? bufferWrittenBy(parent) : undefined;
      if (buffer) followVariable(sourceCode, buffer, follow);
      // `resolve(v)` in `new Promise((resolve) => …)`: the promise settles to the value, so its uses are the value's, in
      // the same hop (the promise is the value in another wrapping, like `await`).
      const promise = index === 0 ? promiseSettledBy(sourceCode, parent) : undefined;
      if (promise) usesAt(sourceCode, promise, options, uses, follow);
      return;
    }
    case 'BinaryExpression':
      if (COMPARISONS.has(parent.operator)) uses.push({ kind: 'compare', other: parent.left === current ? parent.right : parent.left });
      return;
    case 'JSXExpressionContainer': {
      const attribute = parent.parent;
      if (attribute?.type === 'JSXAttribute' && attribute.name.type === 'JSXIdentifier') uses.push({ kind: 'jsx-attribute', name: attribute.name.name });
      return;
    }
    default:
      return;
  }
}

/**
 * The `new Promise(executor)` whose `resolve` parameter `call` calls (`new Promise((resolve) => stream.on('end', () =>
 * resolve(h.digest('hex'))))`, the usual way to wrap a callback API): the promise settles to `call`'s argument. Only the
 * global `Promise`, and only the executor's first parameter.
 */
function promiseSettledBy(sourceCode: SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.NewExpression | undefined {
  if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier') return undefined;
  const def = variableOf(sourceCode, call.callee)?.defs[0];
  if (def?.type !== 'Parameter') return undefined;
  const executor = def.node as TSESTree.Node;
  if (!isFunction(executor) || executor.params[0] !== def.name) return undefined;
  const promise = executor.parent;
  if (promise?.type !== 'NewExpression' || promise.arguments[0] !== executor) return undefined;
  const callee = promise.callee;
  return callee.type === 'Identifier' && callee.name === 'Promise' && !variableOf(sourceCode, callee)?.defs.length ? promise : undefined;
}

/**
 * `const [expected, actual] = await Promise.all([readExpected(), digestOf(file)])`: the binding that receives `element`'s
 * settled value, at the element's position of the array pattern (the global `Promise`, no spread before the element).
 */
function promiseAllSlot(sourceCode: SourceCode, array: TSESTree.ArrayExpression, element: TSESTree.Node): TSESTree.Identifier | undefined {
  const index = array.elements.indexOf(element as TSESTree.Expression);
  if (index < 0 || array.elements.slice(0, index + 1).some((e) => e?.type === 'SpreadElement')) return undefined;
  const call = array.parent;
  if (call?.type !== 'CallExpression' || call.arguments[0] !== array || call.callee.type !== 'MemberExpression') return undefined;
  const owner = call.callee.object;
  if (owner.type !== 'Identifier' || owner.name !== 'Promise' || memberName(call.callee) !== 'all' || variableOf(sourceCode, owner)?.defs.length) return undefined;
  const awaited = climbTypeWrappers(call).parent;
  const declarator = awaited?.type === 'AwaitExpression' ? awaited.parent : undefined;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== awaited || declarator.id.type !== 'ArrayPattern') return undefined;
  const target = declarator.id.elements[index];
  const id = target?.type === 'AssignmentPattern' ? target.left : target;
  return id?.type === 'Identifier' ? id : undefined;
}

/** Buffer methods that store their first argument in the buffer: `write`, `writeUInt32BE`, `writeBigUInt64LE`… */
const BUFFER_WRITE = /^write(?:U?Int(?:8|16|32)|BigU?Int64|Float|Double|UIntBE|UIntLE|IntBE|IntLE)?(?:BE|LE)?$/;

/** The buffer variable `buf` of `buf.writeUInt32BE(value, offset)`. */
function bufferWrittenBy(call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.Identifier | undefined {
  const callee = call.callee;
  if (call.type !== 'CallExpression' || callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier') return undefined;
  const name = memberName(callee);
  return name && BUFFER_WRITE.test(name) ? callee.object : undefined;
}

function followVariable(sourceCode: SourceCode, id: TSESTree.Identifier, follow: (node: TSESTree.Node) => void): void {
  const variable = variableOf(sourceCode, id);
  for (const ref of variable?.references ?? []) {
    if (ref.isRead() && ref.identifier !== id) follow(ref.identifier as TSESTree.Node);
  }
}

function returnUse(sourceCode: SourceCode, statement: TSESTree.ReturnStatement, uses: ValueUse[], follow: (node: TSESTree.Node) => void): void {
  for (let n: TSESTree.Node | undefined = statement.parent; n; n = n.parent) {
    if (isFunction(n)) {
      functionReturn(sourceCode, n, uses, follow);
      return;
    }
  }
}

/** A function returns the value: its name says what for, and its callers' uses count. */
function functionReturn(sourceCode: SourceCode, fn: FunctionNode, uses: ValueUse[], follow: (node: TSESTree.Node) => void): void {
  const name = functionName(fn);
  uses.push({ kind: 'return', fn, name });
  for (const call of callersOf(sourceCode, fn)) follow(call);
  // A function made by a local factory (`const inviteCode = makeCodeGenerator(10)`) returns its value where the
  // product is called, and the product's binding names what the value is for.
  for (const product of [...factoryProducts(sourceCode, fn), ...compositionsOf(sourceCode, fn)]) {
    uses.push({ kind: 'return', fn, name: product.name });
    for (const call of callsOf(sourceCode, product)) follow(call);
  }
  // A callback's results end up in what the call returns: `Array.from({ length }, () => v)`, `s.replace(re, () => v)`,
  // and the same callback passed by name: `const digit = () => v; Array.from({ length: 6 }, digit)`.
  const parent = fn.parent;
  if ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) follow(parent);
  for (const call of callsGivenAsCallback(sourceCode, fn)) follow(call);
}

/**
 * The bindings that receive `fn` from the local function that returns it (`return function next() {…}` or
 * `(n) => () => …`): `const inviteCode = makeCodeGenerator(10)`.
 */
function factoryProducts(sourceCode: SourceCode, fn: FunctionNode): TSESTree.Identifier[] {
  const factory = factoryOf(fn);
  if (!factory) return [];
  const products: TSESTree.Identifier[] = [];
  for (const call of callersOf(sourceCode, factory)) {
    const holder = call.parent;
    if (holder?.type === 'VariableDeclarator' && holder.init === call && holder.id.type === 'Identifier') products.push(holder.id);
  }
  return products;
}

/** Function composition helpers: lodash `flow`/`flowRight`, Ramda `compose`/`pipe`, fp-ts `flow`. */
const COMPOSERS: Readonly<Record<string, readonly string[]>> = {
  lodash: ['flow', 'flowRight'],
  'lodash-es': ['flow', 'flowRight'],
  'lodash/fp': ['flow', 'flowRight', 'compose', 'pipe'],
  'lodash/flow': [''],
  'lodash/flowRight': [''],
  'lodash.flow': [''],
  ramda: ['compose', 'pipe'],
  'fp-ts/function': ['flow'],
};

/**
 * The bindings of compositions `fn` is a step of (`const fingerprint = flow([md5, short])`,
 * `const etagOf = R.compose(quote, sha1)`): what `fn` returns flows on through the composed function,
 * whose name says what the chain is for.
 */
function compositionsOf(sourceCode: SourceCode, fn: FunctionNode): TSESTree.Identifier[] {
  const binding = functionBinding(fn);
  const composed: TSESTree.Identifier[] = [];
  for (const ref of binding ? variableOf(sourceCode, binding)?.references ?? [] : []) {
    const read = ref.identifier as TSESTree.Node;
    const step = read.parent?.type === 'ArrayExpression' ? read.parent : read;
    const call = step.parent;
    if (call?.type !== 'CallExpression' || !call.arguments.includes(step as TSESTree.CallExpressionArgument) || !isComposer(sourceCode, call.callee)) continue;
    const holder = call.parent;
    if (holder?.type === 'VariableDeclarator' && holder.init === call && holder.id.type === 'Identifier') composed.push(holder.id);
  }
  return composed;
}

function isComposer(sourceCode: SourceCode, callee: TSESTree.Node): boolean {
  const path = resolveImportPath(sourceCode, callee);
  const names = path?.module !== undefined ? COMPOSERS[path.module] : undefined;
  if (!names || !path) return false;
  const last = path.path.length === 0 ? '' : path.path[path.path.length - 1];
  return names.includes(last) || (last === 'default' && names.includes(''));
}

/** The function that returns `fn` itself (not a call of it). */
function factoryOf(fn: FunctionNode): FunctionNode | undefined {
  const parent = fn.parent;
  if (parent?.type === 'ArrowFunctionExpression' && parent.body === fn) return parent;
  if (parent?.type !== 'ReturnStatement') return undefined;
  for (let n: TSESTree.Node | undefined = parent.parent; n; n = n.parent) if (isFunction(n)) return n;
  return undefined;
}

/** Calls of a local binding holding a function: `inviteCode()`. */
function callsOf(sourceCode: SourceCode, id: TSESTree.Identifier): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  for (const ref of variableOf(sourceCode, id)?.references ?? []) {
    const read = ref.identifier as TSESTree.Node;
    if (read.parent?.type === 'CallExpression' && read.parent.callee === read) out.push(read.parent);
  }
  return out;
}

/** The binding a function declared in this file is known by (`function f`, `const f = () => …`). */
function functionBinding(fn: FunctionNode): TSESTree.Identifier | undefined {
  if (fn.type === 'FunctionDeclaration' && fn.id) return fn.id;
  if (fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier') return fn.parent.id;
  return undefined;
}

/** Calls of a function declared in this file (by its binding), for following returned values. */
export function callersOf(sourceCode: SourceCode, fn: FunctionNode): TSESTree.Node[] {
  // A prototype method (`TokenFactory.prototype.randomString = function …`) is called as `this.randomString(…)`.
  return [...callsAroundBinding(sourceCode, fn, (call, node) => call.type === 'CallExpression' && call.callee === node), ...prototypeMethodCalls(sourceCode, fn)];
}

/** Calls that are handed a function of this file by name as an argument (a callback): `Array.from(list, fn)`, `items.map(fn)`. */
function callsGivenAsCallback(sourceCode: SourceCode, fn: FunctionNode): TSESTree.Node[] {
  return callsAroundBinding(
    sourceCode,
    fn,
    (call, node) => (call.type === 'CallExpression' || call.type === 'NewExpression') && call.arguments.includes(node as TSESTree.CallExpressionArgument),
  );
}

/** The calls directly around a read of the function's binding that `picks` keeps. */
function callsAroundBinding(sourceCode: SourceCode, fn: FunctionNode, picks: (call: TSESTree.Node, read: TSESTree.Node) => boolean): TSESTree.Node[] {
  const id = functionBinding(fn);
  if (!id) return [];
  const out: TSESTree.Node[] = [];
  for (const ref of variableOf(sourceCode, id)?.references ?? []) {
    const read = ref.identifier as TSESTree.Node;
    if (read.parent && picks(read.parent, read)) out.push(read.parent);
  }
  return out;
}
