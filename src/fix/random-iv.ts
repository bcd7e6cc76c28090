import type { TSESTree } from '@typescript-eslint/utils';
import type { ApiCall } from '../analysis/api-calls';
import type { SourceCode } from '../analysis/scope';
import { stringValues } from '../analysis/values';
import { describeAlgorithm } from '../model/algorithms';
import { findCipherPair } from './cipher-pair';
import { argumentEdit, cryptoFunction, frameEdits, freshIvEdit, removeIfOnlyUsedAt } from './cipher-framing';
import type { TextEdit } from './edits';
import { pickName } from './source-shape';

/**
 * The static-IV fix for a node:crypto encrypt/decrypt pair: encrypt draws a
 * fresh random IV per message (12 bytes for GCM/CCM/OCB/ChaCha20-Poly1305,
 * 16 for CBC/CTR/CFB/OFB) and stores it in front of its output, decrypt reads
 * it back; the static IV constant goes when nothing else uses it. Records
 * written with the static IV no longer decrypt: the message says so.
 */
export function randomIvFix(sourceCode: SourceCode, calls: readonly ApiCall[], sink: ApiCall): { edits: TextEdit[]; bytes: number } | undefined {
  try {
    const pair = findCipherPair(sourceCode, calls);
    if (!pair || (pair.encrypt.maker !== sink && pair.decrypt.maker !== sink)) return undefined;
    const bytes = ivLength(sourceCode, pair.encrypt.maker) ;
    if (!bytes || ivLength(sourceCode, pair.decrypt.maker) !== bytes) return undefined;
    const encCall = pair.encrypt.call;
    const decCall = pair.decrypt.call;
    const ivArgs = [encCall.arguments[2], decCall.arguments[2]];
    if (!ivArgs[0] || !ivArgs[1]) return undefined;
    const random = cryptoFunction(sourceCode, encCall, 'randomBytes');
    const iv = pickName(sourceCode, ['iv', 'nonce', 'messageIv'], ivArgs);
    const sealed = pickName(sourceCode, ['sealed', 'ciphertext', 'encryptedData']);
    const parts = pickName(sourceCode, ['parts', 'sections']);
    if (!random || !iv || !sealed || !parts) return undefined;
    const edits: TextEdit[] = [
      freshIvEdit(sourceCode, pair, iv, bytes, random),
      argumentEdit(encCall, 2, iv)!,
      argumentEdit(decCall, 2, iv)!,
      ...frameEdits(sourceCode, pair, [{ name: iv, bytes, value: iv }], { sealed, parts }),
    ];
    const unused = new Map<string, TextEdit>();
    for (const arg of ivArgs) {
      const removal = removeIfOnlyUsedAt(sourceCode, arg, ivArgs);
      if (removal) unused.set(removal.range.join(':'), removal);
    }
    return { edits: [...edits, ...unused.values()], bytes };
  } catch {
    return undefined;
  }
}

/** The IV length the call's cipher takes: 12 for AEAD modes, 16 for the block-chaining ones; undefined otherwise. */
export function ivLength(sourceCode: SourceCode, maker: ApiCall): number | undefined {
  const algorithm = maker.node.arguments[0];
  if (!algorithm) return undefined;
  const names = stringValues({ sourceCode }, algorithm as TSESTree.Node).map((c) => c.value);
  if (names.length !== 1 || typeof names[0] !== 'string') return undefined;
  const facts = describeAlgorithm(names[0]);
  if (facts?.kind !== 'cipher') return undefined;
  if (/chacha20-poly1305/i.test(names[0]) || facts.mode === 'gcm' || facts.mode === 'ccm' || facts.mode === 'ocb') return 12;
  if (facts.mode === 'cbc' || facts.mode === 'ctr' || facts.mode === 'cfb' || facts.mode === 'ofb') return facts.family === 'AES' ? 16 : undefined;
  return undefined;
}
