import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { classConstructor, descendants, insideFunction, isWithin } from './ast';
import type { KeyPurpose } from '../policy/types';
import type { ApiModel } from '../model/types';
import { apiCallAt, callChain, getApiCalls, type ApiArg, type ApiCall } from './api-calls';
import { callSiteArguments, callsOf } from './call-sites';
import { decoratedValue, injectedValue } from './dependency-injection';
import { typedInstanceMemberValues } from './class-members';
import { externalDeclaration, type ExternalDeclaration } from './external-declarations';
import { isFunction, type FunctionNode } from './expression-names';
import { localFunctionOf, returnedExpressions } from './local-functions';
import { prototypeClassOfThis, type PrototypeClass } from './prototype-classes';
import { importedHelperKeyUses } from './importer-key-uses';
import { isSettingsLookup, receiverName } from './config-lookup';
import { reachingWrites } from './reaching-writes';
import { climbTypeWrappers, arrayLiteralOf, classMemberKeyName, classMemberName, isConstructedWith, isNoValueLiteral, isStaticCall, memberName, namespaceMember, propertyName, singleInitializer, unwrapExpression, variableOf, writesOf, type SourceCode } from './scope';
import { envVarName, isProcessEnv, resolveConstant, stringValues, type Constant, type ResolveContext } from './values';
import { LintScopedWeakMap } from './lint-scoped';

/**
 * Key identity and purpose tracking. Every key or secret argument of a modelled
 * call, and every KMS key id, is resolved to an identity — a binding followed
 * through aliases, consts, `this.key`, `config.key`, `Buffer.from`, plain hashes
 * (`sha256(secret)` is the same secret); a WebCrypto `CryptoKey` from
 * importKey/generateKey/deriveKey; a KMS key id as a literal, constant or
 * environment variable — and each use gets a purpose. HKDF/PBKDF2 outputs are
 * identities of their own, one per (input, label).
 */

export type { KeyPurpose };

export type KeyOrigin = 'hardcoded' | 'environment' | 'kms' | 'derived' | 'generated' | 'parameter' | 'imported' | 'unknown';

export interface KeyUse {
  purpose: KeyPurpose;
  /** The modelled call (`createHmac(…)`, `new EncryptCommand(…)`). */
  call: ApiCall;
  /** The argument that carries the key. */
  arg: TSESTree.Node;
  /** WebCrypto usage the operation needs (`encrypt`, `sign`…), for CryptoKey checks. */
  usage?: string;
  /** The `importKey` that turned the raw secret into the CryptoKey this use goes through: where the secret gets this purpose. */
  via?: TSESTree.Node;
}

export interface DeclaredPurpose {
  purposes: KeyPurpose[];
  source: 'jsdoc' | 'webcrypto-usages' | 'kms-key-usage';
  node: TSESTree.Node;
}

export interface TrackedKey {
  /** Stable within the file: `var:key@120`, `env:SESSION_KEY`, `kms:alias/app`, `cryptokey@300`, `kdf(var:master@10|enc)`. */
  id: string;
  /** What to call it in messages: the binding name, `process.env.X`, the KMS id. */
  name: string;
  origin: KeyOrigin;
  /** Where the key is defined in this file (a binding's identifier, an importKey/generateKey/CreateKey call). */
  definition?: TSESTree.Node;
  uses: KeyUse[];
  declared: DeclaredPurpose[];
  /** WebCrypto usages declared at creation (`['encrypt', 'decrypt']`). */
  usages?: string[];
  /** For KMS keys: the id as written, when constant. */
  kmsKeyId?: string;
  /** For env-var keys: the variable name. */
  envVar?: string;
}

interface Identity {
  id: string;
  name: string;
  origin: KeyOrigin;
  definition?: TSESTree.Node;
  /** A CryptoKey/CreateKey call that declares usages for this identity. */
  creator?: ApiCall;
  envVar?: string;
  kmsKeyId?: string;
  /** The declaration a JSDoc `@keyPurpose` tag may sit on. */
  declaration?: TSESTree.Node;
  /** The declaration in another file (type information). */
  external?: ExternalDeclaration;
  /** For a KDF output: where its input key is defined (two bindings of one derivation are that input reused). */
  inputDefinition?: TSESTree.Node;
  inputName?: string;
}

const cache = new LintScopedWeakMap<object, TrackedKey[]>();

/** Every key the file uses, with its uses and declared purposes. Cached per file; never throws. */
export function trackKeys(ctx: ResolveContext): TrackedKey[] {
  const program = ctx.sourceCode.ast;
  let keys = cache.get(program);
  if (!keys) {
    try {
      keys = collect(ctx);
    } catch {
      keys = [];
    }
    cache.set(program, keys);
  }
  return keys;
}

/** Identity of a value registered in a DI container that has no identity of its own (see identifyBinding). */
const INJECTED_PREFIX = 'injected@';

/** Identity of a value a local helper reads from a secret store under fixed names (see storedSecretHelper). */
const STORED_PREFIX = 'stored:';

const KEY_ROLES = new Set(['key', 'secret', 'passphrase', 'key-or-public']);
const CRYPTO_KEY_CREATORS = new Set(['importKey', 'generateKey', 'deriveKey', 'unwrapKey']);

function collect(ctx: ResolveContext): TrackedKey[] {
  const byId = new Map<string, TrackedKey>();
  const creators = new Set<ApiCall>();
  const tracked = (identity: Identity): TrackedKey => {
    let key = byId.get(identity.id);
    if (!key) {
      key = { id: identity.id, name: identity.name, origin: identity.origin, definition: identity.definition, uses: [], declared: [], envVar: identity.envVar, kmsKeyId: identity.kmsKeyId };
      byId.set(identity.id, key);
      declare(ctx, key, identity);
    } else {
      if (identity.inputDefinition && identity.definition && key.definition && identity.definition !== key.definition && key.definition !== identity.inputDefinition) {
        // `enc = hkdf(root, 'x')` and `mac = hkdf(root, 'x')`: one derivation bound twice — the root is what is reused.
        key.definition = identity.inputDefinition;
        if (identity.inputName) key.name = identity.inputName;
      }
      // One secret imported (or one HKDF derivation made) as two CryptoKeys: each adds its usages (the reuse itself is reported by purpose).
      if (identity.creator && !creators.has(identity.creator)) declareUsages(ctx, key, identity.creator);
    }
    if (identity.creator) creators.add(identity.creator);
    return key;
  };
  for (const call of getApiCalls(ctx.sourceCode)) {
    for (const arg of call.args) {
      if (arg.role === 'kms-key-id') {
        const purpose = kmsPurpose(call);
        const identity = identifyKmsKey(ctx, arg.node);
        if (purpose && identity) tracked(identity).uses.push({ purpose, call, arg: arg.node });
        continue;
      }
      if (!KEY_ROLES.has(arg.role) || skipArgument(call, arg.address)) continue;
      const purpose = argumentPurpose(ctx, call, arg);
      if (!purpose) continue;
      for (const keyNode of keyringEntries(ctx.sourceCode, arg.node).flatMap(conditionalBranches).flatMap((n) => helperPickedKeys(ctx.sourceCode, n))) {
        const identity = identify(ctx, keyNode, 0);
        const via = identity?.creator && identity.creator.node !== call.node && lastName(identity.creator) === 'importKey' ? identity.creator.node : undefined;
        if (identity) tracked(identity).uses.push({ purpose, call, arg: keyNode, usage: webCryptoUsage(call), via });
      }
      // `hkdfSync(d, master, salt, info)`: the input key's use is 'kdf-input'; the output is a key of its own.
    }
    // A client bound to one vault key (Azure's `new CryptographyClient(keyId, credential)`): its `sign`/`encrypt`
    // use that key, defined where the client is made unless the id is bound in the file.
    const boundKey = call.receiver && !call.args.some((a) => a.role === 'kms-key-id') ? call.receiver.args.find((a) => a.role === 'kms-key-id') : undefined;
    const clientPurpose = boundKey && kmsPurpose(call);
    const clientKey = clientPurpose && identifyKmsKey(ctx, boundKey.node);
    if (clientPurpose && clientKey) tracked({ ...clientKey, definition: clientKey.definition ?? call.receiver!.node }).uses.push({ purpose: clientPurpose, call, arg: call.node });
    // Methods of a key object (`privateKey.sign(md)`, `privateKey.decrypt(ct)` in node-forge): the receiver is the key.
    const holder = keyObjectReceiver(call);
    const purpose = holder && purposeOf(ctx, call);
    const identity = purpose && identify(ctx, holder, 0);
    if (purpose && identity) tracked(identity).uses.push({ purpose, call, arg: holder });
  }
  // Keys created but not (yet) used still carry declared purposes (WebCrypto usages, KMS KeyUsage).
  for (const call of getApiCalls(ctx.sourceCode)) {
    if (call.library.id === 'webcrypto' && CRYPTO_KEY_CREATORS.has(lastName(call))) {
      const identity = cryptoKeyIdentity(ctx, call);
      if (identity) tracked(identity);
    }
    if (call.api.facts?.kmsCreateKey) {
      const identity = createdKmsKeyIdentity(call);
      tracked(identity);
    }
  }
  return [...byId.values()];
}

/** A key this module exports for other modules to use: `export const platformKey = …`, or a member of an exported object. */
export interface ExportedKey {
  /** The exported binding, or the property name of the exported object literal (`app` in `export const secrets = { app: … }`). */
  binding: TSESTree.Identifier;
  /** Where the key is defined (the declarator or the property): where a finding about it goes. */
  definition: TSESTree.Node;
  name: string;
}

/**
 * Top-level `export const X = <key>` declarations (and the members of an exported object literal) whose
 * value is a secret from the environment, a derived or generated key: what importers may use for
 * different purposes, which only the exporting file can report once, on its definition.
 */
export function exportedKeyBindings(ctx: ResolveContext): ExportedKey[] {
  const out: ExportedKey[] = [];
  const isKey = (value: TSESTree.Node): boolean => {
    const identity = identify(ctx, value, 0);
    if (identity === undefined) return isPrivateKeyObjectCreation(ctx, value);
    return identity.origin === 'environment' || identity.origin === 'derived' || identity.origin === 'generated';
  };
  for (const statement of ctx.sourceCode.ast.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : undefined;
    if (declaration?.type !== 'VariableDeclaration' || declaration.kind !== 'const') continue;
    for (const declarator of declaration.declarations) {
      if (declarator.id.type !== 'Identifier' || !declarator.init) continue;
      const init = unwrapExpression(declarator.init);
      if (init.type === 'ObjectExpression') {
        for (const prop of init.properties) {
          if (prop.type === 'Property' && !prop.computed && prop.key.type === 'Identifier' && isKey(prop.value)) {
            out.push({ binding: prop.key, definition: prop, name: `${declarator.id.name}.${prop.key.name}` });
          }
        }
      } else if (isKey(init)) {
        out.push({ binding: declarator.id, definition: declarator, name: declarator.id.name });
      }
    }
  }
  return out;
}

/**
 * `createPrivateKey({ key: readFileSync(path), passphrase })`, `createSecretKey(bytes)`: a key object made here
 * from material this file cannot name (a key file, a vault read) is still a key, by construction. Public keys
 * (`createPublicKey`) are not.
 */
function isPrivateKeyObjectCreation(ctx: ResolveContext, value: TSESTree.Node): boolean {
  const node = unwrapExpression(value);
  if (node.type !== 'CallExpression') return false;
  const api = apiCallAt(ctx.sourceCode, node);
  return api !== undefined && api.library.id === 'node:crypto' && api.api.operation === 'key-import' && api.args.some((a) => KEY_ROLES.has(a.role));
}

/** The key object a method is called on, when the call takes no key argument: `key.sign(md)` on a key-import/keygen result. */
function keyObjectReceiver(call: ApiCall): TSESTree.Node | undefined {
  const receiver = call.receiver;
  if (!receiver || (receiver.api.operation !== 'key-import' && receiver.api.operation !== 'keygen')) return undefined;
  if (call.args.some((a) => KEY_ROLES.has(a.role))) return undefined;
  const callee = unwrapExpression(call.node.callee);
  return callee.type === 'MemberExpression' ? callee.object : undefined;
}

function lastName(call: ApiCall): string {
  return call.api.path[call.api.path.length - 1] ?? '';
}

/**
 * A keyring written in place (`keys: [current, previous]`, Koa's `app.keys = [SECRET]`), or held by a binding that
 * is never reassigned (`const secrets = [A, B]; new Keygrip(secrets)`): each entry is a key in use.
 */
function keyringEntries(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node[] {
  const list = arrayLiteralOf(sourceCode, node);
  if (!list) return [node];
  return list.elements.filter((element): element is TSESTree.Expression => element !== null && element.type !== 'SpreadElement');
}

/**
 * A key picked where it is used (`fPort === 0 ? nwkSKey : appSKey`, LoRaWAN's FRMPayload key): each branch's key
 * serves the call when its branch runs, so each gets the call's purpose.
 */
function conditionalBranches(node: TSESTree.Node): TSESTree.Node[] {
  const inner = unwrapExpression(node);
  if (inner.type !== 'ConditionalExpression') return [node];
  return [...conditionalBranches(inner.consequent), ...conditionalBranches(inner.alternate)];
}

/**
 * A helper's key parameter (`function cryptFrm(key, …)`) whose callers pick the key where they call it
 * (`cryptFrm(fPort === 0 ? nwkSKey : appSKey, …)`): the helper's call serves each picked key. Only when some
 * call site picks; otherwise the parameter is identified as usual (one key passed everywhere, or a parameter).
 */
function helperPickedKeys(sourceCode: SourceCode, node: TSESTree.Node): TSESTree.Node[] {
  const inner = unwrapExpression(node);
  if (inner.type !== 'Identifier') return [node];
  const variable = variableOf(sourceCode, inner);
  const declared = variable?.defs[0]?.type === 'Parameter' ? (variable.identifiers[0] as TSESTree.Identifier | undefined) : undefined;
  if (!declared || variable!.references.some((r) => r.isWrite() && r.identifier !== declared)) return [node];
  const passed = callSiteArguments(sourceCode, declared);
  if (!passed.some((p) => unwrapExpression(p).type === 'ConditionalExpression')) return [node];
  return passed.flatMap(conditionalBranches);
}

/** `secrets[0]` on a keyring binding: that entry of the array literal. */
function keyringEntryAt(sourceCode: SourceCode, node: TSESTree.MemberExpression): TSESTree.Node | undefined {
  if (!node.computed || node.property.type !== 'Literal' || typeof node.property.value !== 'number') return undefined;
  const list = node.object.type === 'Identifier' ? arrayLiteralOf(sourceCode, node.object) : undefined;
  const entry = list?.elements[node.property.value];
  return entry && entry.type !== 'SpreadElement' ? entry : undefined;
}

/**
 * `subtle.wrapKey(format, keyToWrap, wrappingKey, …)`, Azure `kek.wrapKey(alg, dek)`: the key being
 * wrapped (the model's `wrappedKeyArg`) is not used by the call, the wrapping key is.
 */
function skipArgument(call: ApiCall, address: string): boolean {
  return call.api.facts?.wrappedKeyArg === address;
}

// ---------------------------------------------------------------------------
// Purposes

/**
 * Is the key one half of a key pair (RSA/EC/Ed25519 private key)? Signatures (HMAC is `mac`, not
 * `sign`) and RSA encryption (`privateDecrypt`, `publicEncrypt`: `asymmetric` in the model) need
 * one; symmetric secrets never serve them. HKDF subkeys make no sense for such a key. Not KMS keys
 * (they stay in KMS: the advice is a second KMS key) nor seeds imported as key pairs.
 */
export function isAsymmetricKey(key: TrackedKey): boolean {
  // KMS keys never leave KMS; seeds turned into key pairs (nacl `fromSeed`) are symmetric bytes.
  if (key.origin === 'kms') return false;
  // A TLS certificate's key (`tls`) is always the private half of a pair.
  return key.uses.some((u) => u.call.api.operation !== 'key-import' && (u.purpose === 'sign' || u.purpose === 'tls' || u.call.api.facts?.asymmetric === true));
}

const ASYMMETRIC_JWT = /^(?:RS|ES|PS)\d{3}$|^EdDSA$/i;

/**
 * The purpose an argument gives its key. A passphrase handed to a cipher (`createDecipher(alg, password)`,
 * SJCL's `encrypt(password, …)`, @fastify/secure-session's `secret`) is stretched into the cipher's key
 * first: it is KDF input, as it would be for `scryptSync(password, …)`.
 */
function argumentPurpose(ctx: ResolveContext, call: ApiCall, arg: ApiArg): KeyPurpose | undefined {
  // An options object with keys for two operations (a SAML SP's `privateKey` signs, its `decryptionPvk` decrypts):
  // the model names the purpose of the argument that differs from the call's (`purpose:0.decryptionPvk`).
  const own = call.api.facts?.[`purpose:${arg.address}`];
  if (typeof own === 'string') return own as KeyPurpose;
  const op = call.api.operation;
  if (arg.role === 'passphrase' && (op === 'encrypt' || op === 'decrypt')) return 'kdf-input';
  return purposeOf(ctx, call);
}

function purposeOf(ctx: ResolveContext, call: ApiCall): KeyPurpose | undefined {
  return purposeOfApi(call.api, call.library.id, () => algorithmNames(ctx, call));
}

/** The purpose a modelled API gives the key it takes; `algorithms` names the algorithms the call spells out. */
export function purposeOfApi(api: ApiModel, libraryId: string, algorithms: () => readonly string[]): KeyPurpose | undefined {
  switch (api.operation) {
    case 'encrypt':
    case 'decrypt':
      return isAgreementBox(api) ? 'kdf-input' : 'encrypt';
    case 'wrap':
    case 'unwrap':
      return 'wrap';
    case 'mac':
    case 'mac-verify':
      return 'mac';
    case 'session':
      // Session middleware signs its cookies (a MAC) unless its model says it seals them (iron-session encrypts)
      // or keys session JWTs with the secret (NextAuth).
      return api.facts?.purpose === 'encrypt' || api.facts?.purpose === 'jwt' ? api.facts.purpose : 'mac';
    case 'sign':
    case 'verify':
      return libraryId === 'webcrypto' && algorithms().some((a) => /^hmac$/i.test(a)) ? 'mac' : 'sign';
    case 'jwt-sign':
    case 'jwt-verify':
      return algorithms().some((a) => ASYMMETRIC_JWT.test(a)) ? 'sign' : 'jwt';
    case 'kdf':
      return 'kdf-input';
    case 'key-agreement':
      // `diffieHellman({ privateKey, publicKey })`, nacl `box.before`, sodium `crypto_kx_*`: the private key is
      // the input of the shared secret a KDF turns into keys.
      return 'kdf-input';
    case 'password-hash':
    case 'password-verify':
      return 'password-hash';
    case 'hash':
      return 'mac'; // a keyed hash (sodium crypto_generichash with a key)
    case 'key-import':
    case 'client':
      // Seeds and secret keys turned into a key pair of one scheme (nacl `sign.keyPair.fromSeed`, `box.keyPair.fromSecretKey`);
      // a TLS endpoint configured with its certificate's private key (`https.createServer({ key, cert })`).
      return typeof api.facts?.purpose === 'string' ? (api.facts.purpose as KeyPurpose) : undefined;
    default:
      return undefined;
  }
}

/**
 * nacl/sodium `box(msg, nonce, theirPublicKey, mySecretKey)`: the secret key is not a cipher key but a
 * Curve25519 Diffie-Hellman private key, whose shared secret is hashed into the box's key (as `box.before`
 * does). Its purpose is an agreement's (`kdf-input`): the same bytes used as a `secretbox` key are reuse.
 */
function isAgreementBox(api: ApiModel): boolean {
  const roles = Object.values(api.args);
  return roles.includes('public-key') && roles.includes('key');
}

/**
 * Algorithm names given to this call or the calls it chains from (jose
 * `setProtectedHeader({ alg })`), digests included (`createHmac('sha256', key)`).
 */
export function algorithmNames(ctx: ResolveContext, call: ApiCall): string[] {
  const names: string[] = [];
  const chain: ApiCall[] = [];
  for (let c: ApiCall | undefined = call; c; c = c.receiver) chain.push(c);
  // Builders configured after construction: every method call on the same receiver chain root.
  const root = chain[chain.length - 1];
  for (const other of callChain(ctx.sourceCode, root)) if (other.receiver && !chain.includes(other)) chain.push(other);
  for (const c of chain) {
    for (const arg of c.args) {
      if (arg.role !== 'algorithm' && arg.role !== 'algorithms' && arg.role !== 'digest') continue;
      for (const v of stringValues(ctx, arg.node)) names.push(String(v.value));
      const r = resolveConstant(ctx, arg.node);
      if (r?.kind === 'array') for (const e of r.value as readonly Constant[]) if (typeof e.value === 'string') names.push(e.value);
    }
  }
  return names;
}


function kmsPurpose(call: ApiCall): KeyPurpose | undefined {
  if (call.api.facts?.kmsCreateKey) return undefined;
  switch (call.api.operation) {
    case 'encrypt':
    case 'decrypt':
    case 'keygen': // GenerateDataKey*
    case 'wrap': // ReEncrypt
    case 'unwrap':
      return 'encrypt';
    case 'sign':
    case 'verify':
      return 'sign';
    case 'mac':
    case 'mac-verify':
      return 'mac';
    default:
      return undefined;
  }
}

const WEBCRYPTO_USAGE: Record<string, string> = {
  encrypt: 'encrypt',
  decrypt: 'decrypt',
  sign: 'sign',
  verify: 'verify',
  deriveKey: 'deriveKey',
  deriveBits: 'deriveBits',
  wrapKey: 'wrapKey',
  unwrapKey: 'unwrapKey',
};

function webCryptoUsage(call: ApiCall): string | undefined {
  return call.library.id === 'webcrypto' ? WEBCRYPTO_USAGE[lastName(call)] : undefined;
}

/** WebCrypto usages → purposes (`sign`/`verify` are `mac` for an HMAC key). */
export function purposesOfUsages(usages: readonly string[], hmac: boolean): KeyPurpose[] {
  const purposes = new Set<KeyPurpose>();
  for (const usage of usages) {
    if (usage === 'encrypt' || usage === 'decrypt') purposes.add('encrypt');
    else if (usage === 'sign' || usage === 'verify') purposes.add(hmac ? 'mac' : 'sign');
    else if (usage === 'wrapKey' || usage === 'unwrapKey') purposes.add('wrap');
    else if (usage === 'deriveKey' || usage === 'deriveBits') purposes.add('kdf-input');
  }
  return [...purposes];
}

// ---------------------------------------------------------------------------
// Identities

function identify(ctx: ResolveContext, raw: TSESTree.Node, depth: number): Identity | undefined {
  if (depth > 8) return undefined;
  const node = unwrapExpression(raw);
  const next = (n: TSESTree.Node) => identify(ctx, n, depth + 1);
  if (node.type === 'AwaitExpression') return next(node.argument);

  const env = envVarName(node);
  if (env) return { id: `env:${env}`, name: `process.env.${env}`, origin: 'environment', envVar: env };

  if (node.type === 'Literal' && typeof node.value === 'string') return { id: `const:${node.value}`, name: 'a literal key', origin: 'hardcoded', definition: node };
  if (node.type === 'LogicalExpression') return next(node.left); // `process.env.KEY ?? 'dev'` is the env key

  if (node.type === 'CallExpression' || node.type === 'NewExpression') return identifyCall(ctx, node, next);

  if (node.type === 'Identifier') return identifyBinding(ctx, node, next, depth === 0);

  if (node.type === 'MemberExpression') {
    const entry = keyringEntryAt(ctx.sourceCode, node);
    return entry ? next(entry) : identifyMember(ctx, node, next);
  }
  // A JWK literal (`createPrivateKey({ key: { kty: 'EC', d: raw.toString('base64url'), x, y }, format: 'jwk' })`): its secret member.
  if (node.type === 'ObjectExpression') {
    const secret = jwkSecretMember(node);
    return secret ? next(secret) : undefined;
  }
  // A secret given as a getter (csrf-csrf `getSecret: () => CSRF_SECRET`): the key it returns.
  if (node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression') {
    const returned = returnedExpressions(node, true);
    return returned?.length === 1 ? next(returned[0]) : undefined;
  }
  return undefined;
}

/** `x.subarray(0, n)` or `x.slice(0, n)`: a view or copy of the first bytes of `x`. */
function isLeadingSlice(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrapExpression(node.callee);
  const start = node.arguments[0];
  return (
    node.type === 'CallExpression' &&
    callee.type === 'MemberExpression' &&
    /^(?:subarray|slice)$/.test(memberName(callee) ?? '') &&
    node.arguments.length === 2 &&
    start.type === 'Literal' &&
    start.value === 0
  );
}

/** `x.slice(2)`, `x.substring(2)`, `x.replace(/^0x/i, '')`: hex text without its `0x` prefix. */
function isHexPrefixStrip(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const callee = unwrapExpression(node.callee);
  if (node.type !== 'CallExpression' || callee.type !== 'MemberExpression') return false;
  const method = memberName(callee);
  const [first, second] = node.arguments;
  if ((method === 'slice' || method === 'substring') && node.arguments.length === 1) return first.type === 'Literal' && first.value === 2;
  if (method !== 'replace' || node.arguments.length !== 2 || first.type !== 'Literal' || !('regex' in first) || !first.regex) return false;
  return /^\^0x$/i.test(first.regex.pattern) && second.type === 'Literal' && second.value === '';
}

function identifyCall(ctx: ResolveContext, node: TSESTree.CallExpression | TSESTree.NewExpression, next: (n: TSESTree.Node) => Identity | undefined): Identity | undefined {
  const callee = unwrapExpression(node.callee);
  const arg0 = node.arguments[0];
  // Copies, views and encodings of the same bytes.
  const copied = bufferFromArgument(node);
  if (copied) return next(copied);
  if (arg0 && node.type === 'NewExpression' && callee.type === 'Identifier' && callee.name === 'Uint8Array') return next(arg0);
  if (callee.type === 'MemberExpression' && /^(?:toString|valueOf|trim)$/.test(memberName(callee) ?? '')) return next(callee.object);
  // `secret.subarray(0, 32)`: the secret's leading bytes, the same key material wherever the whole secret is used too
  // (two halves of one KDF output, `okm.subarray(32)`, start elsewhere and stay distinct keys).
  if (isLeadingSlice(node)) return next((callee as TSESTree.MemberExpression).object);
  // `hexKey.slice(2)`, `hexKey.replace(/^0x/, '')`: a `0x…` wallet key without its prefix, the form byte decoders take.
  if (isHexPrefixStrip(node)) return next((callee as TSESTree.MemberExpression).object);
  // `new TextEncoder().encode(secret)`, or through `const enc = new TextEncoder()`: the secret's bytes.
  if (arg0 && callee.type === 'MemberExpression' && memberName(callee) === 'encode' && isConstructedWith(ctx.sourceCode, unwrapExpression(callee.object), 'TextEncoder')) return next(arg0);
  const setting = configLookup(ctx, node);
  if (setting) return setting;
  const api = apiCallAt(ctx.sourceCode, node);
  if (!api) return localHelperKey(ctx, node, next) ?? envHelperSetting(ctx, node) ?? storedSecretHelper(ctx, node);
  if (api.library.id === 'webcrypto' && CRYPTO_KEY_CREATORS.has(lastName(api))) return cryptoKeyIdentity(ctx, api);
  const op = api.api.operation;
  if (op === 'encode' || (op === 'key-import' && (api.library.id === 'node:crypto' || api.api.facts?.keyOfInput === true))) {
    const inner = api.args.find((a) => a.role === 'key' || a.role === 'data');
    return inner ? next(inner.node) : undefined;
  }
  // sha256(secret) is the same secret for this rule.
  if (op === 'hash') {
    for (let c: ApiCall | undefined = api; c; c = c.receiver) {
      const data = c.args.find((a) => a.role === 'data');
      const id = data && next(data.node);
      if (id) return id;
    }
    return undefined;
  }
  // `subtle.exportKey('raw', pageKey)`: the bytes of that same key (re-imported under another algorithm, still one key).
  if (op === 'key-export') {
    const exported = api.args.find((a) => KEY_ROLES.has(a.role));
    if (exported) return next(exported.node);
    // `clientKey.export({ type: 'pkcs8', format: 'pem' })`: the PEM of the KeyObject it is called on, the same key (handed to a
    // library that wants a string).
    return callee.type === 'MemberExpression' ? next(callee.object) : undefined;
  }
  // A KDF output: its own key per (input, label).
  if (op === 'kdf') {
    const input = api.args.find((a) => a.role === 'key' || a.role === 'passphrase');
    const base = input && next(input.node);
    const label = api.args.filter((a) => a.role === 'data' || a.role === 'salt').map((a) => constantText(ctx, a.node) ?? `@${a.node.range[0]}`).join('|');
    if (base) return { id: `kdf(${base.id}|${label})`, name: `a key derived from ${base.name}`, origin: 'derived', definition: node, inputDefinition: base.definition, inputName: base.name };
    return { id: `kdf@${node.range[0]}`, name: 'a derived key', origin: 'derived', definition: node };
  }
  return undefined;
}

/**
 * `this.config.get('APP_SECRET')`, `configService.getOrThrow<string>('APP_SECRET')`: the setting of that
 * name, read from the environment (Nest's ConfigService, nconf, convict): one key wherever it is read,
 * and the same key as `process.env.APP_SECRET`.
 */
function configLookup(ctx: ResolveContext, node: TSESTree.CallExpression | TSESTree.NewExpression): Identity | undefined {
  if (node.type !== 'CallExpression' || !isSettingsLookup(node)) return undefined;
  const callee = unwrapExpression(node.callee);
  const first = node.arguments[0];
  const name = first && first.type !== 'SpreadElement' ? resolveConstant(ctx, first) : undefined;
  if (name?.kind !== 'string' || typeof name.value !== 'string' || !name.value) return undefined;
  // `env('APP_SECRET')` (a bare env helper) or `config.get('APP_SECRET')`.
  const reader = callee.type === 'MemberExpression' ? `${receiverName(callee.object)}.${memberName(callee)}` : ctx.sourceCode.getText(callee);
  return { id: `env:${name.value}`, name: `${reader}('${name.value}')`, origin: 'environment', envVar: name.value };
}

/**
 * `getSecret('APP_SECRET')` / `requireEnv('SIGNING_SECRET')` where the local helper returns
 * `process.env[name]` (directly or through a checked `const value = process.env[name]`), or
 * `sessionSecret()` returning one fixed `process.env.SESSION_SECRET`: the environment variable
 * of that name, the same key wherever the file reads it.
 */
function envHelperSetting(ctx: ResolveContext, node: TSESTree.CallExpression | TSESTree.NewExpression): Identity | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const fn = localFunctionOf(ctx.sourceCode, node.callee);
  const returned = fn && returnedExpressions(fn);
  if (!fn || !returned || returned.length !== 1) return undefined;
  let value: TSESTree.Node = unwrapExpression(returned[0]);
  for (let i = 0; i < 3; i++) {
    if (value.type === 'LogicalExpression') value = unwrapExpression(value.left);
    // `return Buffer.from(value, 'base64')`: a decoding helper returns the setting's bytes, the same key.
    const decoded = bufferFromArgument(value);
    if (decoded) value = unwrapExpression(decoded);
    if (value.type !== 'Identifier') break;
    const variable = variableOf(ctx.sourceCode, value);
    const init = variable && singleInitializer(variable);
    if (!init) return undefined;
    value = unwrapExpression(init);
  }
  const helper = node.callee.type === 'Identifier' ? node.callee.name : 'helper';
  // `function sessionSecret() { const secret = process.env.SESSION_SECRET; if (!secret) throw …; return secret; }`: one setting, whatever the arguments.
  const fixed = value.type === 'MemberExpression' && !value.computed && isProcessEnv(value.object) ? memberName(value) : undefined;
  if (fixed) return { id: `env:${fixed}`, name: `${helper}()`, origin: 'environment', envVar: fixed };
  if (value.type !== 'MemberExpression' || !value.computed || !isProcessEnv(value.object) || value.property.type !== 'Identifier') return undefined;
  const index = fn.params.findIndex((p) => p.type === 'Identifier' && p.name === (value as TSESTree.MemberExpression & { property: TSESTree.Identifier }).property.name);
  const arg = index >= 0 ? node.arguments[index] : undefined;
  const name = arg && arg.type !== 'SpreadElement' ? resolveConstant(ctx, arg) : undefined;
  if (name?.kind !== 'string' || typeof name.value !== 'string' || !name.value) return undefined;
  return { id: `env:${name.value}`, name: `${helper}('${name.value}')`, origin: 'environment', envVar: name.value };
}

/**
 * `await deviceSecret()` where the local helper takes no arguments and returns the one value it reads from a
 * secret store under fixed names (`SecureStore.getItemAsync(SECRET_SLOT)`, `keytar.getPassword(SERVICE, ACCOUNT)`,
 * `storage.getString('vault.key')`), decoded or not: that stored secret, one key in every function that calls the
 * helper (as `sessionSecret()` is its environment variable). The store keeps it: no binding in this file defines it.
 */
function storedSecretHelper(ctx: ResolveContext, node: TSESTree.CallExpression | TSESTree.NewExpression): Identity | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const fn = localFunctionOf(ctx.sourceCode, node.callee);
  if (!fn || fn.params.length !== 0) return undefined;
  const returned = returnedExpressions(fn, node.parent?.type === 'AwaitExpression');
  if (!returned || returned.length !== 1) return undefined;
  let value: TSESTree.Node = unwrapExpression(returned[0]);
  for (let i = 0; i < 4; i++) {
    if (value.type === 'AwaitExpression') {
      value = unwrapExpression(value.argument);
      continue;
    }
    const decoded = bufferFromArgument(value);
    if (decoded) {
      value = unwrapExpression(decoded);
      continue;
    }
    if (value.type !== 'Identifier') break;
    const variable = variableOf(ctx.sourceCode, value);
    const init = variable && singleInitializer(variable);
    if (!init) return undefined;
    value = unwrapExpression(init);
  }
  if (value.type !== 'CallExpression' || value.callee.type !== 'MemberExpression' || !/^get/i.test(memberName(value.callee) ?? '')) return undefined;
  const names = value.arguments.map((a) => (a.type === 'SpreadElement' ? undefined : resolveConstant(ctx, a)));
  if (names.length === 0 || names.some((n) => n?.kind !== 'string' || typeof n.value !== 'string')) return undefined;
  const helper = node.callee.type === 'Identifier' ? node.callee.name : 'helper';
  const slot = names.map((n) => String(n!.value)).join('/');
  return { id: `${STORED_PREFIX}${ctx.sourceCode.getText(value.callee)}(${slot})`, name: `${helper}()`, origin: 'unknown' };
}

/**
 * `await albumKeyFrom(raw)` where `albumKeyFrom` is a local helper whose one exit
 * returns `subtle.importKey(…)`/`generateKey(…)`: the CryptoKey that call makes, with
 * its usages (a key created in one function and misused in another).
 */
function localHelperKey(ctx: ResolveContext, node: TSESTree.CallExpression | TSESTree.NewExpression, next: (n: TSESTree.Node) => Identity | undefined): Identity | undefined {
  if (node.type !== 'CallExpression') return undefined;
  const fn = localFunctionOf(ctx.sourceCode, node.callee);
  const returned = fn && returnedExpressions(fn, node.parent?.type === 'AwaitExpression');
  if (!returned || returned.length !== 1) return undefined;
  let value = unwrapExpression(returned[0]);
  if (value.type === 'AwaitExpression') value = unwrapExpression(value.argument);
  // `sessionKey ??= await subtle.generateKey(…); return sessionKey;`: a memoized key, made by its one write.
  if (value.type === 'Identifier') value = memoizedCreation(ctx, value) ?? value;
  const api = value.type === 'CallExpression' ? apiCallAt(ctx.sourceCode, value) : undefined;
  // `const subkey = () => Buffer.from(hkdfSync('sha256', ROOT, salt, LABEL, 32))`: each call derives that one key, the
  // same as an inline derivation with the same input and label. Only without parameters, whose values the callers decide.
  const derived = derivationReturnedBy(ctx, value);
  if (derived && fn.params.length === 0) return next(derived);
  // `function stateKeyFrom(secret) { return createHash('sha256').update(secret).digest(); }`: each call returns the digest of
  // what its caller passes, the same secret for this rule (sha256(secret), 20), so the call is the key that argument is.
  const hashed = hashedParameterIndex(ctx, fn, value);
  const passed = hashed >= 0 ? node.arguments[hashed] : undefined;
  if (passed && passed.type !== 'SpreadElement') return next(passed);
  const key = api && api.library.id === 'webcrypto' && CRYPTO_KEY_CREATORS.has(lastName(api)) ? cryptoKeyIdentity(ctx, api) : undefined;
  // From a parameter's bytes, the key is defined by the helper's call, not by the caller's binding.
  return key && { ...key, definition: key.definition ?? api!.node };
}

/** The position of the parameter of `fn` that the hash call `value` digests (through its `update` chain), or -1. */
function hashedParameterIndex(ctx: ResolveContext, fn: FunctionNode, value: TSESTree.Node): number {
  const api = value.type === 'CallExpression' ? apiCallAt(ctx.sourceCode, value) : undefined;
  if (api?.api.operation !== 'hash') return -1;
  for (let c: ApiCall | undefined = api; c; c = c.receiver) {
    for (const arg of c.args) {
      const data = arg.role === 'data' ? unwrapExpression(arg.node) : undefined;
      if (data?.type === 'Identifier' && isParameterOf(ctx.sourceCode, data, fn)) return fn.params.findIndex((p) => p.type === 'Identifier' && p.name === data.name);
    }
  }
  return -1;
}

/**
 * The call that makes the value of a binding written once, by its initializer or one assignment (`cached ??= await
 * subtle.generateKey(…)`, `cached = await importKey(…)`): the key a caching helper returns on every call.
 */
function memoizedCreation(ctx: ResolveContext, node: TSESTree.Identifier): TSESTree.CallExpression | undefined {
  const variable = variableOf(ctx.sourceCode, node);
  const written = variable ? writesOf(variable) : [];
  if (written.length !== 1) return undefined;
  let value = unwrapExpression(written[0].writeExpr as TSESTree.Node);
  if (value.type === 'AwaitExpression') value = unwrapExpression(value.argument);
  return value.type === 'CallExpression' ? value : undefined;
}

/** The KDF call a helper's returned expression is, also through `Buffer.from(…)` copies of its output. */
function derivationReturnedBy(ctx: ResolveContext, value: TSESTree.Node): TSESTree.Node | undefined {
  let inner = unwrapExpression(value);
  for (let copied = bufferFromArgument(inner); copied; copied = bufferFromArgument(inner)) inner = unwrapExpression(copied);
  if (inner.type === 'AwaitExpression') inner = unwrapExpression(inner.argument);
  const api = inner.type === 'CallExpression' ? apiCallAt(ctx.sourceCode, inner) : undefined;
  return api?.api.operation === 'kdf' ? value : undefined;
}

/** The bytes `Buffer.from(x, …)` copies or decodes: `x`. */
function bufferFromArgument(node: TSESTree.Node): TSESTree.Node | undefined {
  if (!isStaticCall(node, 'Buffer', 'from')) return undefined;
  const arg = node.arguments[0];
  return arg && arg.type !== 'SpreadElement' ? arg : undefined;
}

function constantText(ctx: ResolveContext, node: TSESTree.Node): string | undefined {
  const c = resolveConstant(ctx, node);
  if (!c) return undefined;
  if (c.kind === 'bytes') return Buffer.from(c.value as Uint8Array).toString('hex');
  return c.text ?? String(c.value);
}

/**
 * A WebCrypto key: the same identity as its raw material when that is known
 * (`importKey('raw', sharedSecret, …)` is still `sharedSecret`), else the call.
 */
function cryptoKeyIdentity(ctx: ResolveContext, call: ApiCall): Identity | undefined {
  const bound = boundIdentifier(call.node);
  const name = bound?.name ?? 'a CryptoKey';
  if (lastName(call) === 'importKey') {
    const raw = call.node.arguments[1];
    const base = raw && identify(ctx, raw, 1);
    if (base) return { ...base, creator: call };
  }
  // HKDF/PBKDF2 `deriveKey`: its own key per (base key, salt and info), as `hkdfSync` — the same parameters twice
  // give the same bits, whatever algorithm each result is bound to (the base key is then what is reused).
  const labels = lastName(call) === 'deriveKey' ? call.args.filter((a) => a.role === 'data' || a.role === 'salt') : [];
  const input = labels.length > 0 ? call.args.find((a) => a.role === 'key') : undefined;
  const base = input && identify(ctx, input.node, 1);
  if (base) {
    const label = labels.map((a) => constantText(ctx, a.node) ?? labelPlace(ctx, call, a.node)).join('|');
    const inputDefinition = base.definition ?? base.creator?.node;
    return { id: `kdf(${base.id}|${label})`, name, origin: 'derived', definition: call.node, creator: call, inputDefinition, inputName: base.name, declaration: bound && declarationOf(bound) };
  }
  return { id: `cryptokey@${call.node.range[0]}`, name, origin: lastName(call) === 'generateKey' ? 'generated' : lastName(call) === 'deriveKey' ? 'derived' : 'unknown', definition: call.node, creator: call, declaration: bound && declarationOf(bound) };
}

/**
 * A `deriveKey` label that is not a constant: the place it is written, unless that place is in a helper every call
 * shares (`deriveKey(hkdf('vault/items'), master, …)` with `const hkdf = (info) => ({ …, info: te.encode(info) })`):
 * then each call's own algorithm argument as written (`hkdf('vault/items')`), so that distinct labels stay distinct
 * keys and a label repeated in two calls stays one key.
 */
function labelPlace(ctx: ResolveContext, call: ApiCall, label: TSESTree.Node): string {
  const inCall = label.range[0] >= call.node.range[0] && label.range[1] <= call.node.range[1];
  const params = call.node.arguments[0];
  if (inCall || !params) return `@${label.range[0]}`;
  // `info: te.encode(\`app/${purpose}\`)` in one parameter object shared by the calls of a function that picks the
  // algorithm by `purpose` (`if (purpose === 'payload') return deriveKey(params, …, AES-GCM); return deriveKey(params,
  // …, HMAC)`): each branch runs for its own values of the label, so the calls of each branch derive a key of their own.
  const branch = labelBranchOf(ctx.sourceCode, call, label);
  return `${branch ?? ''}as-written:${ctx.sourceCode.getText(params)}`;
}

/**
 * The branch of its function that `call` sits in, when `label` reads a parameter that a condition of that function
 * tests (an `if`, a `switch`, a `? :`): the calls of different branches run for different values of the label, so
 * each derives a key of its own, while two calls of one branch derive one. A call after a guard `if` whose branch
 * always leaves (`if (purpose === 'payload') return …;`) is in the guard's implicit `else`, and so is every call after
 * a guard that only checks the parameter (`if (!purpose) throw …`): such calls share that one branch.
 */
function labelBranchOf(sourceCode: SourceCode, call: ApiCall, label: TSESTree.Node): string | undefined {
  const fn = enclosingFunctionOf(call.node);
  if (!fn) return undefined;
  const parameters = new Set<TSESLint.Scope.Variable>();
  for (const node of descendants(label)) {
    if (node.type === 'Identifier' && isParameterOf(sourceCode, node, fn)) parameters.add(variableOf(sourceCode, node)!);
  }
  if (parameters.size === 0) return undefined;
  const testsParameter = (test: TSESTree.Node) => {
    for (const node of descendants(test)) {
      if (node.type === 'Identifier' && parameters.has(variableOf(sourceCode, node)!)) return true;
    }
    return false;
  };
  let child: TSESTree.Node = call.node;
  for (let n: TSESTree.Node | undefined = call.node.parent; n && n !== fn; child = n, n = n.parent) {
    const test = n.type === 'IfStatement' || n.type === 'ConditionalExpression' ? n.test : n.type === 'SwitchStatement' ? n.discriminant : undefined;
    if (test && child !== test && testsParameter(test)) return `@branch${child.range[0]}`;
    const statements = n.type === 'BlockStatement' ? n.body : n.type === 'SwitchCase' ? n.consequent : undefined;
    for (let i = (statements?.indexOf(child as TSESTree.Statement) ?? 0) - 1; i >= 0; i--) {
      const guard = statements![i];
      if (guard.type === 'IfStatement' && alwaysLeaves(guard.consequent) && testsParameter(guard.test)) return `@after${guard.range[0]}`;
    }
  }
  return undefined;
}

function boundIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  const n = climbTypeWrappers(node, { await: true });
  return n.parent?.type === 'VariableDeclarator' && n.parent.init === n && n.parent.id.type === 'Identifier' ? n.parent.id : undefined;
}

function declarationOf(id: TSESTree.Node): TSESTree.Node | undefined {
  for (let n: TSESTree.Node | undefined = id; n; n = n.parent) {
    if (n.type === 'VariableDeclaration' || n.type === 'PropertyDefinition' || n.type === 'FunctionDeclaration') {
      return n.parent?.type === 'ExportNamedDeclaration' ? n.parent : n;
    }
    if (n.type === 'BlockStatement' || n.type === 'Program') return undefined;
  }
  return undefined;
}

/** The default of a parameter when it reads the environment (`key = process.env.KEY`, `key = env.KEY ?? ''`). */
function environmentDefault(param: TSESTree.Identifier): TSESTree.Expression | undefined {
  const pattern = param.parent;
  if (pattern?.type !== 'AssignmentPattern' || pattern.left !== param) return undefined;
  let value = unwrapExpression(pattern.right);
  if (value.type === 'LogicalExpression') value = unwrapExpression(value.left);
  return envVarName(value) ? pattern.right : undefined;
}

function identifyBinding(ctx: ResolveContext, node: TSESTree.Identifier, next: (n: TSESTree.Node) => Identity | undefined, topLevel = false): Identity | undefined {
  const variable = variableOf(ctx.sourceCode, node);
  if (!variable || variable.defs.length === 0) return undefined;
  const def = variable.defs[0];
  const declared = variable.identifiers[0] as TSESTree.Identifier;
  const own: Identity = { id: `var:${variable.name}@${declared.range[0]}`, name: variable.name, origin: 'unknown', definition: declared, declaration: declarationOf(declared) };
  if (def.type === 'Parameter') {
    // `@inject(APP_SECRET) secret` with `container.register(APP_SECRET, { useValue: … })` in this file:
    // the registered value, defined where it is written.
    const injected = declared.type === 'Identifier' ? injectedValue(ctx.sourceCode, declared) : undefined;
    const value = injected && next(injected.value);
    if (injected && value) return { ...value, definition: value.definition ?? injected.value };
    // A registered value with no identity of its own (`useFactory: () => readFileSync(…)`): the registration
    // is the key, one and the same in every class the token is injected into.
    if (injected) return { ...own, id: `${INJECTED_PREFIX}${injected.value.range[0]}`, definition: injected.value, declaration: undefined };
    // A helper (`function hmac(k, d)`) called in this file with one and the same key: its uses are that key's.
    const passed = declared.type === 'Identifier' ? callSiteArguments(ctx.sourceCode, declared).map(next) : [];
    const first = passed[0];
    if (first && passed.every((p) => p?.id === first.id)) return first;
    // `constructor(encodedKey = process.env.CONNECT_KEY)` that no call in this file gives an argument: the environment
    // variable the default reads is the key the code runs with (defined, like a read of it, by the binding that holds it).
    const fallback = passed.length === 0 ? environmentDefault(declared) : undefined;
    const fromEnvironment = fallback && next(fallback);
    if (fromEnvironment?.origin === 'environment') return { ...fromEnvironment, definition: undefined };
    return { ...own, origin: 'parameter', definition: undefined };
  }
  if (def.type === 'ImportBinding') {
    const source = def.parent && 'source' in def.parent ? String((def.parent as TSESTree.ImportDeclaration).source.value) : '?';
    const spec = def.node;
    const imported = spec.type === 'ImportSpecifier' ? (spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value)) : 'default';
    // With type information, the declaration in the other file: its identity, `@keyPurpose` tag and env var.
    const external = externalDeclaration(ctx, node);
    if (external?.envVar) return { id: `env:${external.envVar}`, name: variable.name, origin: 'environment', envVar: external.envVar, declaration: def.node, external };
    return { id: external ? `file:${external.id}` : `import:${source}#${imported}`, name: variable.name, origin: 'imported', declaration: def.node, external };
  }
  if (def.type !== 'Variable') return own;
  if (def.node.id.type !== 'Identifier') {
    // `const { key } = config`
    const init = def.node.init;
    if (init && def.node.id.type === 'ObjectPattern') {
      // `const { JWT_SECRET } = process.env`: the environment variable, defined in this file by the binding.
      const envName = isProcessEnv(init) ? patternKey(def.node.id, variable.name) : undefined;
      if (envName) return { id: `env:${envName}`, name: `process.env.${envName}`, origin: 'environment', envVar: envName, definition: own.definition, declaration: own.declaration };
      // `const { privateKey, publicKey } = generateKeyPairSync('rsa', …)`: a half of a pair generated right there, defined by
      // that destructuring (also when a constructor then keeps it in a field, `this.privateKey = privateKey`; decision 72).
      const unwrapped = unwrapExpression(init.type === 'AwaitExpression' ? init.argument : init);
      const generator = unwrapped.type === 'CallExpression' ? apiCallAt(ctx.sourceCode, unwrapped) : undefined;
      if (generator?.api.operation === 'keygen') return { ...own, origin: 'generated' };
      const base = memberPathIdentity(ctx, init, [variable.name]);
      if (base) return base.definition || !(isImportedObject(ctx, init) || holdsCallResult(ctx, init)) ? base : { ...base, definition: own.definition };
    }
    return own;
  }
  const init = singleInitializer(variable);
  if (!init) return reassignedKey(variable, node, own, next) ?? own;
  return topLevel ? initializedIdentityOnce(ctx, variable, () => initializedIdentity(ctx, own, init, next)) : initializedIdentity(ctx, own, init, next);
}

/**
 * The identity of a binding written once, asked about one of its references at the top of `identify`, once per variable
 * (per context): a module key read by every seal/open (`DATA_KEY`) was identified again from its initializer at each
 * reference. Past the reference, nothing depends on which reference was asked about, and at the top the depth is the same.
 */
const initializedIdentities = new LintScopedWeakMap<ResolveContext, WeakMap<TSESLint.Scope.Variable, Identity | null>>();
function initializedIdentityOnce(ctx: ResolveContext, variable: TSESLint.Scope.Variable, identifyInit: () => Identity | undefined): Identity | undefined {
  let memo = initializedIdentities.get(ctx);
  if (!memo) initializedIdentities.set(ctx, (memo = new WeakMap()));
  const known = memo.get(variable);
  if (known !== undefined) return known ?? undefined;
  const identity = identifyInit();
  memo.set(variable, identity ?? null);
  return identity;
}

/** The identity a binding gets from its single initializer `init` (`own`: the binding's own identity). */
function initializedIdentity(ctx: ResolveContext, own: Identity, init: TSESTree.Expression, next: (n: TSESTree.Node) => Identity | undefined): Identity | undefined {
  const inner = unwrapExpression(init.type === 'AwaitExpression' ? init.argument : init);
  const api = inner.type === 'CallExpression' || inner.type === 'NewExpression' ? apiCallAt(ctx.sourceCode, inner) : undefined;
  if (api && api.library.id === 'webcrypto' && CRYPTO_KEY_CREATORS.has(lastName(api))) return cryptoKeyIdentity(ctx, api);
  if (api && (api.api.operation === 'random' || api.api.operation === 'keygen')) return { ...own, origin: 'generated' };
  if (inner.type === 'Literal' || inner.type === 'TemplateLiteral' || (resolveConstant(ctx, inner) && inner.type !== 'Identifier' && inner.type !== 'MemberExpression')) {
    return { ...own, origin: 'hardcoded' };
  }
  const through = next(init);
  if (through) {
    // `const signingKey = importPKCS8(pem, 'PS256')` with `pem` bound in this file: the key is defined where the bytes are bound.
    const imported = api?.api.operation === 'key-import' && through.definition !== undefined;
    // `const view = new Uint8Array(bits)` over a KDF output already bound to a name, or `const key =
    // Buffer.from(JOB_KEY, 'hex')` over `const { JOB_KEY } = process.env`: the same bytes, whose definition
    // stays that first binding.
    const alreadyBound = (through.origin === 'derived' || through.origin === 'environment') && through.definition?.type === 'Identifier';
    const named = (through.origin === 'environment' || through.origin === 'derived') && !imported && !alreadyBound;
    // A secret store's value read through a helper (`const secret = await deviceSecret()`) is defined by the store, not by
    // whichever function's local binding is met first: with no definition, the second conflicting use is where it goes (4).
    if (through.id.startsWith(STORED_PREFIX)) return { ...through, declaration: through.declaration ?? own.declaration };
    return { ...through, declaration: through.declaration ?? own.declaration, definition: named ? own.definition : through.definition ?? own.definition, name: named ? own.name : through.name };
  }
  return own;
}

/**
 * A binding given a new value before a use holds another key there: in
 * `var key = consumerSecret + '&' + tokenSecret; if (rsa) { key = this.privateKey; sign(key) } else mac(key)`
 * the signature's key is the private key, not the HMAC secret. A use that an
 * assignment overriding an earlier write always reaches (no other write in
 * between) is that assignment's key: the value's own identity when it has one,
 * else this version of the binding. Undefined for uses the first write reaches.
 */
function reassignedKey(
  variable: TSESLint.Scope.Variable,
  use: TSESTree.Identifier,
  own: Identity,
  next: (n: TSESTree.Node) => Identity | undefined,
): Identity | undefined {
  const { dominating, later } = reachingWrites(variable, use);
  if (!dominating || later.length > 0 || dominating === writesOf(variable)[0]) return undefined;
  const at = dominating.identifier as TSESTree.Identifier;
  return next(dominating.writeExpr as TSESTree.Node) ?? { ...own, id: `${own.id}=${at.range[0]}`, definition: at };
}

/**
 * `workerData` of `node:worker_threads`, an object imported from a module this file cannot see into: a
 * binding destructured from it (`const { secret } = workerData`) is where this file defines that key, as
 * `const { JWT_SECRET } = process.env` is. Parameters are not: their callers define the value (4).
 */
function isImportedObject(ctx: ResolveContext, node: TSESTree.Node): boolean {
  const object = unwrapExpression(node);
  if (object.type !== 'Identifier') return false;
  return variableOf(ctx.sourceCode, object)?.defs[0]?.type === 'ImportBinding';
}

/**
 * A local binding holding what a call returned (`const account = await accounts.get(id)`, a record a store loaded): a
 * binding destructured from it (`const { webhookSecret } = account`) is where this file binds that secret (4), as
 * `const secret = account.webhookSecret` is; nothing earlier in the file defines it. Parameters are not (their callers
 * define the value).
 */
function holdsCallResult(ctx: ResolveContext, node: TSESTree.Node): boolean {
  const object = unwrapExpression(node);
  if (object.type !== 'Identifier') return false;
  const variable = variableOf(ctx.sourceCode, object);
  if (!variable || variable.defs[0]?.type !== 'Variable') return false;
  const init = singleInitializer(variable);
  let value = init && unwrapExpression(init);
  if (value?.type === 'AwaitExpression') value = unwrapExpression(value.argument);
  return value?.type === 'CallExpression';
}

/** The property a destructured binding reads: `JWT_SECRET` of `{ JWT_SECRET }`, `A` of `{ A: secret }`. */
function patternKey(pattern: TSESTree.ObjectPattern, binding: string): string | undefined {
  for (const prop of pattern.properties) {
    if (prop.type !== 'Property' || prop.computed) continue;
    const value = prop.value.type === 'AssignmentPattern' ? prop.value.left : prop.value;
    if (value.type === 'Identifier' && value.name === binding) return propertyName(prop.key);
  }
  return undefined;
}

function identifyMember(ctx: ResolveContext, node: TSESTree.MemberExpression, next: (n: TSESTree.Node) => Identity | undefined): Identity | undefined {
  const name = classMemberName(node);
  if (!name) return undefined;
  const object = unwrapExpression(node.object);
  if (object.type === 'ThisExpression') {
    const cls = enclosingClass(node);
    const protoClass = cls ? undefined : prototypeClassOfThis(ctx.sourceCode, object);
    if (protoClass) return identifyPrototypeField(protoClass, name, next);
    const className = cls?.id?.name ?? 'class';
    const field = cls?.body.body.find((m) => m.type === 'PropertyDefinition' && !m.computed && classMemberKeyName(m.key) === name);
    const assigned = cls && thisPropertyValue(cls, name);
    const value = assigned ? next(assigned.value) : undefined;
    // Defined where the value is bound in this file (`const { SECRET } = process.env`, a DI registration), else by this assignment.
    const shared = value && (value.origin === 'environment' || value.origin === 'kms' || value.id.startsWith(INJECTED_PREFIX));
    if (value && shared) return { ...value, name: `this.${name}`, declaration: field, definition: value.definition ?? assigned?.at };
    // `const pair = generateKeyPairSync(…); this.privateKey = pair.privateKey`: the key is the one generated there.
    if (value?.origin === 'generated' && value.definition) return { ...value, name: `this.${name}`, declaration: field };
    // `this.#enc = hkdf(master, salt, 'box')` and `this.#mac = hkdf(master, salt, 'box')`: one derivation (same input, salt
    // and info) stored in two fields is one key, as when it is bound to two locals (decision 20); each field is defined by
    // its assignment, and two of them move the definition to the master (see `tracked`).
    if (value?.origin === 'derived' && value.id.startsWith('kdf(') && assigned) return { ...value, name: `this.${name}`, declaration: field, definition: assigned.at ?? value.definition };
    // `private readonly pair = generateKeyPairSync('ec', …)` (or `this.pair = randomBytes(32)`): generated right there, defined by
    // that initializer or assignment, and a key pair whose halves share this identity (`this.pair.privateKey`).
    const origin = value?.origin ?? (assigned && isGeneratingCall(ctx, assigned.value) ? 'generated' : 'unknown');
    // Defined where its value is written: the field initializer, else the one `this.<name> = …` (a bare `private key: Buffer;` holds nothing yet).
    return { id: `this:${className}@${cls?.range[0] ?? 0}.${name}`, name: `this.${name}`, origin, definition: assigned?.at ?? field, declaration: field };
  }
  // `Licences.pair` (`static readonly pair = generateKeyPairSync(…)`): a static field of a class of this file, defined by its initializer.
  const staticField = object.type === 'Identifier' ? staticFieldOf(ctx, object, name) : undefined;
  if (staticField?.value) {
    const label = `${object.type === 'Identifier' ? object.name : 'class'}.${name}`;
    const value = next(staticField.value);
    if (value && (value.origin === 'environment' || value.origin === 'kms' || value.id.startsWith(INJECTED_PREFIX))) {
      return { ...value, name: label, declaration: staticField, definition: value.definition ?? staticField.key };
    }
    if (value?.origin === 'generated' && value.definition) return { ...value, name: label, declaration: staticField };
    const origin = value?.origin ?? (isGeneratingCall(ctx, staticField.value) ? 'generated' : 'unknown');
    return { id: `static:${label}@${staticField.range[0]}`, name: label, origin, definition: staticField.key, declaration: staticField };
  }
  // A key pair's halves share the pair's identity (and purpose): a WebCrypto pair, a generated one (`generateKeyPairSync`),
  // or one made from a secret (`crypto_sign_seed_keypair(seed)`, `nacl.sign.keyPair.fromSeed(seed)`, `ed2curve.convertKeyPair(pair)`).
  if (name === 'privateKey' || name === 'publicKey' || name === 'secretKey') {
    const pair = next(object);
    if (pair?.id.startsWith('cryptokey@') || pair?.origin === 'generated' || (pair && isImportedKeyPair(ctx, object))) return pair;
  }
  // `PartnerKeys.exchange`: the `export const exchange` of `namespace PartnerKeys`, one binding wherever it is read.
  const exported = namespaceMember(ctx.sourceCode, object, name);
  if (exported) return next(exported);
  return memberPathIdentity(ctx, node.object, [name]);
}

/** The `static` field `name` of the class a binding names (`class Licences { static pair = … }`), when this file declares it. */
function staticFieldOf(ctx: ResolveContext, classRef: TSESTree.Identifier, name: string): TSESTree.PropertyDefinition | undefined {
  const def = variableOf(ctx.sourceCode, classRef)?.defs[0];
  if (def?.type !== 'ClassName') return undefined;
  const cls = def.node as TSESTree.ClassDeclaration;
  const field = cls.body.body.find((m) => m.type === 'PropertyDefinition' && m.static && !m.computed && classMemberKeyName(m.key) === name);
  return field?.type === 'PropertyDefinition' && field.value && !isNoValueLiteral(field.value) ? field : undefined;
}

/** A modelled call that makes fresh key material (`randomBytes(32)`, `generateKeyPairSync(…)`), awaited or not. */
function isGeneratingCall(ctx: ResolveContext, node: TSESTree.Node): boolean {
  const raw = unwrapExpression(node);
  const call = unwrapExpression(raw.type === 'AwaitExpression' ? raw.argument : raw);
  if (call.type !== 'CallExpression' && call.type !== 'NewExpression') return false;
  const op = apiCallAt(ctx.sourceCode, call)?.api.operation;
  return op === 'random' || op === 'keygen';
}

/**
 * A binding made by a modelled key import (a key pair built from a seed or converted from another pair): a local
 * (`const pair = nacl.sign.keyPair.fromSeed(seed)`) or a field of this class (`this.signing = nacl.sign.keyPair.fromSeed(seed)`).
 */
function isImportedKeyPair(ctx: ResolveContext, object: TSESTree.Node): boolean {
  const init = object.type === 'Identifier' ? localInitializer(ctx, object) : object.type === 'MemberExpression' ? thisFieldValue(object) : undefined;
  const call = init && unwrapExpression(init.type === 'AwaitExpression' ? init.argument : init);
  const api = call && (call.type === 'CallExpression' || call.type === 'NewExpression') ? apiCallAt(ctx.sourceCode, call) : undefined;
  return api?.api.operation === 'key-import';
}

/** The single initializer of the local binding `id` reads (`pair` of `const pair = …`). */
function localInitializer(ctx: ResolveContext, id: TSESTree.Identifier): TSESTree.Node | undefined {
  const variable = variableOf(ctx.sourceCode, id);
  return variable && singleInitializer(variable);
}

/** What `this.<name>` is given by its class (field initializer or one assignment), for a `this.<name>` member. */
function thisFieldValue(member: TSESTree.MemberExpression): TSESTree.Node | undefined {
  const name = unwrapExpression(member.object).type === 'ThisExpression' ? classMemberName(member) : undefined;
  const cls = name ? enclosingClass(member) : undefined;
  return cls && name ? thisPropertyValue(cls, name)?.value : undefined;
}

/** `config.crypto.key` → the property's value when it resolves, else an identity by path on the root binding. */
function memberPathIdentity(ctx: ResolveContext, objectNode: TSESTree.Node, path: string[], depth = 0): Identity | undefined {
  let object = unwrapExpression(objectNode);
  const names = [...path];
  while (object.type === 'MemberExpression') {
    // `this.#pair.privateKey`: a private field is a step like a public one.
    const n = classMemberName(object);
    if (!n) return undefined;
    names.unshift(n);
    object = unwrapExpression(object.object);
  }
  if (object.type === 'ThisExpression' && names.length > 1) {
    // `this.config.key`: follow `this.config` to what the class assigns it (`this.config = settings`).
    const cls = enclosingClass(object);
    const assigned = cls && thisPropertyValue(cls, names[0]);
    const value = assigned && unwrapExpression(assigned.value);
    if (value && depth < 3 && (value.type === 'Identifier' || value.type === 'MemberExpression' || value.type === 'ThisExpression')) {
      const through = memberPathIdentity(ctx, value, names.slice(1), depth + 1);
      // `this.#pair = pair` from a constructor parameter: defined by that assignment, the field's binding in the file (32).
      if (through) return { ...through, name: ['this', ...names].join('.'), definition: through.definition ?? assigned.at };
    }
    if (value?.type === 'ObjectExpression') {
      let inner: TSESTree.Node | undefined = value;
      for (const n of names.slice(1)) inner = inner && unwrapExpression(inner).type === 'ObjectExpression' ? findProp(unwrapExpression(inner) as TSESTree.ObjectExpression, n) : undefined;
      const id = inner && identify(ctx, inner, 4);
      if (id) return { ...id, name: ['this', ...names].join('.') };
    }
    return { id: `this:${cls?.id?.name ?? 'class'}@${cls?.range[0] ?? 0}.${names.join('.')}`, name: ['this', ...names].join('.'), origin: 'unknown' };
  }
  if (object.type !== 'Identifier') return undefined;
  const variable = variableOf(ctx.sourceCode, object);
  // `function createStore(cfg) { … cfg.key … }` called in this file as `createStore({ key: STORE_KEY })`: the key its callers pass.
  if (variable?.defs[0]?.type === 'Parameter' && depth < 3) {
    const declared = variable.identifiers[0] as TSESTree.Identifier | undefined;
    const passed = declared ? callSiteArguments(ctx.sourceCode, declared).map((arg) => propertyIdentity(ctx, arg, names, depth + 1)) : [];
    const first = passed[0];
    if (first && passed.every((p) => p?.id === first.id)) return { ...first, name: [object.name, ...names].join('.') };
  }
  const parameter = variable?.defs[0]?.type === 'Parameter' && depth < 3 ? (variable.identifiers[0] as TSESTree.Identifier | undefined) : undefined;
  if (parameter) {
    // `@Inject(cryptoConfig.KEY) cfg` then `cfg.secret`: the member of the value registered for that token.
    const injected = injectedValue(ctx.sourceCode, parameter);
    // `appConfig.jwtSecret` where `appConfig: AppConfig` is a class of this file: what its getter or field holds.
    const typedMember = () => {
      const held = names.length === 1 ? typedInstanceMemberValues(ctx.sourceCode, parameter, names[0]) : [];
      return held.length === 1 ? identify(ctx, held[0], 4) : undefined;
    };
    const through = (injected && propertyIdentity(ctx, injected.value, names, depth + 1)) || typedMember();
    if (through) return { ...through, name: [object.name, ...names].join('.') };
  }
  // `app.appKey` after `app.decorate('appKey', appKey)`: the decorated value.
  const decorated = names.length === 1 && depth < 3 ? decoratedValue(ctx.sourceCode, object, names[0]) : undefined;
  const decoratedKey = decorated && identify(ctx, decorated.value, 4);
  if (decoratedKey) return { ...decoratedKey, name: [object.name, ...names].join('.') };
  const binding = variable?.defs[0]?.type === 'Parameter' ? platformBindingName(object.name, names) : undefined;
  if (binding) return { id: `env:${binding}`, name: [object.name, ...names].join('.'), origin: 'environment', envVar: binding };
  // The value, when written in an object literal (`const config = { key: process.env.KEY }`).
  const init = variable && singleInitializer(variable);
  // `const env = EnvSchema.parse(process.env)` (zod, envalid's `cleanEnv(process.env, …)`): a validated copy of the environment.
  if (init && names.length === 1 && isValidatedEnvironment(init)) return { id: `env:${names[0]}`, name: [object.name, ...names].join('.'), origin: 'environment', envVar: names[0] };
  let value: TSESTree.Node | undefined = init;
  for (const n of names) {
    const literal: TSESTree.Node | undefined = value && unwrapExpression(value);
    value = literal?.type === 'ObjectExpression' ? findProp(literal, n) : undefined;
  }
  if (value) {
    const inner = identify(ctx, value, 4);
    // `{ key: process.env.K }`: the property is where this key is defined in the file.
    if (inner) return { ...inner, name: [object.name, ...names].join('.'), definition: inner.definition ?? value };
  }
  const root = variable?.identifiers[0] ? `${variable.name}@${variable.identifiers[0].range[0]}` : object.name;
  // `params.private_key` of a parameter nothing in this file resolves: what the caller passes, like the parameter itself.
  const origin = variable?.defs[0]?.type === 'Parameter' ? 'parameter' : 'unknown';
  // `const vehicleKeys = loadOrCreateIdentity()`: the binding that holds what a local helper returns (a key pair loaded
  // or generated) is where the key is defined in the file (4), not its second conflicting use.
  const definition = init && isLocalHelperCall(ctx.sourceCode, init) ? variable?.identifiers[0] : undefined;
  return { id: `member:${root}.${names.join('.')}`, name: [object.name, ...names].join('.'), origin, ...(definition ? { definition } : {}) };
}

/**
 * A Worker's environment binding read through a handler parameter: `env.APP_SECRET` (the `env` of a
 * Cloudflare `fetch(request, env)`) or `c.env.APP_SECRET` (a Hono context). Every handler receives the
 * same bindings, so the setting is one key wherever the file reads it, like `process.env.APP_SECRET`
 * (each handler's parameter would otherwise make it a key of its own).
 */
function platformBindingName(parameter: string, path: readonly string[]): string | undefined {
  if (parameter === 'env' && path.length === 1) return path[0];
  if (path.length === 2 && path[0] === 'env') return path[1];
  return undefined;
}

/** `helper()` or `await helper()` where `helper` is a function of this file. */
function isLocalHelperCall(sourceCode: SourceCode, init: TSESTree.Node): boolean {
  let value = unwrapExpression(init);
  if (value.type === 'AwaitExpression') value = unwrapExpression(value.argument);
  return value.type === 'CallExpression' && localFunctionOf(sourceCode, value.callee) !== undefined;
}

/** The key at `path` inside an argument: `{ key: STORE_KEY }` written in place, or a binding/member holding such an object. */
function propertyIdentity(ctx: ResolveContext, arg: TSESTree.Node, path: readonly string[], depth: number): Identity | undefined {
  let value: TSESTree.Node | undefined = unwrapExpression(arg);
  if (value.type !== 'ObjectExpression') return memberPathIdentity(ctx, value, [...path], depth);
  for (const n of path) {
    const literal: TSESTree.Node | undefined = value && unwrapExpression(value);
    value = literal?.type === 'ObjectExpression' ? findProp(literal, n) : undefined;
  }
  const found = value && identify(ctx, value, 4);
  return found && { ...found, definition: found.definition ?? value };
}

/**
 * What a class puts in `this.<name>`: its field initializer, or the value of its one
 * `this.<name> = value` assignment (usually in the constructor). `at` is where to report.
 */
const thisValues = new LintScopedWeakMap<TSESTree.Node, Map<string, { value: TSESTree.Node; at?: TSESTree.Node } | undefined>>();

function thisPropertyValue(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): { value: TSESTree.Node; at?: TSESTree.Node } | undefined {
  // Cached per class (every `this.x` of a big class would walk it again).
  let byName = thisValues.get(cls);
  if (!byName) thisValues.set(cls, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, findThisPropertyValue(cls, name));
  return byName.get(name);
}

function findThisPropertyValue(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): { value: TSESTree.Node; at?: TSESTree.Node } | undefined {
  const field = cls.body.body.find((m) => m.type === 'PropertyDefinition' && !m.computed && classMemberKeyName(m.key) === name);
  // `private key: CryptoKey | null = null` holds nothing yet: the key is what a method assigns later.
  if (field?.type === 'PropertyDefinition' && field.value && !isNoValueLiteral(field.value)) return { value: field.value, at: field.key };
  // `constructor(private readonly secret: string)`: the field holds what the parameter receives.
  for (const param of classConstructor(cls)?.params ?? []) {
    const id = param.type === 'TSParameterProperty' ? (param.parameter.type === 'AssignmentPattern' ? param.parameter.left : param.parameter) : undefined;
    // No `at`: a parameter's value is defined by the callers (reported at the second conflicting use).
    if (id?.type === 'Identifier' && id.name === name) return { value: id };
  }
  const methods = cls.body.body.flatMap((member) => (member.type === 'MethodDefinition' ? [member.value.body ?? member.value] : []));
  return singleThisAssignment(cls, methods, name);
}

/**
 * `this.secret` in a prototype class (`function FieldCrypto(secret) { this.secret = secret; }` and its
 * `FieldCrypto.prototype.*` methods): defined by its one `this.secret = …` assignment, like a class field.
 */
function identifyPrototypeField(protoClass: PrototypeClass, name: string, next: (n: TSESTree.Node) => Identity | undefined): Identity | undefined {
  const bodies = [protoClass.constructor.body, ...[...protoClass.methods.values()].map((m) => m.body)];
  const assigned = singleThisAssignment(protoClass.constructor, bodies, name);
  const value = assigned ? next(assigned.value) : undefined;
  const shared = value && (value.origin === 'environment' || value.origin === 'kms' || value.id.startsWith(INJECTED_PREFIX));
  if (value && shared) return { ...value, name: `this.${name}`, definition: value.definition ?? assigned?.at };
  if (value?.origin === 'generated' && value.definition) return { ...value, name: `this.${name}` };
  return { id: `this:${protoClass.name}@${protoClass.constructor.range[0]}.${name}`, name: `this.${name}`, origin: value?.origin ?? 'unknown', definition: assigned?.at };
}

/** The value of the one `this.<name> = value` assignment in `bodies` (not inside nested classes other than `owner`). */
function singleThisAssignment(owner: TSESTree.Node, bodies: readonly TSESTree.Node[], name: string): { value: TSESTree.Node; at?: TSESTree.Node } | undefined {
  const found: { value: TSESTree.Node; at?: TSESTree.Node }[] = [];
  const cls = owner;
  const visit = (node: TSESTree.Node, depth: number): void => {
    if (depth > 12 || found.length > 1) return;
    // `this.key = null` on close clears the field: it is not another value of the key.
    if (node.type === 'AssignmentExpression' && node.operator === '=' && node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression' && classMemberName(node.left) === name && !isNoValueLiteral(node.right)) {
      found.push({ value: node.right, at: node.left.property });
    }
    if (node !== cls && (node.type === 'ClassDeclaration' || node.type === 'ClassExpression')) return;
    for (const key of Object.keys(node) as (keyof typeof node)[]) {
      if (key === 'parent') continue;
      const child = node[key] as unknown;
      if (Array.isArray(child)) for (const c of child) { if (c && typeof c === 'object' && 'type' in c) visit(c as TSESTree.Node, depth + 1); }
      else if (child && typeof child === 'object' && 'type' in (child as object)) visit(child as TSESTree.Node, depth + 1);
    }
  };
  for (const body of bodies) visit(body, 0);
  return found.length === 1 ? found[0] : undefined;
}

/** The private or secret member (`d`, `k`) of a JWK literal, directly or as the `key` of key-import options. */
function jwkSecretMember(object: TSESTree.ObjectExpression): TSESTree.Node | undefined {
  const inner = findProp(object, 'key');
  const jwk = inner?.type === 'ObjectExpression' ? inner : object;
  if (!findProp(jwk, 'kty')) return undefined;
  return findProp(jwk, 'd') ?? findProp(jwk, 'k');
}

function findProp(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  for (const p of object.properties) if (p.type === 'Property' && !p.computed && propertyName(p.key) === name) return p.value;
  return undefined;
}

function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === 'ClassDeclaration' || n.type === 'ClassExpression') return n;
  return undefined;
}

// ---------------------------------------------------------------------------
// KMS key ids

function identifyKmsKey(ctx: ResolveContext, node: TSESTree.Node): Identity | undefined {
  const expr = unwrapExpression(node);
  // `${KEY_NAME}/cryptoKeyVersions/1`: a version of the Cloud KMS key named by KEY_NAME is that key.
  const version = expr.type === 'TemplateLiteral' && expr.quasis[0]?.value.cooked === '' && /^\/cryptoKeyVersions\//.test(expr.quasis[1]?.value.cooked ?? '');
  if (version) return identifyKmsKey(ctx, expr.expressions[0]);
  const env = envVarName(expr);
  if (env) return { id: `kms-env:${env}`, name: `the KMS key in process.env.${env}`, origin: 'kms', envVar: env };
  const bound = envThroughBinding(ctx, expr);
  if (bound) {
    const declared = expr.type === 'Identifier' ? variableOf(ctx.sourceCode, expr)?.identifiers[0] : undefined;
    return { id: `kms-env:${bound}`, name: `the KMS key in process.env.${bound}`, origin: 'kms', envVar: bound, definition: declared as TSESTree.Node | undefined };
  }
  const created = createdKeyOf(ctx, expr);
  if (created) return createdKmsKeyIdentity(created);
  const constant = resolveConstant(ctx, expr);
  // Defined in the file when written once in a binding; an inline literal repeated at each call has no definition.
  if (constant && typeof constant.value === 'string') return { id: `kms:${constant.value}`, name: `KMS key ${constant.value}`, origin: 'kms', kmsKeyId: constant.value, definition: constant.origin === expr ? undefined : constant.origin };
  const other = identify(ctx, expr, 2);
  return other && { ...other, id: `kms-${other.id}`, origin: 'kms' };
}

function envThroughBinding(ctx: ResolveContext, node: TSESTree.Node): string | undefined {
  if (node.type !== 'Identifier') return undefined;
  const variable = variableOf(ctx.sourceCode, node);
  const init = variable && singleInitializer(variable);
  if (!init) return undefined;
  const inner = unwrapExpression(init);
  return envVarName(inner.type === 'LogicalExpression' ? inner.left : inner);
}

function createdKmsKeyIdentity(call: ApiCall): Identity {
  return { id: `kms-created@${call.node.range[0]}`, name: 'the KMS key created here', origin: 'kms', definition: call.node, creator: call };
}

/** `KeyMetadata.KeyId` / `res.KeyMetadata!.Arn` of a `CreateKeyCommand` result. */
function createdKeyOf(ctx: ResolveContext, node: TSESTree.Node): ApiCall | undefined {
  let expr = node;
  if (expr.type === 'Identifier') {
    const variable = variableOf(ctx.sourceCode, expr);
    const init = variable && singleInitializer(variable);
    if (init) expr = unwrapExpression(init);
  }
  if (expr.type !== 'MemberExpression' || !/^(?:KeyId|Arn)$/.test(memberName(expr) ?? '')) return undefined;
  let object = unwrapExpression(expr.object);
  while (object.type === 'MemberExpression') object = unwrapExpression(object.object);
  if (object.type !== 'Identifier') return undefined;
  const variable = variableOf(ctx.sourceCode, object);
  const def = variable?.defs[0];
  const init = def?.type === 'Variable' ? def.node.init : undefined;
  if (!init) return undefined;
  const call = unwrapExpression(init.type === 'AwaitExpression' ? init.argument : init);
  if (call.type !== 'CallExpression') return undefined;
  const direct = apiCallAt(ctx.sourceCode, call);
  if (direct?.api.facts?.kmsCreateKey) return direct;
  // client.send(new CreateKeyCommand(…)) or client.send(command)
  let sent = call.arguments[0] && unwrapExpression(call.arguments[0]);
  if (sent?.type === 'Identifier') {
    const v = variableOf(ctx.sourceCode, sent);
    sent = (v && singleInitializer(v)) ?? sent;
  }
  const command = sent && apiCallAt(ctx.sourceCode, sent);
  return command?.api.facts?.kmsCreateKey ? command : undefined;
}

// ---------------------------------------------------------------------------
// Declared purposes

const KEY_USAGE_PURPOSE: Record<string, KeyPurpose[]> = {
  ENCRYPT_DECRYPT: ['encrypt'],
  SIGN_VERIFY: ['sign'],
  GENERATE_VERIFY_MAC: ['mac'],
  // GCP CryptoKey purposes
  ENCRYPT_DECRYPT_GCP: ['encrypt'],
  ASYMMETRIC_SIGN: ['sign'],
  ASYMMETRIC_DECRYPT: ['encrypt'],
  MAC: ['mac'],
};

/** What a KMS KeySpec allows: ECC and HMAC keys cannot encrypt, symmetric keys cannot sign. */
export function purposesOfKeySpec(spec: string): KeyPurpose[] | undefined {
  if (/^HMAC_/.test(spec)) return ['mac'];
  if (/^(?:ECC_|SM2)/.test(spec)) return ['sign'];
  if (spec === 'SYMMETRIC_DEFAULT') return ['encrypt'];
  if (/^RSA_/.test(spec)) return ['encrypt', 'sign'];
  return undefined;
}

/** WebCrypto usages of a CryptoKey creator, added to the key's (several imports of one secret add up). */
function declareUsages(ctx: ResolveContext, key: TrackedKey, creator: ApiCall): void {
  if (creator.library.id !== 'webcrypto') return;
  const usagesArg = creator.args.find((a) => a.role === 'usages');
  const usages = usagesArg && resolveConstant(ctx, usagesArg.node);
  if (usages?.kind !== 'array') return;
  const own = (usages.value as readonly Constant[]).map((u) => String(u.value));
  key.usages = distinct([...(key.usages ?? []), ...own]);
  const hmac = algorithmNames(ctx, creator).some((a) => /^hmac$/i.test(a));
  key.declared.push({ purposes: purposesOfUsages(own, hmac), source: 'webcrypto-usages', node: creator.node });
}

function declare(ctx: ResolveContext, key: TrackedKey, identity: Identity): void {
  const creator = identity.creator;
  if (creator) declareUsages(ctx, key, creator);
  if (creator?.api.facts?.kmsCreateKey) {
    const usage = creator.args.find((a) => a.role === 'kms-key-usage');
    const usageValue = usage && resolveConstant(ctx, usage.node);
    const purposes = typeof usageValue?.value === 'string' ? KEY_USAGE_PURPOSE[usageValue.value] : undefined;
    if (purposes) key.declared.push({ purposes, source: 'kms-key-usage', node: creator.node });
    const spec = creator.args.find((a) => a.role === 'kms-key-spec');
    const specValue = spec && resolveConstant(ctx, spec.node);
    const specPurposes = typeof specValue?.value === 'string' ? purposesOfKeySpec(specValue.value) : undefined;
    if (specPurposes) key.declared.push({ purposes: specPurposes, source: 'kms-key-usage', node: creator.node });
  }
  const tag = identity.declaration && jsDocPurpose(ctx, identity.declaration);
  if (tag) key.declared.push({ purposes: [tag.purpose], source: 'jsdoc', node: tag.node });
  const externalTag = identity.external?.keyPurpose;
  if (externalTag && identity.declaration) key.declared.push({ purposes: [externalTag as KeyPurpose], source: 'jsdoc', node: identity.declaration });
}

const TAG = /@keyPurpose\s+([\w-]+)/;

function jsDocPurpose(ctx: ResolveContext, declaration: TSESTree.Node): { purpose: KeyPurpose; node: TSESTree.Node } | undefined {
  const comments = ctx.sourceCode.getCommentsBefore(declaration);
  const comment = comments[comments.length - 1];
  const match = comment && TAG.exec(comment.value);
  if (!match) return undefined;
  return { purpose: match[1] as KeyPurpose, node: declaration };
}

// ---------------------------------------------------------------------------
// Inventory

/** One key of a file, for the editor's key inventory. */
export interface KeyInventoryEntry {
  /** Display name (`dataKey`, `process.env.SESSION_KEY`, `KMS key alias/app`). */
  name: string;
  origin: KeyOrigin;
  /** Distinct purposes it is used for, in first-use order. */
  purposes: KeyPurpose[];
  /** Purposes declared by JSDoc `@keyPurpose`, WebCrypto usages or KMS KeyUsage/KeySpec. */
  declaredPurposes: KeyPurpose[];
  /** Algorithm names seen at its uses (`aes-256-gcm`, `sha256`, `HS256`). */
  algorithms: string[];
  /** 1-based line/column of the definition (or first use). */
  line: number;
  column: number;
  /** Each use: purpose and 1-based position. */
  uses: { purpose: KeyPurpose; line: number; column: number }[];
  envVar?: string;
  kmsKeyId?: string;
}

/**
 * The keys a file uses, for the key inventory: origin, purposes (used and
 * declared), algorithms, positions. Zeroization of raw key bytes comes from
 * `findKeyBytes` + `require-key-zeroization`; this list is about identities.
 */
export function listKeys(ctx: ResolveContext): KeyInventoryEntry[] {
  return trackKeys(ctx).map((key) => {
    const at = (key.definition ?? key.uses[0]?.arg)?.loc.start ?? { line: 1, column: 0 };
    const algorithms = new Set<string>();
    for (const use of key.uses) for (const name of algorithmNames(ctx, use.call)) algorithms.add(name);
    return {
      name: key.name,
      origin: key.origin,
      purposes: distinct(key.uses.map((u) => u.purpose)),
      declaredPurposes: distinct(key.declared.flatMap((d) => d.purposes)),
      algorithms: [...algorithms],
      line: at.line,
      column: at.column + 1,
      uses: key.uses.map((u) => ({ purpose: u.purpose, line: u.arg.loc.start.line, column: u.arg.loc.start.column + 1 })),
      ...(key.envVar ? { envVar: key.envVar } : {}),
      ...(key.kmsKeyId ? { kmsKeyId: key.kmsKeyId } : {}),
    };
  });
}

export function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/**
 * A key made fresh on each run of a function (`const key = randomBytes(32)` inside it)
 * whose differently-purposed uses sit in branches that exclude each other (`switch`
 * cases that end in return/break/throw, `if`/`else`, `? :`): each run uses it for one
 * purpose only, so it is not reuse.
 */
export function onePurposePerRun(sourceCode: SourceCode, key: TrackedKey): boolean {
  if (key.origin !== 'generated' || !key.definition || !insideFunction(key.definition)) return false;
  for (const a of key.uses) {
    for (const b of key.uses) {
      if (a.purpose !== b.purpose && a.arg.range[0] < b.arg.range[0] && !exclusiveConditional(sourceCode, a.arg, b.arg)) return false;
    }
  }
  return true;
}

/**
 * A function that dispatches one API over several operations with its caller's key:
 * `usePrivate ? privateEncrypt(keyPem, …) : publicEncrypt(keyPem, …)` where `usePrivate`
 * is a parameter and the key is a parameter too, or is made in the function from its
 * parameters or the object's state (`detectAndExport(this.key, format)`). Each call
 * uses the key for the one operation its caller asked for: whether a caller uses one
 * key for both is that caller's reuse. A key fixed outside the function (a module
 * constant, an environment variable, a `loadKey()` result) stays reuse: every call
 * shares it.
 */
export function callerSelectsPurpose(sourceCode: SourceCode, key: TrackedKey): boolean {
  // Where the key is made per call (the uses must be in that function), or undefined for a parameter or the object's state.
  let home: FunctionNode | undefined;
  if (key.origin === 'parameter' && !key.definition) {
    // the caller's argument
  } else if ((key.origin === 'unknown' || key.origin === 'parameter') && key.id.startsWith('this:')) {
    // the object's state (`this.key`, set from what its creator passed)
  } else {
    home = key.definition ? enclosingFunctionOf(key.definition) : undefined;
    if (key.origin !== 'unknown' || !home || !initializerReadsCaller(sourceCode, key.definition!, home)) return false;
  }
  for (const a of key.uses) {
    for (const b of key.uses) {
      if (a.purpose === b.purpose || a.arg.range[0] >= b.arg.range[0]) continue;
      const conditional = exclusiveConditional(sourceCode, a.arg, b.arg);
      const fn = conditional && enclosingFunctionOf(conditional);
      const test = conditional?.type === 'SwitchStatement' ? conditional.discriminant : conditional?.test;
      if (!conditional || !fn || !test || (home && fn !== home) || !readsParameterOf(sourceCode, test, fn)) return false;
    }
  }
  return true;
}

function enclosingFunctionOf(node: TSESTree.Node): FunctionNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (isFunction(n)) return n;
  return undefined;
}

/** `const keyPem = detectAndExport(this.key, format)`: the key is made from what the caller gave (a parameter of `fn`, `this`). */
function initializerReadsCaller(sourceCode: SourceCode, definition: TSESTree.Node, fn: FunctionNode): boolean {
  const declarator = definition.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id !== definition) return false;
  const readsCaller = (value: TSESTree.Node) => [...descendants(value, isFunction)].some((n) => n.type === 'ThisExpression' || (n.type === 'Identifier' && isParameterOf(sourceCode, n, fn)));
  if (declarator.init) return readsCaller(declarator.init);
  // `var priv; if (…) { priv = this.part.k.data; … } else { priv = this.part.k.data; … }`: every assignment.
  const variable = definition.type === 'Identifier' ? variableOf(sourceCode, definition) : undefined;
  const writes = variable ? writesOf(variable) : [];
  // `priv = priv.slice(1)` re-derives the value already read from the caller.
  const readsSelf = (value: TSESTree.Node) => [...descendants(value, isFunction)].some((n) => n.type === 'Identifier' && variableOf(sourceCode, n) === variable);
  const values = writes.map((w) => w.writeExpr as TSESTree.Node | null).filter((v): v is TSESTree.Node => !!v);
  return values.length === writes.length && values.some(readsCaller) && values.every((v) => readsCaller(v) || readsSelf(v));
}

/**
 * Whether `test` reads a parameter of `fn`, directly or through a constant of `fn` made from one
 * (`const type = algorithm.slice(0, 2); switch (type) …`: fast-jwt picks HMAC or a signature by
 * the prefix of the algorithm its caller names).
 */
function readsParameterOf(sourceCode: SourceCode, test: TSESTree.Node, fn: FunctionNode, throughConstants = true): boolean {
  return [...descendants(test, isFunction)].some(
    (n) => n.type === 'Identifier' && (isParameterOf(sourceCode, n, fn) || (throughConstants && isConstantFromParameterOf(sourceCode, n, fn))),
  );
}

function isConstantFromParameterOf(sourceCode: SourceCode, id: TSESTree.Identifier, fn: FunctionNode): boolean {
  const def = variableOf(sourceCode, id)?.defs[0];
  if (def?.type !== 'Variable' || def.node.parent.kind !== 'const' || !def.node.init) return false;
  return enclosingFunctionOf(def.node) === fn && readsParameterOf(sourceCode, def.node.init, fn, false);
}

function isParameterOf(sourceCode: SourceCode, id: TSESTree.Identifier, fn: FunctionNode): boolean {
  const def = variableOf(sourceCode, id)?.defs[0];
  return def?.type === 'Parameter' && def.node === fn;
}

type Conditional = TSESTree.IfStatement | TSESTree.ConditionalExpression | TSESTree.SwitchStatement;

/**
 * The `if`/`? :`/`switch` whose two branches hold `a` and `b` (never both run), if that is how they are separated,
 * also where each use sits in a helper of this file that the branches call (`if (type === 'AES') return
 * this.signAES(msg, key); else if (type === 'RSA') return this.signRSA(msg, key);` with the HMAC in one helper and
 * the signature in the other): then every call of the one helper and every call of the other must be in the two
 * branches of one statement.
 */
function exclusiveConditional(sourceCode: SourceCode, a: TSESTree.Node, b: TSESTree.Node): Conditional | undefined {
  const direct = branchesHolding(a, b);
  if (direct) return direct;
  const sitesOfA = helperCallSites(sourceCode, a, b);
  const sitesOfB = helperCallSites(sourceCode, b, a);
  if (!sitesOfA || !sitesOfB || (sitesOfA[0] === a && sitesOfB[0] === b)) return undefined;
  let shared: Conditional | undefined;
  for (const x of sitesOfA) {
    for (const y of sitesOfB) {
      const conditional = x.range[0] < y.range[0] ? branchesHolding(x, y) : branchesHolding(y, x);
      if (!conditional || (shared && conditional !== shared)) return undefined;
      shared = conditional;
    }
  }
  return shared;
}

/**
 * Where a use of a key in a helper happens as its caller sees it: `[use]` when its function also holds `other`, else the
 * calls of that function in this file (undefined when it has none, or the use is not in a function).
 */
function helperCallSites(sourceCode: SourceCode, use: TSESTree.Node, other: TSESTree.Node): TSESTree.Node[] | undefined {
  const fn = enclosingFunctionOf(use);
  if (!fn || isWithin(other, fn)) return [use];
  const calls = [...callsOf(sourceCode, fn)];
  return calls.length > 0 ? calls : undefined;
}

/** The `if`/`? :`/`switch` whose two branches hold `a` (the earlier) and `b`, by where they are written. */
function branchesHolding(a: TSESTree.Node, b: TSESTree.Node): Conditional | undefined {
  if (!exclusive(a, b)) return undefined;
  const ancestors = new Set<TSESTree.Node>();
  for (let n: TSESTree.Node | undefined = a; n; n = n.parent) ancestors.add(n);
  for (let n: TSESTree.Node | undefined = b.parent; n; n = n.parent) {
    if (!ancestors.has(n)) continue;
    if (n.type === 'IfStatement' || n.type === 'ConditionalExpression' || n.type === 'SwitchStatement') return n;
    const guard = childContaining(n, a);
    return guard?.type === 'IfStatement' ? guard : undefined;
  }
  return undefined;
}

/** The direct child of `ancestor` on the way down to `node`. */
function childContaining(ancestor: TSESTree.Node, node: TSESTree.Node): TSESTree.Node | undefined {
  let child: TSESTree.Node = node;
  for (let n = node.parent; n; child = n, n = n.parent) if (n === ancestor) return child;
  return undefined;
}

/**
 * `if (mode === 'mac') return createHmac(…, key)…; …createCipheriv(…, key, iv)`: a guard `if` (no `else`)
 * whose branch always leaves, holding the earlier use, and a later statement of the same block holding the
 * other. The code after the guard runs only when the guard's branch did not: the two never both run.
 */
function isGuardClauseAround(statement: TSESTree.Node, common: TSESTree.Node, use: TSESTree.Node): boolean {
  if (common.type !== 'BlockStatement' || statement.type !== 'IfStatement' || statement.alternate) return false;
  return isWithin(use, statement.consequent) && alwaysLeaves(statement.consequent);
}

/** A statement that ends in `return` or `throw` on its only path. */
function alwaysLeaves(statement: TSESTree.Statement): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true;
  if (statement.type !== 'BlockStatement') return false;
  const last = statement.body[statement.body.length - 1];
  return !!last && alwaysLeaves(last);
}

/** Are `a` (earlier) and `b` in branches of one statement that never both run? */
function exclusive(a: TSESTree.Node, b: TSESTree.Node): boolean {
  const ancestors = new Set<TSESTree.Node>();
  for (let n: TSESTree.Node | undefined = a; n; n = n.parent) ancestors.add(n);
  let childOfCommon: TSESTree.Node = b;
  let common: TSESTree.Node | undefined = b.parent;
  while (common && !ancestors.has(common)) {
    childOfCommon = common;
    common = common.parent;
  }
  if (!common) return false;
  const branchA = childContaining(common, a);
  const branchB = childOfCommon;
  if (!branchA || branchA === branchB) return false;
  if (common.type === 'IfStatement' || common.type === 'ConditionalExpression') return branchA !== common.test && branchB !== common.test;
  if (isGuardClauseAround(branchA, common, a)) return true;
  if (common.type === 'SwitchStatement' && branchA.type === 'SwitchCase') {
    const last = branchA.consequent[branchA.consequent.length - 1];
    const end = last?.type === 'BlockStatement' ? last.body[last.body.length - 1] : last;
    return !!end && (end.type === 'ReturnStatement' || end.type === 'BreakStatement' || end.type === 'ThrowStatement');
  }
  return false;
}

// ---------------------------------------------------------------------------
// Keys handed to helpers of other files

/** A key of this file handed to helper functions imported from other files, with the purposes those helpers give it. */
export interface HelperKeyUses {
  id: string;
  name: string;
  /** Where the key is defined in this file; absent for an environment variable read in place. */
  definition?: TSESTree.Node;
  uses: { purpose: KeyPurpose; site: string; call: TSESTree.CallExpression }[];
}

/**
 * With type information: keys passed to functions imported from other source files of the program
 * (`macWith(partnerKey, body)` from `./lib/mac`, `sealWith(partnerKey, data)` from `./lib/seal`), grouped by
 * key, each use carrying the purpose the helper's own modelled call gives its parameter. The in-file
 * tracker only sees modelled calls; these helpers are where a key meets its second purpose across a module
 * boundary.
 */
export function keysThroughImportedHelpers(ctx: ResolveContext): HelperKeyUses[] {
  if (!ctx.parserServices?.program) return [];
  const byId = new Map<string, HelperKeyUses>();
  for (const call of importedFunctionCalls(ctx.sourceCode)) {
    call.arguments.forEach((arg, index) => {
      if (arg.type === 'SpreadElement') return;
      const helperUses = importedHelperKeyUses(ctx.sourceCode, call, index);
      if (helperUses.length === 0) return;
      const identity = identify(ctx, arg, 0);
      if (!identity || identity.origin === 'parameter' || identity.origin === 'hardcoded') return;
      let entry = byId.get(identity.id);
      if (!entry) byId.set(identity.id, (entry = { id: identity.id, name: identity.name, definition: identity.definition, uses: [] }));
      for (const use of helperUses) {
        const purpose = purposeOfApi(use.api, use.libraryId, () => algorithmLiteralsIn(use.callText));
        if (purpose) entry.uses.push({ purpose, site: `${purpose} in ${use.file}:${use.line} through ${sourceText(ctx.sourceCode, call.callee)}()`, call });
      }
    });
  }
  return [...byId.values()];
}

/** Calls of functions this module imports (`import { macWith } from './lib/mac'`, or `mac.macWith` of `import * as mac`). */
function importedFunctionCalls(sourceCode: SourceCode): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  const moduleScope = sourceCode.scopeManager?.globalScope?.childScopes.find((s) => s.type === 'module');
  for (const variable of moduleScope?.variables ?? []) {
    const def = variable.defs[0];
    if (def?.type !== 'ImportBinding') continue;
    const namespace = def.node.type === 'ImportNamespaceSpecifier';
    for (const ref of variable.references) {
      const parent = ref.identifier.parent;
      const callee = namespace && parent?.type === 'MemberExpression' && parent.object === ref.identifier && !parent.computed ? parent : ref.identifier;
      if (callee.parent?.type === 'CallExpression' && callee.parent.callee === callee) calls.push(callee.parent);
    }
  }
  return calls;
}

function sourceText(sourceCode: SourceCode, node: TSESTree.Node): string {
  return sourceCode.text.slice(node.range[0], node.range[1]);
}

/** Algorithm names written as string literals in a call's text (`algorithm: 'HS256'`), for purposes that depend on them. */
export function algorithmLiteralsIn(text: string): string[] {
  return [...text.matchAll(/['"`]([A-Za-z][\w-]{1,20})['"`]/g)].map((m) => m[1]);
}

/**
 * A call that takes `process.env` itself and returns it checked (`Schema.parse(process.env)`, `cleanEnv(process.env, spec)`,
 * `schema.safeParse(process.env).data`): its members are the environment variables of the same names.
 */
function isValidatedEnvironment(init: TSESTree.Node): boolean {
  let node = unwrapExpression(init);
  if (node.type === 'MemberExpression' && memberName(node) === 'data') node = unwrapExpression(node.object);
  return node.type === 'CallExpression' && node.arguments.some((arg) => arg.type !== 'SpreadElement' && isProcessEnv(arg));
}
