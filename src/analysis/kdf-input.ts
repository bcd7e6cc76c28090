import type { TSESTree } from '@typescript-eslint/utils';
import { apiCallAt, type ApiCall } from './api-calls';
import { isBufferWritten } from './buffer-writes';
import { callSiteArguments } from './call-sites';
import { enclosingFunctions, functionName, isFunction, type FunctionNode } from './expression-names';
import { isBufferClass } from './imports';
import { isExportedFunction } from './module-exports';
import { memberName, singleInitializer, unwrapExpression, variableOf } from './scope';
import { resolveValues, type Constant, type ResolveContext } from './values';

/** Roles that carry the secret a KDF or password hash stretches. */
const SECRET_ROLES = new Set(['passphrase', 'password', 'key']);
const MAX_DEPTH = 6;

/**
 * Does this KDF stretch nothing secret? True when it has a secret input and every
 * value that input can take is a zero-filled or empty constant: a feature probe
 * (`pbkdf2(Buffer.alloc(8), Buffer.alloc(8), 10, …)` asks "does this runtime support
 * the hash?") or a self-test. Its cost and salt protect nothing, so strength checks
 * do not apply. A real constant password (`'hunter2'`) is not such a value: it is
 * hardcoded key material, and the cost checks still apply to it.
 */
export function stretchesNoSecret(ctx: ResolveContext, call: ApiCall, at?: TSESTree.Node): boolean {
  try {
    const secrets = call.args.filter((a) => SECRET_ROLES.has(a.role)).map((a) => a.node);
    if (secrets.length === 0) return false;
    return secrets.every((node) => {
      const material = baseKeyMaterial(ctx, node);
      const values = candidates(ctx, atCallSite(ctx, material, at) ?? material, new Set(), 0);
      return values !== undefined && values.length > 0 && values.every(isEmptyOrZero);
    });
  } catch {
    return false;
  }
}

/**
 * A KDF inside a helper (`function derive(password, salt, iterations)`) run by several
 * call sites: a cost written at one call site (`derive(ZERO, ZERO, 10)`) is judged with
 * the password that same call site passes, not with every caller's.
 */
function atCallSite(ctx: ResolveContext, material: TSESTree.Node, at: TSESTree.Node | undefined): TSESTree.Node | undefined {
  if (!at || material.type !== 'Identifier') return undefined;
  const def = variableOf(ctx.sourceCode, material)?.defs[0];
  if (def?.type !== 'Parameter' || def.name.type !== 'Identifier') return undefined;
  return callSiteArguments(ctx.sourceCode, def.name).find((arg) => {
    const site = arg.parent;
    return !!site && site.range[0] <= at.range[0] && at.range[1] <= site.range[1];
  });
}

function isEmptyOrZero(constant: Constant): boolean {
  if (constant.kind === 'string') return constant.value === '';
  if (constant.kind === 'bytes') return (constant.value as Uint8Array).every((b) => b === 0);
  return false;
}

/**
 * A WebCrypto base key stands for the raw material it was imported from:
 * `const k = await subtle.importKey('raw', pw, 'PBKDF2', …)` and
 * `subtle.importKey('raw', pw, …).then(function (k) { … })` both give `pw`.
 */
function baseKeyMaterial(ctx: ResolveContext, raw: TSESTree.Node): TSESTree.Node {
  const node = unwrapExpression(raw);
  if (node.type !== 'Identifier') return node;
  const variable = variableOf(ctx.sourceCode, node);
  const def = variable?.defs[0];
  if (!variable || !def) return node;
  let producer: TSESTree.Node | undefined;
  if (def.type === 'Parameter' && isFunction(def.node)) {
    // `.then(function (key) …)` on the importKey call
    const fn = def.node as FunctionNode;
    const then = fn.parent;
    if (then?.type === 'CallExpression' && then.arguments[0] === fn && then.callee.type === 'MemberExpression' && memberName(then.callee) === 'then' && fn.params[0] === def.name) {
      producer = then.callee.object;
    }
  } else {
    const init = singleInitializer(variable);
    producer = init && unwrapExpression(init.type === 'AwaitExpression' ? init.argument : init);
  }
  const importCall = producer && (producer.type === 'CallExpression' ? apiCallAt(ctx.sourceCode, producer) : undefined);
  if (!importCall || importCall.api.operation !== 'key-import') return node;
  return importCall.args.find((a) => a.role === 'key')?.node ?? node;
}

/**
 * Every constant the expression can take, or undefined when some path is not constant.
 * Beyond `resolveValues`: parameters of a function private to the file, through all its
 * call sites, and lazily initialised variables (`ZERO = ZERO || Buffer.alloc(8)`).
 */
function candidates(ctx: ResolveContext, raw: TSESTree.Node, seen: Set<unknown>, depth: number): Constant[] | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unwrapExpression(raw);
  if (isWrittenAfterAllocation(ctx, node)) return undefined;
  const resolution = resolveValues(ctx, node);
  if (resolution.complete && resolution.values.length > 0) return resolution.values;
  const zeros = zeroAllocation(ctx, node);
  if (zeros) return [zeros];
  if (node.type !== 'Identifier') return undefined;
  const variable = variableOf(ctx.sourceCode, node);
  const def = variable?.defs[0];
  if (!variable || !def || seen.has(variable)) return undefined;
  seen.add(variable);
  const out: Constant[] = [];
  const add = (expr: TSESTree.Node): boolean => {
    const found = candidates(ctx, expr, seen, depth + 1);
    if (found) out.push(...found);
    return found !== undefined;
  };
  if (def.type === 'Parameter') {
    const fn = def.node as FunctionNode;
    // Other files may call an exported function with real secrets.
    if (!isFunction(fn) || isExportedFunction(ctx.sourceCode, fn) || def.name.type !== 'Identifier') return undefined;
    const args = callSiteArguments(ctx.sourceCode, def.name);
    return args.length > 0 && args.every(add) ? out : undefined;
  }
  if (def.type !== 'Variable') return undefined;
  const writes = variable.references.filter((ref) => ref.isWrite() && ref.writeExpr);
  if (writes.length === 0) return undefined;
  for (const ref of writes) {
    let expr = unwrapExpression(ref.writeExpr as TSESTree.Node);
    // `ZERO = ZERO || Buffer.alloc(8)`: the variable keeps its earlier value or takes the constant.
    if (expr.type === 'LogicalExpression' && isSameVariable(ctx, expr.left, variable)) expr = unwrapExpression(expr.right);
    if (!add(expr)) return undefined;
  }
  return out;
}

/**
 * `const pin = Buffer.alloc(4); pin.writeUInt32LE(passcode)`: a buffer allocated as zeros and then written holds what
 * was written, not the zeros value resolution sees (a passcode packed into bytes is a real secret to stretch).
 */
function isWrittenAfterAllocation(ctx: ResolveContext, node: TSESTree.Node): boolean {
  if (node.type !== 'Identifier') return false;
  const variable = variableOf(ctx.sourceCode, node);
  return !!variable && isBufferWritten(ctx.sourceCode, variable, node.parent);
}

/** `Buffer.alloc(8)` where `Buffer` comes from `require('safe-buffer')` / `require('buffer')` (value resolution knows the global one). */
function zeroAllocation(ctx: ResolveContext, node: TSESTree.Node): Constant | undefined {
  if (node.type !== 'CallExpression' || node.arguments.length !== 1 || node.callee.type !== 'MemberExpression' || memberName(node.callee) !== 'alloc') return undefined;
  const owner = unwrapExpression(node.callee.object);
  if (owner.type !== 'Identifier' || !isBufferClass(ctx.sourceCode, owner)) return undefined;
  const size = resolveValues(ctx, node.arguments[0]);
  const n = size.complete && size.values.length === 1 ? size.values[0].value : undefined;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 1 << 20 ? { kind: 'bytes', value: new Uint8Array(n), origin: node, encoding: 'zeros' } : undefined;
}

function isSameVariable(ctx: ResolveContext, node: TSESTree.Node, variable: unknown): boolean {
  const expr = unwrapExpression(node);
  return expr.type === 'Identifier' && variableOf(ctx.sourceCode, expr) === variable;
}

/**
 * `pbkdf2(sha256, password, salt, { c: 1, dkLen })` inside a function named for scrypt: RFC 7914 builds
 * scrypt from single-iteration PBKDF2-HMAC-SHA256 around its memory-hard mix, whose cost is N, r and p.
 * One iteration there is the algorithm, not a weak setting (a vendored scrypt, as lucia ships). The count
 * may be written where the scrypt function calls a local PBKDF2 wrapper (`pbkdf2(password, salt, { c: 1 })`
 * around WebCrypto's `deriveBits`), so where the value is written counts as well as where the call is.
 */
export function isScryptPbkdf2Step(call: ApiCall, value: TSESTree.Node): boolean {
  const inScrypt = (node: TSESTree.Node) => enclosingFunctions(node).some((fn) => /scrypt/i.test(functionName(fn) ?? ''));
  return inScrypt(call.node) || inScrypt(value);
}
