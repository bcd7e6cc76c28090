import { call, construct, method } from '../define';
import type { LibraryModel } from '../types';

/**
 * archiver with the archiver-zip-encrypted format (`archiver.create('zip-encrypted', { encryptionMethod, password })`):
 * the options name the zip encryption method in the zip vocabulary (`'zip20'` is PKWARE's ZipCrypto, `'aes256'`
 * WinZip AES), which the `algorithmNames: 'zip'` fact tells the rules to read (see `describeZipEncryptionMethod`).
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

/**
 * PDF signing with a PKCS#12 bundle: node-signpdf's `signer.sign(pdf, p12Buffer, { passphrase })` and
 * @signpdf/signer-p12's `new P12Signer(p12Buffer, { passphrase })` open the bundle with the passphrase. The bundle
 * itself is read from a file or a secret store and is not described here (a buffer read from disk is no key bytes
 * of this file's making).
 */
export const pdfSigners: readonly LibraryModel[] = [
  {
    id: 'node-signpdf',
    roots: [{ module: 'node-signpdf' }],
    apis: [
      call('sign', 'sign', { '2.passphrase': 'passphrase' }),
      call('default.sign', 'sign', { '2.passphrase': 'passphrase' }),
      construct('SignPdf', 'factory', {}, { returns: 'SignPdf' }),
    ],
    objects: { SignPdf: { methods: { sign: method('sign', { '2.passphrase': 'passphrase' }) } } },
  },
  {
    id: '@signpdf/signer-p12',
    roots: [{ module: '@signpdf/signer-p12' }],
    apis: [construct('P12Signer', 'sign', { '1.passphrase': 'passphrase' }), construct('default', 'sign', { '1.passphrase': 'passphrase' })],
  },
];
