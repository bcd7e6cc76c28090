import { call } from '../define';
import type { LibraryModel } from '../types';

/**
 * net-snmp: an SNMPv3 session (`createV3Session(target, user, options)`) authenticates every PDU with the user's
 * `authProtocol` (HMAC-MD5-96 and HMAC-SHA-96 in RFC 3414) and encrypts it with its `privProtocol` (RFC 3414's
 * single DES in CBC mode). `authKey`/`privKey` are the user's passwords, localised into keys by the library.
 * The privacy protocol encrypts the session's traffic later, not in this call (`cipherPreference`). Only the
 * obsolete members are given names here: the AES privacy protocols (CFB under the session's HMAC) and the SHA-2
 * authentication protocols stay unnamed, so nothing reads them as unauthenticated ciphers or weak digests.
 */
export const netSnmp: LibraryModel = {
  id: 'net-snmp',
  roots: [{ module: 'net-snmp' }],
  apis: [
    call(
      'createV3Session',
      'client',
      { '1.authProtocol': 'digest', '1.privProtocol': 'algorithm', '1.authKey': 'passphrase', '1.privKey': 'passphrase' },
      { facts: { cipherPreference: true } },
    ),
  ],
  constants: { 'AuthProtocols.md5': 'md5', 'AuthProtocols.sha': 'sha1', 'PrivProtocols.des': 'des-cbc' },
};
