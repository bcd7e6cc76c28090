import type { TSESTree } from '@typescript-eslint/utils';
import type { ApiCall } from '../../../analysis/api-calls';
import { unwrapExpression, type SourceCode } from '../../../analysis/scope';
import { enclosingFunctionNode, type FunctionNode } from '../ast';
import type { Idiom, IdiomContext, IdiomMatch } from '../idiom';
import { keyArgsReadOnlyKey } from './key-reads';
import { isMethodCall, namesExport, paramReadAsString, returnsValue, singleUse } from './value-shapes';

/**
 * crypto-js `AES.encrypt(text, key).toString()` / `AES.decrypt(sealed, key).toString(enc.Utf8)`,
 * through `require('crypto-js')`, `import CryptoJS from 'crypto-js'` or the
 * `crypto-js/aes` and `crypto-js/enc-utf8` sub-modules. Either a passphrase
 * (a string key: OpenSSL `Salted__` records) or a WordArray key with an
 * explicit IV stored beside the ciphertext; both produce base64 text, so the
 * rewritten encrypt returns base64 too. The old decrypt is kept as it is for
 * old records, so the IV layout and key form need not be understood — only
 * that the key serves these two calls and nothing else (not an HMAC).
 */
export const cryptoJsIdiom: Idiom = {
  id: 'crypto-js',
  recognise(context: IdiomContext): IdiomMatch | undefined {
    const { sourceCode, calls, key } = context;
    const aes = (op: 'encrypt' | 'decrypt') => calls.filter((c) => c.library.id === 'crypto-js' && !c.receiver && c.api.path.join('.') === `AES.${op}`);
    const encrypts = aes('encrypt');
    const decrypts = aes('decrypt');
    if (encrypts.length !== 1 || decrypts.length !== 1) return undefined;
    const [encryptCall, decryptCall] = [encrypts[0], decrypts[0]];
    if (!keyArgsReadOnlyKey(key, [encryptCall, decryptCall])) return undefined;

    const encryptFn = enclosingFunctionNode(encryptCall.node);
    const decryptFn = enclosingFunctionNode(decryptCall.node);
    if (!encryptFn || !decryptFn || encryptFn === decryptFn) return undefined;

    const plaintext = dataArg(encryptCall);
    if (plaintext?.type !== 'Identifier') return undefined;
    if (!encryptsToText(sourceCode, encryptCall, encryptFn)) return undefined;
    if (!decryptsToUtf8(sourceCode, decryptCall, decryptFn)) return undefined;
    const sealedInput = dataArg(decryptCall);
    if (!sealedInput || !paramReadAsString(sourceCode, decryptFn, [sealedInput])) return undefined;
    return {
      encryptAt: encryptCall.node,
      decryptAt: decryptCall.node,
      plaintext,
      sealed: 'base64',
      opened: 'string',
      legacy: { async: !!decryptFn.async },
    };
  },
};

function dataArg(call: ApiCall): TSESTree.Node | undefined {
  const node = call.args.find((a) => a.role === 'data' && a.address === '0')?.node;
  return node && unwrapExpression(node);
}

/** The CipherParams is turned into its default (OpenSSL, base64) text once, and encrypt returns that text (alone or joined with the IV). */
function encryptsToText(sourceCode: SourceCode, call: ApiCall, fn: FunctionNode): boolean {
  const use = singleUse(sourceCode, call.node);
  const toText = use?.parent;
  if (!use || toText?.type !== 'MemberExpression' || toText.object !== use || !isMethodCall(toText.parent, 'toString', 0)) return false;
  return returnsValue(sourceCode, fn, toText.parent, true);
}

/** The decrypted WordArray is read once, as UTF-8 text, and that text is what decrypt returns. */
function decryptsToUtf8(sourceCode: SourceCode, call: ApiCall, fn: FunctionNode): boolean {
  const use = singleUse(sourceCode, call.node);
  const toText = use?.parent;
  if (!use || toText?.type !== 'MemberExpression' || toText.object !== use || !isMethodCall(toText.parent, 'toString', 1)) return false;
  const encoder = toText.parent.arguments[0];
  const utf8 = namesExport(sourceCode, encoder, 'crypto-js', ['enc', 'Utf8']) || namesExport(sourceCode, encoder, 'crypto-js/enc-utf8', []);
  return utf8 && returnsValue(sourceCode, fn, toText.parent, false);
}
