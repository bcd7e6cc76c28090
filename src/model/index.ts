import { awsKms, awsSdkV2Kms } from './libraries/aws-kms';
import { azureKeyVault, gcpKms } from './libraries/cloud-kms';
import { cryptoJs } from './libraries/crypto-js';
import { elysiaJwt, expressJwt, fastifyJwt, honoJwt, jose, jsonwebtoken, koaJwt, nestJwt, passportJwt } from './libraries/jwt';
import { keywardenKms } from './libraries/keywarden-kms';
import { libsodium, tweetnacl, tweetnaclAuth, tweetnaclUtil } from './libraries/nacl-sodium';
import { nodeCrypto } from './libraries/node-crypto';
import { nodeForge } from './libraries/node-forge';
import { argon2, bcrypt } from './libraries/password-hashing';
import { predictableSources } from './libraries/predictable';
import {
  cookieParser,
  cookieSession,
  cookieSignature,
  expressSession,
  fastifyCookie,
  fastifySecureSession,
  fastifySession,
  honoCookie,
  ironSession,
  nextAuth,
  nextAuthJwt,
} from './libraries/sessions';
import { textEncoding } from './libraries/text-encoding';
import { tlsOptions } from './libraries/tls';
import { webCrypto, webCryptoRandom } from './libraries/webcrypto';
import type { LibraryModel } from './types';

export type * from './types';

/** Every modelled library. Adding a library = adding a table here; rules do not change. */
export const LIBRARIES: readonly LibraryModel[] = [
  nodeCrypto,
  webCrypto,
  webCryptoRandom,
  cryptoJs,
  nodeForge,
  jsonwebtoken,
  jose,
  nestJwt,
  passportJwt,
  expressJwt,
  koaJwt,
  honoJwt,
  elysiaJwt,
  tweetnacl,
  tweetnaclUtil,
  tweetnaclAuth,
  libsodium,
  bcrypt,
  argon2,
  expressSession,
  cookieSession,
  cookieParser,
  ironSession,
  nextAuth,
  nextAuthJwt,
  cookieSignature,
  honoCookie,
  fastifyCookie,
  fastifySession,
  fastifySecureSession,
  fastifyJwt,
  awsKms,
  awsSdkV2Kms,
  gcpKms,
  azureKeyVault,
  keywardenKms,
  predictableSources,
  textEncoding,
  tlsOptions,
];
