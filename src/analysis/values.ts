import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { decodeBase58 } from './base58';
import { isSettingsLookup } from './config-lookup';
import { apiCallAt, argsWithRole } from './api-calls';
import { objectsNarrowedAt, objectsOfLocalType } from './local-types';
import { reachingWrites } from './reaching-writes';
import { isBufferWritten } from './buffer-writes';
import { externalConstant } from './external-constants';
import { LIBRARY_CONSTANT_NAMES, libraryConstant } from '../model';
import { resolveImportPath } from './imports';
import { classMemberValues } from './class-members';
import { callSiteArguments } from './call-sites';
import { localFunctionOf, parameterBindings, returnedExpressions } from './local-functions';
import type { FunctionNode } from './expression-names';
import { objectLiteralOf, propertyOf } from './object-literals';
import {
  arrayLiteralOf,
  classMemberName,
  enumMemberInitializer,
  enumMembers,
  findProperty,
  globalMethodCall,
  initializedExpression,
  memberName,
  propertyName,
  resolveObjectLiteral,
  singleInitializer,
  unwrapExpression,
  variableOf,
  writesOf,
  type SourceCode,
} from './scope';
import { LintScopedWeakMap } from './lint-scoped';

/**
 * A value known at compile time, and where it is written. Rules report on
 * `origin` (the literal), so one hardcoded key used in three places is one
 * finding, on the line a developer has to change.
 */
export interface Constant {
  kind: 'string' | 'number' | 'boolean' | 'null' | 'bytes' | 'array';
  /** The value: for `bytes` the decoded bytes, for `array` the element constants. */
  value: string | number | boolean | null | Uint8Array | readonly Constant[];
  /** The expression where the constant is written (or, for a value from another file, the use). */
  origin: TSESTree.Node;
  /** The source text form before decoding (`'8f3a…'` of `Buffer.from('8f3a…', 'hex')`). */
  text?: string;
  /** How `text` became bytes: `hex`, `base64`, `utf8`, `zeros`, `array`. */
  encoding?: string;
  /**
   * Only a default: `process.env.KEY ?? 'dev'`, a parameter default,
   * `if (!key) key = '…'`. Still constant key material when it is used.
   */
  fallback?: boolean;
  /** Computed from a constant (hashed, KDF-stretched, sliced): still hardcoded, value not computed. */
  derived?: boolean;
  /**
   * Where a piece was cut from a value computed from constants (`digest.subarray(8, 16)` of a KDF output): an IV
   * taken that way is made there, while the key material stays reported where it is written (`origin`).
   */
  cutAt?: TSESTree.Node;
  /** Read from another file through type information. */
  external?: boolean;
  /** Arrived through a call site's argument (`encrypt(data, 'k')` calling `function encrypt(d, key)`). */
  viaCallSite?: boolean;
}

/** All the constants an expression can evaluate to, and whether every path is constant. */
export interface Resolution {
  values: Constant[];
  /** True when every evaluation yields one of `values` (no env var, no parameter, no I/O). */
  complete: boolean;
}

export interface ResolveContext {
  sourceCode: SourceCode;
  /** TypeScript services, when the file was parsed with type information. */
  parserServices?: Partial<TSESLint.SourceCode['parserServices']>;
  /**
   * Parameters bound to the arguments of the call being followed into a local
   * helper (`decodeKey(KEY_B64)` → `s` of `function decodeKey(s)` is `KEY_B64`),
   * each argument resolved in its caller's context.
   */
  bindings?: ReadonlyMap<TSESTree.Node, { arg: TSESTree.Node | undefined; ctx: ResolveContext }>;
  /**
   * Resolve a table indexed at run time (`KEYRING[kid]`, `KEYS.get(version)`) to
   * every entry. Right for secrets (every key of a keyring is a key in use); not
   * for algorithm tables, where the data picks one of several supported entries.
   */
  everyTableEntry?: boolean;
}

const NONE: Resolution = { values: [], complete: false };
const MAX_DEPTH = 12;
const MAX_VALUES = 16;

/** The single definite constant an expression always evaluates to, if any. */
export function resolveConstant(ctx: ResolveContext, node: TSESTree.Node): Constant | undefined {
  const resolution = resolveValues(ctx, node);
  return resolution.complete && resolution.values.length === 1 && !resolution.values[0].fallback ? resolution.values[0] : undefined;
}

/** Every constant an expression may evaluate to (including fallbacks and call-site arguments). */
export function resolveValues(ctx: ResolveContext, node: TSESTree.Node): Resolution {
  // Several rules ask about the same arguments (a key is checked for being
  // hardcoded, for its length, for reuse…): resolve each node once per file.
  // Not inside a followed helper: there a parameter means this call's argument.
  const memo = ctx.bindings ? undefined : memoFor(ctx);
  const known = memo?.get(node);
  if (known) return known;
  let resolution: Resolution;
  try {
    resolution = resolve(ctx, node, new Set(), 0);
  } catch {
    // Analysis must never crash a rule: an unexpected AST shape is simply "unknown".
    resolution = NONE;
  }
  memo?.set(node, resolution);
  return resolution;
}

/** Per file (AST), and apart for type-aware resolution (which can see more) and for every-table-entry resolution. */
const memos = new LintScopedWeakMap<object, WeakMap<TSESTree.Node, Resolution>[]>();
function memoFor(ctx: ResolveContext): WeakMap<TSESTree.Node, Resolution> {
  return contextMemo(memos, ctx);
}

/** `ctx`'s memo in `table`: one per file, and per kind of context (type-aware or not, every table entry or not). */
function contextMemo<K extends object, V>(table: LintScopedWeakMap<object, WeakMap<K, V>[]>, ctx: ResolveContext): WeakMap<K, V> {
  let entry = table.get(ctx.sourceCode.ast);
  if (!entry) {
    entry = [new WeakMap(), new WeakMap(), new WeakMap(), new WeakMap()];
    table.set(ctx.sourceCode.ast, entry);
  }
  return entry[(ctx.parserServices?.program ? 1 : 0) + (ctx.everyTableEntry ? 2 : 0)];
}

/** Constant string candidates of an expression (strings only), e.g. algorithm names. */
export function stringValues(ctx: ResolveContext, node: TSESTree.Node): Constant[] {
  return resolveValues(ctx, node).values.filter((v) => v.kind === 'string');
}

/** Constant number candidates of an expression. */
export function numberValues(ctx: ResolveContext, node: TSESTree.Node): Constant[] {
  return resolveValues(ctx, node).values.filter((v) => v.kind === 'number');
}

function single(constant: Constant): Resolution {
  return { values: [constant], complete: true };
}

function mark(resolution: Resolution, flags: Partial<Constant>): Resolution {
  return { values: resolution.values.map((v) => ({ ...v, ...flags })), complete: resolution.complete };
}

function union(parts: Resolution[], complete = parts.every((p) => p.complete)): Resolution {
  const values = parts.flatMap((p) => p.values).slice(0, MAX_VALUES);
  return { values, complete: complete && values.length > 0 };
}

function resolve(ctx: ResolveContext, raw: TSESTree.Node, seen: Set<TSESTree.Node>, depth: number): Resolution {
  if (depth > MAX_DEPTH || seen.has(raw)) return NONE;
  seen.add(raw);
  try {
    return resolveNode(ctx, unwrapExpression(raw), seen, depth + 1);
  } finally {
    seen.delete(raw);
  }
}

function resolveNode(ctx: ResolveContext, node: TSESTree.Node, seen: Set<TSESTree.Node>, depth: number): Resolution {
  const next = (n: TSESTree.Node) => resolve(ctx, n, seen, depth);
  switch (node.type) {
    case 'Literal':
      return literal(node);
    case 'TemplateLiteral':
      return template(node, next);
    case 'BinaryExpression':
      return binary(node, next);
    case 'LogicalExpression':
      return logical(node, next);
    case 'ConditionalExpression':
      return union([next(node.consequent), next(node.alternate)]);
    case 'SequenceExpression':
      return next(node.expressions[node.expressions.length - 1]);
    case 'AssignmentExpression':
      return node.operator === '=' ? next(node.right) : NONE;
    case 'AwaitExpression':
      return next(node.argument);
    case 'ArrayExpression':
      return arrayLiteral(node, next);
    case 'Identifier': {
      const bound = boundArgument(ctx, node);
      if (bound) return bound.arg ? resolve(bound.ctx, bound.arg, seen, depth) : bound.fallback ? next(bound.fallback) : NONE;
      // Asked at the top of a resolution (a rule's own question, not a step inside another): the reference alone is on the path.
      return identifier(ctx, node, next, depth, depth === 1 && seen.size === 1 && !ctx.bindings);
    }
    case 'MemberExpression':
      return member(ctx, node, next, depth);
    case 'CallExpression':
    case 'NewExpression': {
      const value = callValue(ctx, node, next);
      if (value.values.length || node.type !== 'CallExpression') return value;
      return mapLookup(ctx, node, next) ?? configDefault(ctx, node, next) ?? pipedDefault(ctx, node, next) ?? helperValue(ctx, node, seen, depth);
    }
    case 'UnaryExpression':
      if (node.operator === '-') {
        const inner = next(node.argument);
        return { values: inner.values.filter((v) => v.kind === 'number').map((v) => ({ ...v, value: -(v.value as number), origin: node })), complete: inner.complete };
      }
      return NONE;
    default:
      return NONE;
  }
}

function literal(node: TSESTree.Literal): Resolution {
  const value = node.value;
  if (typeof value === 'string') return single({ kind: 'string', value, origin: node, text: value });
  if (typeof value === 'number') return single({ kind: 'number', value, origin: node });
  if (typeof value === 'bigint') return single({ kind: 'number', value: Number(value), origin: node });
  if (typeof value === 'boolean') return single({ kind: 'boolean', value, origin: node });
  if (value === null && !('regex' in node && node.regex)) return single({ kind: 'null', value: null, origin: node });
  return NONE;
}

function template(node: TSESTree.TemplateLiteral, next: (n: TSESTree.Node) => Resolution): Resolution {
  let text = node.quasis[0].value.cooked ?? '';
  let flags: Partial<Constant> = {};
  for (let i = 0; i < node.expressions.length; i++) {
    const part = next(node.expressions[i]);
    if (!part.complete || part.values.length !== 1) return NONE;
    const v = part.values[0];
    if (v.kind !== 'string' && v.kind !== 'number' && v.kind !== 'boolean') return NONE;
    flags = { ...flags, ...(v.derived ? { derived: true } : {}), ...(v.fallback ? { fallback: true } : {}) };
    text += String(v.value) + (node.quasis[i + 1].value.cooked ?? '');
  }
  return single({ kind: 'string', value: text, origin: node, text, ...flags });
}

/** `a + b + c + …` as a flat list, so a 60-line concatenated PEM does not exhaust the depth budget. */
function plusOperands(node: TSESTree.BinaryExpression): TSESTree.Node[] {
  const operands: TSESTree.Node[] = [];
  let current: TSESTree.Node = node;
  while (current.type === 'BinaryExpression' && current.operator === '+') {
    operands.push(current.right);
    current = current.left;
  }
  operands.push(current);
  return operands.reverse();
}

function binary(node: TSESTree.BinaryExpression, next: (n: TSESTree.Node) => Resolution): Resolution {
  if (node.left.type === 'PrivateIdentifier') return NONE;
  if (node.operator === '+' && node.left.type === 'BinaryExpression') {
    let acc: string | number | undefined;
    let derived = false;
    for (const operand of plusOperands(node)) {
      const r = next(operand);
      if (!r.complete || r.values.length !== 1) return NONE;
      const v = r.values[0];
      if (typeof v.value !== 'string' && typeof v.value !== 'number') return NONE;
      derived ||= !!v.derived;
      acc = acc === undefined ? v.value : (acc as never) + (v.value as never);
    }
    const value = acc!;
    return single({ kind: typeof value === 'string' ? 'string' : 'number', value, origin: node, text: typeof value === 'string' ? value : undefined, ...(derived ? { derived } : {}) });
  }
  const left = next(node.left);
  const right = next(node.right);
  if (!left.complete || !right.complete || left.values.length !== 1 || right.values.length !== 1) return NONE;
  const a = left.values[0].value;
  const b = right.values[0].value;
  const scalar = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';
  if (!scalar(a) || !scalar(b)) return NONE;
  let value: string | number;
  switch (node.operator) {
    case '+':
      value = (a as never) + (b as never);
      break;
    case '*':
      value = Number(a) * Number(b);
      break;
    case '-':
      value = Number(a) - Number(b);
      break;
    case '/':
      value = Number(a) / Number(b);
      break;
    case '**':
      value = Number(a) ** Number(b);
      break;
    case '<<':
      value = Number(a) << Number(b);
      break;
    default:
      return NONE;
  }
  const derived = left.values[0].derived || right.values[0].derived;
  return single({ kind: typeof value === 'string' ? 'string' : 'number', value, origin: node, text: typeof value === 'string' ? value : undefined, ...(derived ? { derived } : {}) });
}

/**
 * `a ?? 'x'`, `a || 'x'`: when `a` is not a constant (an env var, a parameter),
 * `'x'` is a hardcoded fallback: constant key material whenever `a` is unset.
 */
function logical(node: TSESTree.LogicalExpression, next: (n: TSESTree.Node) => Resolution): Resolution {
  const left = next(node.left);
  const right = next(node.right);
  if (node.operator === '&&') return right.complete && left.complete ? right : mark(right, { fallback: true });
  if (left.complete) return left.values.length ? left : right;
  return union([left, mark(right, { fallback: true })], false);
}

/**
 * An array of constants. Elements that are not constant are left out and make
 * the result incomplete: `[process.env.SECRET, 'old-secret']` still shows
 * `'old-secret'`.
 */
function arrayLiteral(node: TSESTree.ArrayExpression, next: (n: TSESTree.Node) => Resolution): Resolution {
  const elements: Constant[] = [];
  let complete = true;
  for (const element of node.elements) {
    if (element?.type === 'SpreadElement') {
      // `[...DEFAULTS, ...LEGACY]`: the elements of a spread array are the new array's, in place.
      const spread = spreadElements(next(element.argument));
      if (!spread.complete) complete = false;
      elements.push(...spread.elements);
      continue;
    }
    if (!element) {
      complete = false;
      continue;
    }
    const r = next(element);
    if (!r.complete || r.values.length !== 1) complete = false;
    if (r.values.length === 1) elements.push(r.values[0]);
  }
  return { values: [{ kind: 'array', value: elements, origin: node }], complete };
}

/** The elements of the arrays a value resolves to (an array spread into another, the array a `for…of` walks). */
function spreadElements(resolution: Resolution): { elements: Constant[]; complete: boolean } {
  const arrays = resolution.values.filter((v) => v.kind === 'array');
  return {
    elements: arrays.flatMap((v) => v.value as readonly Constant[]),
    complete: resolution.complete && arrays.length === resolution.values.length && arrays.length === 1,
  };
}

// ---------------------------------------------------------------------------
// Bindings

function identifier(ctx: ResolveContext, node: TSESTree.Identifier, next: (n: TSESTree.Node) => Resolution, depth: number, topLevel = false): Resolution {
  if (node.name === 'undefined') return NONE;
  const variable = variableOf(ctx.sourceCode, node);
  if (!variable || variable.defs.length === 0) return NONE;
  const def = variable.defs[variable.defs.length - 1];
  switch (def.type) {
    case 'Variable':
      return withoutFilledAllocations(ctx, variable, node, variableValue(ctx, variable, node, next, topLevel));
    case 'Parameter':
      return parameterValue(ctx, def.name as TSESTree.Identifier, next, depth);
    case 'ImportBinding':
      return externalValue(ctx, node);
    default:
      return NONE;
  }
}

/**
 * Flow-aware enough for real code: the last write that always runs before the
 * use decides (`let key = 'x'; key = randomBytes(32)` is not constant), and
 * later conditional writes are fallbacks (`if (!key) key = 'dev-key'`).
 */
function variableValue(
  ctx: ResolveContext,
  variable: TSESLint.Scope.Variable,
  use: TSESTree.Node,
  next: (n: TSESTree.Node) => Resolution,
  topLevel = false,
): Resolution {
  const writes = writesOf(variable);
  const def = variable.defs[0];
  const declaratorId = def.type === 'Variable' ? def.node.id : undefined;
  // Destructuring (`const { key } = config`): follow the property.
  if (declaratorId && declaratorId.type === 'ObjectPattern' && def.type === 'Variable' && def.node.init) {
    const path = patternPropertyPath(declaratorId, variable.name);
    if (!path) return NONE;
    let object: TSESTree.Node | undefined = def.node.init;
    for (const key of path) {
      const literalObject: TSESTree.ObjectExpression | undefined = object && objectLiteralOf(ctx.sourceCode, object);
      object = literalObject && propertyOf(ctx.sourceCode, literalObject, key);
    }
    if (object) return next(object);
    const fromTable = tableEntryProperties(ctx, def.node.init, path);
    if (fromTable) return union(fromTable.map(next), false);
    // `const { SESSION_SECRET = 'dev' } = process.env`: the default is used whenever the property is missing.
    const fallback = patternDefault(declaratorId, variable.name);
    return fallback ? mark(next(fallback), { fallback: true }) : NONE;
  }
  // `for (const policy of POLICIES)`: the loop variable takes every element of the array in turn.
  const loop = def.type === 'Variable' ? def.parent?.parent : undefined;
  if (loop?.type === 'ForOfStatement' && loop.left === def.parent && !loop.await && declaratorId?.type === 'Identifier') {
    const { elements, complete } = spreadElements(next(loop.right));
    return { values: elements, complete };
  }
  if (writes.length === 0) return NONE;
  // `const [key, iv] = deriveKeyAndIv(salt)`: the write expression is the whole array; the binding is one element.
  const written = (w: TSESLint.Scope.Reference) => destructuredElement(w, next);
  if (writes.length === 1) {
    const only = writes[0].writeExpr as TSESTree.Node;
    const value = topLevel ? soleWriteValue(ctx, variable, () => written(writes[0])) : written(writes[0]);
    // A write after the use (in a loop or a callback) cannot be proven to precede it.
    return only.range[0] < use.range[0] || isDeclarationInit(only) ? value : mark(value, { fallback: true });
  }
  const { dominating, later } = reachingWrites(variable, use);
  if (!dominating) {
    // Writes happen elsewhere (other functions, callbacks): constants among them are defaults at best.
    return mark(union(writes.map(written), false), { fallback: true });
  }
  const base = written(dominating);
  if (later.length === 0) return base;
  return union([base, mark(union(later.map(written)), { fallback: true })], false);
}

/**
 * `const { cipher, digest } = FORMATS[version]` destructures one entry of a table picked at run time: with
 * `everyTableEntry`, the property at `path` of every entry that has it, like `FORMATS[version].cipher` (memberValue).
 */
function tableEntryProperties(ctx: ResolveContext, init: TSESTree.Node, path: readonly string[]): TSESTree.Node[] | undefined {
  if (!ctx.everyTableEntry) return undefined;
  const entries = tableEntries(ctx.sourceCode, init);
  if (!entries) return undefined;
  const found: TSESTree.Node[] = [];
  for (const entry of entries) {
    let value: TSESTree.Node | undefined = findProperty(entry, path[0]);
    for (const key of path.slice(1)) {
      const literal: TSESTree.ObjectExpression | undefined = value && objectLiteralOf(ctx.sourceCode, value);
      value = literal && propertyOf(ctx.sourceCode, literal, key);
    }
    if (value) found.push(value);
  }
  return found.length ? found : undefined;
}

/**
 * What the one write of a variable gives it, resolved once per variable (per file and kind of context) for the
 * questions rules ask directly about its references: a module constant (`const DATA_KEY = Buffer.from(…)`) read
 * in 100 places was resolved again from its initializer at each of them. Only for top-level questions, where
 * the path holds nothing but the reference, so every reference resolves the write at the same depth alike.
 */
function soleWriteValue(ctx: ResolveContext, variable: TSESLint.Scope.Variable, resolveWrite: () => Resolution): Resolution {
  const memo = soleWriteMemoFor(ctx);
  let value = memo.get(variable);
  if (!value) {
    value = resolveWrite();
    memo.set(variable, value);
  }
  return value;
}
const soleWriteMemos = new LintScopedWeakMap<object, WeakMap<TSESLint.Scope.Variable, Resolution>[]>();
function soleWriteMemoFor(ctx: ResolveContext): WeakMap<TSESLint.Scope.Variable, Resolution> {
  return contextMemo(soleWriteMemos, ctx);
}

/**
 * The value a write gives its binding: the written expression, or, when the binding is an
 * element of an array pattern (`[key, iv] = …`), that element of the constant arrays it can be.
 * Anything else in a pattern (a default, a nested pattern, a rest element) is not resolved.
 */
function destructuredElement(write: TSESLint.Scope.Reference, next: (n: TSESTree.Node) => Resolution): Resolution {
  const value = next(write.writeExpr as TSESTree.Node);
  const id = write.identifier as TSESTree.Node;
  const pattern = id.parent;
  if (pattern?.type === 'ArrayPattern') {
    const index = pattern.elements.indexOf(id as TSESTree.DestructuringPattern);
    const values: Constant[] = [];
    let complete = value.complete;
    for (const v of value.values) {
      const element = v.kind === 'array' ? (v.value as readonly Constant[])[index] : undefined;
      if (element) values.push(v.fallback ? { ...element, fallback: true } : element);
      else complete = false;
    }
    return { values, complete: complete && values.length > 0 };
  }
  // `[key = fallback] = …`, `[first, ...rest] = …`: not one element's value.
  if (pattern?.type === 'RestElement' || (pattern?.type === 'AssignmentPattern' && pattern.parent?.type === 'ArrayPattern')) return NONE;
  return value;
}

/**
 * `const key = Buffer.alloc(32); randomFillSync(key)`: an allocation written
 * into afterwards (filled, element-assigned, handed to a filler) is not the
 * zeros it was allocated as.
 */
function withoutFilledAllocations(ctx: ResolveContext, variable: TSESLint.Scope.Variable, use: TSESTree.Node, resolution: Resolution): Resolution {
  const allocated = (c: Constant) => c.kind === 'bytes' && (c.encoding === 'zeros' || c.encoding === 'fill');
  if (!resolution.values.some(allocated)) return resolution;
  // The call being resolved reads the buffer; it does not fill it.
  const reader = use.parent?.type === 'CallExpression' || use.parent?.type === 'NewExpression' ? use.parent : undefined;
  if (!isBufferWritten(ctx.sourceCode, variable, reader)) return resolution;
  return { values: resolution.values.filter((c) => !allocated(c)), complete: false };
}

function isDeclarationInit(node: TSESTree.Node): boolean {
  return node.parent?.type === 'VariableDeclarator' && node.parent.init === node;
}

function patternPropertyPath(pattern: TSESTree.Node, name: string): string[] | undefined {
  if (pattern.type === 'Identifier') return pattern.name === name ? [] : undefined;
  if (pattern.type === 'AssignmentPattern') return patternPropertyPath(pattern.left, name);
  if (pattern.type !== 'ObjectPattern') return undefined;
  for (const prop of pattern.properties) {
    if (prop.type !== 'Property' || prop.computed) continue;
    const key = propertyName(prop.key);
    const inner = key === undefined ? undefined : patternPropertyPath(prop.value, name);
    if (inner) return [key!, ...inner];
  }
  return undefined;
}

/** The default written for binding `name` in a destructuring pattern (`{ a: { b = 'x' } }` → `'x'`). */
function patternDefault(pattern: TSESTree.Node, name: string): TSESTree.Node | undefined {
  switch (pattern.type) {
    case 'AssignmentPattern':
      return pattern.left.type === 'Identifier' && pattern.left.name === name ? pattern.right : patternDefault(pattern.left, name);
    case 'ObjectPattern':
      for (const prop of pattern.properties) {
        const found = patternDefault(prop.type === 'Property' ? prop.value : prop, name);
        if (found) return found;
      }
      return undefined;
    default:
      return undefined;
  }
}

/**
 * A parameter is constant at a use when its default is (`key = 'dev'` — a
 * fallback) or when a call site in this file passes a constant.
 */
function parameterValue(ctx: ResolveContext, param: TSESTree.Identifier, next: (n: TSESTree.Node) => Resolution, depth: number): Resolution {
  const parts: Resolution[] = [];
  const parent = param.parent;
  if (parent?.type === 'AssignmentPattern' && parent.left === param) parts.push(mark(next(parent.right), { fallback: true }));
  if (depth < MAX_DEPTH - 4) {
    for (const arg of callSiteArguments(ctx.sourceCode, param)) parts.push(mark(next(arg), { viaCallSite: true }));
  }
  return union(parts, false);
}

/**
 * `settings.saltRounds` of a parameter `settings = appConfig.security` (a constructor's parameter property
 * too): that member of the parameter's default (a fallback, as the parameter's own default is), or of the
 * objects this file's call sites pass.
 */
function parameterMember(ctx: ResolveContext, object: TSESTree.Node, name: string, next: (n: TSESTree.Node) => Resolution, depth: number): Resolution | undefined {
  const id = unwrapExpression(object);
  const def = id.type === 'Identifier' ? variableOf(ctx.sourceCode, id)?.defs[0] : undefined;
  if (def?.type !== 'Parameter' || def.name.type !== 'Identifier' || ctx.bindings?.has(def.name) || depth >= MAX_DEPTH - 4) return undefined;
  const param = def.name;
  const memberOf = (source: TSESTree.Node) => {
    const literal = resolveObjectLiteral(ctx.sourceCode, source);
    const value = literal && propertyOf(ctx.sourceCode, literal, name);
    return value ? next(value) : NONE;
  };
  const parts: Resolution[] = [];
  const slot = param.parent;
  if (slot?.type === 'AssignmentPattern' && slot.left === param) parts.push(mark(memberOf(slot.right), { fallback: true }));
  for (const arg of callSiteArguments(ctx.sourceCode, param)) parts.push(mark(memberOf(arg), { viaCallSite: true }));
  // `header: VaultHeader`: what the file's own code makes of that type (each object judged like a table entry).
  // A tagged union read under a test of its tag (`if (kdf.type === 'pbkdf2') … kdf.iterations`): that tag's objects.
  for (const made of objectsNarrowedAt(ctx.sourceCode, objectsOfLocalType(ctx.sourceCode, param), id as TSESTree.Identifier)) parts.push(memberOf(made));
  return parts.some((part) => part.values.length > 0) ? union(parts, false) : undefined;
}

function externalValue(ctx: ResolveContext, node: TSESTree.Node): Resolution {
  const external = externalConstant(ctx, node);
  return external ? single(external) : NONE;
}

/**
 * A parameter of the helper being followed, bound to the caller's argument; an
 * omitted argument takes the parameter's default.
 */
function boundArgument(ctx: ResolveContext, node: TSESTree.Identifier): { arg?: TSESTree.Node; ctx: ResolveContext; fallback?: TSESTree.Node } | undefined {
  if (!ctx.bindings) return undefined;
  const def = variableOf(ctx.sourceCode, node)?.defs[0];
  if (def?.type !== 'Parameter') return undefined;
  const binding = ctx.bindings.get(def.name);
  if (!binding) return undefined;
  const slot = def.name.parent;
  const fallback = slot?.type === 'AssignmentPattern' && slot.left === def.name ? slot.right : undefined;
  return { arg: binding.arg, ctx: binding.ctx, fallback };
}

/**
 * The value of a call to a small helper declared in this file, computed from
 * this call's arguments: `const b64 = (s) => Buffer.from(s, 'base64')` makes
 * `b64(KEY)` the decoded `KEY`.
 */
function helperValue(ctx: ResolveContext, node: TSESTree.CallExpression, seen: Set<TSESTree.Node>, depth: number): Resolution {
  if (depth > MAX_DEPTH - 4) return NONE;
  const fn = localFunctionOf(ctx.sourceCode, node.callee);
  const returns = fn && returnedExpressions(fn, node.parent?.type === 'AwaitExpression');
  if (!fn || !returns || seen.has(fn)) return NONE;
  const bindings = new Map<TSESTree.Node, { arg: TSESTree.Node | undefined; ctx: ResolveContext }>();
  for (const [param, arg] of parameterBindings(fn, node)) bindings.set(param, { arg, ctx });
  const inner: ResolveContext = { ...ctx, bindings };
  seen.add(fn);
  try {
    const decoded = loopDecoderParameter(ctx, fn, returns);
    if (decoded) {
      const arg = bindings.get(decoded.param)?.arg;
      if (!arg) return NONE;
      // `const bin = atob(b64)` read code by code: the parameter decoded by that call, in this call's bindings.
      const text = decoded.text ? resolve(inner, decoded.text, seen, depth + 1) : resolve(ctx, arg, seen, depth + 1);
      if (decoded.reads === 'hex') return encodeText(text, node, 'hex');
      // A binary string's character codes: already bytes when the text was `atob(…)` decoded.
      return text.values.some((v) => v.kind === 'bytes') ? text : charCodesOfString(text);
    }
    return union(returns.map((r) => resolve(inner, r, seen, depth)));
  } finally {
    seen.delete(fn);
  }
}

const TEXT_SLICES = new Set(['slice', 'substr', 'substring']);

/**
 * The parameter a hand-written decoder decodes: the function returns one fresh byte array (`new Uint8Array(…)`,
 * `Buffer.alloc(…)`) and every write into it is `out[i] = parseInt(hex.slice(…), 16)` of that parameter (hex), or
 * `out[i] = binary.charCodeAt(i)` (a binary string's character codes, what `atob` gives). What such a helper
 * returns is the parameter's text read that way, whatever the loop looks like.
 */
function loopDecoderParameter(ctx: ResolveContext, fn: FunctionNode, returns: readonly TSESTree.Node[]): { param: TSESTree.Identifier; reads: 'hex' | 'char-codes'; text?: TSESTree.Node } | undefined {
  if (returns.length !== 1 || fn.body.type !== 'BlockStatement') return undefined;
  const out = unwrapExpression(returns[0]);
  if (out.type !== 'Identifier') return undefined;
  const variable = variableOf(ctx.sourceCode, out);
  const init = variable && singleInitializer(variable);
  if (!init || !isByteAllocation(init)) return undefined;
  let param: TSESTree.Identifier | undefined;
  let reads: 'hex' | 'char-codes' | undefined;
  let text: TSESTree.Node | undefined;
  const isParam = (id: TSESTree.Node) => fn.params.find((p): p is TSESTree.Identifier => p.type === 'Identifier' && id.type === 'Identifier' && p.name === id.name);
  for (const ref of variable.references) {
    const member = ref.identifier.parent;
    if (member?.type !== 'MemberExpression' || member.object !== ref.identifier || !member.computed) continue;
    const write = member.parent;
    if (write?.type !== 'AssignmentExpression' || write.left !== member) continue;
    const hex = hexParsedText(ctx, write.right);
    const parsed = hex ?? charCodeText(write.right);
    const kind = hex ? 'hex' : 'char-codes';
    let source = parsed && isParam(parsed);
    let decodedText: TSESTree.Node | undefined;
    if (parsed && !source && kind === 'char-codes') {
      // `const bin = atob(b64)` in the helper, then `out[i] = bin.charCodeAt(i)`: the parameter, decoded by that call.
      const local = variableOf(ctx.sourceCode, parsed);
      const init = local && singleInitializer(local);
      const decoder = init && unwrapExpression(init);
      if (decoder?.type === 'CallExpression' && decoder.arguments.length === 1) {
        source = isParam(unwrapExpression(decoder.arguments[0]));
        decodedText = decoder;
      }
    }
    if (!source || (param && param !== source) || (reads && reads !== kind) || (text && text !== decodedText)) return undefined;
    param = source;
    reads = kind;
    text = decodedText;
  }
  return param && reads ? { param, reads, text } : undefined;
}

/** `binary.charCodeAt(i)`: the text identifier whose character codes are read. */
function charCodeText(node: TSESTree.Node): TSESTree.Identifier | undefined {
  const call = unwrapExpression(node);
  if (call.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || memberName(call.callee) !== 'charCodeAt') return undefined;
  const text = unwrapExpression(call.callee.object);
  return text.type === 'Identifier' ? text : undefined;
}

/** Typed arrays of single bytes: Realm's keys are `Int8Array`s, canvas code uses `Uint8ClampedArray`. */
const BYTE_ARRAY_CLASSES = new Set(['Uint8Array', 'Int8Array', 'Uint8ClampedArray']);

/** `new Uint8Array(n)` (or `Int8Array`) / `Buffer.alloc(n)`: a fresh zeroed byte array the helper then fills. */
function isByteAllocation(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  if (expr.type === 'NewExpression') return expr.callee.type === 'Identifier' && BYTE_ARRAY_CLASSES.has(expr.callee.name) && expr.arguments.length === 1;
  return expr.type === 'CallExpression' && expr.callee.type === 'MemberExpression' && expr.callee.object.type === 'Identifier' && expr.callee.object.name === 'Buffer' && memberName(expr.callee) === 'alloc' && expr.arguments.length === 1;
}

/** `parseInt(hex.slice(i, i + 2), 16)` (also `substr`/`substring`, `Number.parseInt`): the text identifier it parses. */
function hexParsedText(ctx: ResolveContext, node: TSESTree.Node): TSESTree.Identifier | undefined {
  const call = unwrapExpression(node);
  if (call.type !== 'CallExpression' || call.arguments.length !== 2) return undefined;
  const parser = unwrapExpression(call.callee);
  if (!isBuiltin(ctx, parser, 'parseInt') && !isGlobalMember(ctx, parser, 'Number', 'parseInt')) return undefined;
  const [piece, radix] = call.arguments;
  if (radix.type !== 'Literal' || radix.value !== 16 || piece.type !== 'CallExpression') return undefined;
  const cut = unwrapExpression(piece.callee);
  if (cut.type !== 'MemberExpression' || !TEXT_SLICES.has(memberName(cut) ?? '')) return undefined;
  const text = unwrapExpression(cut.object);
  return text.type === 'Identifier' ? text : undefined;
}

/**
 * A configuration lookup with a default: `config.get('DATA_KEY', '…')`,
 * `_.get(settings, 'jwt.secret', '…')`. The default is used whenever the setting
 * is missing: a hardcoded fallback, like `process.env.DATA_KEY ?? '…'`.
 */
/**
 * fp-ts: `pipe(lookup('JWT_SECRET'), O.getOrElse(() => '…'))` — the value of the setting, or the default the last
 * step supplies when it is missing: a fallback, as `process.env.JWT_SECRET ?? '…'` is.
 */
function pipedDefault(ctx: ResolveContext, node: TSESTree.CallExpression, next: (n: TSESTree.Node) => Resolution): Resolution | undefined {
  const last = node.arguments[node.arguments.length - 1];
  if (node.arguments.length < 2 || last?.type !== 'CallExpression' || !isFpTs(ctx, node.callee, ['pipe'])) return undefined;
  if (!isFpTs(ctx, last.callee, ['getOrElse', 'getOrElseW'])) return undefined;
  const thunk = last.arguments[0];
  if ((thunk?.type !== 'ArrowFunctionExpression' && thunk?.type !== 'FunctionExpression') || thunk.params.length > 0) return undefined;
  const returned = returnedExpressions(thunk, true);
  if (returned?.length !== 1) return undefined;
  return union([{ values: [], complete: false }, mark(next(returned[0]), { fallback: true })], false);
}

/** A function of an fp-ts module (`fp-ts/function`'s `pipe`, `fp-ts/Option`'s `getOrElse`) by one of `names`. */
function isFpTs(ctx: ResolveContext, callee: TSESTree.Node, names: readonly string[]): boolean {
  const path = resolveImportPath(ctx.sourceCode, callee);
  const name = path?.path[path.path.length - 1];
  return path?.module !== undefined && /^fp-ts(?:\/|$)/.test(path.module) && name !== undefined && names.includes(name);
}

function configDefault(ctx: ResolveContext, node: TSESTree.CallExpression, next: (n: TSESTree.Node) => Resolution): Resolution | undefined {
  // On a settings object only: `db.get('keys', 'store')` (IndexedDB) reads the record 'store'.
  if (!isSettingsLookup(node) || node.arguments.length < 2) return undefined;
  const fallback = node.arguments[node.arguments.length - 1];
  const name = node.arguments[node.arguments.length - 2];
  if (fallback.type === 'SpreadElement' || name.type === 'SpreadElement') return undefined;
  const setting = resolveConstant(ctx, name);
  if (setting?.kind !== 'string') return undefined;
  const value = next(fallback);
  return value.values.length ? mark({ values: value.values, complete: false }, { fallback: true }) : undefined;
}

/**
 * `KEYS.get(version)` of a `const KEYS = new Map([['v1', …], …])`: the entry
 * for a constant version, otherwise any of the entries (not complete).
 */
function mapLookup(ctx: ResolveContext, node: TSESTree.CallExpression, next: (n: TSESTree.Node) => Resolution): Resolution | undefined {
  const callee = unwrapExpression(node.callee);
  if (callee.type !== 'MemberExpression' || memberName(callee) !== 'get' || node.arguments.length !== 1) return undefined;
  const owner = unwrapExpression(callee.object);
  if (owner.type !== 'Identifier') return undefined;
  const variable = variableOf(ctx.sourceCode, owner);
  const def = variable?.defs[0];
  if (def?.type !== 'Variable' || !def.node.init) return undefined;
  const entries = mapInitializerEntries(unwrapExpression(def.node.init));
  if (!entries) return undefined;
  const wanted = resolveConstant(ctx, node.arguments[0]);
  const parts: Resolution[] = [];
  for (const entry of entries) {
    const value = next(entry.value);
    const key = entry.key ? resolveConstant(ctx, entry.key) : undefined;
    if (wanted && key && key.value === wanted.value) return value;
    parts.push(value);
  }
  return wanted || !ctx.everyTableEntry ? NONE : union(parts, false);
}

/**
 * The entries a `Map` is created with: the pairs of `new Map([['v1', …], …])` and those a chain of
 * `.set(k, v)` calls on the new map adds (`new Map().set('v1', …).set('v2', …)`, `.set` returns the map).
 */
export function mapInitializerEntries(init: TSESTree.Node): { key: TSESTree.Node | undefined; value: TSESTree.Node }[] | undefined {
  const chained: { key: TSESTree.Node | undefined; value: TSESTree.Node }[] = [];
  let node = init;
  while (node.type === 'CallExpression' && node.callee.type === 'MemberExpression' && memberName(node.callee) === 'set' && node.arguments.length === 2) {
    const [key, value] = node.arguments;
    if (key.type === 'SpreadElement' || value.type === 'SpreadElement') return undefined;
    chained.unshift({ key, value });
    node = unwrapExpression(node.callee.object);
  }
  if (node.type !== 'NewExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'Map') return undefined;
  const list = node.arguments[0] ? unwrapExpression(node.arguments[0]) : undefined;
  if (list && list.type !== 'ArrayExpression') return undefined;
  const entries: { key: TSESTree.Node | undefined; value: TSESTree.Node }[] = [];
  for (const entry of list?.elements ?? []) {
    if (entry?.type !== 'ArrayExpression' || entry.elements.length !== 2 || !entry.elements[1] || entry.elements[1].type === 'SpreadElement') continue;
    entries.push({ key: entry.elements[0] && entry.elements[0].type !== 'SpreadElement' ? entry.elements[0] : undefined, value: entry.elements[1] });
  }
  entries.push(...chained);
  return entries.length > 0 ? entries : undefined;
}

// ---------------------------------------------------------------------------
// Member expressions: config objects, class fields, `process.env`

function member(ctx: ResolveContext, node: TSESTree.MemberExpression, next: (n: TSESTree.Node) => Resolution, depth: number): Resolution {
  // `this.#key` is named `#key`, as class-members names private fields.
  // `keys[version]`: the property is a variable, not a name.
  if (node.computed && node.property.type !== 'Literal' && node.property.type !== 'TemplateLiteral') return anyMember(ctx, node, next);
  const name = classMemberName(node);
  if (name === undefined) return node.computed ? anyMember(ctx, node, next) : NONE;
  if (isProcessEnv(node.object)) return NONE;
  if (node.object.type === 'ThisExpression') return union(classMemberValues(ctx.sourceCode, node, name).map(next), false);
  const object = resolveObjectLiteral(ctx.sourceCode, node.object);
  if (object) {
    // `{ ...defaults, ...overrides }.fieldKey`: the value a spread object of this file gives it.
    const value = propertyOf(ctx.sourceCode, object, name);
    return value ? next(value) : NONE;
  }
  const ofParameter = parameterMember(ctx, node.object, name, next, depth);
  if (ofParameter) return ofParameter;
  // `active.secret` of `const active = configFor(stage)`: that property of each object the local function returns
  // (a `switch` per environment), any of them at run time.
  const returned = returnedObjectLiterals(ctx.sourceCode, node.object);
  if (returned) return union(returned.flatMap((object) => propertyOf(ctx.sourceCode, object, name) ?? []).map(next), false);
  const enumValue = enumMemberInitializer(ctx.sourceCode, node.object, name);
  if (enumValue) return next(enumValue);
  // `format.cipher` of `const format = FORMATS[version]`: that member of any entry.
  const entries = ctx.everyTableEntry ? tableEntries(ctx.sourceCode, node.object) : undefined;
  if (entries) return union(entries.flatMap((entry) => findProperty(entry, name) ?? []).map(next), false);
  // `arr[0]` of a constant array.
  const asArray = next(node.object);
  if (asArray.complete && asArray.values.length === 1 && asArray.values[0].kind === 'array' && /^\d+$/.test(name)) {
    const element = (asArray.values[0].value as readonly Constant[])[Number(name)];
    return element ? single(element) : NONE;
  }
  // `Hybi.GUID` of a module-level `Hybi.GUID = '…'` (CommonJS statics on a constructor or namespace object).
  const assigned = soleModuleLevelAssignment(ctx.sourceCode, node.object, name);
  if (assigned) return next(assigned);
  // A library's named constant (`sodium.crypto_pwhash_MEMLIMIT_MIN`).
  if (LIBRARY_CONSTANT_NAMES.has(name)) {
    const path = resolveImportPath(ctx.sourceCode, node);
    const value = path ? libraryConstant(path.module, path.path) : undefined;
    if (value !== undefined) return single({ kind: typeof value === 'string' ? 'string' : 'number', value, origin: node });
  }
  // A static class member or an exported object from another file (type information).
  const staticValues = classMemberValues(ctx.sourceCode, node, name);
  if (staticValues.length) return union(staticValues.map(next), false);
  if (depth < MAX_DEPTH) return externalValue(ctx, node);
  return NONE;
}

/**
 * The value of `object.name` when the file writes that property exactly once, in a statement of the
 * module's top level (`Hybi.GUID = '258EAFA5-…';` after `var Hybi = function () {}`), and `object` is
 * a binding of the module scope. Any other write (in a function, a second assignment) leaves it unknown.
 */
function soleModuleLevelAssignment(sourceCode: SourceCode, object: TSESTree.Node, name: string): TSESTree.Node | undefined {
  if (object.type !== 'Identifier') return undefined;
  const variable = variableOf(sourceCode, object);
  // The program's own scope: global, module, or CommonJS's function scope around the file.
  if (!variable || variable.scope.block.type !== 'Program') return undefined;
  let value: TSESTree.Node | undefined;
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    if (member?.type !== 'MemberExpression' || member.object !== reference.identifier || classMemberName(member) !== name) continue;
    const write = member.parent;
    if (write?.type === 'AssignmentExpression' && write.left === member) {
      if (value || write.operator !== '=' || write.parent?.type !== 'ExpressionStatement' || write.parent.parent?.type !== 'Program') return undefined;
      value = write.right;
    } else if (write?.type === 'UpdateExpression' || (write?.type === 'UnaryExpression' && write.operator === 'delete')) {
      return undefined;
    }
  }
  return value;
}

/**
 * `KEYS[version]` with a version known only at run time: any property of a
 * constant object literal, or any element of a constant array (not complete).
 */
function anyMember(ctx: ResolveContext, node: TSESTree.MemberExpression, next: (n: TSESTree.Node) => Resolution): Resolution {
  if (isProcessEnv(node.object)) return NONE;
  const key = next(node.property);
  if (key.complete && key.values.length === 1 && (key.values[0].kind === 'string' || key.values[0].kind === 'number')) {
    const wanted = String(key.values[0].value);
    const object = resolveObjectLiteral(ctx.sourceCode, node.object);
    if (object) {
      const value = findProperty(object, wanted);
      return value ? next(value) : NONE;
    }
    const pair = fromEntriesPairs(ctx.sourceCode, node.object)?.find(([k]) => {
      const name = resolveConstant(ctx, k);
      return name !== undefined && String(name.value) === wanted;
    });
    return pair ? next(pair[1]) : NONE;
  }
  if (!ctx.everyTableEntry) return NONE;
  // `keyring[kid]` over `Object.fromEntries([['2024-01', '…'], ['2024-07', '…']])`: any entry's value.
  const pairs = fromEntriesPairs(ctx.sourceCode, node.object);
  if (pairs) return union(pairs.map(([, value]) => next(value)), false);
  const object = resolveObjectLiteral(ctx.sourceCode, node.object);
  if (object) {
    const values: TSESTree.Node[] = [];
    for (const prop of object.properties) if (prop.type === 'Property' && prop.kind === 'init' && !prop.method) values.push(prop.value);
    return union(values.map(next), false);
  }
  // `SigningSecret[integration]` of a TypeScript enum: any member's value.
  const members = enumMembers(ctx.sourceCode, node.object);
  if (members) return union(members.flatMap((m) => (m.initializer ? [next(m.initializer)] : [])), false);
  const array = next(node.object);
  if (array.values.length === 1 && array.values[0].kind === 'array') return { values: [...(array.values[0].value as readonly Constant[])].slice(0, MAX_VALUES), complete: false };
  return NONE;
}

const FROM_ENTRIES: ReadonlySet<string> = new Set(['fromEntries']);

/**
 * The `[key, value]` pairs of an object built in place by `Object.fromEntries([[k, v], …])` (the
 * expression itself or a const bound to it), like the entries of a `new Map([...])`.
 */
function fromEntriesPairs(sourceCode: SourceCode, node: TSESTree.Node): [TSESTree.Node, TSESTree.Node][] | undefined {
  const expr = initializedExpression(sourceCode, node);
  if (!expr) return undefined;
  const call = globalMethodCall(sourceCode, expr, 'Object', FROM_ENTRIES);
  const list = call?.arguments.length === 1 ? unwrapExpression(call.arguments[0]) : undefined;
  if (list?.type !== 'ArrayExpression') return undefined;
  const pairs: [TSESTree.Node, TSESTree.Node][] = [];
  for (const entry of list.elements) {
    if (entry?.type !== 'ArrayExpression' || entry.elements.length !== 2) continue;
    const [k, v] = entry.elements;
    if (k && v && k.type !== 'SpreadElement' && v.type !== 'SpreadElement') pairs.push([k, v]);
  }
  return pairs;
}

/**
 * The object entries an expression may be when it picks one from a table at run time:
 * `FORMATS[partner.version]` (or a const bound to it) over `const FORMATS = { 1: {…}, 2: {…} }`
 * or an array of object literals. Undefined when it is not such a lookup.
 */
export function tableEntries(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): TSESTree.ObjectExpression[] | undefined {
  const expr = unwrapExpression(node);
  if (depth > 3) return undefined;
  if (expr.type === 'Identifier') {
    const variable = variableOf(sourceCode, expr);
    const def = variable?.defs[0];
    if (variable?.defs.length !== 1 || def?.type !== 'Variable' || def.node.id !== def.name || !def.node.init || writesOf(variable).length !== 1) return undefined;
    return tableEntries(sourceCode, def.node.init, depth + 1);
  }
  if (expr.type === 'CallExpression') {
    const picked = pickedTable(sourceCode, expr);
    return picked ? entriesOfTable(sourceCode, picked) : mapGetEntries(sourceCode, expr) ?? lookupHelperEntries(sourceCode, expr, depth);
  }
  if (expr.type !== 'MemberExpression' || !expr.computed || expr.property.type === 'Literal' || expr.property.type === 'TemplateLiteral') return undefined;
  return entriesOfTable(sourceCode, expr.object);
}

/**
 * The entries a local lookup helper hands back: `strategyFor(scheme)` written as `const s = CIPHERS[scheme]; if (!s)
 * throw …; return s;` returns one entry of CIPHERS at run time. Every returned expression must be such a lookup.
 */
function lookupHelperEntries(sourceCode: SourceCode, call: TSESTree.CallExpression, depth: number): TSESTree.ObjectExpression[] | undefined {
  const fn = localFunctionOf(sourceCode, call.callee);
  const returns = fn && returnedExpressions(fn);
  if (!returns?.length) return undefined;
  const entries: TSESTree.ObjectExpression[] = [];
  for (const returned of returns) {
    const found = tableEntries(sourceCode, returned, depth + 1);
    if (!found) return undefined;
    entries.push(...found);
  }
  return entries;
}

/**
 * `EXCHANGE_KEYS.get(exchange)` over `const EXCHANGE_KEYS = new Map([['adx', { ekey: '…', ikey: '…' }], …])`: the
 * object entries of a `Map` this file creates, one of which the lookup returns at run time (a keyring whose entries
 * are records, like `FORMATS[version]` over an object of records).
 */
function mapGetEntries(sourceCode: SourceCode, call: TSESTree.CallExpression): TSESTree.ObjectExpression[] | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression' || memberName(callee) !== 'get' || call.arguments.length !== 1) return undefined;
  const init = initializedExpression(sourceCode, callee.object);
  const entries = init && mapInitializerEntries(unwrapExpression(init));
  const objects = (entries ?? []).flatMap(({ value }) => {
    const expr = unwrapExpression(value);
    return expr.type === 'ObjectExpression' ? [expr] : [];
  });
  return objects.length ? objects : undefined;
}

/** The object entries of a table written in this file (an object literal's values, or an array literal's elements). */
function entriesOfTable(sourceCode: SourceCode, tableNode: TSESTree.Node): TSESTree.ObjectExpression[] | undefined {
  const table = resolveObjectLiteral(sourceCode, tableNode);
  const values = table
    ? table.properties.flatMap((p) => (p.type === 'Property' && p.kind === 'init' && !p.method ? [p.value] : []))
    : arrayLiteralOf(sourceCode, tableNode)?.elements ?? [];
  const entries = values.flatMap((v) => (v && v.type !== 'SpreadElement' && unwrapExpression(v).type === 'ObjectExpression' ? [unwrapExpression(v) as TSESTree.ObjectExpression] : []));
  return entries.length ? entries : undefined;
}

/**
 * The table a local lookup helper is given: `pick(ARCHIVE_CIPHERS, job.profile, 'balanced')` with
 * `function pick(table, key, fallback) { return table[key ?? fallback]; }` reads one entry of ARCHIVE_CIPHERS at run time.
 */
function pickedTable(sourceCode: SourceCode, call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const fn = localFunctionOf(sourceCode, call.callee);
  const returns = fn && returnedExpressions(fn);
  const lookup = returns?.length === 1 ? unwrapExpression(returns[0]) : undefined;
  if (!fn || lookup?.type !== 'MemberExpression' || !lookup.computed || lookup.property.type === 'Literal') return undefined;
  const table = unwrapExpression(lookup.object);
  const index = table.type === 'Identifier' ? fn.params.findIndex((p) => p.type === 'Identifier' && p.name === table.name) : -1;
  const arg = index >= 0 ? call.arguments[index] : undefined;
  return arg && arg.type !== 'SpreadElement' ? arg : undefined;
}

export function isProcessEnv(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  if (expr.type === 'Identifier') return isEnvironmentParameter(expr) || isEnvironmentAlias(expr);
  return (
    (expr.type === 'MemberExpression' && memberName(expr) === 'env' && expr.object.type === 'Identifier' && expr.object.name === 'process') ||
    (expr.type === 'MemberExpression' && memberName(expr) === 'env' && expr.object.type === 'MetaProperty')
  );
}

/**
 * `env` in `function fromEnv(env = process.env) { … env.SIGNING_KEY … }`: a parameter whose default is
 * the environment (tests pass another object; the program reads `process.env`). Found syntactically —
 * the nearest enclosing function declaring that name — so that no scope manager is needed here.
 */
function isEnvironmentParameter(id: TSESTree.Identifier): boolean {
  if (!/env/i.test(id.name)) return false; // the cheap test first: most identifiers are not such a parameter
  for (let node: TSESTree.Node | undefined = id.parent; node; node = node.parent) {
    if (node.type !== 'FunctionDeclaration' && node.type !== 'FunctionExpression' && node.type !== 'ArrowFunctionExpression') continue;
    for (const param of node.params) {
      const pattern = param.type === 'TSParameterProperty' ? param.parameter : param;
      if (pattern.type === 'AssignmentPattern' && pattern.left.type === 'Identifier' && pattern.left.name === id.name) return pattern.left !== id && isProcessEnv(pattern.right);
      if (pattern.type === 'Identifier' && pattern.name === id.name) return false;
    }
  }
  return false;
}

/**
 * `env` after `const env = process.env;`, `const { env } = process;` (in the same or an enclosing block) or
 * `import { env } from 'node:process'`: a shorter name for the environment (`env.SESSION_SECRET ?? '…'` is a
 * fallback). Found syntactically, like the parameter above.
 */
function isEnvironmentAlias(id: TSESTree.Identifier): boolean {
  if (!/env/i.test(id.name)) return false;
  for (let node: TSESTree.Node | undefined = id.parent; node; node = node.parent) {
    if (node.type !== 'BlockStatement' && node.type !== 'Program') continue;
    for (const statement of node.body) {
      if (statement.type === 'ImportDeclaration') {
        if (importsProcessEnv(statement, id)) return true;
        continue;
      }
      const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
      if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
      for (const declarator of declaration.declarations) {
        const verdict = declaresEnvironment(declarator, id);
        if (verdict !== undefined) return verdict;
      }
    }
  }
  return false;
}

/** Whether `declarator` declares `id`'s name as the environment; undefined when it declares something else. */
function declaresEnvironment(declarator: TSESTree.VariableDeclarator, id: TSESTree.Identifier): boolean | undefined {
  const init = declarator.init ? unwrapExpression(declarator.init) : undefined;
  if (declarator.id.type === 'Identifier') {
    if (declarator.id.name !== id.name || declarator.id === id) return undefined;
    return init?.type === 'MemberExpression' && isProcessEnv(init);
  }
  if (declarator.id.type !== 'ObjectPattern') return undefined;
  for (const property of declarator.id.properties) {
    if (property.type !== 'Property' || property.value.type !== 'Identifier' || property.value.name !== id.name) continue;
    return init?.type === 'Identifier' && init.name === 'process' && propertyName(property.key) === 'env';
  }
  return undefined;
}

/** `import { env } from 'node:process'` (or `process`) binding `id`'s name. */
function importsProcessEnv(declaration: TSESTree.ImportDeclaration, id: TSESTree.Identifier): boolean {
  if (declaration.source.value !== 'process' && declaration.source.value !== 'node:process') return false;
  return declaration.specifiers.some((s) => s.type === 'ImportSpecifier' && s.local.name === id.name && propertyName(s.imported) === 'env');
}

/** `process.env.NAME` / `process.env['NAME']` / `import.meta.env.NAME` → 'NAME'. */
export function envVarName(node: TSESTree.Node): string | undefined {
  const expr = unwrapExpression(node);
  if (expr.type === 'MemberExpression' && isProcessEnv(expr.object)) return memberName(expr);
  return undefined;
}

/** `process.env.X ?? '…'` / `process.env.X || '…'` → 'X'. */
export function fallbackEnvName(expr: TSESTree.Node): string | undefined {
  if (expr.type !== 'LogicalExpression' || expr.operator === '&&') return undefined;
  return envVarName(expr.left);
}

/** `const { SESSION_SECRET = '…' } = process.env`: the variable whose default `pattern` is ('SESSION_SECRET'). */
export function destructuredEnvVar(pattern: TSESTree.AssignmentPattern): string | undefined {
  const prop = pattern.parent;
  if (prop?.type !== 'Property' || prop.value !== pattern || prop.computed) return undefined;
  const objectPattern = prop.parent;
  const declarator = objectPattern?.parent;
  if (objectPattern?.type !== 'ObjectPattern' || declarator?.type !== 'VariableDeclarator' || declarator.id !== objectPattern || !declarator.init) return undefined;
  return isProcessEnv(declarator.init) ? propertyName(prop.key) : undefined;
}

// ---------------------------------------------------------------------------
// Calls that turn constants into bytes, or derive from them

const BYTE_CUTS: ReadonlySet<string> = new Set(['subarray', 'slice']);
const STRING_TRANSFORMS = new Set(['toString', 'trim', 'slice', 'substring', 'substr', 'padEnd', 'padStart', 'toLowerCase', 'toUpperCase', 'normalize', 'repeat', 'valueOf', 'subarray']);

function callValue(ctx: ResolveContext, node: TSESTree.CallExpression | TSESTree.NewExpression, next: (n: TSESTree.Node) => Resolution): Resolution {
  const callee = unwrapExpression(node.callee);
  const arg0 = node.arguments[0];

  // Buffer.from / Buffer.alloc / Uint8Array / TextEncoder / String(x)
  if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && !variableOf(ctx.sourceCode, callee.object)?.defs.length) {
    const owner = callee.object.name;
    const name = memberName(callee);
    if (owner === 'Buffer' && name === 'from' && arg0) return bufferFrom(node, next);
    if (owner === 'Buffer' && name === 'alloc' && arg0) return bufferAlloc(node, next);
    if (owner === 'Buffer' && name === 'concat' && arg0) return bufferConcat(node, next);
    if ((owner === 'Uint8Array' || owner === 'Buffer') && name === 'from' && arg0) {
      // `Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))`: the decoded bytes.
      const inner = next(arg0);
      if (inner.values.some((v) => v.kind === 'bytes')) return inner;
      // `Uint8Array.from('note-nonce-1', (c) => c.charCodeAt(0))`: the characters' codes of a constant string.
      if (isCharCodeMapper(node.arguments[1])) return charCodesOfString(inner);
      return bytesFromArray(node, inner);
    }
    // `Uint8Array.of(0x1f, 0x8b, …)`: bytes written as the arguments.
    if ((owner === 'Uint8Array' || owner === 'Buffer') && name === 'of') return bytesFromArguments(node, next);
  }
  if (node.type === 'NewExpression' && callee.type === 'Identifier' && /^(Uint8Array|Int8Array|Uint8ClampedArray)$/.test(callee.name)) {
    // `new Uint8Array()` is a zero-length array: no bytes at all, like `new Uint8Array(0)`.
    if (!arg0) return single({ kind: 'bytes', value: new Uint8Array(), origin: node, encoding: 'zeros' });
    const inner = next(arg0);
    const size = inner.complete && inner.values.length === 1 && inner.values[0].kind === 'number' ? (inner.values[0].value as number) : undefined;
    if (size !== undefined && Number.isInteger(size) && size >= 0 && size < 1 << 20) return single({ kind: 'bytes', value: new Uint8Array(size), origin: node, encoding: 'zeros' });
    if (inner.values.some((v) => v.kind === 'bytes')) return inner; // a typed-array view of constant bytes
    return bytesFromArray(node, inner);
  }
  if (callee.type === 'Identifier' && callee.name === 'String' && arg0 && !variableOf(ctx.sourceCode, callee)?.defs.length) return derive(next(arg0));
  // Number(process.env.ITERATIONS ?? 1000), parseInt('12', 10): the numbers a setting falls back to.
  if (arg0 && isNumberConversion(ctx, callee)) return toNumbers(next(arg0));
  // String.fromCharCode(81, 55, …): a key spelled as character codes is still the key.
  if (callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'String' && memberName(callee) === 'fromCharCode' && !variableOf(ctx.sourceCode, callee.object)?.defs.length) {
    return charCodes(node, next);
  }
  // new TextEncoder().encode(x)
  if (callee.type === 'MemberExpression' && memberName(callee) === 'encode' && arg0) {
    const encoder = unwrapExpression(callee.object);
    const isEncoder =
      (encoder.type === 'NewExpression' && encoder.callee.type === 'Identifier' && encoder.callee.name === 'TextEncoder') ||
      (encoder.type === 'Identifier' && isTextEncoderBinding(ctx, encoder));
    if (isEncoder) return encodeText(next(arg0), node, 'utf8');
  }
  // ['8f3a…', '…'].join(''): a key split into parts is still the key.
  if (callee.type === 'MemberExpression' && memberName(callee) === 'join') {
    const parts = next(callee.object);
    const separator = arg0 ? next(arg0) : single({ kind: 'string', value: ',', origin: node });
    const list = parts.complete && parts.values.length === 1 && parts.values[0].kind === 'array' ? (parts.values[0].value as readonly Constant[]) : undefined;
    const sep = separator.complete && separator.values.length === 1 ? separator.values[0].value : undefined;
    if (list && typeof sep === 'string' && list.length > 0 && list.every((c) => c.kind === 'string' || c.kind === 'number')) {
      const text = list.map((c) => String(c.value)).join(sep);
      return single({ kind: 'string', value: text, origin: parts.values[0].origin, text });
    }
  }
  // PART_A.concat(PART_B): a key assembled from constant pieces is one key, written where it is assembled.
  if (callee.type === 'MemberExpression' && memberName(callee) === 'concat') {
    const joined = concatStrings(node, callee.object, next);
    if (joined) return joined;
  }
  // JSON.stringify('…') (a bundler `define`): the text of the string is still written in the source.
  if (isGlobalMember(ctx, callee, 'JSON', 'stringify') && arg0 && node.arguments.length === 1) {
    const inner = next(arg0);
    if (inner.values.length > 0 && inner.values.every((v) => v.kind === 'string')) return inner;
  }
  // '…'.match(/../g).map((h) => parseInt(h, 16)): hex text parsed pair by pair into bytes.
  if (callee.type === 'MemberExpression' && memberName(callee) === 'map' && isHexPairParser(ctx, node.arguments[0])) {
    const text = hexPairsSource(callee.object);
    if (text) return encodeText(next(text), node, 'hex');
  }
  // new Uint8Array(12).fill(7): a constant allocation filled with a constant byte.
  if (callee.type === 'MemberExpression' && memberName(callee) === 'fill' && arg0 && node.arguments.length === 1) {
    const filled = filledBytes(node, next(callee.object), next(arg0));
    if (filled) return filled;
  }
  // [process.env.SECRET, '…'].filter(Boolean): the listed values that are set, the written ones among them.
  if (callee.type === 'MemberExpression' && memberName(callee) === 'filter' && isTruthinessTest(ctx, arg0)) {
    return truthyElements(next(callee.object), node);
  }
  // '…'.split('').reverse().join(''): a key written backwards is still the key.
  if (callee.type === 'MemberExpression' && memberName(callee) === 'split') return splitString(node, callee.object, next);
  if (callee.type === 'MemberExpression' && memberName(callee) === 'reverse' && node.arguments.length === 0) return reversedArray(next(callee.object));
  // 'abc'.toString(), KEY.slice(0, 32), buf.toString('hex')
  if (callee.type === 'MemberExpression' && STRING_TRANSFORMS.has(memberName(callee) ?? '')) {
    const inner = next(callee.object);
    if (!BYTE_CUTS.has(memberName(callee) ?? '')) return derive(inner);
    // A cut of a hash or KDF output (PBES1's key and IV halves of one digest) is made at the cut.
    return derive({ values: inner.values.map((v) => (v.derived && !v.cutAt ? { ...v, cutAt: node } : v)), complete: inner.complete });
  }

  const api = apiCallAt(ctx.sourceCode, node);
  if (api) {
    if (api.api.operation === 'encode') {
      const data = argsWithRole(api, 'data')[0];
      return data ? encodeText(next(data), node, String(api.api.facts?.encoding ?? 'binary')) : NONE;
    }
    // A hash or KDF of constant input is a constant: sha256('secret') is still 'secret'.
    if (api.api.operation === 'hash' || api.api.operation === 'kdf' || api.api.operation === 'mac') {
      return derivedFromApi(api, next);
    }
  }
  return NONE;
}

/** `Boolean` (the built-in) or `(x) => x` / `(x) => !!x`: a filter that keeps the set values of a list. */
function isTruthinessTest(ctx: ResolveContext, node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  if (isBuiltin(ctx, node, 'Boolean')) return true;
  if (node.type !== 'ArrowFunctionExpression' || node.params.length !== 1 || node.params[0].type !== 'Identifier') return false;
  const name = node.params[0].name;
  let body: TSESTree.Node = node.body;
  while (body.type === 'UnaryExpression' && body.operator === '!' && body.argument.type === 'UnaryExpression' && body.argument.operator === '!') body = body.argument.argument;
  return body.type === 'Identifier' && body.name === name;
}

/** The elements of constant arrays that a truthiness filter keeps; the filter may drop unset elements, so it is incomplete. */
function truthyElements(list: Resolution, node: TSESTree.Node): Resolution {
  const arrays = list.values.filter((v) => v.kind === 'array');
  if (arrays.length === 0) return NONE;
  return {
    values: arrays.map((v) => ({ ...v, origin: node, value: (v.value as readonly Constant[]).filter((e) => Boolean(e.value)) })),
    complete: false,
  };
}

/** A global of that name (`parseInt`, `JSON`) that no local binding shadows. */
function isBuiltin(ctx: ResolveContext, node: TSESTree.Node, name: string): boolean {
  return node.type === 'Identifier' && node.name === name && !variableOf(ctx.sourceCode, node)?.defs.length;
}

/** `JSON.stringify`, `Number.parseInt`…: a member of a built-in global that no local binding shadows. */
function isGlobalMember(ctx: ResolveContext, callee: TSESTree.Node, owner: string, name: string): boolean {
  return callee.type === 'MemberExpression' && isBuiltin(ctx, callee.object, owner) && memberName(callee) === name;
}

/** `A.concat(B, …)` where every part is one constant string: the joined text, at the call. */
function concatStrings(node: TSESTree.CallExpression | TSESTree.NewExpression, object: TSESTree.Node, next: (n: TSESTree.Node) => Resolution): Resolution | undefined {
  const parts = [object, ...node.arguments].map((part) => (part.type === 'SpreadElement' ? NONE : next(part)));
  if (!parts.every((p) => p.complete && p.values.length === 1 && p.values[0].kind === 'string')) return undefined;
  const text = parts.map((p) => p.values[0].value as string).join('');
  return single({ kind: 'string', value: text, origin: node, text, derived: parts.some((p) => p.values[0].derived) || undefined });
}

/** `(h) => parseInt(h, 16)` / `Number.parseInt(h, 16)`: parses one hex pair. */
function isHexPairParser(ctx: ResolveContext, node: TSESTree.Node | undefined): boolean {
  if (node?.type !== 'ArrowFunctionExpression' && node?.type !== 'FunctionExpression') return false;
  const param = node.params[0];
  const body = node.body.type === 'BlockStatement' ? (node.body.body.length === 1 && node.body.body[0].type === 'ReturnStatement' ? node.body.body[0].argument : undefined) : node.body;
  if (param?.type !== 'Identifier' || body?.type !== 'CallExpression' || body.arguments.length !== 2) return false;
  const [text, radix] = body.arguments;
  const parser = unwrapExpression(body.callee);
  const parsesInt = isBuiltin(ctx, parser, 'parseInt') || isGlobalMember(ctx, parser, 'Number', 'parseInt');
  return parsesInt && text.type === 'Identifier' && text.name === param.name && radix.type === 'Literal' && radix.value === 16;
}

/** The text of `TEXT.match(/../g)` (also `/.{2}/g`, `/.{1,2}/g`, `/[\da-f]{2}/gi`): the string cut into pairs. */
function hexPairsSource(node: TSESTree.Node): TSESTree.Node | undefined {
  const match = unwrapExpression(node);
  if (match.type !== 'CallExpression' || match.callee.type !== 'MemberExpression' || memberName(match.callee) !== 'match') return undefined;
  const pattern = match.arguments[0];
  if (pattern?.type !== 'Literal' || !('regex' in pattern) || !pattern.regex?.flags.includes('g')) return undefined;
  return /^(?:\.\.|\.\{2\}|\.\{1,2\}|\[[^\]]+\]\{2\})$/.test(pattern.regex.pattern) ? match.callee.object : undefined;
}

/** `new Uint8Array(n).fill(b)` / `Buffer.alloc(n).fill(b)`: every byte of a constant allocation set to one constant. */
function filledBytes(node: TSESTree.Node, target: Resolution, fill: Resolution): Resolution | undefined {
  if (!target.complete || target.values.length !== 1 || target.values[0].kind !== 'bytes' || target.values[0].encoding !== 'zeros') return undefined;
  if (!fill.complete || fill.values.length !== 1 || fill.values[0].kind !== 'number') return undefined;
  const bytes = new Uint8Array((target.values[0].value as Uint8Array).length).fill(fill.values[0].value as number);
  return single({ kind: 'bytes', value: bytes, origin: node, encoding: bytes.every((b) => b === 0) ? 'zeros' : 'fill' });
}

const NUMBER_PARSERS = new Set(['parseInt', 'parseFloat']);

/** `Number(x)`, `parseInt(x)`, `Number.parseInt(x)` of the built-ins (not a local function of that name). */
function isNumberConversion(ctx: ResolveContext, callee: TSESTree.Node): boolean {
  if (callee.type === 'Identifier') return (callee.name === 'Number' || NUMBER_PARSERS.has(callee.name)) && isBuiltin(ctx, callee, callee.name);
  const name = callee.type === 'MemberExpression' ? memberName(callee) : undefined;
  return name !== undefined && NUMBER_PARSERS.has(name) && isGlobalMember(ctx, callee, 'Number', name);
}

/** Numeric constants stay, numeric strings become numbers (at the same origin); anything else is unknown. */
function toNumbers(inner: Resolution): Resolution {
  const values: Constant[] = [];
  let complete = inner.complete;
  for (const v of inner.values) {
    const n = v.kind === 'number' ? (v.value as number) : v.kind === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v.value as string) ? Number(v.value) : undefined;
    if (n === undefined) complete = false;
    else values.push({ ...v, kind: 'number', value: n, text: undefined, encoding: undefined });
  }
  return { values, complete: complete && values.length > 0 };
}

/** `String.fromCharCode(…codes)` with every code (or a spread constant array of codes) constant. */
function charCodes(node: TSESTree.CallExpression | TSESTree.NewExpression, next: (n: TSESTree.Node) => Resolution): Resolution {
  const codes: number[] = [];
  for (const arg of node.arguments) {
    const r = next(arg.type === 'SpreadElement' ? arg.argument : arg);
    if (!r.complete || r.values.length !== 1) return NONE;
    const v = r.values[0];
    const items = arg.type === 'SpreadElement' ? (v.kind === 'array' ? (v.value as readonly Constant[]) : v.kind === 'bytes' ? Array.from(v.value as Uint8Array, (b) => ({ kind: 'number', value: b }) as Constant) : undefined) : [v];
    if (!items || !items.every((c) => c.kind === 'number' && Number.isInteger(c.value) && (c.value as number) >= 0 && (c.value as number) <= 0xffff)) return NONE;
    codes.push(...items.map((c) => c.value as number));
  }
  if (codes.length === 0) return NONE;
  const text = String.fromCharCode(...codes);
  return single({ kind: 'string', value: text, origin: node, text });
}

function isTextEncoderBinding(ctx: ResolveContext, id: TSESTree.Identifier): boolean {
  const variable = variableOf(ctx.sourceCode, id);
  const def = variable?.defs[0];
  if (def?.type !== 'Variable' || !def.node.init) return false;
  const init = unwrapExpression(def.node.init);
  return init.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === 'TextEncoder';
}

/** A value computed from constants (sliced, hashed, stretched): constant too, value not tracked. */
function derive(inner: Resolution): Resolution {
  if (!inner.values.length) return NONE;
  return { values: inner.values.map((v) => ({ ...v, derived: true })), complete: inner.complete };
}

/**
 * `createHash('sha256').update(SECRET).digest()`, `createHmac(alg, K).update(D)`
 * and `scryptSync(PASSWORD, salt, 32)` are constants when their *secret* inputs
 * are: for a hash every data input, for a MAC the key and the data, for a KDF
 * the input key material (salts and labels do not make an output secret).
 */
function derivedFromApi(api: import('./api-calls').ApiCall, next: (n: TSESTree.Node) => Resolution): Resolution {
  const inputs: TSESTree.Node[] = [];
  const operation = api.api.operation;
  for (let call: import('./api-calls').ApiCall | undefined = api; call; call = call.receiver) {
    if (operation !== 'kdf') inputs.push(...argsWithRole(call, 'data'));
    if (operation !== 'hash') inputs.push(...argsWithRole(call, 'passphrase'), ...argsWithRole(call, 'key'));
  }
  if (!inputs.length) return NONE;
  const resolved = inputs.map(next);
  if (!resolved.every((r) => r.values.length > 0)) return NONE;
  // Report on the secret input (the first key/passphrase), not on a label.
  const secretFirst = operation === 'hash' ? resolved : [...resolved].reverse();
  // Several inputs that are each one constant (`update(PASSWORD).update(SALT)`) make one output: one constant, written
  // where its secret input is (a MAC's or KDF's key; for a plain hash the longest input: the passphrase, not the salt
  // or a label). Alternatives (`flag ? A : B`) stay alternatives.
  if (secretFirst.length > 1 && secretFirst.every((r) => r.values.length === 1)) {
    const singles = secretFirst.map((r) => r.values[0]);
    const main = operation === 'hash' ? singles.reduce((best, v) => (constantSize(v) > constantSize(best) ? v : best)) : singles[0];
    return derive({ values: [main], complete: secretFirst.every((r) => r.complete) });
  }
  return derive(union(secretFirst));
}

/** How much material a constant holds (bytes, or characters of text), for choosing the input a derived value is reported on. */
function constantSize(constant: Constant): number {
  if (constant.kind === 'bytes') return (constant.value as Uint8Array).length;
  if (constant.kind === 'string') return (constant.value as string).length;
  return 0;
}

function encodeText(inner: Resolution, node: TSESTree.Node, encoding: string): Resolution {
  if (!inner.values.length) return NONE;
  return {
    values: inner.values.map((v) => {
      if (v.kind === 'number' && encoding === 'counter') return { ...v, kind: 'bytes' as const, value: counterBlock(v.value as number), encoding };
      if (v.kind !== 'string') return v;
      const bytes = decode(v.value as string, encoding);
      return { ...v, kind: 'bytes' as const, value: bytes ?? new Uint8Array(), encoding, text: v.text ?? (v.value as string) };
    }),
    complete: inner.complete,
  };
}

/** A CTR initial counter given as a number (aes-js `new Counter(5)`): the 16-byte big-endian block it stands for. */
function counterBlock(value: number): Uint8Array {
  const block = new Uint8Array(16);
  let rest = Number.isSafeInteger(value) && value > 0 ? value : 0;
  for (let i = 15; i >= 0 && rest > 0; i--) {
    block[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  return block;
}

function decode(text: string, encoding: string): Uint8Array | undefined {
  try {
    switch (encoding) {
      case 'hex':
        return /^(?:[0-9a-fA-F]{2})*$/.test(text) ? Uint8Array.from(Buffer.from(text, 'hex')) : undefined;
      case 'base64':
      case 'base64url':
        return Uint8Array.from(Buffer.from(text, encoding));
      case 'binary':
      case 'latin1':
        return Uint8Array.from(Buffer.from(text, 'latin1'));
      case 'base58':
        return decodeBase58(text);
      default:
        return Uint8Array.from(Buffer.from(text, 'utf8'));
    }
  } catch {
    return undefined;
  }
}

function bufferFrom(node: TSESTree.CallExpression | TSESTree.NewExpression, next: (n: TSESTree.Node) => Resolution): Resolution {
  const data = next(node.arguments[0]);
  const encArg = node.arguments[1];
  let encoding = 'utf8';
  if (encArg) {
    const enc = next(encArg);
    if (!enc.complete || enc.values.length !== 1 || enc.values[0].kind !== 'string') return NONE;
    encoding = String(enc.values[0].value).toLowerCase();
  }
  if (data.values.some((v) => v.kind === 'array')) return bytesFromArray(node, data);
  if (data.values.some((v) => v.kind === 'bytes')) return data;
  return encodeText(data, node, encoding);
}

function bufferAlloc(node: TSESTree.CallExpression | TSESTree.NewExpression, next: (n: TSESTree.Node) => Resolution): Resolution {
  const size = next(node.arguments[0]);
  if (!size.complete || size.values.length !== 1 || size.values[0].kind !== 'number') return NONE;
  const n = size.values[0].value as number;
  if (!Number.isInteger(n) || n < 0 || n > 1 << 20) return NONE;
  const fillArg = node.arguments[1];
  if (!fillArg) return single({ kind: 'bytes', value: new Uint8Array(n), origin: node, encoding: 'zeros' });
  const fill = next(fillArg);
  if (!fill.complete || fill.values.length !== 1) return NONE;
  const f = fill.values[0];
  const bytes = Uint8Array.from(Buffer.alloc(n, f.value as string | number));
  return single({ kind: 'bytes', value: bytes, origin: node, encoding: 'fill', text: typeof f.value === 'string' ? f.value : undefined });
}

/**
 * `Buffer.concat([Buffer.from('…', 'hex'), Buffer.from('…', 'hex')])`: a key assembled from constant
 * pieces is one constant, written where it is assembled.
 */
function bufferConcat(node: TSESTree.CallExpression | TSESTree.NewExpression, next: (n: TSESTree.Node) => Resolution): Resolution {
  const list = unwrapExpression(node.arguments[0]);
  if (list.type !== 'ArrayExpression' || list.elements.length === 0) return NONE;
  const parts: Constant[] = [];
  for (const element of list.elements) {
    if (!element || element.type === 'SpreadElement') return NONE;
    const part = next(element);
    if (!part.complete || part.values.length !== 1 || part.values[0].kind !== 'bytes') return NONE;
    parts.push(part.values[0]);
  }
  const bytes = Uint8Array.from(Buffer.concat(parts.map((p) => p.value as Uint8Array)));
  const encodings = new Set(parts.map((p) => p.encoding));
  return single({ kind: 'bytes', value: bytes, origin: node, encoding: encodings.size === 1 ? parts[0].encoding : 'binary', derived: parts.some((p) => p.derived) || undefined });
}

/** `'a:b'.split(':')` of a constant string: the constant pieces, written where the string is. */
function splitString(node: TSESTree.CallExpression | TSESTree.NewExpression, object: TSESTree.Node, next: (n: TSESTree.Node) => Resolution): Resolution {
  const arg0 = node.arguments[0];
  if (!arg0 || node.arguments.length > 1) return NONE;
  const text = next(object);
  const separator = next(arg0);
  if (!separator.complete || separator.values.length !== 1 || separator.values[0].kind !== 'string') return NONE;
  const sep = separator.values[0].value as string;
  // `(process.env.API_KEY ?? 'id:secret').split(':')`: the fallback's pieces, still a fallback, and still incomplete.
  const strings = text.values.filter((v) => v.kind === 'string');
  if (strings.length === 0 || (text.complete && strings.length !== 1)) return NONE;
  const values = strings.map((source): Constant => {
    const pieces = (source.value as string).split(sep).map((piece) => ({ kind: 'string', value: piece, origin: source.origin }) as Constant);
    return { kind: 'array', value: pieces, origin: source.origin, derived: source.derived, ...(source.fallback ? { fallback: true } : {}) };
  });
  return { values, complete: text.complete && strings.length === text.values.length };
}

function reversedArray(inner: Resolution): Resolution {
  if (!inner.complete || inner.values.length !== 1 || inner.values[0].kind !== 'array') return NONE;
  const array = inner.values[0];
  return single({ ...array, value: [...(array.value as readonly Constant[])].reverse() });
}

/** The object literals a local function returns, for a binding initialised once with a call of it. */
function returnedObjectLiterals(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.ObjectExpression[] | undefined {
  const init = initializedExpression(sourceCode, node);
  if (init?.type !== 'CallExpression' && init?.type !== 'AwaitExpression') return undefined;
  const awaited = init.type === 'AwaitExpression';
  const call = awaited ? unwrapExpression((init as TSESTree.AwaitExpression).argument) : init;
  if (call.type !== 'CallExpression') return undefined;
  const fn = localFunctionOf(sourceCode, call.callee);
  const returns = fn && returnedExpressions(fn, awaited);
  const objects = returns?.flatMap((r) => resolveObjectLiteral(sourceCode, r) ?? []);
  return objects && objects.length > 0 ? objects : undefined;
}

/** `(c) => c.charCodeAt(0)`: maps each character of a string to its code. */
export function isCharCodeMapper(node: TSESTree.Node | undefined): boolean {
  if (node?.type !== 'ArrowFunctionExpression' && node?.type !== 'FunctionExpression') return false;
  const param = node.params[0];
  const body = node.body.type === 'BlockStatement' ? (node.body.body.length === 1 && node.body.body[0].type === 'ReturnStatement' ? node.body.body[0].argument : undefined) : node.body;
  if (param?.type !== 'Identifier' || body?.type !== 'CallExpression' || body.callee.type !== 'MemberExpression') return false;
  const index = body.arguments[0];
  return (
    memberName(body.callee) === 'charCodeAt' &&
    body.callee.object.type === 'Identifier' &&
    body.callee.object.name === param.name &&
    (index === undefined || (index.type === 'Literal' && index.value === 0))
  );
}

function charCodesOfString(inner: Resolution): Resolution {
  if (!inner.complete || inner.values.length !== 1 || inner.values[0].kind !== 'string') return NONE;
  const source = inner.values[0];
  const text = source.value as string;
  if (!/^[\x00-\xff]*$/.test(text)) return NONE; // codes above 255 do not fit a byte
  return single({ ...source, kind: 'bytes', value: Uint8Array.from(text, (c) => c.charCodeAt(0)), encoding: 'utf8', text });
}

/** `Uint8Array.of(…)` / `Buffer.of(…)` whose arguments are all constant numbers. */
function bytesFromArguments(node: TSESTree.CallExpression | TSESTree.NewExpression, next: (n: TSESTree.Node) => Resolution): Resolution {
  if (node.arguments.length === 0) return single({ kind: 'bytes', value: new Uint8Array(), origin: node, encoding: 'zeros' });
  const bytes: number[] = [];
  for (const arg of node.arguments) {
    if (arg.type === 'SpreadElement') return NONE;
    const value = next(arg);
    if (!value.complete || value.values.length !== 1 || value.values[0].kind !== 'number') return NONE;
    bytes.push(value.values[0].value as number);
  }
  return single({ kind: 'bytes', value: Uint8Array.from(bytes), origin: node, encoding: 'array' });
}

function bytesFromArray(node: TSESTree.Node, inner: Resolution): Resolution {
  if (!inner.complete || inner.values.length !== 1 || inner.values[0].kind !== 'array') return NONE;
  const elements = inner.values[0].value as readonly Constant[];
  if (!elements.every((e) => e.kind === 'number')) return NONE;
  return single({ kind: 'bytes', value: Uint8Array.from(elements.map((e) => e.value as number)), origin: inner.values[0].origin ?? node, encoding: 'array' });
}
