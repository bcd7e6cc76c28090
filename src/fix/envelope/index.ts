import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ApiCall } from '../../analysis/api-calls';
import { variableOf, type SourceCode } from '../../analysis/scope';
import { within } from './ast';
import { buildEdits, type Rewrite } from './edits';
import type { IdiomMatch } from './idiom';
import { IDIOMS } from './idioms';
import { recogniseDirectKms } from './idioms/aws-kms';
import { isEsm, lastImport } from './imports';
import { findKeyBinding, type KeyBinding } from './key';
import { enclosingFunction, findCallers, type CryptoFunction } from './locate';
import type { TextEdit } from './text-edit';

export { KEY_URI_ENV, LEGACY_KEY_ENV } from './edits';
export { applyEdits, type TextEdit } from './text-edit';

/** A recognised encrypt/decrypt pair and its rewrite. */
export interface EnvelopePlan {
  idiom: string;
  /** Undefined for a keyless idiom (direct KMS Encrypt/Decrypt). */
  key?: KeyBinding;
  match: IdiomMatch;
  encrypt: CryptoFunction;
  decrypt: CryptoFunction;
  edits: TextEdit[];
}

/**
 * The envelope rewrite of the encrypt/decrypt pair whose key is the hardcoded
 * constant at `keyOrigin`: both functions go through a module-level
 * `keywarden/kms` client, keep their names and output encoding but become
 * async, and decrypt hands old-format ciphertexts to the original decrypt
 * (kept as `legacy…`, its key read from KEYWARDEN_LEGACY_KEY). Pure: source
 * and analysis in, edits out; undefined when anything is not certain.
 */
export function envelopeRewrite(sourceCode: SourceCode, calls: readonly ApiCall[], keyOrigin: TSESTree.Node): TextEdit[] | undefined {
  return planEnvelope(sourceCode, calls, keyOrigin)?.edits;
}

/** Like `envelopeRewrite`, with what was recognised (for the other rules' wiring and tests). */
export function planEnvelope(sourceCode: SourceCode, calls: readonly ApiCall[], keyOrigin: TSESTree.Node): EnvelopePlan | undefined {
  try {
    const key = findKeyBinding(sourceCode, keyOrigin);
    if (!key) return undefined;
    for (const idiom of IDIOMS) {
      const match = idiom.recognise({ sourceCode, calls, key });
      const plan = match && plan_(sourceCode, calls, key, match);
      if (plan) return { idiom: idiom.id, ...plan };
    }
    return undefined;
  } catch {
    return undefined; // an unexpected shape is an unrecognised idiom, never a crash
  }
}

/**
 * The envelope rewrite of application data encrypted directly with AWS KMS
 * (`client.send(new EncryptCommand(…))` and its DecryptCommand), offered on
 * prefer-envelope-encryption's finding at `encryptCommand`. No key is in the
 * source: the old decrypt is kept verbatim as `legacy…`, so records KMS
 * encrypted still open through KMS; new ones are envelope-encrypted.
 */
export function directKmsRewrite(sourceCode: SourceCode, calls: readonly ApiCall[], encryptCommand: TSESTree.Node): TextEdit[] | undefined {
  try {
    const match = recogniseDirectKms(sourceCode, calls, encryptCommand);
    return match && plan_(sourceCode, calls, undefined, match)?.edits;
  } catch {
    return undefined; // an unexpected shape is an unrecognised idiom, never a crash
  }
}

function plan_(sourceCode: SourceCode, calls: readonly ApiCall[], key: KeyBinding | undefined, match: IdiomMatch): Omit<EnvelopePlan, 'idiom'> | undefined {
  const encrypt = enclosingFunction(sourceCode, match.encryptAt);
  const decrypt = enclosingFunction(sourceCode, match.decryptAt);
  if (!encrypt || !decrypt || encrypt.node === decrypt.node || !sameContainer(encrypt, decrypt)) return undefined;
  if (variableOf(sourceCode, match.plaintext)?.defs[0]?.name !== encrypt.param) return undefined;
  // The key is read by the pair (or the module statements derived from it) and nowhere else; a field key only from the pair's own class.
  const derived = match.keyDerived ?? [];
  if (!key !== !!match.legacy.keyless) return undefined;
  if (key && !key.reads.every((read) => within(read, encrypt.node) || within(read, decrypt.node) || derived.some((s) => within(read, s)))) return undefined;
  if (key && derived.some((s) => s.range[0] < key.declaration.range[1])) return undefined;
  if (key?.owner && (encrypt.container.kind !== 'class' || encrypt.container.node !== key.owner.classNode || encrypt.isStatic !== key.owner.static)) return undefined;
  if (!!encrypt.node.async !== match.legacy.async || !!decrypt.node.async !== match.legacy.async) return undefined;

  const program = sourceCode.ast;
  const esm = isEsm(program);
  const libraryCallees = new Set<TSESTree.Node>(calls.map((c) => c.node.callee));
  const sync = [encrypt, decrypt].filter((f) => !f.node.async);
  const callers = sync.length > 0 ? findCallers(sourceCode, sync, esm, libraryCallees) : [];
  if (!callers) return undefined;
  const firstUse = Math.min(encrypt.node.range[0], decrypt.node.range[0], key?.declaration.range[0] ?? Infinity);
  const anchor = lastImport(program, esm, firstUse);
  if (anchor === undefined) return undefined;
  const rewrite: Rewrite = { sourceCode, key, match, encrypt, decrypt, callers, esm, anchor };
  const edits = buildEdits(rewrite);
  return edits && { key, match, encrypt, decrypt, edits };
}

function sameContainer(a: CryptoFunction, b: CryptoFunction): boolean {
  if (a.container.kind !== b.container.kind || a.isStatic !== b.isStatic) return false;
  return a.container.kind === 'module' || (b.container.kind !== 'module' && a.container.node === b.container.node);
}

/** The edits as an ESLint fix function (for suggestions). */
export function toFix(edits: readonly TextEdit[]): (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[] {
  return (fixer) => edits.map((edit) => fixer.replaceTextRange(edit.range, edit.text));
}
