import { call } from '../define';
import type { LibraryModel } from '../types';

/**
 * archiver with the archiver-zip-encrypted format (`archiver.create('zip-encrypted', { encryptionMethod, password })`):
 * the options name the zip encryption method in the zip vocabulary (`'zip20'` is PKWARE's ZipCrypto, `'aes256'`
 * WinZip AES), which the `zipEncryption` fact tells the rules to read (see `describeZipEncryptionMethod`).
 */
const ZIP_OPTIONS = { '1.encryptionMethod': 'algorithm', '1.password': 'passphrase' } as const;

export const archiverZipEncrypted: LibraryModel = {
  id: 'archiver',
  roots: [{ module: 'archiver' }],
  apis: [
    call('', 'encrypt', ZIP_OPTIONS, { facts: { algorithmNames: 'zip' } }),
    call('create', 'encrypt', ZIP_OPTIONS, { facts: { algorithmNames: 'zip' } }),
  ],
};
