import type { TSESTree } from '@typescript-eslint/utils';
import type { ApiCall } from '../../../analysis/api-calls';
import { memberName, unwrapExpression, variableOf, type SourceCode } from '../../../analysis/scope';
import { enclosingFunctionNode, walk, within, type FunctionNode } from '../ast';
import type { Idiom, IdiomContext, IdiomMatch, SealedForm } from '../idiom';
import { keyArgsReadOnlyKey } from './key-reads';
import { exportCall, isMethodCall, literalString, paramReadAsString, returnsBuiltFrom, returnsValue } from './value-shapes';

const FORGE = 'node-forge';
/** Block modes whose `createCipher`/`start`/`update`/`finish`/`output` flow the idiom reads. */
const AES_MODES = new Set(['AES-GCM', 'AES-CBC', 'AES-CTR', 'AES-CFB', 'AES-OFB']);

/**
 * node-forge `forge.cipher.createCipher('AES-…', key)` → `start({ iv })` →
 * `update(forge.util.createBuffer(text, 'utf8'))` → `finish()` → `output`
 * (and `mode.tag`), encoded with `forge.util.encode64` (base64) or
 * `bytesToHex`/`toHex()` (hex); the decipher side in one other function
 * returning `output.toString()` or `forge.util.decodeUtf8(output.getBytes())`.
 * One encoding only: output consumed in two formats is declined.
 */
export const nodeForgeIdiom: Idiom = {
  id: 'node-forge',
  recognise(context: IdiomContext): IdiomMatch | undefined {
    const { sourceCode, calls, key } = context;
    const makers = (name: string) => calls.filter((c) => c.library.id === FORGE && !c.receiver && c.api.path.join('.') === `cipher.${name}`);
    const ciphers = makers('createCipher');
    const deciphers = makers('createDecipher');
    if (ciphers.length !== 1 || deciphers.length !== 1) return undefined;
    const [cipher, decipher] = [ciphers[0], deciphers[0]];
    if (![cipher, decipher].every((c) => AES_MODES.has(literalString(c.args.find((a) => a.role === 'algorithm')?.node) ?? ''))) return undefined;
    if (!keyArgsReadOnlyKey(key, [cipher, decipher])) return undefined;

    const encryptFn = enclosingFunctionNode(cipher.node);
    const decryptFn = enclosingFunctionNode(decipher.node);
    if (!encryptFn || !decryptFn || encryptFn === decryptFn) return undefined;
    const cipherUses = objectUses(sourceCode, cipher, encryptFn);
    const decipherUses = objectUses(sourceCode, decipher, decryptFn);
    if (!cipherUses || !decipherUses) return undefined;

    const plaintext = utf8Input(sourceCode, calls, cipher);
    const sealed = plaintext && sealedEncoding(sourceCode, encryptFn, cipherUses);
    if (!plaintext || !sealed) return undefined;
    if (!returnsUtf8Output(sourceCode, decryptFn, decipherUses) || !decodesSealed(sourceCode, decryptFn, sealed)) return undefined;
    return { encryptAt: cipher.node, decryptAt: decipher.node, plaintext, sealed, opened: 'string', legacy: { async: !!decryptFn.async } };
  },
};

/**
 * Every read of the cipher object (`const cipher = forge.cipher.createCipher(…)`)
 * as `cipher.<member>` inside its function; undefined when it escapes (passed
 * on, returned, reassigned) or is read elsewhere.
 */
function objectUses(sourceCode: SourceCode, maker: ApiCall, fn: FunctionNode): TSESTree.MemberExpression[] | undefined {
  const declarator = maker.node.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== maker.node || declarator.id.type !== 'Identifier' || declarator.parent.kind !== 'const') return undefined;
  const variable = variableOf(sourceCode, declarator.id);
  const uses: TSESTree.MemberExpression[] = [];
  for (const ref of variable?.references ?? []) {
    const id = ref.identifier as TSESTree.Node;
    if (id === declarator.id) continue;
    const parent = id.parent;
    if (parent?.type !== 'MemberExpression' || parent.object !== id || !within(id, fn)) return undefined;
    uses.push(parent);
  }
  return uses;
}

/** The one `update` is fed `forge.util.createBuffer(text, 'utf8')` or `createBuffer(forge.util.encodeUtf8(text))`; returns `text`. */
function utf8Input(sourceCode: SourceCode, calls: readonly ApiCall[], cipher: ApiCall): TSESTree.Identifier | undefined {
  const updates = calls.filter((c) => c.receiver === cipher && c.api.path[c.api.path.length - 1] === 'update');
  if (updates.length !== 1 || updates[0].node.arguments.length !== 1) return undefined;
  const buffer = unwrapExpression(updates[0].node.arguments[0]);
  const created = exportCall(sourceCode, buffer, FORGE, ['util', 'createBuffer']);
  if (!created) return undefined;
  const [data, encoding] = created.arguments.map((a) => unwrapExpression(a));
  if (data?.type === 'Identifier' && created.arguments.length === 2 && literalString(encoding) === 'utf8') return data;
  const encoded = created.arguments.length === 1 ? exportCall(sourceCode, data, FORGE, ['util', 'encodeUtf8']) : undefined;
  const text = encoded?.arguments.length === 1 ? unwrapExpression(encoded.arguments[0]) : undefined;
  return text?.type === 'Identifier' ? text : undefined;
}

/**
 * The one text encoding the encrypt function writes: `forge.util.encode64` →
 * base64, `forge.util.bytesToHex` / `buffer.toHex()` → hex; the cipher's
 * output read only as bytes or hex, and every return a string built from them.
 */
function sealedEncoding(sourceCode: SourceCode, fn: FunctionNode, cipherUses: readonly TSESTree.MemberExpression[]): SealedForm | undefined {
  const encodings = new Set<SealedForm>();
  const encoders: TSESTree.Node[] = [];
  let otherText = false;
  walk(fn.body, (node) => {
    if (exportCall(sourceCode, node, FORGE, ['util', 'encode64'])?.arguments.length === 1) {
      encodings.add('base64');
      encoders.push(node);
    } else if (exportCall(sourceCode, node, FORGE, ['util', 'bytesToHex']) || isMethodCall(node, 'toHex', 0)) {
      encodings.add('hex');
      encoders.push(node);
    } else if (isMethodCall(node, 'toString') && node.arguments.length > 0) {
      otherText = true; // a Buffer encoding mixed in: not certain
    }
  });
  if (encodings.size !== 1 || otherText) return undefined;
  // `cipher.output` is read as bytes or hex only (a second format, e.g. a hex cache key beside base64, is declined above).
  for (const use of cipherUses) {
    const read = use.parent?.parent;
    if (memberName(use) === 'output' && !isMethodCall(read, 'getBytes', 0) && !isMethodCall(read, 'toHex', 0)) return undefined;
  }
  if (!returnsBuiltFrom(sourceCode, fn, encoders)) return undefined;
  return [...encodings][0];
}

/** `decipher.output.toString()` or `forge.util.decodeUtf8(decipher.output.getBytes())` is what decrypt returns. */
function returnsUtf8Output(sourceCode: SourceCode, fn: FunctionNode, decipherUses: readonly TSESTree.MemberExpression[]): boolean {
  const outputs = decipherUses.filter((use) => memberName(use) === 'output');
  if (outputs.length !== 1) return false;
  const output = outputs[0];
  const read = output.parent?.parent; // `decipher.output.<method>(…)`
  let text: TSESTree.Node | undefined;
  if (isMethodCall(read, 'toString', 0)) text = read;
  else if (isMethodCall(read, 'getBytes', 0) && exportCall(sourceCode, read.parent, FORGE, ['util', 'decodeUtf8'])) text = read.parent;
  return !!text && returnsValue(sourceCode, fn, text, false);
}

/** The decrypt function decodes its input with the matching forge decoder (base64 → `decode64`, hex → `hexToBytes`) and reads it as a string. */
function decodesSealed(sourceCode: SourceCode, fn: FunctionNode, sealed: SealedForm): boolean {
  const decoder = sealed === 'base64' ? ['util', 'decode64'] : ['util', 'hexToBytes'];
  const otherDecoder = sealed === 'base64' ? ['util', 'hexToBytes'] : ['util', 'decode64'];
  const inputs: TSESTree.Node[] = [];
  let mixed = false;
  walk(fn.body, (node) => {
    const decoded = exportCall(sourceCode, node, FORGE, decoder);
    if (decoded?.arguments.length === 1) inputs.push(decoded.arguments[0]);
    if (exportCall(sourceCode, node, FORGE, otherDecoder)) mixed = true;
  });
  return !mixed && inputs.length > 0 && paramReadAsString(sourceCode, fn, inputs);
}
