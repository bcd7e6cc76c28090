import { call, construct, method } from '../define';
import type { LibraryModel } from '../types';

/**
 * Our own runtime helper (see src/kms): `wipe(buf)` overwrites key bytes. A `KeyProvider` is what the envelope
 * client asks for data keys: an application that implements or wraps one (`tracingProvider(inner: KeyProvider)`)
 * holds the plaintext data keys the client would otherwise wipe — `generateDataKey(…)` resolves to
 * `{ plaintext, wrapped, keyUri }` and `unwrap(…)` to the key's bytes themselves (an empty `plaintextField`). The
 * `KeyProvider` entry is an interface, reached through parameters declared with that type; `providerInterface`: a
 * wrapper's method of the same name hands the key back to the client as the interface requires (not exposure).
 */
export const keywardenKms: LibraryModel = {
  id: 'keywarden/kms',
  roots: [{ module: 'keywarden/kms' }],
  apis: [call('wipe', 'wipe', { 0: 'data' }), construct('KeyProvider', 'client', {}, { returns: 'KeywardenKeyProvider' })],
  objects: {
    KeywardenKeyProvider: {
      methods: {
        generateDataKey: method('keygen', {}, { facts: { dataKey: true, plaintextField: 'plaintext', providerInterface: true } }),
        unwrap: method('unwrap', { '0.wrapped': 'data' }, { facts: { plaintextField: '', providerInterface: true } }),
        wrap: method('wrap', { '0.plaintext': 'key' }, { facts: { wrappedKeyArg: '0.plaintext' } }),
      },
    },
  },
};
