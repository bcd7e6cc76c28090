import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { apiCallAt, argsWithRole, callsTakingArgument, chainRoot, getApiCalls, type ApiCall } from './api-calls';
import { descendants, programNodes } from './ast';
import { enclosingFunction } from './code-paths';
import { isExplicitSecretName, isNotSecretName, isSecretName, nameWords } from './key-names';
import { namesCertificate, namesKeyShare, words } from './names';
import { hasWordIn } from './identifier-words';
import { functionName, isFunction, namesIn, type FunctionNode } from './expression-names';
import { isPromiseExecutor, localFunctionOf, parameterBindings, returnedExpressions } from './local-functions';
import { importedHelperReturnsKeyBytes, importedHelperUsesArgumentAsKey } from './importer-key-uses';
import { isBufferClass, resolveImportPath } from './imports';
import { FS_MODULES } from '../model/sinks';
import { objectLiteralOf, propertyOf } from './object-literals';
import { reachingWrites } from './reaching-writes';
import { climbTypeWrappers, classMemberKeyName, classMemberName, isConstructedWith, isNoValueLiteral, isStaticCall, memberName, propertyName, referencedName, singleInitializer, unwrapExpression, variableOf, type SourceCode } from './scope';
import { envVarName, isCharCodeMapper, resolveConstant, stringValues, type ResolveContext } from './values';
import { LintScopedWeakMap } from './lint-scoped';
import { importsPublicKey } from './secret-constants';

/**
 * Plaintext key bytes held in a binding: where they come from (a CSPRNG, a KDF,
 * a KMS plaintext, a key pair…), which binding holds them, and every
 * expression that denotes them. Shared by `require-key-zeroization` and
 * `no-plaintext-data-key-exposure`, and by the key inventory.
 */

export type KeyBytesSource =
  | 'random' // randomBytes / getRandomValues output used as a key
  | 'kdf' // pbkdf2/scrypt/hkdf/deriveBits output used as a key
  | 'kms-plaintext' // GenerateDataKey / Decrypt / unwrap result
  | 'unwrapped' // a key decrypted with another key and then used as one (privateDecrypt of a wrapped data key)
  | 'buffer-from' // Buffer.from(secret)
  | 'keypair' // nacl/sodium key pair (the secret half)
  | 'shared-key' // box.before / crypto_box_beforenm
  | 'keygen' // sodium crypto_*_keygen
  | 'export' // keyObject.export() / subtle.exportKey('raw', …) of a secret key
  | 'file'; // raw key bytes read from a key file (`readFile(keyPath)`) and used as a cipher, MAC or KDF key

type FunctionLike = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression | TSESTree.ArrowFunctionExpression;
type Variable = TSESLint.Scope.Variable;

export interface KeyBytes {
  source: KeyBytesSource;
  /** The call that produced the bytes. */
  producer: TSESTree.Node;
  /** The modelled call, when the producer is one. */
  api?: ApiCall;
  /** The binding that holds the bytes, or an object holding them at `path` (`res.Plaintext`, `kp.secretKey`). */
  variable: Variable;
  path: readonly string[];
  /** The identifier that declares the binding (where findings are reported). */
  id: TSESTree.Identifier;
  /** The node after which the binding holds the bytes: its declarator, assignment, or the function of a callback parameter. */
  definition: TSESTree.Node;
  /** The function (or program) the binding lives in. */
  scope: FunctionLike | TSESTree.Program;
  /** An ArrayBuffer (wiped through a view: `new Uint8Array(buf).fill(0)`). */
  arrayBuffer: boolean;
}

const cache = new LintScopedWeakMap<TSESTree.Program, KeyBytes[]>();

/** Every binding in the file that holds plaintext key bytes. Cached per file. */
export function findKeyBytes(ctx: ResolveContext): KeyBytes[] {
  const program = ctx.sourceCode.ast;
  let found = cache.get(program);
  if (!found) {
    try {
      found = collect(ctx);
    } catch {
      found = []; // analysis never crashes a rule
    }
    cache.set(program, found);
  }
  return found;
}

/** A KMS response holding a plaintext key that no binding receives (`new DataKeyHandle(await kms.send(…))`, `return kms.send(…)`). */
export interface UnboundKmsPlaintext {
  api: ApiCall;
  /** The expression whose value is the response (the `send` call of a command, or the client method's call). */
  response: TSESTree.Node;
  /** Where the plaintext sits in the response (`['Plaintext']`, `['0', 'plaintext']` for Google Cloud's tuple). */
  path: readonly string[];
}

/**
 * KMS calls whose response, holding the plaintext key, is handed on without a binding: the exposure check climbs
 * from the response itself. Cached per file with the key bytes.
 */
export function unboundKmsPlaintexts(ctx: ResolveContext): UnboundKmsPlaintext[] {
  const { sourceCode } = ctx;
  const out: UnboundKmsPlaintext[] = [];
  for (const call of getApiCalls(sourceCode)) {
    const path = plaintextPath(call);
    if (!path) continue;
    const response = call.node.type === 'NewExpression' ? sendCallOf(sourceCode, call.node) : call.node;
    if (!response || (response === call.node && callbackOf(call.node))) continue;
    const producer: Producer = { source: 'kms-plaintext', producer: call.node, api: call, arrayBuffer: false };
    if (bindingOf(sourceCode, response, producer, path)) continue;
    out.push({ api: call, response, path });
  }
  return out;
}

/**
 * Where a KMS response holds the plaintext key: `['Plaintext']`, `['0', 'plaintext']` for Google Cloud's tuple, and
 * `[]` when the response is the key itself (an empty `plaintextField`: a key provider's `unwrap(…)` resolves to the
 * key's bytes). Undefined for calls that return no plaintext.
 */
function plaintextPath(call: ApiCall): string[] | undefined {
  const field = call.api.facts?.plaintextField;
  if (typeof field !== 'string') return undefined;
  const inResult = field === '' ? [] : [field];
  return call.api.facts?.resultTuple ? ['0', ...inResult] : inResult;
}

/** The ciphertext given to a KMS decrypt names a wrapped key (`CiphertextBlob: wrapped`, `row.wrappedKey`, `edk`). */
export const WRAPPED_KEY_TEXT = /key|dek|wrapped|\bedk/i;
/**
 * What a wrapped name says was wrapped when it is not a key (`wrappedRefreshToken`, `encryptedDbPassword`): the
 * plaintext is that secret, which its caller uses (decision 25), not a data key.
 */
const WRAPPED_SECRET_HEADS: ReadonlySet<string> = new Set(['token', 'tokens', 'password', 'passwd', 'pwd', 'pin', 'otp', 'credential', 'credentials']);

/**
 * Does a KMS call hand out a data key? GenerateDataKey and key unwrapping (Azure `unwrapKey`) always; a Decrypt when
 * the ciphertext it is given names a wrapped key. A Decrypt of application data (`CiphertextBlob: row.ssn_ct`) gives
 * plaintext to wipe (17), but no key: encrypting it again is encrypting data.
 */
export function handsOutDataKey(sourceCode: SourceCode, call: ApiCall): boolean {
  if (call.api.facts?.dataKey || call.api.operation === 'unwrap') return true;
  const blob = call.args.find((a) => a.role === 'data');
  return WRAPPED_KEY_TEXT.test(blob ? withoutWrappedSecretNames(sourceCode.getText(blob.node)) : '');
}

/** The ciphertext's text without the names that say a non-key secret was wrapped (`account.wrappedRefreshToken`). */
function withoutWrappedSecretNames(text: string): string {
  return text.replace(/[A-Za-z_$][\w$]*/g, (name) => {
    const nameWords = words(name);
    const namesKey = nameWords.some((w) => w === 'key' || w === 'keys' || w === 'dek' || w === 'edk');
    return !namesKey && WRAPPED_SECRET_HEADS.has(nameWords[nameWords.length - 1] ?? '') ? '' : name;
  });
}

/**
 * Key bytes that hold a key: every source but a KMS decrypt of something that is not one (see handsOutDataKey), unless
 * named as a key — by its binding, or by the property its helper returns it under (`return { key: Plaintext! }`) — or
 * used as one in this file.
 */
export function holdsDataKey(sourceCode: SourceCode, bytes: KeyBytes): boolean {
  if (bytes.source !== 'kms-plaintext') return true;
  if (isSecretName(bytes.id.name) || (!!bytes.api && handsOutDataKey(sourceCode, bytes.api))) return true;
  const returnedAs = bytes.path.length <= 1 ? returnedAsProperty(sourceCode, bytes.id) : undefined;
  if (returnedAs && isSecretName(returnedAs.property)) return true;
  // Used as a key by this file (a cipher, an HMAC, also through a local helper such as a key check value's
  // `kcv(Plaintext)`): the Decrypt opened a key, whatever the wrapped blob is called (`blob` read from a file).
  return usedAsKey(sourceCode, bytes, keyArgumentNodes(getApiCalls(sourceCode)));
}

const RANDOM_PATHS = new Set(['randomBytes', 'randombytes_buf']);
/**
 * Calls that fill the buffer they are given with random bytes (and return it, or hand it to their callback:
 * `randomFill(buf, (err, key) => …)`). `randomFillSync` is also a wipe: see filledBinding.
 */
const FILLING_PATHS = new Set(['getRandomValues', 'randomFillSync', 'randomFill']);
/** Key agreements whose result is the shared secret's bytes (not an ECDH/DH object). */
const SHARED_SECRET_PATHS: ReadonlySet<string> = new Set(['computeSecret', 'diffieHellman', 'getSharedSecret']);

/**
 * The name a call is known by: the last step of its path, or for a module that is itself the function (`import hkdf
 * from '@panva/hkdf'`, path `[]`) the name its model gives (`calledAs`).
 */
function apiName(call: ApiCall): string {
  const calledAs = call.api.facts?.calledAs;
  return call.api.path[call.api.path.length - 1] ?? (typeof calledAs === 'string' ? calledAs : '');
}

const KDF_PATHS = new Set([
  'pbkdf2', 'pbkdf2Sync', 'pbkdf2Async', 'scrypt', 'scryptSync', 'scryptAsync', 'hkdf', 'hkdfSync', 'deriveBits', 'crypto_pwhash', 'crypto_kdf_derive_from_key',
  // HD wallets: a BIP-39 seed (PBKDF2 of the recovery phrase) and a SLIP-0010 child key (`derivePath(path, seed).key`).
  'mnemonicToSeed', 'mnemonicToSeedSync', 'derivePath',
]);
/**
 * KDFs that only derive keys from keys (HKDF, libsodium's `crypto_kdf_derive_from_key`): unlike PBKDF2 or
 * scrypt, nobody stores their output as a password hash, so it is a key whatever its binding is called
 * (`derived`, `material`) unless the code compares or encodes it, names it as something else, or feeds it
 * to an IV/salt/data argument.
 */
const KEY_ONLY_KDF_PATHS = new Set(['hkdf', 'hkdfSync', 'crypto_kdf_derive_from_key', 'mnemonicToSeed', 'mnemonicToSeedSync', 'derivePath']);
const ARRAY_BUFFER_PATHS = new Set(['hkdf', 'hkdfSync', 'deriveBits', 'exportKey']);
const KEYGEN_PATTERN = /^crypto_\w+_keygen$/;

function collect(ctx: ResolveContext): KeyBytes[] {
  const { sourceCode } = ctx;
  const calls = getApiCalls(sourceCode);
  // `importKey('spki', der, …)` takes a public key: the bytes handed to it are no secret to wipe.
  const keyArgs = keyArgumentNodes(calls.filter((call) => !importsPublicKey(ctx, call)));
  const found: KeyBytes[] = [];
  /**
   * `needsKeyUse`: 'strict' = a modelled call must use it as a key; 'named' = a key-like binding name is enough;
   * 'kdf' = a key-like name is enough unless the bytes are compared or encoded as a password hash is;
   * 'subkey' = an HKDF-family output: a key unless its uses or name say otherwise (KEY_ONLY_KDF_PATHS).
   */
  const add = (candidate: Omit<KeyBytes, 'scope'> | undefined, needsKeyUse: false | 'strict' | 'named' | 'kdf' | 'subkey' | 'unwrap') => {
    if (!candidate) return;
    const scope = enclosingFunction(candidate.id) ?? sourceCode.ast;
    const bytes: KeyBytes = { ...candidate, scope: candidate.definition.type.includes('Function') ? (candidate.definition as FunctionLike) : scope };
    if (found.some((f) => f.variable === bytes.variable && f.path.join('.') === bytes.path.join('.'))) return;
    // Inside a MurmurHash or an FNV, `key` is the data hashed: only a use as a key makes its bytes key material there.
    if (insideNonCryptographicHash(bytes.scope)) needsKeyUse = 'strict';
    const named =
      ((needsKeyUse === 'named' || (needsKeyUse === 'kdf' && !verifiedOrEncoded(sourceCode, bytes))) && isSecretName(bytes.id.name)) ||
      (needsKeyUse === 'unwrap' && isExplicitSecretName(bytes.id.name));
    const subkey = needsKeyUse === 'subkey' && isDerivedSubkey(ctx, bytes);
    if (needsKeyUse && !named && !subkey && !usedAsKey(sourceCode, bytes, keyArgs)) return;
    found.push(bytes);
  };

  for (const call of calls) {
    const name = apiName(call);
    const arrayBuffer = call.library.id === 'webcrypto' || call.library.id === 'node:crypto' ? ARRAY_BUFFER_PATHS.has(name) : false;
    const outputs = argsWithRole(call, 'output');
    const kind = outputs.length > 0 ? outputKind(call) : undefined;
    if (kind) {
      for (const output of outputs) {
        const target = unwrapExpression(output);
        if (target.type === 'Identifier') add(bindingOfIdentifier(sourceCode, target, call, kind.source), kind.needsKeyUse);
      }
    } else if (call.api.operation === 'random' && RANDOM_PATHS.has(name)) {
      add(resultBinding(sourceCode, call, 'random', [], false), 'named');
    } else if (call.api.operation === 'random' && FILLING_PATHS.has(name)) {
      add(resultBinding(sourceCode, call, 'random', [], false), 'named');
      const target = call.node.arguments[0];
      if (target && unwrapExpression(target).type === 'Identifier') add(filledBinding(ctx, unwrapExpression(target) as TSESTree.Identifier, call), 'named');
    } else if (call.api.operation === 'password-hash' && returnsRawBytes(ctx, call)) {
      // `argon2.hash(pw, { raw: true, salt })` returns the derived bytes themselves: a KDF output, not an encoded hash.
      add(resultBinding(sourceCode, call, 'kdf', [], false), 'kdf');
    } else if (call.api.operation === 'kdf' && KDF_PATHS.has(name)) {
      // A KDF output only stored or compared is a password hash, not a key: a use as a key, or a key's name
      // (`syncKey` handed to a worker or an imported helper) without the comparison or encoding of a hash.
      // A KDF whose result holds the key in a field (ed25519-hd-key's `derivePath(…)` returns `{ key, chainCode }`).
      const field = call.api.facts?.keyBytesField;
      add(resultBinding(sourceCode, call, 'kdf', typeof field === 'string' ? [field] : [], arrayBuffer), KEY_ONLY_KDF_PATHS.has(name) ? 'subkey' : 'kdf');
    } else if (typeof call.api.facts?.plaintextField === 'string') {
      const path = plaintextPath(call) ?? [];
      const sent = call.node.type === 'NewExpression' ? sendCallOf(sourceCode, call.node) : call.node;
      const producer: Producer = { source: 'kms-plaintext', producer: call.node, api: call, arrayBuffer: false };
      // AWS SDK v2 callback form: `kms.generateDataKey(params, (err, data) => …)`.
      const callback = sent === call.node ? callbackOf(call.node) : undefined;
      if (callback) add(callback.params[1]?.type === 'Identifier' ? paramBinding(sourceCode, callback.params[1], callback, producer, path) : undefined, false);
      else if (sent) add(bindingOf(sourceCode, sent, producer, path), false);
    } else if (call.api.operation === 'keygen' && (/keyPair$/.test(name) || /_keypair$/.test(name))) {
      add(resultBinding(sourceCode, call, 'keypair', [secretHalf(call)], false), false);
    } else if (call.api.operation === 'key-import' && (name === 'fromSecretKey' || name === 'fromSeed' || /_seed_keypair$/.test(name)) && call.api.facts?.secretKeyCopy !== true) {
      // (A key object whose `secretKey` is a fresh copy per read, @solana/web3.js's `Keypair`, holds no bytes to wipe.)
      add(resultBinding(sourceCode, call, 'keypair', [secretHalf(call)], false), false);
    } else if (call.api.operation === 'key-import' && (call.api.facts?.secretKeyBytes === true || typeof call.api.facts?.secretKeyField === 'string')) {
      // An Ed25519 secret key converted to its X25519 form (`crypto_sign_ed25519_sk_to_curve25519(sk)`,
      // `edwardsToMontgomeryPriv(sk)`, ed2curve): fresh bytes of the same secret, held where the result is bound.
      const field = call.api.facts?.secretKeyField;
      add(resultBinding(sourceCode, call, 'keypair', typeof field === 'string' ? [field] : [], false), false);
    } else if (call.api.operation === 'key-agreement' && (call.api.path.join('.') === 'box.before' || name === 'crypto_box_beforenm')) {
      add(resultBinding(sourceCode, call, 'shared-key', [], false), false);
    } else if (call.api.operation === 'key-agreement' && (call.library.id === 'node:crypto' || call.library.id === '@noble/curves' || call.library.id === '@noble/secp256k1')) {
      // `diffieHellman({ privateKey, publicKey })`, `ecdh.computeSecret(peer)`, noble's `x25519.getSharedSecret(priv, pub)`:
      // the shared secret is key bytes like `box.before`'s whatever is done with it (only hashed into a safety number,
      // only shown); the other agreement calls (`createECDH(curve)`) make objects, which count once a call uses them as a key.
      add(resultBinding(sourceCode, call, 'shared-key', [], false), SHARED_SECRET_PATHS.has(name) ? false : 'strict');
    } else if (typeof call.api.facts?.sessionKeys === 'string') {
      for (const half of call.api.facts.sessionKeys.split(',')) add(resultBinding(sourceCode, call, 'shared-key', [half], false), false);
    } else if (call.api.operation === 'keygen' && typeof call.api.facts?.keyBytesField === 'string') {
      // OpenPGP.js `generateSessionKey(…)`: the key's bytes are a field of the result (`sessionKey.data`).
      add(resultBinding(sourceCode, call, 'keygen', [call.api.facts.keyBytesField], false), false);
    } else if (call.api.operation === 'keygen' && (KEYGEN_PATTERN.test(name) || call.api.facts?.secretKeyBytes === true)) {
      add(resultBinding(sourceCode, call, 'keygen', [], false), false);
    } else if (call.api.operation === 'key-export' && isSecretExport(ctx, call)) {
      add(resultBinding(sourceCode, call, 'export', [], arrayBuffer), false);
    } else if (call.api.operation === 'decrypt' && !call.receiver) {
      // Decrypted bytes are data unless a modelled call then uses them as a key (a wrapped data key opened with RSA),
      // or the binding is named as one (`const privateKey = …decrypt(sealedKey)`, shown once as hex).
      // (An `unwrap` operation such as WebCrypto's unwrapKey gives a CryptoKey, which holds no bytes to wipe.)
      // Named as a data key or key-encryption key (`dek`, `dataKey`, `kek`), it is one even where this function only
      // re-wraps it under another key (a passphrase change) and never uses it as a key itself.
      add(resultBinding(sourceCode, call, 'unwrapped', [], call.library.id === 'webcrypto'), 'unwrap');
    }
    // `xchacha20poly1305(kek, nonce).decrypt(wrapped)`: the decrypt of a cipher object a modelled factory made (its
    // methods are not in the model) opens a wrapped key when a call then uses the output as a key, or when its
    // binding is named as one (`const dek = gcm(oldKek, nonce).decrypt(wrapped)`).
    const opened = call.api.operation === 'encrypt' && !call.receiver ? decryptMethodOn(call.node) : undefined;
    if (opened) add(bindingOf(sourceCode, opened, { source: 'unwrapped', producer: opened, api: call, arrayBuffer: false }, []), 'unwrap');
  }
  // `const dek = Buffer.concat([decipher.update(wrapped), decipher.final()])`: a node decipher's whole output, named as a
  // data key or KEK (or used as a key), holds an unwrapped key; so does each caller's binding of a local helper that
  // returns that output (`const dek = unwrapDek(kek, row)`), whose own scope hands the bytes over.
  // Decrypted secrets that are data (`const secret = Buffer.concat(…)`, an integration's API secret) are not keys.
  const addOpened = (candidate: Omit<KeyBytes, 'scope'> | undefined) => add(candidate, candidate && namesUnwrappedKey(candidate.id.name) ? false : 'strict');
  for (const output of decipherOutputs(calls)) {
    const producer: Producer = { source: 'unwrapped', producer: output.node, api: output.call, arrayBuffer: false };
    addOpened(bindingOf(sourceCode, output.node, producer, []));
    const helper = returnedBy(output.node);
    for (const site of helper ? localCallSites(sourceCode, helper.fn) : []) addOpened(bindingOf(sourceCode, site, { ...producer, producer: site }, []));
  }
  // `function deriveRecordKey(…) { return Buffer.from(hkdfSync(…)); }`: each caller's binding holds fresh key bytes.
  for (const call of calls) {
    const name = apiName(call);
    const source: KeyBytesSource | undefined =
      call.api.operation === 'kdf' && KDF_PATHS.has(name) ? 'kdf' : call.api.operation === 'random' && RANDOM_PATHS.has(name) ? 'random' : undefined;
    if (!source) continue;
    const record = storedInReturnedRecord(sourceCode, call.node);
    for (const site of record ? localCallSites(sourceCode, record.fn) : []) {
      for (const property of destructuredProperties(site, record!.property)) {
        add(bindingOf(sourceCode, site, { source, producer: site, api: call, arrayBuffer: false }, [property]), 'named');
      }
    }
    const helper = returnedBy(call.node) ?? promisedBy(sourceCode, call.node);
    if (!helper) continue;
    for (const site of localCallSites(sourceCode, helper.fn)) {
      // Named like a key, or used as one: a KDF output only stored or compared is a password hash.
      const arrayBuffer = !helper.view && ARRAY_BUFFER_PATHS.has(name) && (call.library.id === 'webcrypto' || call.library.id === 'node:crypto');
      add(bindingOf(sourceCode, site, { source, producer: site, api: call, arrayBuffer }, []), 'named');
    }
  }
  // HMAC as a KDF (`deviceKey = HMAC(fleetMaster, serial)`): the raw digest of a MAC call (`createHmac(…).update(…).digest()`,
  // no encoding) bound to a key's name and used as a key is fresh bytes of a derived key — where it is computed, or at each
  // call site of a local helper that returns it (`const deviceKey = deriveDeviceKey(serial)`). An HMAC output is a tag
  // unless the code says otherwise by both: one only sent, compared or encoded, or chained under names that do not say key
  // (SigV4's `kDate`, `kRegion`), is not counted.
  const addHmacKey = (candidate: Omit<KeyBytes, 'scope'> | undefined) => {
    if (candidate && isSecretName(candidate.id.name)) add(candidate, 'strict');
  };
  for (const call of calls) {
    if (call.api.operation !== 'mac') continue;
    const digest = rawDigestOf(call.node);
    if (!digest) continue;
    const producer: Producer = { source: 'kdf', producer: digest, api: call, arrayBuffer: false };
    addHmacKey(bindingOf(sourceCode, digest, producer, []));
    const helper = returnedBy(digest);
    for (const site of helper ? localCallSites(sourceCode, helper.fn) : []) addHmacKey(bindingOf(sourceCode, site, { ...producer, producer: site }, []));
  }
  // `const key = deriveFileKey(master, id)` with the helper in another module (`return Buffer.from(hkdfSync(…))`).
  for (const site of importedHelperCalls(sourceCode)) {
    const source = importedHelperReturnsKeyBytes(sourceCode, site);
    if (source) add(bindingOf(sourceCode, site, { source, producer: site, arrayBuffer: false }, []), 'named');
  }
  // `const key = randomBytes(32); … return { key, wrapped }` (the destructured `Plaintext` of a KMS call too):
  // the helper hands the bytes to each caller, whose `{ key }` (or `result.key`) holds them.
  for (const bytes of [...found]) {
    const member = bytes.path.length === 0 ? returnedAsProperty(sourceCode, bytes.id) : undefined;
    for (const site of member ? localCallSites(sourceCode, member.fn) : []) {
      add(bindingOf(sourceCode, site, { source: bytes.source, producer: site, api: bytes.api, arrayBuffer: bytes.arrayBuffer }, [member!.property]), 'named');
    }
    // `const { Plaintext } = await kms.send(…); if (!Plaintext) throw …; return Plaintext;`: returned as is.
    // `const [res] = await kms.decrypt(…); return res.plaintext;`: the same, read through the response.
    const helper = !member ? returnedAsIs(sourceCode, bytes.id, bytes.path) : undefined;
    for (const site of helper ? localCallSites(sourceCode, helper) : []) {
      add(bindingOf(sourceCode, site, { source: bytes.source, producer: site, api: bytes.api, arrayBuffer: bytes.arrayBuffer }, []), 'named');
    }
  }
  // `Buffer.from(secret, 'base64')`, `new TextEncoder().encode(secret)`: bytes of a secret (read once: the
  // decoding helpers below start from the same calls).
  const decodings = [...bufferFromCalls(ctx), ...textEncodeCalls(ctx), ...byteDecoderCalls(ctx, calls)];
  // `const b64 = (s) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0))` called with a secret: each caller's
  // binding holds the decoded secret, as if `Buffer.from(secret, 'base64')` were written there.
  const decoders = [...decodingHelpers(ctx, decodings), ...pushedByteDecoders(sourceCode)];
  for (const { fn, index } of decoders) {
    for (const site of localCallSites(sourceCode, fn)) {
      const arg = site.arguments[index];
      if (!arg) continue;
      const candidate = bindingOf(sourceCode, site, { source: 'buffer-from', producer: site, arrayBuffer: false }, []);
      // As for `Buffer.from(text, 'base64')` below: text not named as a secret (`exportKeyB64`, a parameter the caller
      // fills) decodes into key bytes when the binding is named as a key or used as one.
      if (candidate) add(candidate, secretLikeExpression(arg) && !isNotSecretName(candidate.id.name) ? false : 'named');
    }
  }
  // `const key = resolveKey(opts)` where every return of `resolveKey` hands on a decoding helper's result (`return
  // loadKey(process.env.KEY)`, `return loadKey(readFileSync(file, 'utf8'))`): the caller holds the freshly decoded bytes.
  for (const fn of forwardersOf(sourceCode, decoders.map((d) => d.fn))) {
    for (const site of localCallSites(sourceCode, fn)) add(bindingOf(sourceCode, site, { source: 'buffer-from', producer: site, arrayBuffer: false }, []), 'named');
  }
  for (const node of [...keyObjectExports(sourceCode), ...privateKeyDerExports(ctx)]) {
    add(bindingOf(sourceCode, node, { source: 'export', producer: node, arrayBuffer: false }, []), false);
  }
  for (const node of decodings) {
    const candidate = bindingOf(sourceCode, node, { source: 'buffer-from', producer: node, arrayBuffer: false }, []);
    if (!candidate || onlyDecipherInput(sourceCode, candidate.variable) || onlySaltInput(sourceCode, candidate.variable) || onlyParsedAsCertificateData(candidate.variable)) continue;
    if (servesAsIv(sourceCode, candidate.variable, keyArgs)) continue;
    const arg = node.arguments[0];
    if (arg && decodesCertificate(sourceCode, arg)) continue;
    // `const wrapped = Buffer.from(sealed.key, 'base64')`: a binding named as ciphertext holds a wrapped key
    // unless it is then used as one; so does `const key = Buffer.from(encryptedKey.textContent, 'base64')`, named
    // as a key but decoded from what its source calls encrypted.
    add(candidate, secretLikeExpression(arg) && !isNotSecretName(candidate.id.name) ? false : decodesNonSecretSource(arg) ? 'strict' : 'named');
  }
  // `const key = Buffer.from(Plaintext!); await redis.set(id, key, 'EX', ttl); return key;` in a local helper: the copy of
  // key bytes goes to each caller, whose binding holds them once it uses them as a key (79, for a copy as for the original).
  for (const bytes of [...found]) {
    if (bytes.source !== 'buffer-from' || !copiesFoundKey(sourceCode, bytes, found)) continue;
    const helper = returnedAsIs(sourceCode, bytes.id);
    for (const site of helper ? localCallSites(sourceCode, helper) : []) {
      add(bindingOf(sourceCode, site, { source: 'buffer-from', producer: site, arrayBuffer: false }, []), 'strict');
    }
  }
  // `const volumeKey = await readFile(keyPath)`: raw bytes of a key file, once a cipher, a MAC or a KDF takes them as
  // its key (a PEM read for `createPrivateKey` becomes a KeyObject and is not counted).
  const fileReads = keyFileReads(ctx);
  if (fileReads.length > 0) {
    const symmetricKeyArgs = keyArgumentNodes(calls.filter((call) => SYMMETRIC_KEY_OPERATIONS.has(call.api.operation) && call.api.facts?.asymmetric !== true));
    for (const node of fileReads) {
      const candidate = bindingOf(sourceCode, node, { source: 'file', producer: node, arrayBuffer: false }, []);
      if (candidate && usedAsKey(sourceCode, { ...candidate, scope: sourceCode.ast }, symmetricKeyArgs)) add(candidate, false);
    }
  }
  // `kms.decrypt(params, (err, data) => { const dataKey = data.Plaintext; … })`: when the response is read for
  // its key only through one alias, that alias is the binding that holds the key bytes (reported there).
  for (const [index, bytes] of found.entries()) {
    const alias = bytes.path.length > 0 ? soleAliasOf(sourceCode, bytes) : undefined;
    if (alias) found[index] = alias;
  }
  // `const aesBytes = bits.slice(0, 32)` of a Uint8Array is a copy (of a Buffer, a view): key bytes of its own once used as a key.
  // So are `Buffer.concat([key])` and `structuredClone(key)`, whatever the original.
  for (const bytes of [...found]) {
    if (bytes.path.length > 0) continue;
    const typedArray = holdsTypedArray(bytes);
    for (const ref of keyReferences(sourceCode, bytes).bytes) {
      const member = ref.parent;
      const slice = typedArray && member?.type === 'MemberExpression' && member.object === ref && memberName(member) === 'slice' && member.parent?.type === 'CallExpression' && member.parent.callee === member ? member.parent : undefined;
      const digest = slice ?? copyingCallOf(ref, !bytes.arrayBuffer) ?? digestBytesOf(sourceCode, ref) ?? localDigestCallOf(sourceCode, ref);
      // `createHash('sha256').update(shared).digest().subarray(0, 16)`: the bound view is the digest's memory.
      const copy = digest && (leadingViewOf(digest) ?? digest);
      const declarator = copy?.parent;
      if (!copy || declarator?.type !== 'VariableDeclarator' || declarator.init !== copy || declarator.id.type !== 'Identifier') continue;
      const variable = variableOf(sourceCode, declarator.id);
      // A blob made only of keys (`Buffer.concat([encKey, macKey])`, wrapped together) holds keys whatever it is used for.
      const blob = isKeyBlob(sourceCode, copy, found);
      if (variable) add({ source: bytes.source, producer: copy, api: bytes.api, arrayBuffer: false, variable, path: [], id: declarator.id, definition: declarator }, blob ? false : 'strict');
    }
  }
  return found;
}

/**
 * `const blob = Buffer.from(profile.secrets, 'base64')` only cut into the IV, tag and body that a decipher reads:
 * the secrets' ciphertext, not their bytes, whatever the field is called.
 */
function onlyDecipherInput(sourceCode: SourceCode, variable: TSESLint.Scope.Variable): boolean {
  const reads = variable.references.filter((ref) => ref.isRead());
  return reads.length > 0 && reads.every((ref) => isDecipherInput(sourceCode, viewRootOf(ref.identifier as TSESTree.Node)));
}

/**
 * Bytes given as a cipher's IV and never as a key (`const cipherIV = Buffer.from(dekInfo, 'hex')`, also mixed into the
 * legacy PEM key derivation as its salt): an IV is public, stored beside the ciphertext, so the bytes are no
 * secret's copy whatever digest they also feed. Bytes that are a key and also an IV (`key.subarray(0, 16)` as the IV)
 * are found by their key use.
 */
function servesAsIv(sourceCode: SourceCode, variable: TSESLint.Scope.Variable, keyArgs: ReadonlySet<TSESTree.Node>): boolean {
  const reads = variable.references.filter((ref) => ref.isRead()).map((ref) => ref.identifier as TSESTree.Node);
  if (reads.some((read) => keyArgs.has(read))) return false;
  return reads.some((read) => callsTakingArgument(sourceCode, read).some((call) => argsWithRole(call, 'iv').includes(read)));
}

/**
 * Bytes only ever given as a KDF's salt (decision 17: salts are not key bytes), directly (`hkdfSync(d, ikm, authSecret, …)`)
 * or through a local helper's parameter that is itself only a salt (`hkdf(authSecret, shared, info, 32)` with
 * `function hkdf(salt, ikm, …) { return Buffer.from(hkdfSync('sha256', ikm, salt, info, n)); }`): RFC 8291's Web Push
 * authentication secret, a per-subscription value the server stores with the subscription.
 */
function onlySaltInput(sourceCode: SourceCode, variable: TSESLint.Scope.Variable, depth = 0): boolean {
  const reads = variable.references.filter((ref) => ref.isRead());
  return reads.length > 0 && reads.every((ref) => isSaltArgument(sourceCode, ref.identifier as TSESTree.Node, depth));
}

function isSaltArgument(sourceCode: SourceCode, node: TSESTree.Node, depth: number): boolean {
  const calls = callsTakingArgument(sourceCode, node);
  if (calls.length > 0) return calls.every((call) => call.args.some((arg) => arg.node === node && arg.role === 'salt') && call.args.every((arg) => arg.node !== node || arg.role === 'salt'));
  const call = node.parent;
  if (depth > 1 || call?.type !== 'CallExpression' || call.callee === node) return false;
  const fn = localFunctionOf(sourceCode, call.callee);
  const param = fn?.params[call.arguments.indexOf(node as TSESTree.CallExpressionArgument)];
  const parameter = param?.type === 'Identifier' ? variableOf(sourceCode, param) : undefined;
  return !!parameter && onlySaltInput(sourceCode, parameter, depth + 1);
}

/** Names of non-cryptographic hash functions (MurmurHash3, FNV-1a, xxHash, CRC-32, djb2…). */
const NON_CRYPTOGRAPHIC_HASH = /murmur|fnv|xxhash|xxh(?:32|64|3)|crc(?:16|32|64)?(?![a-z])|adler|djb2|cityhash|farmhash|superfasthash/i;

/**
 * In `function MurmurHashV3(key, seed) { if (typeof key === 'string') key = encode(key); … }` the `key` is the data
 * being hashed, as hash-table literature calls it (a feature flag's bucketing key), not key material: its name alone
 * does not make its bytes a secret's copy. Used as a cipher's or MAC's key, it is still found by that use.
 */
function insideNonCryptographicHash(scope: TSESTree.Node): boolean {
  return isFunction(scope) && NON_CRYPTOGRAPHIC_HASH.test(functionName(scope) ?? '');
}

/** Methods of ASN.1 libraries that parse DER bytes into a structure: asn1.js `decode`, PKI.js `fromBER`. */
const STRUCTURE_PARSERS: ReadonlySet<string> = new Set(['decode', 'fromBER', 'fromDER', 'fromDer', 'fromBer']);

/**
 * Bytes only ever parsed as a certificate's structure (`rfc2560.CertID.decode(buff, 'der')`, `Certificate.fromBER(der)`):
 * an OCSP request's certificate id or a certificate, public data, whatever the base64 text was called (`base64Key`
 * for a cache key). A `PrivateKeyInfo.decode(…)` is no certificate structure and still counts.
 */
function onlyParsedAsCertificateData(variable: TSESLint.Scope.Variable): boolean {
  const reads = variable.references.filter((ref) => ref.isRead());
  return (
    reads.length > 0 &&
    reads.every((ref) => {
      const call = ref.identifier.parent;
      if (call?.type !== 'CallExpression' || call.arguments[0] !== ref.identifier || call.callee.type !== 'MemberExpression') return false;
      const parser = call.callee;
      const structure = parser.object.type === 'MemberExpression' ? memberName(parser.object) : parser.object.type === 'Identifier' ? parser.object.name : undefined;
      return STRUCTURE_PARSERS.has(memberName(parser) ?? '') && structure !== undefined && namesCertificate(words(structure));
    })
  );
}

/** Methods that return a view of a Buffer's or typed array's memory (Node's Buffer `slice` is a view, like `subarray`). */
const VIEW_METHODS = /^(?:subarray|slice)$/;

/** `x.subarray(a, b)` / `x.slice(a)` around `x`, outermost first: the part of the buffer a call receives. */
function viewRootOf(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    const member = current.parent;
    const call = member?.parent;
    const isView = member?.type === 'MemberExpression' && member.object === current && VIEW_METHODS.test(memberName(member) ?? '');
    if (!isView || call?.type !== 'CallExpression' || call.callee !== member) return current;
    current = call;
  }
}

/** A non-key argument (data, IV, tag) of a decipher's chain: `createDecipheriv(alg, key, iv)`, `.setAuthTag(tag)`, `.update(body)`. */
function isDecipherInput(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  return callsTakingArgument(sourceCode, node).some(
    (call) => chainRoot(call).api.operation === 'decrypt' && call.args.some((arg) => arg.node === node && !KEY_INPUT_ROLES.has(arg.role)),
  );
}

const KEY_INPUT_ROLES: ReadonlySet<string> = new Set(['key', 'secret', 'passphrase', 'key-or-public']);

/** Operations whose key is a raw symmetric key (or KDF input), as opposed to imports of PEM/DER key pairs. */
const SYMMETRIC_KEY_OPERATIONS: ReadonlySet<string> = new Set(['encrypt', 'decrypt', 'mac', 'mac-verify', 'wrap', 'unwrap', 'kdf']);

/**
 * `readFileSync(path)`, `await readFile(path)` (promises API) without an encoding: the file's bytes as a Buffer.
 * With an encoding (`'utf8'`) the result is a string, which cannot be wiped (and is not raw key bytes).
 */
function keyFileReads(ctx: ResolveContext): TSESTree.CallExpression[] {
  const { sourceCode } = ctx;
  if (!sourceCode.text.includes('readFile')) return [];
  const reads: TSESTree.CallExpression[] = [];
  for (const node of programNodes(sourceCode.ast)) {
    if (node.type !== 'CallExpression' || node.arguments.length === 0 || node.arguments.length > 2) continue;
    const resolved = resolveImportPath(sourceCode, node.callee);
    if (resolved?.module === undefined || !FS_MODULES.has(resolved.module)) continue;
    const path = resolved.path.join('.');
    const promises = resolved.module.endsWith('promises') || resolved.module === 'fs-extra' ? path === 'readFile' : path === 'promises.readFile';
    if (path !== 'readFileSync' && !promises) continue;
    const options = node.arguments[1];
    if (options && (options.type !== 'ObjectExpression' || options.properties.some((p) => p.type !== 'Property' || propertyName(p.key) === 'encoding'))) continue;
    reads.push(node);
  }
  return reads;
}

/** `Buffer.concat([a, b])` whose elements are all bindings of key bytes found in this file (two or more). */
function isKeyBlob(sourceCode: SourceCode, copy: TSESTree.Node, found: readonly KeyBytes[]): boolean {
  if (copy.type !== 'CallExpression' || copy.callee.type !== 'MemberExpression' || memberName(copy.callee) !== 'concat') return false;
  const list = copy.arguments[0];
  if (list?.type !== 'ArrayExpression' || list.elements.length < 2) return false;
  return list.elements.every((element) => {
    if (element?.type !== 'Identifier') return false;
    const variable = variableOf(sourceCode, element);
    return found.some((bytes) => bytes.variable === variable && bytes.path.length === 0);
  });
}

/**
 * `Buffer.concat([key])`, `Buffer.concat([key, other])`, `structuredClone(key)`: a new buffer holding the key's bytes.
 * With `typedCopies` (the key is a Buffer/Uint8Array, not an ArrayBuffer, of which they are views),
 * `new Uint8Array(key)` and `Uint8Array.from(key)` too.
 */
function copyingCallOf(key: TSESTree.Node, typedCopies: boolean): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  // A `subarray` view is the key's own bytes: what copies the view copies the key.
  const ref = subarrayViewOf(key) ?? key;
  const spreadCopy = spreadCopyOf(ref);
  if (spreadCopy) return spreadCopy;
  const parent = ref.parent;
  if (parent?.type === 'CallExpression' && parent.arguments[0] === ref && parent.callee.type === 'Identifier' && parent.callee.name === 'structuredClone') return parent;
  if (typedCopies && (parent?.type === 'NewExpression' || parent?.type === 'CallExpression') && parent.arguments[0] === ref && parent.arguments.length === 1) {
    const callee = parent.callee;
    if (parent.type === 'NewExpression' && callee.type === 'Identifier' && callee.name === 'Uint8Array') return parent;
    if (isStaticCall(parent, 'Uint8Array', 'from')) return parent;
    // `Buffer.copyBytesFrom(key)` (Node 19.8+) copies the view's bytes into a new Buffer.
    if (isStaticCall(parent, 'Buffer', 'copyBytesFrom')) return parent;
  }
  const call = parent?.type === 'ArrayExpression' ? parent.parent : undefined;
  if (call?.type !== 'CallExpression' || call.arguments[0] !== parent) return undefined;
  const callee = call.callee;
  return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Buffer' && memberName(callee) === 'concat' ? call : undefined;
}

/**
 * `sha256(shared.subarray(1))` (noble), `createHash('sha256').update(secret).digest()`: the digest's bytes of a key,
 * the same secret in another buffer (decision 20). Bound and used as a key (an ECIES AES key), they are key bytes of
 * their own, like a copy; a fingerprint only compared or printed is not.
 */
function digestBytesOf(sourceCode: SourceCode, key: TSESTree.Node): TSESTree.CallExpression | undefined {
  const ref = subarrayViewOf(key) ?? key;
  const call = ref.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(ref as TSESTree.CallExpressionArgument)) return undefined;
  const api = apiCallAt(sourceCode, call);
  if (!api?.args.some((a) => a.role === 'data' && a.node === ref)) return undefined;
  return digestOfHash(api, call);
}

/**
 * `concatKdf(shared, 16)` with a local helper whose returned expression is the digest of that parameter (ISO 15118's and
 * ECIES's ConcatKDF, a one-pass SHA-256 of counter, secret and other info, possibly cut to the key's length): the
 * caller's result holds the digest bytes of the key, like `createHash(…).update(shared).digest()` written in place.
 */
function localDigestCallOf(sourceCode: SourceCode, key: TSESTree.Node): TSESTree.CallExpression | undefined {
  const call = key.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(key as TSESTree.CallExpressionArgument)) return undefined;
  const fn = localFunctionOf(sourceCode, call.callee);
  const returned = fn ? returnedExpressions(fn) : undefined;
  if (!fn || !returned || returned.length !== 1) return undefined;
  const param = [...parameterBindings(fn, call)].find(([, arg]) => arg === key)?.[0];
  const variable = param ? sourceCode.scopeManager?.getDeclaredVariables(fn).find((v) => v.name === param.name) : undefined;
  const result = unwrapExpression(returned[0]);
  return variable?.references.some((ref) => {
    const digest = digestBytesOf(sourceCode, ref.identifier as TSESTree.Node);
    return digest !== undefined && (digest === result || leadingViewOf(digest) === result);
  })
    ? call
    : undefined;
}

/** `bytes.subarray(a, b)` (or a Buffer's `slice`) taken directly of `bytes`: the call, else undefined. */
function leadingViewOf(bytes: TSESTree.Node): TSESTree.CallExpression | undefined {
  const member = bytes.parent;
  if (member?.type !== 'MemberExpression' || member.object !== bytes || !VIEW_METHODS.test(memberName(member) ?? '')) return undefined;
  const call = member.parent;
  return call?.type === 'CallExpression' && call.callee === member ? call : undefined;
}

/** The expression holding the digest bytes of a modelled hash call: the call itself for one-shot hashes, else its raw `.digest()`. */
function digestOfHash<C extends TSESTree.CallExpression | TSESTree.NewExpression>(api: ApiCall | undefined, call: C): C | TSESTree.CallExpression | undefined {
  if (api?.api.operation !== 'hash') return undefined;
  return api.api.facts?.digestBytes === true ? call : rawDigestOf(call);
}

/** Byte-array constructors whose `from`/`of` make a copy of what they are given. */
export const TYPED_ARRAY_NAMES = /^(?:Uint8Array|Int8Array|Uint8ClampedArray)$/;

/** `key.subarray(a, b)` around `ref`: a view sharing the key's memory. */
function subarrayViewOf(ref: TSESTree.Node): TSESTree.CallExpression | undefined {
  const member = ref.parent;
  if (member?.type !== 'MemberExpression' || member.object !== ref || memberName(member) !== 'subarray') return undefined;
  return member.parent?.type === 'CallExpression' && member.parent.callee === member ? member.parent : undefined;
}

/**
 * Spreading the key's bytes into a new typed array copies them: `Uint8Array.of(...key)`,
 * `new Uint8Array([...key])`, `Uint8Array.from([...key])`, `Buffer.from([...key])`.
 */
function spreadCopyOf(ref: TSESTree.Node): TSESTree.CallExpression | TSESTree.NewExpression | undefined {
  const spread = ref.parent;
  if (spread?.type !== 'SpreadElement' || spread.argument !== ref) return undefined;
  const isTypedArrayName = (node: TSESTree.Node): boolean => node.type === 'Identifier' && (TYPED_ARRAY_NAMES.test(node.name) || node.name === 'Buffer');
  const outer = spread.parent;
  // `Uint8Array.of(...key)`
  if (outer?.type === 'CallExpression' && outer.callee.type === 'MemberExpression' && isTypedArrayName(outer.callee.object) && memberName(outer.callee) === 'of') return outer;
  if (outer?.type !== 'ArrayExpression') return undefined;
  const maker = outer.parent;
  if ((maker?.type !== 'NewExpression' && maker?.type !== 'CallExpression') || maker.arguments[0] !== outer) return undefined;
  const callee = maker.callee;
  if (maker.type === 'NewExpression') return isTypedArrayName(callee) && callee.type === 'Identifier' && callee.name !== 'Buffer' ? maker : undefined;
  return callee.type === 'MemberExpression' && isTypedArrayName(callee.object) && memberName(callee) === 'from' ? maker : undefined;
}

/**
 * The one `const alias = holder.<path>` through which a response holding key bytes is read for them,
 * when every read of `holder.<path>` is that declaration (the response's other fields may be read).
 */
function soleAliasOf(sourceCode: SourceCode, bytes: KeyBytes): KeyBytes | undefined {
  const reads = memberReads(bytes.variable, bytes.path);
  if (reads.length !== 1) return undefined;
  const read = climbTypeWrappers(reads[0]);
  const declarator = read.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== read || declarator.id.type !== 'Identifier') return undefined;
  if (enclosingFunction(declarator) !== bytes.scope) return undefined; // the same function's binding, not a closure's
  const variable = variableOf(sourceCode, declarator.id);
  if (!variable || variable.defs.length !== 1) return undefined;
  return { ...bytes, variable, path: [], id: declarator.id, definition: declarator };
}

/** Libraries whose key bytes are plain `Uint8Array`s (not Node Buffers, whose `slice` is a view). */
const TYPED_ARRAY_LIBRARIES = new Set(['webcrypto', 'tweetnacl', 'libsodium']);

/** Is the binding a plain Uint8Array: from WebCrypto/nacl/sodium, or written `new Uint8Array(…)`? */
function holdsTypedArray(bytes: KeyBytes): boolean {
  if (bytes.arrayBuffer) return false;
  const def = bytes.definition;
  const init = def.type === 'VariableDeclarator' && def.init ? unwrapExpression(def.init) : undefined;
  if (init?.type === 'NewExpression' && init.callee.type === 'Identifier' && init.callee.name === 'Uint8Array') return true;
  return bytes.api !== undefined && TYPED_ARRAY_LIBRARIES.has(bytes.api.library.id);
}

/**
 * The function that returns this call's value unchanged (or as a `Buffer.from`/`Uint8Array` view):
 * `return Buffer.from(hkdfSync(…))`, `() => randomBytes(32)`; an async helper when it returns awaited bytes.
 */
function returnedBy(node: TSESTree.Node): { fn: FunctionNode; view: boolean } | undefined {
  // `return Buffer.from(await hkdfAsync(…))` in an async helper: its callers await the bytes.
  const { value, view } = climbByteViews(node, { throughAwait: true });
  const parent = value.parent;
  let fn: TSESTree.Node | undefined;
  if (parent?.type === 'ReturnStatement') fn = enclosingFunction(parent);
  else if (parent?.type === 'ArrowFunctionExpression' && parent.body === value) fn = parent;
  if (!fn || !isFunction(fn) || fn.generator) return undefined;
  return { fn, view };
}

/**
 * From key bytes up through what keeps them the same bytes: byte views (`Buffer.from(x)`, `new Uint8Array(x)`),
 * TS assertions and, with `throughAwait`, one `await`. The outermost such expression, and whether a view was crossed.
 */
function climbByteViews(node: TSESTree.Node, { throughAwait }: { throughAwait: boolean }): { value: TSESTree.Node; view: boolean } {
  let value: TSESTree.Node = node;
  let view = false;
  let awaited = !throughAwait;
  for (let i = 0; i < 5 && value.parent; i++) {
    const parent: TSESTree.Node = value.parent;
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments[0] === value && isByteView(parent)) {
      value = parent;
      view = true;
    } else if (parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression') {
      value = parent;
    } else if (parent.type === 'AwaitExpression' && !awaited) {
      value = parent;
      awaited = true;
    } else break;
  }
  return { value, view };
}

/**
 * A helper that builds an object of keys and returns it: `out[label] = Buffer.from(hkdfSync(…))` in a loop (or
 * `out.enc = …`), then `return out`. The helper and the property the bytes are stored under (undefined for a
 * computed one: every property of the object is such a key).
 */
function storedInReturnedRecord(sourceCode: SourceCode, node: TSESTree.Node): { fn: FunctionNode; property: string | undefined } | undefined {
  const { value } = climbByteViews(node, { throughAwait: false });
  const assignment = value.parent;
  if (assignment?.type !== 'AssignmentExpression' || assignment.operator !== '=' || assignment.right !== value || assignment.left.type !== 'MemberExpression') return undefined;
  const target = assignment.left.object;
  const fn = enclosingFunction(assignment);
  const variable = target.type === 'Identifier' ? variableOf(sourceCode, target) : undefined;
  const declarator = variable?.defs.length === 1 ? variable.defs[0].node : undefined;
  if (!fn || !isFunction(fn) || fn.async || fn.generator || declarator?.type !== 'VariableDeclarator' || enclosingFunction(declarator) !== fn) return undefined;
  const init = declarator.init && unwrapExpression(declarator.init);
  if (init?.type !== 'ObjectExpression' || init.properties.length > 0) return undefined;
  const reads = variable!.references.map((ref) => climbWrappers(ref.identifier as TSESTree.Node));
  if (!reads.some((read) => read.parent?.type === 'ReturnStatement' && enclosingFunction(read.parent) === fn)) return undefined;
  // Kept as well (`cache.set(tenant, out)`, `this.keys = out`): the callers share the keys and must not wipe them (decision 41).
  if (reads.some(isKeptElsewhere)) return undefined;
  return { fn, property: assignment.left.computed ? undefined : (propertyName(assignment.left.property) ?? undefined) };
}

/** The properties a call's result is destructured into (`const { enc, mac } = derive(…)`), or only `property` when given. */
function destructuredProperties(site: TSESTree.CallExpression, property: string | undefined): string[] {
  const declarator = unwrapToDeclarator(site);
  if (declarator?.id.type !== 'ObjectPattern') return [];
  const names = declarator.id.properties.flatMap((p) => (p.type === 'Property' && !p.computed ? [propertyName(p.key)] : [])).filter((n): n is string => n !== undefined);
  return property === undefined ? names : names.filter((n) => n === property);
}

function unwrapToDeclarator(site: TSESTree.Node): TSESTree.VariableDeclarator | undefined {
  const node = climbTypeWrappers(site);
  return node.parent?.type === 'VariableDeclarator' && node.parent.init === node ? node.parent : undefined;
}

/**
 * A helper whose binding of key bytes (`const key = randomBytes(32)`, `const { Plaintext } = await kms.send(…)`)
 * is returned as a property of an object literal (`return { key, wrapped }`, `return { plaintext: Plaintext! }`):
 * the helper and the property its callers read the key from. Not generators (their callers iterate).
 */
function returnedAsProperty(sourceCode: SourceCode, id: TSESTree.Identifier): { fn: FunctionNode; property: string } | undefined {
  const fn = enclosingFunction(id);
  if (!fn || !isFunction(fn) || fn.generator) return undefined;
  for (const ref of variableOf(sourceCode, id)?.references ?? []) {
    const value = climbWrappers(ref.identifier as TSESTree.Node);
    const property = value.parent;
    if (property?.type !== 'Property' || property.value !== value || property.computed) continue;
    const object = property.parent;
    const returned = object?.parent?.type === 'ReturnStatement' || (object?.parent?.type === 'ArrowFunctionExpression' && object.parent.body === object);
    const name = propertyName(property.key);
    if (returned && name !== undefined && enclosingFunction(object!) === fn) return { fn, property: name };
  }
  return undefined;
}

/**
 * A helper (sync or `async`) that returns its binding of key bytes itself (`return Plaintext!`): each caller's binding
 * holds the bytes. Not when the helper also keeps them (`cache.set(id, key)`, `this.key = key`, `{ key }`): a caller
 * then shares bytes it must not wipe (decision 41). Not generators (their callers iterate).
 */
function returnedAsIs(sourceCode: SourceCode, id: TSESTree.Identifier, path: readonly string[] = []): FunctionNode | undefined {
  const fn = enclosingFunction(id);
  if (!fn || !isFunction(fn) || fn.generator) return undefined;
  let returned = false;
  for (const ref of variableOf(sourceCode, id)?.references ?? []) {
    if (ref.isWriteOnly()) continue; // the binding itself (`const { Plaintext } = …`)
    const read = memberPathRead(ref.identifier as TSESTree.Node, path);
    if (!read) continue; // another field of the response (`res.keyVersion`)
    const value = climbWrappers(memoryViewOf(climbWrappers(read)) ?? read);
    const parent = value.parent;
    const isReturn = parent?.type === 'ReturnStatement' || (parent?.type === 'ArrowFunctionExpression' && parent.body === value);
    if (isReturn && enclosingFunction(value) === fn) returned = true;
    else if (isKeptElsewhere(value)) return undefined;
  }
  return returned ? fn : undefined;
}

/** `res` read as `res.plaintext` for the path `['plaintext']`: the member expression that reads the path, if it does. */
function memberPathRead(node: TSESTree.Node, path: readonly string[]): TSESTree.Node | undefined {
  let value = node;
  for (const segment of path) {
    const parent = climbWrappers(value).parent;
    if (parent?.type !== 'MemberExpression' || parent.object !== climbWrappers(value) || memberName(parent) !== segment) return undefined;
    value = parent;
  }
  return value;
}

/**
 * `const key = Buffer.from(Plaintext!)` where `Plaintext` is key bytes found before: a copy of a key (its producer's
 * first argument reads a found binding's variable).
 */
function copiesFoundKey(sourceCode: SourceCode, bytes: KeyBytes, found: readonly KeyBytes[]): boolean {
  const producer = bytes.producer;
  if (producer.type !== 'CallExpression' && producer.type !== 'NewExpression') return false;
  const arg = producer.arguments[0] ? unwrapExpression(producer.arguments[0]) : undefined;
  if (arg?.type !== 'Identifier') return false;
  const variable = variableOf(sourceCode, arg);
  return variable !== undefined && found.some((f) => f !== bytes && f.variable === variable && f.path.length === 0);
}

/**
 * A name that says the bytes are a key that was wrapped: a data key or KEK (`dek`, `tenantDek`, `oldKek`) or a key
 * named as cryptographic (`dataKey`, `masterKey`), not a secret of the application (`secret`, `apiSecret`).
 */
function namesUnwrappedKey(name: string): boolean {
  const parts = words(name);
  if (parts.includes('dek') || parts.includes('kek') || parts.includes('deks') || parts.includes('keks')) return isSecretName(name);
  const last = parts[parts.length - 1];
  return ((last === 'key' || last === 'keys') && isExplicitSecretName(name)) || namesKeyShare(name);
}

const KEEPING_METHODS = new Set(['set', 'push', 'add', 'unshift']);

/** A value stored where it outlives the call: assigned, put in an object or array, or handed to a collection's `set`/`push`. */
function isKeptElsewhere(value: TSESTree.Node): boolean {
  const parent = value.parent;
  if (!parent) return false;
  if (parent.type === 'AssignmentExpression') return parent.right === value;
  if (parent.type === 'Property') return parent.value === value;
  if (parent.type === 'ArrayExpression') return true;
  if (parent.type !== 'CallExpression' || !parent.arguments.includes(value as TSESTree.Expression) || parent.callee.type !== 'MemberExpression') return false;
  const method = memberName(parent.callee) ?? '';
  // A `set` with more than a key and a value is no Map's or WeakMap's: Redis `set(key, value, 'EX', ttl)` writes a copy
  // to another process, and the bytes here are still the caller's.
  if (method === 'set' && parent.arguments.length > 2) return false;
  return KEEPING_METHODS.has(method);
}

/**
 * A hand-written promise wrapper: `function scryptAsync(…) { return new Promise((resolve, reject) =>
 * scrypt(…, (err, key) => (err ? reject(err) : resolve(key)))); }` — its callers await the key.
 */
function promisedBy(sourceCode: SourceCode, node: TSESTree.CallExpression | TSESTree.NewExpression): { fn: FunctionNode; view: boolean } | undefined {
  const callback = callbackOf(node);
  const keyParam = callback?.params[1];
  const executor = enclosingFunction(node);
  if (keyParam?.type !== 'Identifier' || !executor || executor.type === 'Program' || !isPromiseExecutor(executor)) return undefined;
  const resolve = executor.params[0];
  const resolveVariable = resolve?.type === 'Identifier' ? variableOf(sourceCode, resolve) : undefined;
  const resolved = (variableOf(sourceCode, keyParam)?.references ?? []).some((ref) => {
    const call = (ref.identifier as TSESTree.Node).parent;
    return call?.type === 'CallExpression' && call.arguments[0] === ref.identifier && call.callee.type === 'Identifier' && !!resolveVariable && variableOf(sourceCode, call.callee) === resolveVariable;
  });
  return resolved ? returnedBy(executor.parent as TSESTree.NewExpression) : undefined;
}

/**
 * Local functions that return their parameter decoded into bytes: `Buffer.from(p, 'base64')`,
 * `new TextEncoder().encode(p)`, `Uint8Array.from(atob(p), …)`, a modelled decoder (`sodium.from_base64(p)`).
 * `decodings`: the file's `Buffer.from`/`TextEncoder` calls of non-constants (bufferFromCalls, textEncodeCalls).
 */
function* decodingHelpers(ctx: ResolveContext, decodings: readonly TSESTree.CallExpression[]): Generator<{ fn: FunctionNode; index: number }> {
  const decoded: TSESTree.Node[] = decodings.map((node) => node.arguments[0]);
  for (const call of getApiCalls(ctx.sourceCode)) {
    if (call.api.operation !== 'encode' || !call.node.arguments[0]) continue;
    const inner = call.node.arguments[0];
    // `atob(p)` inside `Uint8Array.from(atob(p), …)`, or a library decoder of `p`
    if (call.library.id === 'text-encoding') {
      const from = call.node.parent;
      if (isStaticCall(from, 'Uint8Array', 'from') && from.arguments[0] === call.node) decoded.push(inner);
    } else decoded.push(inner);
  }
  for (const arg of decoded) {
    const param = unwrapExpression(arg);
    const variable = param.type === 'Identifier' ? variableOf(ctx.sourceCode, param) : undefined;
    const def = variable?.defs[0];
    if (def?.type !== 'Parameter' || !isFunction(def.node)) continue;
    const fn = def.node as FunctionNode;
    const index = fn.params.findIndex((p) => p.type === 'Identifier' && p.name === variable!.name);
    // the decoded value is what the function returns (directly, or as `Uint8Array.from(atob(p), …)`)
    let value: TSESTree.Node = param;
    while (value.parent && value.parent !== fn && value.parent.type !== 'ReturnStatement' && !(value.parent.type === 'ArrowFunctionExpression' && value.parent.body === value)) {
      const parent: TSESTree.Node = value.parent;
      // up through the decoder (and `Uint8Array.from(…)` around it) as first argument, not a method of its result
      if (!((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments[0] === value) && parent.type !== 'TSAsExpression') break;
      value = parent;
    }
    if (index >= 0 && returnedBy(value)?.fn === fn && !mayReturnItsOwnBytes(ctx.sourceCode, fn, variable!)) yield { fn, index };
  }
}

/** Layers of local functions followed from a decoding helper to the functions that only hand its result on. */
const MAX_FORWARDING_LAYERS = 3;

/**
 * Local functions each of whose returns is a call of one of `helpers` (or of a function found here, a few layers deep):
 * what they return is what those helpers return. A function with any other return (`return null`, a cached value) is
 * not one: its callers may hold bytes they do not own.
 */
function forwardersOf(sourceCode: SourceCode, helpers: readonly FunctionNode[]): FunctionNode[] {
  if (helpers.length === 0) return [];
  const known = new Set<FunctionNode>(helpers);
  const forwarders: FunctionNode[] = [];
  for (let layer = 0; layer < MAX_FORWARDING_LAYERS; layer++) {
    const before = forwarders.length;
    for (const node of programNodes(sourceCode.ast)) {
      if (!isFunction(node) || known.has(node as FunctionNode)) continue;
      const returns = returnedExpressions(node as FunctionNode);
      if (!returns?.length || !returns.every((r) => returnsCallOf(sourceCode, r, known))) continue;
      known.add(node as FunctionNode);
      forwarders.push(node as FunctionNode);
    }
    if (forwarders.length === before) break;
  }
  return forwarders;
}

function returnsCallOf(sourceCode: SourceCode, returned: TSESTree.Node, functions: ReadonlySet<FunctionNode>): boolean {
  const expr = unwrapExpression(returned);
  const callee = expr.type === 'CallExpression' ? localFunctionOf(sourceCode, expr.callee) : undefined;
  return callee !== undefined && functions.has(callee);
}

/**
 * Hand-written decoders (RFC 4648 base32 for TOTP seeds, base58, hex by nibbles): a function of one parameter that
 * collects byte values in a local array (`const out: number[] = []; … out.push(…)`) and returns it as bytes
 * (`Buffer.from(out)`, `Uint8Array.from(out)`, `new Uint8Array(out)`). What it returns is its argument decoded, fresh
 * bytes like `Buffer.from(p, 'base64')`'s, so a caller that decodes a secret with it holds key bytes.
 */
function* pushedByteDecoders(sourceCode: SourceCode): Generator<{ fn: FunctionNode; index: number }> {
  if (!/\.push\(/.test(sourceCode.text)) return;
  for (const node of programNodes(sourceCode.ast)) {
    if (!isFunction(node)) continue;
    const fn = node as FunctionNode;
    if (fn.params.length !== 1 || fn.params[0].type !== 'Identifier' || fn.body.type !== 'BlockStatement') continue;
    const returns = returnedExpressions(fn);
    if (returns?.length !== 1) continue;
    const array = bytesOfArray(unwrapExpression(returns[0]));
    const variable = array?.type === 'Identifier' ? variableOf(sourceCode, array) : undefined;
    const init = variable && singleInitializer(variable);
    if (!init || init.type !== 'ArrayExpression' || init.elements.length > 0 || enclosingFunction(init) !== fn) continue;
    // Filled only by `push` (read otherwise only where it is returned): a buffer of decoded values, not a table.
    const filled = variable.references.some((ref) => isPushOn(ref.identifier));
    if (!filled || !variable.references.every((ref) => ref.init || isPushOn(ref.identifier) || ref.identifier === array || isLengthRead(ref.identifier))) continue;
    yield { fn, index: 0 };
  }
}

/** `Buffer.from(a)`, `Uint8Array.from(a)`, `new Uint8Array(a)`: the array `a` turned into bytes. */
function bytesOfArray(expr: TSESTree.Node): TSESTree.Node | undefined {
  if (expr.type === 'NewExpression' && expr.callee.type === 'Identifier' && expr.callee.name === 'Uint8Array' && expr.arguments.length === 1) return unwrapExpression(expr.arguments[0]);
  if ((isStaticCall(expr, 'Buffer', 'from') || isStaticCall(expr, 'Uint8Array', 'from')) && expr.arguments.length === 1) return unwrapExpression(expr.arguments[0]);
  return undefined;
}

function isPushOn(id: TSESTree.Node): boolean {
  const member = id.parent;
  return member?.type === 'MemberExpression' && member.object === id && memberName(member) === 'push' && member.parent?.type === 'CallExpression' && member.parent.callee === member;
}

function isLengthRead(id: TSESTree.Node): boolean {
  const member = id.parent;
  return member?.type === 'MemberExpression' && member.object === id && memberName(member) === 'length';
}

/**
 * `toBuffer(arr)` that returns `arr` itself when it is already a Buffer, or a view of its memory
 * (`Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength)`), and decodes only other inputs: its result may
 * be the caller's own bytes, not a copy to wipe (wiping it would wipe the caller's key).
 */
function mayReturnItsOwnBytes(sourceCode: SourceCode, fn: FunctionNode, param: TSESLint.Scope.Variable): boolean {
  const isParam = (node: TSESTree.Node | undefined) => {
    const expr = node && unwrapExpression(node);
    return expr?.type === 'Identifier' && variableOf(sourceCode, expr) === param;
  };
  return (returnedExpressions(fn) ?? []).some((returned) => {
    const expr = unwrapExpression(returned);
    if (isParam(expr)) return true;
    // `Buffer.from(p.buffer, …)`: a view of the parameter's memory.
    const first = expr.type === 'CallExpression' || expr.type === 'NewExpression' ? expr.arguments[0] : undefined;
    return !!first && isBufferMemberOf(first) && isParam((unwrapExpression(first) as TSESTree.MemberExpression).object);
  });
}

/** Calls of a function declared in this file (`function f…` or `const f = (…) =>`), by its binding. */
function localCallSites(sourceCode: SourceCode, fn: FunctionNode): TSESTree.CallExpression[] {
  const method = fn.parent?.type === 'MethodDefinition' && fn.parent.value === fn && fn.parent.kind === 'method' ? fn.parent : undefined;
  if (method) return ownMethodCallSites(method);
  let id: TSESTree.Node | null | undefined = fn.type === 'FunctionDeclaration' ? fn.id : undefined;
  if (!id && fn.parent?.type === 'VariableDeclarator' && fn.parent.init === fn) id = fn.parent.id;
  if (id?.type !== 'Identifier') return [];
  const variable = variableOf(sourceCode, id);
  if (!variable || variable.defs.length !== 1) return [];
  const sites: TSESTree.CallExpression[] = [];
  for (const ref of variable.references) {
    const node = ref.identifier as TSESTree.Node;
    if (node.parent?.type === 'CallExpression' && node.parent.callee === node) sites.push(node.parent);
  }
  return sites;
}

/**
 * `this.#tenantKey(id)` / `this.deriveKey(id)` in the methods of the class that declares the (non-static) method:
 * a private helper method is a local helper like a function of the file.
 */
function ownMethodCallSites(method: TSESTree.MethodDefinition): TSESTree.CallExpression[] {
  const name = method.static || method.computed ? undefined : classMemberKeyName(method.key);
  const body = method.parent;
  if (!name || body?.type !== 'ClassBody') return [];
  const sites: TSESTree.CallExpression[] = [];
  for (const node of descendants(body)) {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.object.type !== 'ThisExpression') continue;
    if (classMemberName(node.callee) === name) sites.push(node);
  }
  return sites;
}

function secretHalf(call: ApiCall): string {
  return call.library.id === 'libsodium' ? 'privateKey' : 'secretKey';
}

/**
 * `Buffer.from(sig.header.x5c[0], 'base64')`, also through the variable it was just stored in (`alg = header.x5c[0];
 * alg = Buffer.from(alg, 'base64')`): the bytes of a certificate, a public document, whatever the binding is called.
 */
function decodesCertificate(sourceCode: SourceCode, arg: TSESTree.Node): boolean {
  let expr = unwrapExpression(arg);
  if (expr.type === 'Identifier') {
    const variable = variableOf(sourceCode, expr);
    const writes = variable ? reachingWrites(variable, expr) : undefined;
    const written = writes?.dominating && writes.later.length === 0 ? (writes.dominating.writeExpr as TSESTree.Node | null) : undefined;
    if (!written) return false;
    expr = unwrapExpression(written);
  }
  // `chain[0]`: one certificate of the chain
  if (expr.type === 'MemberExpression' && expr.computed && expr.property.type === 'Literal' && typeof expr.property.value === 'number') expr = expr.object;
  const name = expr.type === 'MemberExpression' ? memberName(expr) : expr.type === 'Identifier' ? expr.name : undefined;
  return name !== undefined && namesCertificate(words(name));
}

/** Words that say a value is a key's ciphertext. */
const CIPHERTEXT_WORDS: ReadonlySet<string> = new Set(['encrypted', 'wrapped', 'ciphertext', 'sealed']);

/** `encryptedKey.textContent`, `wrappedDek`: an expression read through a name that says the value is encrypted. */
function decodesNonSecretSource(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const expr = unwrapExpression(node);
  if (expr.type !== 'Identifier' && expr.type !== 'MemberExpression') return false;
  return namesIn(expr).some((name) => nameWords(name).some((word) => CIPHERTEXT_WORDS.has(word)));
}

/** `process.env.MASTER_KEY` or `secrets.signingKey`: an expression whose name says secret. */
function secretLikeExpression(node: TSESTree.Node | undefined): boolean {
  if (!node) return false;
  const expr = unwrapExpression(node);
  const env = envVarName(expr);
  if (env) return isSecretName(env);
  if (expr.type === 'Identifier') return isSecretName(expr.name);
  if (expr.type === 'MemberExpression') return isSecretName(memberName(expr) ?? '');
  return false;
}

/** `keyObject.export()` of a secret KeyObject, or `subtle.exportKey('raw', key)` of a non-public key. */
const PUBLIC_WORDS: ReadonlySet<string> = new Set(['public', 'pub']);

function isSecretExport(ctx: ResolveContext, call: ApiCall): boolean {
  if (call.library.id === 'webcrypto') {
    const format = call.node.arguments[0];
    const key = call.node.arguments[1];
    if (!format || !key) return false;
    const formats = stringValues(ctx, format);
    if (formats.length !== 1 || formats[0].value !== 'raw') return false;
    // `pair.publicKey`, `prekeyPublic`, `peerPublicKey`: raw exports of EC/OKP keys are public keys.
    const keyExpr = unwrapExpression(key);
    const keyName = keyExpr.type === 'MemberExpression' ? memberName(keyExpr) : keyExpr.type === 'Identifier' ? keyExpr.name : undefined;
    return !(keyName !== undefined && hasWordIn(keyName, PUBLIC_WORDS) !== undefined);
  }
  const receiver = call.receiver;
  if (!receiver) return false;
  const made = receiver.api.path[receiver.api.path.length - 1];
  if (made !== 'createSecretKey' && made !== 'generateKeySync') return false;
  const options = call.node.arguments[0];
  if (!options) return true;
  const format = options.type === 'ObjectExpression' ? options.properties.find((p) => p.type === 'Property' && propertyName(p.key) === 'format') : undefined;
  if (!format || format.type !== 'Property') return true;
  const value = resolveConstant(ctx, format.value);
  return value?.value === 'buffer';
}

/**
 * `key.export()` without options on a binding declared as a `KeyObject` (a parameter
 * `key: KeyObject`): only secret keys export without options, as a Buffer.
 */
function* keyObjectExports(sourceCode: SourceCode): Generator<TSESTree.CallExpression> {
  yield* generatedKeyExports(sourceCode);
  if (!sourceCode.text.includes('KeyObject')) return; // most files: no walk over every variable
  for (const variable of allVariables(sourceCode)) {
    const declared = variable.identifiers[0] as TSESTree.Identifier | undefined;
    const annotation = declared?.typeAnnotation?.typeAnnotation;
    if (annotation?.type !== 'TSTypeReference' || annotation.typeName.type !== 'Identifier' && annotation.typeName.type !== 'TSQualifiedName') continue;
    const typeName = annotation.typeName.type === 'Identifier' ? annotation.typeName.name : annotation.typeName.right.name;
    if (typeName !== 'KeyObject') continue;
    for (const ref of variable.references) {
      const member = (ref.identifier as TSESTree.Node).parent;
      if (member?.type !== 'MemberExpression' || memberName(member) !== 'export') continue;
      const call = member.parent;
      if (call?.type === 'CallExpression' && call.callee === member && call.arguments.length === 0) yield call;
    }
  }
  // `#key: KeyObject` (or `private key: KeyObject`) read as `this.#key.export()` in the class's methods.
  for (const node of programNodes(sourceCode.ast)) {
    if (node.type !== 'PropertyDefinition' || !isKeyObjectAnnotation(node.typeAnnotation?.typeAnnotation)) continue;
    const field = classMemberKeyName(node.key);
    if (!field || node.static) continue;
    for (const inner of descendants(node.parent)) {
      if (inner.type !== 'CallExpression' || inner.arguments.length !== 0 || inner.callee.type !== 'MemberExpression' || memberName(inner.callee) !== 'export') continue;
      const read = inner.callee.object;
      if (read.type !== 'MemberExpression' || read.object.type !== 'ThisExpression') continue;
      if (classMemberName(read) === field) yield inner;
    }
  }
}

/** `generateKey('hmac', { length: 256 }, (err, key) => … key.export() …)`: the callback receives a secret KeyObject. */
function* generatedKeyExports(sourceCode: SourceCode): Generator<TSESTree.CallExpression> {
  for (const call of getApiCalls(sourceCode)) {
    if (call.library.id !== 'node:crypto' || call.api.operation !== 'keygen' || call.api.path[call.api.path.length - 1] !== 'generateKey') continue;
    const param = callbackOf(call.node)?.params[1];
    const variable = param?.type === 'Identifier' ? variableOf(sourceCode, param) : undefined;
    for (const ref of variable?.references ?? []) {
      const member = (ref.identifier as TSESTree.Node).parent;
      const exported = member?.type === 'MemberExpression' && memberName(member) === 'export' ? member.parent : undefined;
      if (exported?.type === 'CallExpression' && exported.callee === member && exported.arguments.length === 0) yield exported;
    }
  }
}

/** Encodings only a private key exports to (`pkcs1` is also an RSA public key's, so it needs a private-sounding receiver). */
const PRIVATE_ONLY_KEY_ENCODINGS: ReadonlySet<string> = new Set(['pkcs8', 'sec1']);

/**
 * `privateKey.export({ type: 'pkcs8', format: 'der' })`: a private KeyObject exported as DER is a Buffer of the
 * private key (PEM gives an immutable string, JWK an object). The encoding type says the key is private whatever
 * made the KeyObject (`generateKeyPairSync`, `createPrivateKey`, a parameter). With a `cipher` (and passphrase) the
 * DER is the key encrypted under that passphrase, which is what a key is exported for storage as.
 */
function* privateKeyDerExports(ctx: ResolveContext): Generator<TSESTree.CallExpression> {
  if (!/['"`]der['"`]/.test(ctx.sourceCode.text)) return; // most files: no walk
  for (const node of programNodes(ctx.sourceCode.ast)) {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || memberName(node.callee) !== 'export') continue;
    const options = node.arguments[0];
    if (options?.type !== 'ObjectExpression') continue;
    const property = (name: string) => options.properties.find((p): p is TSESTree.Property => p.type === 'Property' && propertyName(p.key) === name);
    const option = (name: string) => {
      const prop = property(name);
      const value = prop && resolveConstant(ctx, prop.value)?.value;
      return typeof value === 'string' ? value : undefined;
    };
    const type = option('type');
    if (option('format') !== 'der' || type === undefined) continue;
    // `{ cipher: 'aes-256-cbc', passphrase }` (whatever the cipher's value) exports an EncryptedPrivateKeyInfo: ciphertext, nothing to wipe.
    if (property('cipher')) continue;
    const receiver = unwrapExpression(node.callee.object);
    const receiverName = receiver.type === 'Identifier' ? receiver.name : receiver.type === 'MemberExpression' ? memberName(receiver) : undefined;
    const privateReceiver = receiverName !== undefined && /private|secret/i.test(receiverName);
    if (PRIVATE_ONLY_KEY_ENCODINGS.has(type) || (type === 'pkcs1' && privateReceiver)) yield node;
  }
}

function isKeyObjectAnnotation(annotation: TSESTree.TypeNode | undefined): boolean {
  if (annotation?.type !== 'TSTypeReference') return false;
  const typeName = annotation.typeName;
  return (typeName.type === 'Identifier' ? typeName.name : typeName.type === 'TSQualifiedName' ? typeName.right.name : '') === 'KeyObject';
}

function* allVariables(sourceCode: SourceCode): Generator<Variable> {
  const scopes = sourceCode.scopeManager?.scopes ?? [];
  for (const scope of scopes) yield* scope.variables;
}

/**
 * `Buffer.from(x)` / `Buffer.from(x, 'base64')` of a non-constant: the global Buffer, or Node's Buffer class imported
 * from a module that exports it (`import { Buffer } from 'buffer'`, React Native's `@craftzdog/react-native-buffer`).
 */
function* bufferFromCalls(ctx: ResolveContext): Generator<TSESTree.CallExpression> {
  const scope = ctx.sourceCode.scopeManager?.globalScope;
  if (!scope) return;
  const refs = [...scope.through.map((r) => r.identifier)];
  const declared = scope.set.get('Buffer');
  if (declared && declared.defs.length === 0) refs.push(...declared.references.map((r) => r.identifier));
  for (const imported of importedBufferClasses(ctx.sourceCode)) refs.push(...imported.references.map((r) => r.identifier));
  for (const id of refs) {
    if (id.type !== 'Identifier' || id.name !== 'Buffer') continue;
    const member = id.parent;
    if (member?.type !== 'MemberExpression' || member.object !== id || memberName(member) !== 'from') continue;
    const call = member.parent;
    if (call?.type !== 'CallExpression' || call.callee !== member || !call.arguments[0]) continue;
    // A copy of bytes we already track is tracked through them. Asked first: an index lookup, where resolving
    // the argument (`Buffer.from(hkdfSync(…))`) follows the call's inputs, and either answer skips the call.
    if (apiCallAt(ctx.sourceCode, unwrapExpression(call.arguments[0]))) continue;
    if (resolveConstant(ctx, call.arguments[0])) continue; // a constant is the hardcoded-key rule's business
    // `Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)`: a view of a typed array's memory, not a copy
    // (the typed array's own bytes, tracked through it: keyReferences).
    if (isBufferMemberOf(call.arguments[0])) continue;
    yield call;
  }
}

/**
 * Modelled decoders called on a non-constant text, which give new bytes of whatever the text holds, as
 * `Buffer.from(t, 'base64')` does in Node: library decoders with the model's `freshBytes` fact (`sodium.from_base64(t)`,
 * tweetnacl-util's `decodeBase64(t)`, noble's `hexToBytes(t)`), and the browser's and edge runtimes' inline
 * `Uint8Array.from(atob(t), (c) => c.charCodeAt(0))` (the same form inside a local helper is a decoding helper:
 * decodingHelpers).
 */
function* byteDecoderCalls(ctx: ResolveContext, calls: readonly ApiCall[]): Generator<TSESTree.CallExpression> {
  for (const call of calls) {
    if (call.api.operation !== 'encode' || call.node.type !== 'CallExpression' || !call.node.arguments[0]) continue;
    const bytes = call.api.facts?.freshBytes === true ? call.node : inlineAtobBytes(call);
    if (bytes && !resolveConstant(ctx, call.node.arguments[0])) yield bytes;
  }
}

/** The `Uint8Array.from(atob(t), (c) => c.charCodeAt(0))` around an `atob(t)` call. */
function inlineAtobBytes(call: ApiCall): TSESTree.CallExpression | undefined {
  const from = call.library.id === 'text-encoding' ? call.node.parent : undefined;
  return isStaticCall(from, 'Uint8Array', 'from') && from.arguments[0] === call.node && isCharCodeMapper(from.arguments[1]) ? from : undefined;
}

/** Module-level bindings of Node's Buffer class imported by name (`import { Buffer } from 'buffer'`). */
function importedBufferClasses(sourceCode: SourceCode): Variable[] {
  if (!/\bBuffer\b[^;]*\bfrom\b|require\(/.test(sourceCode.text)) return [];
  const module = sourceCode.scopeManager?.scopes.find((s) => s.type === 'module') ?? sourceCode.scopeManager?.globalScope;
  const variable = module?.set.get('Buffer');
  const def = variable?.defs[0];
  if (!variable || !def || def.name.type !== 'Identifier' || !isBufferClass(sourceCode, def.name)) return [];
  return [variable];
}

/**
 * `new TextEncoder().encode(secret)` (or through `const enc = new TextEncoder()`) of a non-constant:
 * the UTF-8 bytes of a secret, what `Buffer.from(secret)` gives in Node (jose's HS256 secrets).
 */
function* textEncodeCalls(ctx: ResolveContext): Generator<TSESTree.CallExpression> {
  if (!ctx.sourceCode.text.includes('TextEncoder')) return; // most files: no walk
  for (const node of programNodes(ctx.sourceCode.ast)) {
    if (node.type !== 'CallExpression' || node.arguments.length !== 1 || node.callee.type !== 'MemberExpression' || memberName(node.callee) !== 'encode') continue;
    if (isConstructedWith(ctx.sourceCode, node.callee.object, 'TextEncoder') && !resolveConstant(ctx, node.arguments[0])) yield node;
  }
}

/** Arguments that some modelled call uses as a key or secret. */
function keyArgumentNodes(calls: readonly ApiCall[]): Set<TSESTree.Node> {
  const nodes = new Set<TSESTree.Node>();
  for (const call of calls) {
    if (call.api.operation === 'encode' || call.api.operation === 'wipe') continue;
    for (const arg of call.args) {
      if (arg.role === 'key' || arg.role === 'secret' || arg.role === 'passphrase') nodes.add(unwrapExpression(arg.node));
    }
  }
  return nodes;
}

/**
 * Do the bytes reach a key argument? Follows copies and views (`Buffer.from(key)`,
 * `key.subarray()`), string forms (`key.toString('hex')`, template literals) and
 * decoders (`enc.Hex.parse(hex)`), through the bindings that hold them.
 */
function usedAsKey(sourceCode: SourceCode, bytes: KeyBytes, keyArgs: Set<TSESTree.Node>): boolean {
  const queue: TSESTree.Node[] = [...keyReferences(sourceCode, bytes).bytes];
  const seen = new Set<Variable>([bytes.variable]);
  for (let i = 0; i < queue.length && i < 200; i++) {
    let node = queue[i];
    for (let step = 0; step < 6 && node.parent; step++) {
      if (keyArgs.has(node) || keyArgs.has(unwrapExpression(node))) return true;
      const parent: TSESTree.Node = node.parent;
      if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments.includes(node as TSESTree.Expression)) {
        const api = apiCallAt(sourceCode, parent);
        // `createHash('sha256').update(secret).digest()` is the same secret (decision 20): follow the digest.
        const digest = digestOfHash(api, parent);
        if (digest) {
          node = digest;
          continue;
        }
        if (api && api.api.operation !== 'encode') break; // consumed by a non-key argument of a modelled call
        if (!api && !isByteView(parent)) {
          // Handed to a helper of this file (`seal(key, data)`): its parameter is the key there.
          const reads = parameterReads(sourceCode, parent, node, [], seen);
          queue.push(...reads);
          // Handed to a helper imported from another file of the program that uses that parameter as a key.
          if (reads.length === 0 && parent.type === 'CallExpression' && importedHelperUsesArgumentAsKey(sourceCode, parent, parent.arguments.indexOf(node as TSESTree.Expression))) return true;
          break;
        }
        node = parent;
      } else if (parent.type === 'Property' && parent.value === node && parent.parent.type === 'ObjectExpression' && !parent.computed) {
        // `const keys = { enc, mac }` / `frame({ enc, mac }, data)`: `keys.mac` (or the helper's `p.mac`) is the key.
        const name = propertyName(parent.key);
        if (name !== undefined) queue.push(...objectPropertyReads(sourceCode, parent.parent, name, seen));
        break;
      } else if (parent.type === 'MemberExpression' && parent.object === node && parent.parent?.type === 'CallExpression' && /^(?:toString|subarray|slice)$/.test(memberName(parent) ?? '')) {
        node = parent.parent;
      } else if (parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression' || parent.type === 'TemplateLiteral' || parent.type === 'AwaitExpression') {
        node = parent;
      } else if ((parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') || (parent.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'Identifier')) {
        // `const alias = key`, and `cached = derived` into a `let` that the code then uses
        const variable = variableOf(sourceCode, parent.type === 'VariableDeclarator' ? (parent.id as TSESTree.Identifier) : (parent.left as TSESTree.Identifier));
        if (variable && !seen.has(variable)) {
          seen.add(variable);
          for (const ref of variable.references) if (ref.isRead()) queue.push(ref.identifier as TSESTree.Node);
        }
        break;
      } else break;
    }
  }
  return false;
}

/**
 * Is `arg` the key of `call`? A modelled call's key argument, or an argument a helper uses as a key: one of this
 * file (`openWithKey(Buffer.from(plaintext), …)` with `createDecipheriv(alg, key, iv)` inside) or one imported from
 * another module of the program. Used for copies no binding keeps, handed straight to such a call: the call works
 * with the key's bytes while the key exists.
 */
export function argumentUsedAsKey(sourceCode: SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression, arg: TSESTree.Node): boolean {
  const keyArgs = keyArgumentNodes(getApiCalls(sourceCode));
  if (keyArgs.has(unwrapExpression(arg))) return true;
  if (apiCallAt(sourceCode, call)) return false;
  const reads = parameterReads(sourceCode, call, arg, [], new Set());
  if (reads.some((read) => keyArgs.has(read) || keyArgs.has(unwrapExpression(read)))) return true;
  return reads.length === 0 && call.type === 'CallExpression' && importedHelperUsesArgumentAsKey(sourceCode, call, call.arguments.indexOf(arg as TSESTree.Expression));
}

/** The `.digest()` (bytes, no encoding) that ends the `update(…)` chain `call` starts: `createHash(a).update(x).digest()`. */
export function rawDigestOf(call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.CallExpression | undefined {
  let current: TSESTree.Node = call;
  for (let i = 0; i < 6; i++) {
    const member: TSESTree.Node | undefined = current.parent;
    if (member?.type !== 'MemberExpression' || member.object !== current || member.parent?.type !== 'CallExpression' || member.parent.callee !== member) return undefined;
    const name = memberName(member);
    if (name === 'digest') return member.parent.arguments.length === 0 ? member.parent : undefined;
    if (name !== 'update') return undefined;
    current = member.parent;
  }
  return undefined;
}

/**
 * What is done to a password hash: compared (`timingSafeEqual(derived, stored)`, `derived.equals(x)`,
 * `===`) or encoded for storage (`derived.toString('hex')`, a template literal).
 */
function verifiedOrEncoded(sourceCode: SourceCode, bytes: KeyBytes): boolean {
  return compared(sourceCode, bytes) || keyReferences(sourceCode, bytes).bytes.some((ref) => {
    const parent = ref.parent;
    if (!parent) return false;
    if (parent.type === 'TemplateLiteral') return true;
    return parent.type === 'MemberExpression' && parent.object === ref && memberName(parent) === 'toString';
  });
}

/** Compared as a password hash is: `timingSafeEqual(derived, stored)`, `derived.equals(x)`, `===`. */
function compared(sourceCode: SourceCode, bytes: KeyBytes): boolean {
  return keyReferences(sourceCode, bytes).bytes.some((ref) => {
    const parent = ref.parent;
    if (!parent) return false;
    if (parent.type === 'BinaryExpression') return /^[!=]==?$/.test(parent.operator);
    if (parent.type === 'MemberExpression' && parent.object === ref) return /^(?:equals|compare)$/.test(memberName(parent) ?? '');
    if (parent.type === 'CallExpression' && parent.arguments.includes(ref as TSESTree.CallExpressionArgument)) {
      const name = referencedName(parent.callee);
      return name === 'timingSafeEqual' || name === 'compare';
    }
    return false;
  });
}

/** An HKDF-family output that nothing marks as other than a key: not compared or encoded, not named as an id or hash, not an IV/salt/data argument. */
function isDerivedSubkey(ctx: ResolveContext, bytes: KeyBytes): boolean {
  if (isNotSecretName(bytes.id.name) || /(?:^|[^a-z])(?:iv|nonce|salt)s?$/i.test(bytes.id.name)) return false;
  // Encoded HKDF output is a token or an id, unless its binding names it a key (decision 39: HKDF outputs are never
  // password hashes): `tenantKey.toString('base64')` put in a shared cache is a key turned into a string.
  // So is its text bound to a secret's name (`const password = okm.toString('base64url')`, a derived credential).
  if (
    compared(ctx.sourceCode, bytes) ||
    ((verifiedOrEncoded(ctx.sourceCode, bytes) || encodedThroughView(bytes, ctx)) && !isSecretName(bytes.id.name) && !encodedIntoSecretBinding(ctx.sourceCode, bytes))
  ) {
    return false;
  }
  // Given as the data of a call, derived bytes are a token or a message, unless the binding names them a key:
  // `crypto_box_seal(folderKey, recipientPk)` wraps a key for someone, it is still key material here.
  const namedKey = isSecretName(bytes.id.name);
  return !keyReferences(ctx.sourceCode, bytes).bytes.some((ref) => {
    const call = ref.parent;
    const api = call && (call.type === 'CallExpression' || call.type === 'NewExpression') ? apiCallAt(ctx.sourceCode, call) : undefined;
    return api?.args.some((a) => unwrapExpression(a.node) === ref && NON_KEY_ROLES.has(a.role) && !(namedKey && a.role === 'data')) ?? false;
  });
}

const NON_KEY_ROLES = new Set(['iv', 'salt', 'data']);

/** `const password = raw.toString('base64url')`: the bytes' text is bound to a name that says secret (a derived credential). */
function encodedIntoSecretBinding(sourceCode: SourceCode, bytes: KeyBytes): boolean {
  return keyReferences(sourceCode, bytes).bytes.some((ref) => {
    const member = ref.parent;
    const call = member?.parent;
    if (member?.type !== 'MemberExpression' || member.object !== ref || memberName(member) !== 'toString' || call?.type !== 'CallExpression') return false;
    const declarator = call.parent;
    if (declarator?.type !== 'VariableDeclarator' || declarator.init !== call || declarator.id.type !== 'Identifier') return false;
    const name = declarator.id.name;
    return isSecretName(name) || nameWords(name).some((w) => DERIVED_CREDENTIAL_WORDS.has(w));
  });
}

/** Words of a derived credential's text (a database role's password): not a token or an id. */
const DERIVED_CREDENTIAL_WORDS: ReadonlySet<string> = new Set(['password', 'passwd', 'pwd', 'passphrase']);

/** `Buffer.from(okm).toString('base64url')`: derived bytes turned into a token string through a view. */
function encodedThroughView(bytes: KeyBytes, ctx: ResolveContext): boolean {
  return keyReferences(ctx.sourceCode, bytes).bytes.some((ref) => {
    let node: TSESTree.Node = ref;
    while ((node.parent?.type === 'CallExpression' || node.parent?.type === 'NewExpression') && node.parent.arguments[0] === node && isByteView(node.parent)) node = node.parent;
    const member = node.parent;
    return node !== ref && member?.type === 'MemberExpression' && member.object === node && memberName(member) === 'toString';
  });
}

/** Reads of the parameter that receives `arg` of a call to a function of this file, as `param` or `param.<path>`. */
function parameterReads(sourceCode: SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression, arg: TSESTree.Node, path: readonly string[], seen: Set<Variable>): TSESTree.Node[] {
  const fn = localFunctionOf(sourceCode, call.callee);
  if (!fn) return [];
  for (const [param, value] of parameterBindings(fn, call)) {
    if (value !== arg) continue;
    const variable = variableOf(sourceCode, param);
    if (!variable || seen.has(variable)) return [];
    seen.add(variable);
    return memberReads(variable, path);
  }
  return [];
}

/** Reads of `variable.<path>` (`variable` itself for an empty path). */
function memberReads(variable: Variable, path: readonly string[]): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  for (const ref of variable.references) {
    if (!ref.isRead()) continue;
    let node = ref.identifier as TSESTree.Node;
    let i = 0;
    for (; i < path.length; i++) {
      const parent = node.parent;
      if (parent?.type !== 'MemberExpression' || parent.object !== node || memberName(parent) !== path[i]) break;
      node = parent;
    }
    if (i === path.length) out.push(node);
  }
  return out;
}

/** Where the `name` property of an object literal is read: through the constant it is bound to, or in the helper it is passed to. */
function objectPropertyReads(sourceCode: SourceCode, object: TSESTree.ObjectExpression, name: string, seen: Set<Variable>): TSESTree.Node[] {
  const parent = object.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === object && parent.id.type === 'Identifier') {
    const variable = variableOf(sourceCode, parent.id);
    if (!variable || seen.has(variable)) return [];
    seen.add(variable);
    const out = memberReads(variable, [name]);
    for (const ref of variable.references) {
      const id = ref.identifier as TSESTree.Node;
      const call = id.parent;
      if (ref.isRead() && (call?.type === 'CallExpression' || call?.type === 'NewExpression') && call.arguments.includes(id as TSESTree.Expression) && !apiCallAt(sourceCode, call)) {
        out.push(...parameterReads(sourceCode, call, id, [name], seen));
      }
    }
    return out;
  }
  if ((parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.arguments.includes(object) && !apiCallAt(sourceCode, parent)) {
    return parameterReads(sourceCode, parent, object, [name], seen);
  }
  return [];
}

// ---------------------------------------------------------------------------
// Where a produced value is bound

type Producer = Pick<KeyBytes, 'source' | 'producer' | 'api' | 'arrayBuffer'>;

function resultBinding(sourceCode: SourceCode, call: ApiCall, source: KeyBytesSource, path: string[], arrayBuffer: boolean): Omit<KeyBytes, 'scope'> | undefined {
  const producer: Producer = { source, producer: call.node, api: call, arrayBuffer };
  // Callback form: `pbkdf2(pw, salt, n, len, digest, (err, key) => …)`.
  const callback = callbackOf(call.node);
  if (callback) {
    const param = callback.params[1];
    return param?.type === 'Identifier' ? paramBinding(sourceCode, param, callback, producer, path) : undefined;
  }
  return bindingOf(sourceCode, call.node, producer, path);
}

/**
 * The whole output of a node decipher, `Buffer.concat([decipher.update(data), decipher.final()])`, found from its `final()`
 * call (a method of the object `createDecipheriv` returns), with the `createDecipheriv` call that made the decipher.
 */
function decipherOutputs(calls: readonly ApiCall[]): Array<{ node: TSESTree.CallExpression; call: ApiCall }> {
  const out: Array<{ node: TSESTree.CallExpression; call: ApiCall }> = [];
  for (const call of calls) {
    const maker = call.receiver;
    if (!maker || maker.library.id !== 'node:crypto' || maker.api.operation !== 'decrypt' || call.api.path[call.api.path.length - 1] !== 'final') continue;
    const list = call.node.parent;
    const concat = list?.type === 'ArrayExpression' ? list.parent : undefined;
    if (!isStaticCall(concat, 'Buffer', 'concat') || concat.arguments[0] !== list) continue;
    out.push({ node: concat, call: maker });
  }
  return out;
}

/** `factory(key, nonce).decrypt(data)`: the `decrypt` call made directly on the object a call returns. */
function decryptMethodOn(node: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.CallExpression | undefined {
  const member = node.parent;
  if (member?.type !== 'MemberExpression' || member.object !== node || memberName(member) !== 'decrypt') return undefined;
  return member.parent?.type === 'CallExpression' && member.parent.callee === member ? member.parent : undefined;
}

/** The node-style callback (`(err, result) => …`) passed as the last of several arguments. */
function callbackOf(node: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | undefined {
  const last = node.arguments[node.arguments.length - 1];
  return last && (last.type === 'ArrowFunctionExpression' || last.type === 'FunctionExpression') && node.arguments.length > 1 ? last : undefined;
}

function paramBinding(sourceCode: SourceCode, param: TSESTree.Identifier, fn: FunctionLike, producer: Producer, path: readonly string[]): Omit<KeyBytes, 'scope'> | undefined {
  const variable = variableOf(sourceCode, param);
  return variable ? { ...producer, variable, path, id: param, definition: fn } : undefined;
}

/** Climbs from a value-producing expression to the binding that receives it. */
function bindingOf(sourceCode: SourceCode, value: TSESTree.Node, producer: Producer, initialPath: readonly string[]): Omit<KeyBytes, 'scope'> | undefined {
  let node = value;
  let path = initialPath;
  let arrayBuffer = producer.arrayBuffer;
  for (let i = 0; i < 6; i++) {
    const parent = node.parent;
    if (!parent) return undefined;
    if (parent.type === 'AwaitExpression' || parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression' || parent.type === 'ChainExpression') {
      node = parent;
      continue;
    }
    // `const oldKey = row ? scryptSync(…) : null`: the binding holds the bytes whenever it holds anything.
    if (parent.type === 'ConditionalExpression' && parent.test !== node && isNoValueLiteral(parent.consequent === node ? parent.alternate : parent.consequent)) {
      node = parent;
      continue;
    }
    // `const [encKey, macKey] = await Promise.all([derive(a), derive(b)])`: element i of the result.
    const all = parent.type === 'ArrayExpression' ? parent.parent : undefined;
    if (all?.type === 'CallExpression' && all.arguments[0] === parent && all.callee.type === 'MemberExpression' && all.callee.object.type === 'Identifier' && all.callee.object.name === 'Promise' && memberName(all.callee) === 'all') {
      path = [String((parent as TSESTree.ArrayExpression).elements.indexOf(node as TSESTree.Expression)), ...path];
      node = all;
      continue;
    }
    // `Buffer.from(hkdfSync(…))` / `new Uint8Array(await subtle.deriveBits(…))`: a view of the same bytes.
    if ((parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.arguments[0] === node && path.length === 0 && isByteView(parent)) {
      node = parent;
      arrayBuffer = false;
      continue;
    }
    // AWS SDK v2: `await kms.generateDataKey(params).promise()` resolves to the response.
    if (parent.type === 'MemberExpression' && parent.object === node && memberName(parent) === 'promise' && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent && parent.parent.arguments.length === 0) {
      node = parent.parent;
      continue;
    }
    // AWS SDK v2: `kms.decrypt(params).send((err, data) => …)` calls back with the response.
    if (producer.api?.library.id === 'aws-sdk' && isRequestSend(parent, node)) return requestCallbackBinding(sourceCode, parent.parent as TSESTree.CallExpression, { ...producer, arrayBuffer }, path);
    // `const request = kms.decrypt(params); request.send((err, data) => …)` (or `await request.promise()`).
    if (producer.api?.library.id === 'aws-sdk' && node === value && parent.type === 'VariableDeclarator' && parent.init === node && parent.id.type === 'Identifier') {
      const use = requestUse(sourceCode, parent.id);
      if (use?.kind === 'send') return requestCallbackBinding(sourceCode, use.call, { ...producer, arrayBuffer }, path);
      if (use?.kind === 'promise') {
        node = use.call;
        continue;
      }
    }
    // `await withRetry(() => kms.send(…))`, `pRetry(async () => …)`, `limit(() => …)`: the call resolves to the thunk's result.
    const runner = thunkRunner(parent, node);
    if (runner) {
      node = runner;
      continue;
    }
    // `.then((key) => …)`
    if (parent.type === 'MemberExpression' && parent.object === node && memberName(parent) === 'then' && parent.parent?.type === 'CallExpression') {
      const cb = parent.parent.arguments[0];
      if ((cb?.type === 'ArrowFunctionExpression' || cb?.type === 'FunctionExpression') && cb.params[0]) {
        const bound = patternBinding(sourceCode, cb.params[0], path);
        return bound && { ...producer, arrayBuffer, ...bound, definition: cb };
      }
      return undefined;
    }
    if (parent.type === 'VariableDeclarator' && parent.init === node) {
      const bound = patternBinding(sourceCode, parent.id, path);
      return bound && { ...producer, arrayBuffer, ...bound, definition: parent };
    }
    if (parent.type === 'AssignmentExpression' && parent.right === node && parent.left.type === 'Identifier') {
      const variable = variableOf(sourceCode, parent.left);
      const declared = variable?.identifiers[0];
      return variable && declared ? { ...producer, arrayBuffer, variable, path, id: declared as TSESTree.Identifier, definition: parent } : undefined;
    }
    return undefined;
  }
  return undefined;
}

/** Calls that run a callback for its effect or per element, not to hand back its result: timers, listeners, array iteration. */
const NON_RUNNERS: ReadonlySet<string> = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'nextTick', 'on', 'once', 'addListener', 'map', 'flatMap', 'forEach', 'filter', 'some', 'every', 'find', 'reduce']);

/**
 * The call that runs `thunk` (an argument-less arrow whose body is `node`) and resolves to what it returns: retry
 * and concurrency wrappers (`withRetry(() => kms.send(cmd))`, p-retry, p-limit, a tracing span's callback). Local
 * or imported, their contract is to hand back the callback's result: the KMS response still reaches the binding.
 */
function thunkRunner(parent: TSESTree.Node, node: TSESTree.Node): TSESTree.CallExpression | undefined {
  if (parent.type !== 'ArrowFunctionExpression' || parent.body !== node || parent.params.length > 0) return undefined;
  const call = parent.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(parent)) return undefined;
  const callee = unwrapExpression(call.callee);
  const name = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' ? memberName(callee) : undefined;
  return name !== undefined && NON_RUNNERS.has(name) ? undefined : call;
}

/** `<request>.send(callback)` of an AWS SDK v2 request (`parent` is the member read on `node`). */
function isRequestSend(parent: TSESTree.Node, node: TSESTree.Node): boolean {
  return parent.type === 'MemberExpression' && parent.object === node && memberName(parent) === 'send' && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent && parent.parent.arguments.length === 1;
}

/** The response parameter (`data` of `(err, data) => …`) of a v2 request's `send` callback. */
function requestCallbackBinding(sourceCode: SourceCode, send: TSESTree.CallExpression, producer: Producer, path: readonly string[]): Omit<KeyBytes, 'scope'> | undefined {
  const cb = send.arguments[0];
  if (cb?.type !== 'ArrowFunctionExpression' && cb?.type !== 'FunctionExpression') return undefined;
  const param = cb.params[1];
  return param?.type === 'Identifier' ? paramBinding(sourceCode, param, cb, producer, path) : undefined;
}

/** How a v2 request held in a variable is run: `request.send(callback)` or `request.promise()`. */
function requestUse(sourceCode: SourceCode, id: TSESTree.Identifier): { kind: 'send' | 'promise'; call: TSESTree.CallExpression } | undefined {
  for (const ref of variableOf(sourceCode, id)?.references ?? []) {
    if (!ref.isRead()) continue;
    const read = ref.identifier as TSESTree.Node;
    const member = read.parent;
    if (member && isRequestSend(member, read)) return { kind: 'send', call: member.parent as TSESTree.CallExpression };
    if (member?.type === 'MemberExpression' && member.object === read && memberName(member) === 'promise' && member.parent?.type === 'CallExpression' && member.parent.callee === member) return { kind: 'promise', call: member.parent };
  }
  return undefined;
}

/** `Buffer.from(x)` / `new Uint8Array(x)`: the same bytes in a byte container. */
/** `x.buffer`: the ArrayBuffer under a typed array, which `Buffer.from`/`new Uint8Array` wrap without copying. */
function isBufferMemberOf(node: TSESTree.Node): boolean {
  const expr = unwrapExpression(node);
  return expr.type === 'MemberExpression' && !expr.computed && memberName(expr) === 'buffer';
}

export function isByteView(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = node.callee;
  if (node.type === 'NewExpression') return callee.type === 'Identifier' && callee.name === 'Uint8Array';
  return isStaticCall(node, 'Buffer', 'from');
}

/** `const key = …`, `const { Plaintext } = …`, `const { Plaintext: dataKey } = …`, `const [res] = …`. */
function patternBinding(sourceCode: SourceCode, pattern: TSESTree.Node, path: readonly string[]): { variable: Variable; path: readonly string[]; id: TSESTree.Identifier } | undefined {
  if (pattern.type === 'AssignmentPattern') return patternBinding(sourceCode, pattern.left, path);
  if (pattern.type === 'Identifier') {
    const variable = variableOf(sourceCode, pattern);
    return variable ? { variable, path, id: pattern } : undefined;
  }
  if (path.length === 0) return undefined;
  const [head, ...rest] = path;
  if (pattern.type === 'ObjectPattern') {
    for (const prop of pattern.properties) {
      if (prop.type === 'Property' && !prop.computed && propertyName(prop.key) === head) return patternBinding(sourceCode, prop.value, rest);
    }
    // `const { $metadata, ...dk } = …`: the rest object keeps every field not named before it.
    const spread = pattern.properties.find((p) => p.type === 'RestElement');
    return spread?.type === 'RestElement' ? patternBinding(sourceCode, spread.argument, path) : undefined;
  }
  if (pattern.type === 'ArrayPattern' && /^\d+$/.test(head)) {
    const element = pattern.elements[Number(head)];
    return element ? patternBinding(sourceCode, element, rest) : undefined;
  }
  return undefined;
}

/**
 * `const key = Buffer.alloc(32); randomFillSync(key);` / `const raw = new Uint8Array(32); crypto.getRandomValues(raw);`:
 * a fresh zeroed allocation filled in place holds random bytes from the fill on (the definition is the fill:
 * a failure before it leaves zeros, nothing to wipe). Only the first reference after the allocation is the
 * source; `randomFillSync(key)` on bytes already in use is a wipe.
 */
function filledBinding(ctx: ResolveContext, id: TSESTree.Identifier, call: ApiCall): Omit<KeyBytes, 'scope'> | undefined {
  const variable = variableOf(ctx.sourceCode, id);
  const def = variable?.defs[0];
  if (!variable || variable.defs.length !== 1 || def?.type !== 'Variable' || def.node.id.type !== 'Identifier' || !def.node.init || !isZeroedAllocation(ctx, def.node.init)) return undefined;
  const after = def.node.range[1];
  const first = variable.references.map((r) => r.identifier as TSESTree.Node).filter((n) => n.range[0] > after).sort((a, b) => a.range[0] - b.range[0])[0];
  if (first !== id || enclosingFunction(call.node) !== enclosingFunction(def.node)) return undefined;
  const statement = call.node.parent?.type === 'ExpressionStatement' ? call.node : undefined;
  if (!statement) return undefined;
  return { source: 'random', producer: call.node, api: call, arrayBuffer: false, variable, path: [], id: def.node.id, definition: call.node };
}

/** `Buffer.alloc(n)`, `Buffer.allocUnsafe(n)`, `new Uint8Array(n)` with a size (not a buffer to copy). */
function isZeroedAllocation(ctx: ResolveContext, init: TSESTree.Expression): boolean {
  const node = unwrapExpression(init);
  if (node.type !== 'CallExpression' && node.type !== 'NewExpression') return false;
  const size = node.arguments[0];
  if (!size || size.type === 'SpreadElement') return false;
  const callee = unwrapExpression(node.callee);
  if (node.type === 'CallExpression') {
    return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Buffer' && /^alloc(?:Unsafe(?:Slow)?)?$/.test(memberName(callee) ?? '');
  }
  if (callee.type !== 'Identifier' || callee.name !== 'Uint8Array' || node.arguments.length !== 1) return false;
  return resolveConstant(ctx, size)?.kind === 'number' || /(?:len(?:gth)?|bytes|size)$/i.test(referencedName(unwrapExpression(size)) ?? '');
}

function bindingOfIdentifier(sourceCode: SourceCode, id: TSESTree.Identifier, call: ApiCall, source: KeyBytesSource = 'random'): Omit<KeyBytes, 'scope'> | undefined {
  const variable = variableOf(sourceCode, id);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'Variable' || def.node.id.type !== 'Identifier') return undefined;
  return { source, producer: call.node, api: call, arrayBuffer: false, variable, path: [], id: def.node.id, definition: def.node };
}

/**
 * A password-hashing call that returns the derived bytes instead of an encoded hash string: always
 * (the model's `rawOutput` fact: @node-rs/argon2's `hashRaw`), or when told by an option (`raw: true`
 * for node-argon2, named by the model's `rawOutputOption` fact as `<argument>.<property>`).
 */
export function returnsRawBytes(ctx: ResolveContext, call: ApiCall): boolean {
  if (call.api.facts?.rawOutput === true) return true;
  const option = call.api.facts?.rawOutputOption;
  if (typeof option !== 'string') return false;
  // `1.raw` (argon2's `raw: true`), or `0.outputType=binary` (hash-wasm): the option, and the value that asks for bytes.
  const [address, wanted] = option.split('=');
  const [index, property] = address.split('.');
  const arg = call.node.arguments[Number(index)];
  const options = arg && arg.type !== 'SpreadElement' ? objectLiteralOf(ctx.sourceCode, arg) : undefined;
  const value = options && propertyOf(ctx.sourceCode, options, property);
  return value !== undefined && resolveConstant(ctx, value)?.value === (wanted ?? true);
}

/**
 * What a call writes into the buffers it is given (sodium-native's `crypto_pwhash(key, …)`,
 * `crypto_kdf_keygen(key)`), as the result binding would be for a call that returns it:
 * the source of those bytes and how sure the binding must be to count as a key.
 */
function outputKind(call: ApiCall): { source: KeyBytesSource; needsKeyUse: false | 'strict' | 'named' | 'kdf' } | undefined {
  switch (call.api.operation) {
    case 'random':
      return { source: 'random', needsKeyUse: 'named' };
    case 'kdf':
      return { source: 'kdf', needsKeyUse: 'kdf' };
    case 'keygen':
      return { source: 'keygen', needsKeyUse: false };
    case 'key-import':
      return { source: 'keypair', needsKeyUse: false };
    case 'key-agreement':
      return { source: 'shared-key', needsKeyUse: false };
    case 'decrypt':
      // Decrypted bytes are data unless a modelled call then uses them as a key.
      return { source: 'unwrapped', needsKeyUse: 'strict' };
    default:
      return undefined;
  }
}

/** `client.send(new GenerateDataKeyCommand(…))`, directly or through a `const command = new …`. */
function sendCallOf(sourceCode: SourceCode, command: TSESTree.NewExpression): TSESTree.CallExpression | undefined {
  const isSend = (node: TSESTree.Node | undefined, arg: TSESTree.Node): node is TSESTree.CallExpression =>
    node?.type === 'CallExpression' && node.arguments[0] === arg && node.callee.type === 'MemberExpression' && memberName(node.callee) === 'send';
  if (isSend(command.parent, command)) return command.parent;
  const declarator = command.parent;
  if (declarator?.type === 'VariableDeclarator' && declarator.id.type === 'Identifier') {
    for (const ref of variableOf(sourceCode, declarator.id)?.references ?? []) {
      const id = ref.identifier as TSESTree.Node;
      if (isSend(id.parent, id)) return id.parent;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// References

export interface KeyReferences {
  /** Expressions that evaluate to the key bytes (through aliases and member paths). */
  bytes: TSESTree.Node[];
  /** Expressions that evaluate to an object holding them (`res` of `res.Plaintext`): handing those on hands on the key. */
  holders: TSESTree.Node[];
  /**
   * Per holder, the fields the key sits under, outermost last as `sinkOf` takes them (`res` of
   * `res.Plaintext` → ['Plaintext']): `{ ...res, Plaintext: '[redacted]' }` no longer holds it.
   */
  holderPaths: Map<TSESTree.Node, readonly string[]>;
}

const refCache = new LintScopedWeakMap<KeyBytes, KeyReferences>();

export function keyReferences(sourceCode: SourceCode, bytes: KeyBytes): KeyReferences {
  let refs = refCache.get(bytes);
  if (!refs) {
    refs = { bytes: [], holders: [], holderPaths: new Map() };
    const seen = new Set<Variable>();
    followVariable(sourceCode, bytes.variable, bytes.path, refs, seen, 0);
    // `const keyBytes = new Uint8Array(derivedKey)` of an ArrayBuffer is a view of the same memory:
    // the view's uses and wipes are the key's (of a Buffer or Uint8Array it would be a copy).
    // `Buffer.from(key.buffer, key.byteOffset, key.byteLength)` and `new Uint8Array(key.buffer, …)` are views of
    // the key's memory whatever the key's type: wiping the key wipes them, and their uses are the key's.
    for (const ref of [...refs.bytes]) {
      const member = ref.parent;
      const view = member?.parent;
      if (member?.type !== 'MemberExpression' || member.object !== ref || memberName(member) !== 'buffer') continue;
      if ((view?.type !== 'NewExpression' && view?.type !== 'CallExpression') || view.arguments[0] !== member || !isByteView(view)) continue;
      const declarator = view.parent;
      if (declarator?.type !== 'VariableDeclarator' || declarator.init !== view || declarator.id.type !== 'Identifier') continue;
      const alias = variableOf(sourceCode, declarator.id);
      if (alias) followVariable(sourceCode, alias, [], refs, seen, 1);
    }
    if (bytes.arrayBuffer) {
      for (const ref of [...refs.bytes]) {
        const view = ref.parent;
        const declarator = view?.parent;
        if ((view?.type !== 'NewExpression' && view?.type !== 'CallExpression') || view.arguments[0] !== ref || !isByteView(view)) continue;
        if (declarator?.type !== 'VariableDeclarator' || declarator.init !== view || declarator.id.type !== 'Identifier') continue;
        const alias = variableOf(sourceCode, declarator.id);
        if (alias) followVariable(sourceCode, alias, [], refs, seen, 1);
      }
    }
    refCache.set(bytes, refs);
  }
  return refs;
}

function followVariable(sourceCode: SourceCode, variable: Variable, path: readonly string[], out: KeyReferences, seen: Set<Variable>, depth: number): void {
  if (seen.has(variable) || depth > 4) return;
  seen.add(variable);
  for (const ref of variable.references) {
    if (!ref.isRead()) continue;
    let expr: TSESTree.Node = ref.identifier as TSESTree.Node;
    let rest = [...path];
    while (rest.length) {
      const parent = climbWrappers(expr).parent;
      const current = climbWrappers(expr);
      if (parent?.type === 'MemberExpression' && parent.object === current && memberName(parent) === rest[0]) {
        expr = parent;
        rest = rest.slice(1);
        continue;
      }
      if (parent?.type === 'VariableDeclarator' && parent.init === current) {
        const bound = patternBinding(sourceCode, parent.id, rest);
        if (bound) followVariable(sourceCode, bound.variable, bound.path, out, seen, depth + 1);
        break;
      }
      if (parent?.type === 'MemberExpression' && parent.object === current) break; // a sibling (`kp.publicKey`)
      out.holders.push(current);
      out.holderPaths.set(current, [...rest].reverse());
      break;
    }
    if (rest.length) continue;
    const current = climbWrappers(expr);
    out.bytes.push(current);
    // `const alias = key`, and `alias = key` into a `let` declared before a `try` whose `finally` wipes it.
    const parent = current.parent;
    const aliasId = aliasBindingOf(parent, current);
    if (aliasId) {
      const alias = variableOf(sourceCode, aliasId);
      if (alias) followVariable(sourceCode, alias, [], out, seen, depth + 1);
    }
    // `const keys = { enc, mac }`: `keys.mac` is the key (wiped as `keys.mac.fill(0)`), `keys` holds it.
    const holder = parent?.type === 'Property' && parent.value === current && !parent.computed ? parent.parent : undefined;
    const holderDeclarator = holder?.type === 'ObjectExpression' ? holder.parent : undefined;
    const property = parent?.type === 'Property' ? propertyName(parent.key) : undefined;
    if (holderDeclarator?.type === 'VariableDeclarator' && holderDeclarator.init === holder && holderDeclarator.id.type === 'Identifier' && property !== undefined) {
      const holderVariable = variableOf(sourceCode, holderDeclarator.id);
      if (holderVariable) followVariable(sourceCode, holderVariable, [property], out, seen, depth + 1);
    }
  }
}

/** The identifier a plain `const alias = value` or `alias = value` binds `value` to. */
function aliasBindingOf(parent: TSESTree.Node | undefined, value: TSESTree.Node): TSESTree.Identifier | undefined {
  if (parent?.type === 'VariableDeclarator' && parent.init === value && parent.id.type === 'Identifier') return parent.id;
  if (parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.right === value && parent.left.type === 'Identifier') return parent.left;
  return undefined;
}

/**
 * `Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)` (or `new Uint8Array(bytes.buffer, …)`) around `bytes`:
 * a view of the same memory, as the AWS SDK's `Uint8Array` plaintext is commonly turned into a `Buffer` without a copy.
 */
function memoryViewOf(bytes: TSESTree.Node): TSESTree.Node | undefined {
  const member = bytes.parent;
  const view = member?.parent;
  if (member?.type !== 'MemberExpression' || member.object !== bytes || !isBufferMemberOf(member)) return undefined;
  if ((view?.type !== 'CallExpression' && view?.type !== 'NewExpression') || view.arguments[0] !== member || !isByteView(view)) return undefined;
  return view;
}

/** The type-only wrappers and an optional chain around a read: the same bytes. */
function climbWrappers(node: TSESTree.Node): TSESTree.Node {
  return climbTypeWrappers(node, { chain: true });
}

/**
 * Calls of functions imported from the program's own modules (`import { deriveFileKey } from '../lib'`), only when
 * type information is there to look into them; packages are modelled by the API tables instead.
 */
function importedHelperCalls(sourceCode: SourceCode): TSESTree.CallExpression[] {
  if (!sourceCode.parserServices?.program) return [];
  const out: TSESTree.CallExpression[] = [];
  for (const node of programNodes(sourceCode.ast)) {
    if (node.type !== 'CallExpression' || node.callee.type !== 'Identifier') continue;
    const def = variableOf(sourceCode, node.callee)?.defs[0];
    const from = def?.type === 'ImportBinding' && def.parent?.type === 'ImportDeclaration' ? def.parent.source.value : undefined;
    if (typeof from === 'string' && from.startsWith('.')) out.push(node);
  }
  return out;
}
