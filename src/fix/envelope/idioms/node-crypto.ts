import type { TSESTree } from '@typescript-eslint/utils';
import type { ApiCall } from '../../../analysis/api-calls';
import { variableOf, type SourceCode } from '../../../analysis/scope';
import { enclosingFunctionNode, encodingArguments, returnsOf, within, type FunctionNode } from '../ast';
import type { Idiom, IdiomContext, IdiomMatch, SealedForm } from '../idiom';

const SEALED_ENCODINGS = new Set(['hex', 'base64', 'base64url']);
const UTF8 = new Set(['utf8', 'utf-8']);

type ValueKind = 'string' | 'buffer' | undefined;

/**
 * node:crypto `createCipheriv`/`createDecipheriv` with `update`/`final`: one
 * cipher and one decipher in the file, both keyed by the hardcoded key and by
 * nothing else; encrypt returns one string encoding (hex/base64/base64url) or
 * a Buffer; decrypt reads the same form and returns UTF-8 text or a Buffer.
 * IV and tag layout do not matter: the old decrypt is kept as it is for old records.
 */
export const nodeCryptoIdiom: Idiom = {
  id: 'node-crypto',
  recognise(context: IdiomContext): IdiomMatch | undefined {
    const { sourceCode, calls, key } = context;
    const makers = calls.filter((c) => c.library.id === 'node:crypto' && !c.receiver);
    const named = (name: string) => makers.filter((c) => c.api.path[c.api.path.length - 1] === name);
    const ciphers = named('createCipheriv');
    const deciphers = named('createDecipheriv');
    if (ciphers.length !== 1 || deciphers.length !== 1) return undefined;
    const [cipher, decipher] = [ciphers[0], deciphers[0]];
    // The key feeds exactly these two calls (not an HMAC, not a second cipher).
    const keyArgs = [cipher, decipher].map((c) => c.args.find((a) => a.role === 'key')?.node);
    if (keyArgs.some((a) => !a)) return undefined;
    if (!key.reads.every((read) => keyArgs.some((arg) => within(read, arg!)))) return undefined;
    if (!keyArgs.every((arg) => key.reads.filter((read) => within(read, arg!)).length === 1)) return undefined;

    const encryptFn = enclosingFunctionNode(cipher.node);
    const decryptFn = enclosingFunctionNode(decipher.node);
    if (!encryptFn || !decryptFn || encryptFn === decryptFn) return undefined;
    if (methodCalls(calls, cipher).some((c) => !within(c.node, encryptFn)) || methodCalls(calls, decipher).some((c) => !within(c.node, decryptFn))) return undefined;

    const updates = methodCalls(calls, cipher).filter((c) => lastName(c) === 'update');
    const plaintext = updates.length === 1 ? updates[0].node.arguments[0] : undefined;
    if (plaintext?.type !== 'Identifier') return undefined;

    const sealed = sealedForm(sourceCode, encryptFn);
    const opened = sealed && openedForm(sourceCode, decryptFn, sealed);
    if (!sealed || !opened) return undefined;
    return { encryptAt: cipher.node, decryptAt: decipher.node, plaintext, sealed, opened, legacy: { async: false } };
  },
};

function lastName(call: ApiCall): string {
  return call.api.path[call.api.path.length - 1];
}

/** `cipher.update`, `cipher.final`, `cipher.getAuthTag`… called on the object `maker` created. */
function methodCalls(calls: readonly ApiCall[], maker: ApiCall): ApiCall[] {
  return calls.filter((c) => c.receiver === maker);
}

/** Encrypt's output: exactly one string encoding and string returns, or no output encoding and Buffer returns. */
function sealedForm(sourceCode: SourceCode, fn: FunctionNode): SealedForm | undefined {
  const encodings = encodingsIn(fn);
  const outputs = [...encodings].filter((e) => SEALED_ENCODINGS.has(e));
  if ([...encodings].some((e) => !SEALED_ENCODINGS.has(e) && !UTF8.has(e)) || outputs.length > 1) return undefined;
  const kind = returnKind(sourceCode, fn);
  if (outputs.length === 1 && kind === 'string') return outputs[0] as SealedForm;
  if (outputs.length === 0 && kind === 'buffer') return 'buffer';
  return undefined;
}

/** Decrypt reads the sealed form and returns UTF-8 text or a Buffer; any other encoding is not certain. */
function openedForm(sourceCode: SourceCode, fn: FunctionNode, sealed: SealedForm): 'string' | 'buffer' | undefined {
  const encodings = encodingsIn(fn);
  if ([...encodings].some((e) => !UTF8.has(e) && e !== sealed)) return undefined;
  if (sealed !== 'buffer' && !encodings.has(sealed)) return undefined;
  const kind = returnKind(sourceCode, fn);
  if (kind === 'string') return [...encodings].some((e) => UTF8.has(e)) || returnsOf(fn.body).every((r) => isBareToString(r.argument)) ? 'string' : undefined;
  if (kind === 'buffer') return [...encodings].some((e) => UTF8.has(e)) ? undefined : 'buffer';
  return undefined;
}

function isBareToString(node: TSESTree.Node | null): boolean {
  return node?.type === 'CallExpression' && node.arguments.length === 0 && node.callee.type === 'MemberExpression' && !node.callee.computed && node.callee.property.type === 'Identifier' && node.callee.property.name === 'toString';
}

/** Encoding names passed to update/final/toString/Buffer.from/alloc-style calls in a function. */
function encodingsIn(fn: FunctionNode): Set<string> {
  const found = new Set(encodingArguments(fn.body));
  if (fn.returnType && !typeMatches(fn.returnType.typeAnnotation)) found.add('?');
  return found;
}

/** A TypeScript return type the rewrite can keep: `string` or `Buffer`. */
function typeMatches(type: TSESTree.TypeNode): boolean {
  return type.type === 'TSStringKeyword' || (type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && type.typeName.name === 'Buffer');
}

/** What every return of the function yields: all strings, all Buffers, or undefined (mixed, unknown, or none). */
function returnKind(sourceCode: SourceCode, fn: FunctionNode): ValueKind {
  const returns = returnsOf(fn.body);
  if (returns.length === 0) return undefined;
  const kinds = new Set(returns.map((r) => (r.argument ? kindOf(sourceCode, r.argument, fn, 0) : undefined)));
  if (kinds.size !== 1) return undefined;
  const kind = [...kinds][0];
  const declared = fn.returnType?.typeAnnotation;
  if (declared && kind !== (declared.type === 'TSStringKeyword' ? 'string' : 'buffer')) return undefined;
  return kind;
}

function kindOf(sourceCode: SourceCode, node: TSESTree.Node, fn: FunctionNode, depth: number): ValueKind {
  if (depth > 4) return undefined;
  switch (node.type) {
    case 'TemplateLiteral':
      return 'string';
    case 'BinaryExpression':
      return node.operator === '+' ? 'string' : undefined;
    case 'TSAsExpression':
    case 'TSNonNullExpression':
      return kindOf(sourceCode, node.expression, fn, depth + 1);
    case 'Identifier': {
      const def = variableOf(sourceCode, node)?.defs[0];
      if (def?.type !== 'Variable' || def.node.id !== def.name || !def.node.init || !within(def.node, fn)) return undefined;
      return kindOf(sourceCode, def.node.init, fn, depth + 1);
    }
    case 'CallExpression': {
      if (node.callee.type !== 'MemberExpression' || node.callee.computed || node.callee.property.type !== 'Identifier') return undefined;
      const method = node.callee.property.name;
      const object = node.callee.object;
      if (method === 'toString' || method === 'join') return 'string';
      if (method === 'concat' && object.type === 'Identifier' && object.name === 'Buffer') return 'buffer';
      if (method === 'update') return node.arguments.length === 3 ? 'string' : undefined;
      if (method === 'final') return node.arguments.length === 1 ? 'string' : undefined;
      return undefined;
    }
    default:
      return undefined;
  }
}
