import type { TSESTree } from '@typescript-eslint/utils';
import type { ApiCall } from '../../../analysis/api-calls';
import { memberName, unwrapExpression, variableOf, type SourceCode } from '../../../analysis/scope';
import { enclosingFunctionNode, walk, type FunctionNode } from '../ast';
import type { IdiomMatch, SealedForm } from '../idiom';
import { bufferEncodingsIn, isBufferFrom, isMethodCall, literalString, paramReadAsString, returnsValue, utf8BytesOf, utf8TextOf } from './value-shapes';

const KMS = '@aws-sdk/client-kms';
const SEALED = new Set<SealedForm>(['hex', 'base64', 'base64url']);

/**
 * Direct AWS KMS encryption of application data (SDK v3):
 * `(await client.send(new EncryptCommand({ KeyId, Plaintext: Buffer.from(text) }))).CiphertextBlob`
 * written as hex/base64 text, and the matching `DecryptCommand` whose
 * `Plaintext` is decoded as UTF-8. There is no key in the source: the old
 * decrypt is kept as it is (its KMS client and key stay), so records written
 * with KMS Encrypt still open through it, while new ones are envelope-encrypted.
 * `encryptCommand` is the `new EncryptCommand(…)` that prefer-envelope-encryption reported.
 */
export function recogniseDirectKms(sourceCode: SourceCode, calls: readonly ApiCall[], encryptCommand: TSESTree.Node): IdiomMatch | undefined {
  const commands = (name: string) => calls.filter((c) => c.library.id === KMS && !c.receiver && c.api.path.join('.') === name);
  const encrypts = commands('EncryptCommand');
  const decrypts = commands('DecryptCommand');
  if (encrypts.length !== 1 || decrypts.length !== 1 || encrypts[0].node !== encryptCommand) return undefined;
  const [encryptCall, decryptCall] = [encrypts[0], decrypts[0]];
  if (!onlyFields(encryptCall, ['KeyId', 'Plaintext', 'EncryptionContext']) || !onlyFields(decryptCall, ['KeyId', 'CiphertextBlob', 'EncryptionContext'])) return undefined;

  const encryptFn = enclosingFunctionNode(encryptCall.node);
  const decryptFn = enclosingFunctionNode(decryptCall.node);
  if (!encryptFn?.async || !decryptFn?.async || encryptFn === decryptFn) return undefined;

  const plaintextArg = encryptCall.args.find((a) => a.role === 'data');
  const plaintext = plaintextArg && utf8BytesOf(sourceCode, plaintextArg.node);
  if (!plaintext) return undefined;
  const encryptResult = sentResult(sourceCode, calls, encryptCall, encryptFn, 'CiphertextBlob');
  const sealed = encryptResult && sealedText(sourceCode, encryptFn, encryptResult);
  if (!sealed) return undefined;

  const blobArg = decryptCall.args.find((a) => a.role === 'data')?.node;
  const blob = blobArg && unwrapExpression(blobArg);
  if (!blob || !isBufferFrom(blob) || blob.arguments.length !== 2 || literalString(blob.arguments[1]) !== sealed) return undefined;
  if (!paramReadAsString(sourceCode, decryptFn, [blob.arguments[0]])) return undefined;
  const decryptResult = sentResult(sourceCode, calls, decryptCall, decryptFn, 'Plaintext');
  if (!decryptResult || !opensToUtf8(sourceCode, decryptFn, decryptResult)) return undefined;
  return { encryptAt: encryptCall.node, decryptAt: decryptCall.node, plaintext, sealed, opened: 'string', legacy: { async: true, keyless: true } };
}

/** The command's object literal has only the given, plainly written fields; an EncryptionContext only of literals. */
function onlyFields(call: ApiCall, allowed: readonly string[]): boolean {
  const input = call.node.arguments[0] && unwrapExpression(call.node.arguments[0]);
  if (call.node.arguments.length !== 1 || input?.type !== 'ObjectExpression') return false;
  return input.properties.every((p) => {
    if (p.type !== 'Property' || p.computed || p.key.type !== 'Identifier' || !allowed.includes(p.key.name)) return false;
    if (p.key.name !== 'EncryptionContext') return true;
    const value = unwrapExpression(p.value);
    return value.type === 'ObjectExpression' && value.properties.every((q) => q.type === 'Property' && !q.computed && literalString(q.value) !== undefined);
  });
}

/**
 * The one read of the sent command's result field: `(await client.send(cmd)).Field`,
 * `const r = await client.send(cmd); r.Field`, or `const { Field } = await client.send(cmd)`.
 */
function sentResult(sourceCode: SourceCode, calls: readonly ApiCall[], command: ApiCall, fn: FunctionNode, field: string): TSESTree.Node | undefined {
  const send = calls.find((c) => c.receiver && c.api.path[c.api.path.length - 1] === 'send' && c.node.arguments[0] === command.node);
  const awaited = send?.node.parent;
  if (!send || awaited?.type !== 'AwaitExpression') return undefined;
  const holder = awaited.parent;
  if (holder?.type === 'MemberExpression' && holder.object === awaited && memberName(holder) === field) return holder;
  if (holder?.type !== 'VariableDeclarator' || holder.init !== awaited || holder.parent.kind !== 'const') return undefined;
  if (holder.id.type === 'ObjectPattern') {
    const [property] = holder.id.properties;
    if (holder.id.properties.length !== 1 || property.type !== 'Property' || property.computed || property.key.type !== 'Identifier' || property.key.name !== field || property.value.type !== 'Identifier') return undefined;
    return singleRead(sourceCode, property.value, fn);
  }
  if (holder.id.type !== 'Identifier') return undefined;
  const read = singleRead(sourceCode, holder.id, fn);
  const member = read?.parent;
  return member?.type === 'MemberExpression' && member.object === read && memberName(member) === field ? member : undefined;
}

function singleRead(sourceCode: SourceCode, id: TSESTree.Identifier, fn: FunctionNode): TSESTree.Node | undefined {
  const reads = variableOf(sourceCode, id)?.references.filter((r) => r.identifier !== id) ?? [];
  if (reads.length !== 1 || reads[0].isWrite()) return undefined;
  const read = reads[0].identifier as TSESTree.Node;
  return read.range[0] >= fn.range[0] && read.range[1] <= fn.range[1] ? read : undefined;
}

/** `Buffer.from(blob).toString('base64')` is what encrypt returns (the only text encoding written). */
function sealedText(sourceCode: SourceCode, fn: FunctionNode, blob: TSESTree.Node): SealedForm | undefined {
  let value: TSESTree.Node = blob;
  while (value.parent && (value.parent.type === 'TSNonNullExpression' || value.parent.type === 'TSAsExpression')) value = value.parent;
  const from = value.parent;
  if (!from || !isBufferFrom(from) || from.arguments.length !== 1 || from.arguments[0] !== value) return undefined;
  const toText = from.parent?.parent;
  if (from.parent?.type !== 'MemberExpression' || !isMethodCall(toText, 'toString', 1)) return undefined;
  const sealed = literalString(toText.arguments[0]) as SealedForm | undefined;
  if (!sealed || !SEALED.has(sealed) || [...bufferEncodingsIn(fn.body)].some((e) => e !== sealed && e !== 'utf8')) return undefined;
  return returnsValue(sourceCode, fn, toText, false) ? sealed : undefined;
}

/** The decrypted `Plaintext` is decoded as UTF-8 text, which decrypt returns. */
function opensToUtf8(sourceCode: SourceCode, fn: FunctionNode, plaintext: TSESTree.Node): boolean {
  let value: TSESTree.Node = plaintext;
  while (value.parent && (value.parent.type === 'TSNonNullExpression' || value.parent.type === 'TSAsExpression')) value = value.parent;
  const parent = value.parent;
  const text = parent && isBufferFrom(parent) ? parent.parent?.parent : parent;
  if (!text || utf8TextOf(sourceCode, text) !== value) return false;
  let otherEncodings = false;
  walk(fn.body, (node) => {
    if (isMethodCall(node, 'toString', 1) && node !== text) otherEncodings = true;
  });
  return !otherEncodings && returnsValue(sourceCode, fn, text, false);
}
