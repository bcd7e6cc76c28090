import { bunCrypto, electronStore, expoCrypto, openpgp, reactNativeAes, reactNativeMmkv, reactNativeRsa } from './libraries/app-runtimes';
import { awsKms, awsSdkV2Kms } from './libraries/aws-kms';
import { azureIdentity, azureKeyVault, gcpKms } from './libraries/cloud-kms';
import { archiverZipEncrypted, pdfSigners } from './libraries/file-protection';
import { aesJs, ageEncryption, asmcrypto, cryptr, desJs, eciesjs, elliptic, fernet, jsencrypt, keypairPackage, nobleCiphersAes, nobleCiphersChacha, nobleCurves, nobleSecp256k1, nobleUtils, nodeRsa, paseto, secretStringEncryptors, sjcl, stablelibAeads } from './libraries/browser-ciphers';
import { aesCmacPackage, nodeAesCmac } from './libraries/cmac';
import { cryptoJs } from './libraries/crypto-js';
import { cryptoHash, digestFunctionPackages, hashJs, hashWasm, jsSha, nobleLegacyHashes, nobleModernHashes, objectHash, sparkMd5, tsMd5 } from './libraries/hash-packages';
import { cloudflareWorkerJwt, didJwt, elysiaJwt, hapiJwt, expressJwt, fastifyJwt, graphqlYogaJwt, honoJwt, jose, jsonwebtoken, jsrsasign, jwtSimple, koaJwt, nestJwt, nodeJose, passportJwt } from './libraries/jwt';
import { keywardenKms } from './libraries/keywarden-kms';
import { ed2curve, libsodium, sodiumNative, tweetnacl, tweetnaclAuth, tweetnaclUtil } from './libraries/nacl-sodium';
import { nobleHashes, noblePasswordKdfs, nodeCrypto, panvaHkdf, pbkdf2Package } from './libraries/node-crypto';
import { nodeForge } from './libraries/node-forge';
import { otpauth, otplib, speakeasy } from './libraries/otp';
import { adonisHash, argon2, argon2Browser, bcrypt, nodeRsArgon2, scryptJs } from './libraries/password-hashing';
import { chance, lodashRandom, lodashRandomModules, nanoidNonSecure, perfHooksClock, predictableSources, randomJs, seedrandom, shortid, timeBasedUuid, uniqid, timeBasedUuidModules } from './libraries/predictable';
import {
  cookieParser,
  cookieSession,
  cookieSignature,
  csrfCsrf,
  csrfTokens,
  elysiaCookie,
  expressOpenidConnect,
  expressSession,
  frameworkSecrets,
  h3Sessions,
  fastifyCookie,
  fastifySecureSession,
  hapiIron,
  ironWebcrypto,
  hapiServer,
  fastifySession,
  honoCookie,
  ironSession,
  keygrip,
  koa,
  nextAuth,
  nextAuthJwt,
  remixSessions,
  tinyCsrf,
} from './libraries/sessions';
import { denoStdEncoding, textEncoding } from './libraries/text-encoding';
import { awsCdkSecretValue } from './libraries/infrastructure';
import { netSnmp } from './libraries/network-management';
import { nodeOpcua } from './libraries/industrial';
import { akamaiEdgeAuth, cloudFrontSigners } from './libraries/media';
import { agoraTokens, livekitServerSdk } from './libraries/realtime';
import { ltiProviders, nodeOauth, oauthSignatures, passportLti } from './libraries/learning-tools';
import { appsScriptUtilities, k6Crypto } from './libraries/script-runtimes';
import { sshClients, tlsOptions, undiciTls } from './libraries/tls';
import { acmeClient, pemPackage, pkijs, selfsigned } from './libraries/certificates';
import { awsCryptoRawAesKeyring, cloak, gcsCustomerSuppliedKeys, mongodbLocalKms, prismaFieldEncryption, sequelizeEncrypted, snowflakeSdk } from './libraries/storage-encryption';
import { base58Decoders, bip32Factory, bip39, bitcoinjsLib, ecpair, ed25519HdKey, ethers, hdKeys, solanaWeb3, truffleHdWalletProvider, viemAccounts, web3, web3EthAccounts } from './libraries/wallets';
import { octokitWebhooks, paymentProviders, stripe, svix, twilio } from './libraries/webhooks';
import { llmProviders } from './libraries/llm-providers';
import { webPush } from './libraries/push';
import { medplum } from './libraries/health';
import { nodeSaml, nodeSoap, xmlCrypto, xmlEncryption } from './libraries/xml-signatures';
import { webCrypto, webCryptoRandom } from './libraries/webcrypto';
import type { LibraryModel } from './types';

export type * from './types';

/** Every modelled library. Adding a library = adding a table here; rules do not change. */
export const LIBRARIES: readonly LibraryModel[] = [
  nodeCrypto,
  pbkdf2Package,
  nobleHashes,
  panvaHkdf,
  ...noblePasswordKdfs,
  webCrypto,
  webCryptoRandom,
  cryptoJs,
  nodeForge,
  aesJs,
  nodeAesCmac,
  aesCmacPackage,
  sjcl,
  nodeRsa,
  nobleCiphersAes,
  nobleCiphersChacha,
  nobleUtils,
  nobleCurves,
  nobleSecp256k1,
  jsencrypt,
  elliptic,
  ageEncryption,
  jsonwebtoken,
  jose,
  nestJwt,
  passportJwt,
  expressJwt,
  koaJwt,
  honoJwt,
  elysiaJwt,
  graphqlYogaJwt,
  jsrsasign,
  otpauth,
  speakeasy,
  tweetnacl,
  tweetnaclUtil,
  ed2curve,
  tweetnaclAuth,
  libsodium,
  sodiumNative,
  bcrypt,
  argon2,
  adonisHash,
  expressSession,
  cookieSession,
  koa,
  keygrip,
  cookieParser,
  ironSession,
  hapiIron,
  ironWebcrypto,
  hapiServer,
  nextAuth,
  nextAuthJwt,
  cookieSignature,
  honoCookie,
  elysiaCookie,
  fastifyCookie,
  fastifySession,
  fastifySecureSession,
  csrfCsrf,
  tinyCsrf,
  csrfTokens,
  fastifyJwt,
  awsKms,
  awsSdkV2Kms,
  gcpKms,
  azureKeyVault,
  azureIdentity,
  keywardenKms,
  predictableSources,
  lodashRandom,
  lodashRandomModules,
  timeBasedUuid,
  timeBasedUuidModules,
  nanoidNonSecure,
  seedrandom,
  chance,
  randomJs,
  ...digestFunctionPackages,
  sparkMd5,
  hashWasm,
  hashJs,
  nobleLegacyHashes,
  nobleModernHashes,
  textEncoding,
  tlsOptions,
  selfsigned,
  pemPackage,
  acmeClient,
  pkijs,
  undiciTls,
  sshClients,
  netSnmp,
  nodeOpcua,
  mongodbLocalKms,
  awsCryptoRawAesKeyring,
  gcsCustomerSuppliedKeys,
  sequelizeEncrypted,
  prismaFieldEncryption,
  cloak,
  ethers,
  ecpair,
  bitcoinjsLib,
  web3,
  web3EthAccounts,
  viemAccounts,
  twilio,
  webPush,
  svix,
  octokitWebhooks,
  stripe,
  paymentProviders,
  ...llmProviders,
  medplum,
  cloudFrontSigners,
  akamaiEdgeAuth,
  agoraTokens,
  livekitServerSdk,
  ltiProviders,
  passportLti,
  oauthSignatures,
  nodeOauth,
  xmlCrypto,
  nodeSaml,
  nodeSoap,
  xmlEncryption,
  nodeJose,
  fernet,
  desJs,
  remixSessions,
  h3Sessions,
  expressOpenidConnect,
  ...frameworkSecrets,
  openpgp,
  expoCrypto,
  reactNativeRsa,
  reactNativeAes,
  reactNativeMmkv,
  electronStore,
  bunCrypto,
  otplib,
  nodeRsArgon2,
  scryptJs,
  perfHooksClock,
  denoStdEncoding,
  awsCdkSecretValue,
  k6Crypto,
  truffleHdWalletProvider,
  solanaWeb3,
  bip39,
  hdKeys,
  bip32Factory,
  ed25519HdKey,
  base58Decoders,
  appsScriptUtilities,
  asmcrypto,
  cryptr,
  ...stablelibAeads,
  eciesjs,
  keypairPackage,
  tsMd5,
  objectHash,
  cryptoHash,
  jsSha,
  jwtSimple,
  didJwt,
  cloudflareWorkerJwt,
  argon2Browser,
  ...secretStringEncryptors,
  archiverZipEncrypted,
  ...pdfSigners,
  snowflakeSdk,
  paseto,
  hapiJwt,
  shortid,
  uniqid,
];

/** Names of every modelled library constant (a cheap first test before resolving where an expression comes from). */
export const LIBRARY_CONSTANT_NAMES: ReadonlySet<string> = new Set(LIBRARIES.flatMap((l) => Object.keys(l.constants ?? {}).map((path) => path.split('.').pop()!)));

/**
 * The value of a library's named constant, given the module an expression comes from and its path there,
 * or, for a library reached through a global (`module` undefined), the global's name and the path below it
 * (`['Utilities', 'DigestAlgorithm', 'MD5']`).
 */
export function libraryConstant(module: string | undefined, path: readonly string[]): number | string | undefined {
  for (const library of LIBRARIES) {
    if (!library.constants) continue;
    for (const root of library.roots) {
      const at = 'module' in root ? (root.module === module ? (root.at ?? []) : undefined) : module === undefined ? root.global : undefined;
      if (!at || path.length < at.length || at.some((p, i) => path[i] !== p)) continue;
      const key = [...(root.provides ?? []), ...path.slice(at.length)].join('.');
      if (Object.prototype.hasOwnProperty.call(library.constants, key)) return library.constants[key];
    }
  }
  return undefined;
}
