import type { TSESTree } from '@typescript-eslint/utils';
import type { ApiCall } from '../../analysis/api-calls';
import type { SourceCode } from '../../analysis/scope';
import type { KeyBinding } from './key';

/**
 * The contract between the shared envelope machinery and a per-library
 * recogniser. The machinery finds the hardcoded key's binding (a module const
 * or a class field) and, once an idiom has matched, locates the functions,
 * their container and callers, and builds the edits. An idiom only says what
 * its library's code does — with certainty, or returns undefined.
 */
export interface Idiom {
  /** Short stable id (`node-crypto`, `crypto-js`, …), for tests and debugging. */
  readonly id: string;
  recognise(context: IdiomContext): IdiomMatch | undefined;
}

export interface IdiomContext {
  sourceCode: SourceCode;
  /** Every modelled call in the file (`getApiCalls`). */
  calls: readonly ApiCall[];
  /** The binding that holds the hardcoded key and every place it is read. */
  key: KeyBinding;
}

/** How ciphertexts travel: a string in one encoding, or raw bytes. */
export type SealedForm = 'hex' | 'base64' | 'base64url' | 'buffer';

export interface IdiomMatch {
  /** A node inside the function that encrypts (typically the call that takes the key). */
  encryptAt: TSESTree.Node;
  /** A node inside the function that decrypts. */
  decryptAt: TSESTree.Node;
  /** The encrypt function's parameter that holds the plaintext (it must be its only parameter). */
  plaintext: TSESTree.Identifier;
  /** What encrypt returns and decrypt takes. */
  sealed: SealedForm;
  /** What decrypt returns: UTF-8 text or the raw bytes. */
  opened: 'string' | 'buffer';
  /**
   * What the legacy decrypt (a copy of the old decrypt that reads records written
   * before the migration) needs beyond the key recomputed from KEYWARDEN_LEGACY_KEY:
   * `async` when the old decrypt already returns a promise (WebCrypto);
   * `keyless` when there is no key in source (direct KMS Encrypt/Decrypt): the old
   * decrypt is kept verbatim and its own KMS call reads the old records.
   */
  legacy: { async: boolean; keyless?: boolean };
  /**
   * Module-level statements derived from the key that serve only the pair (a
   * WebCrypto `importKey` promise or key helper): they go with the key and are
   * recreated, in order, at the top of the legacy decrypt.
   */
  keyDerived?: TSESTree.ProgramStatement[];
}
