import * as path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { apiCallAt, argsWithRole, getApiCalls, hasherOf, type ApiCall } from '../src/analysis/api-calls';
import { sqlEcbModes } from '../src/analysis/sql-crypto';
import { digestPurpose, type DigestVerdict } from '../src/analysis/digest-purpose';
import { isFunction } from '../src/analysis/expression-names';
import { verificationKeyKind } from '../src/analysis/key-kind';
import { localFunctionOf } from '../src/analysis/local-functions';
import { resolveObjectLiteral, findProperty, singleInitializer, unwrapExpression, variableOf } from '../src/analysis/scope';
import { symbolicValues } from '../src/analysis/symbolic';
import { envVarName, resolveValues, type Constant, type ResolveContext } from '../src/analysis/values';
import { describeAlgorithm, describeZipEncryptionMethod, describeMode, hashWeakness, describeRsaEncryptionPadding, isEcb, needsSeparateMac, weakCipherSuiteFamilies, xmlSecuritySha256Upgrade, type AlgorithmFacts } from '../src/model/algorithms';
import { templateSkeletons } from '../src/analysis/template-skeleton';
import type { Operation } from '../src/model/types';
import { toFix } from '../src/fix/edits';
import { gcmUpgradeFix } from '../src/fix/gcm-upgrade';
import { passwordUpgradeFix } from '../src/fix/password-hash';
import { isTypeScriptFile } from '../src/fix/source-shape';
import { ENVELOPE_SUGGESTION_MESSAGE, withEnvelopeSuggestion } from '../src/fix/envelope/suggest';
import { algorithmVerdict, getPolicy, policyName, type Policy } from '../src/policy';
import { createRule } from '../src/util/create-rule';
import { calleeOf, describeCall, reportOncePerNode, reportTarget } from '../src/util/rule-report';

export type Options = [
  {
    /** Allow broken hashes whose result is evidently a non-security fingerprint (ETag, cache key, dedupe, local checksum). */
    allowFingerprints?: boolean;
    /** Allow broken hashes inside a hash helper module (every export returns a digest of its caller's data): its importers decide the purpose. */
    allowHashHelpers?: boolean;
    /** Report CBC/CTR/CFB/OFB encryption when no MAC is computed anywhere in the file. */
    requireAuthenticatedEncryption?: boolean;
    /** When `jsonwebtoken` `verify()` must pin `algorithms`: only when the key may be a public key, or always. */
    requirePinnedJwtAlgorithms?: 'when-asymmetric' | 'always';
  },
];
export type MessageIds =
  | 'weakHash'
  | 'weakCipher'
  | 'weakKeyFileCipher'
  | 'ecbMode'
  | 'deprecatedCipherApi'
  | 'passphraseKdf'
  | 'rsaPkcs1Encryption'
  | 'jwtNone'
  | 'jwtUnpinned'
  | 'policyDenied'
  | 'unauthenticatedMode'
  | 'useSha256'
  | 'useSha256Migrate'
  | 'upgradeToGcm'
  | 'upgradePasswordHash'
  | 'rewriteToEnvelope';

/** What a hash inside each kind of operation protects. */
const HASH_USE: Partial<Record<Operation, string>> = {
  mac: 'HMAC (an integrity/authentication key is at stake)',
  'mac-verify': 'HMAC verification',
  sign: 'signatures',
  verify: 'signature verification',
  kdf: 'key derivation',
  'password-hash': 'password hashing',
  keygen: 'keys',
  'key-import': 'keys',
  encrypt: 'encryption padding',
  decrypt: 'encryption padding',
  'jwt-sign': 'token signatures',
  'jwt-verify': 'token signatures',
};
const CIPHER_OPS = new Set<Operation>(['encrypt', 'decrypt', 'wrap', 'unwrap']);
const MAC_OPS = new Set<Operation>(['mac', 'mac-verify']);
/**
 * Operations that write something new with the algorithm they are given: ciphertexts, signatures, MACs, wrapped keys.
 * One of them picking its algorithm from a table at run time produces output with every entry some day, so each weak
 * entry counts; decrypting and verifying through such a table reads what others wrote (format support).
 */
const PRODUCING_OPS = new Set<Operation>(['encrypt', 'wrap', 'sign', 'jwt-sign', 'mac']);
const WEAK_HASH_NAME = /md5|md4|md2|sha-?1(?!\d)|ripemd-?160|rmd160/i;

/** Names of a completion callback, as node-style APIs take it last. */
const CALLBACK_NAMES = /^(?:cb|callback|done|next|onDone|onComplete)$/i;

export default createRule<Options, MessageIds>({
  name: 'no-weak-algorithm',
  meta: {
    type: 'problem',
    hasSuggestions: true,
    docs: {
      description: 'Disallow broken or weak cryptographic algorithms, modes and paddings',
      recommended: 'recommended',
      strictOptions: [{ allowFingerprints: false, allowHashHelpers: false, requireAuthenticatedEncryption: true, requirePinnedJwtAlgorithms: 'always' }],
      cwe: [327, 328, 916, 347],
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          allowFingerprints: {
            type: 'boolean',
            description:
              'Allow MD5/SHA-1 when the digest is evidently a non-security fingerprint (ETag, cache key, dedupe key, checksum of a local file, Gravatar URL). Default true; false in `strict`.',
          },
          allowHashHelpers: {
            type: 'boolean',
            description:
              'Allow MD5/SHA-1 inside a hash helper module, whose every export returns the digest of its caller\'s data (`export default function md5(bytes)`, a `createHash(algorithm)` factory), when no function, parameter or file name says security: the importers decide what it is for. Default true; false in `strict`.',
          },
          requireAuthenticatedEncryption: {
            type: 'boolean',
            description: 'Report unauthenticated modes (CBC, CTR, CFB, OFB) when no MAC is computed in the file. Default false; true in `strict`.',
          },
          requirePinnedJwtAlgorithms: {
            type: 'string',
            enum: ['when-asymmetric', 'always'],
            description:
              "When JWT verification (`jsonwebtoken` `verify()`, jose `jwtVerify`…) must pin `algorithms`: `'always'` (default, as issue 2 asks: verify without pinned algorithms); `'when-asymmetric'` only when the key may be a public key, a key set or a key callback (PEM, certificate, file, JWKS) — the cases where the token's header can choose the algorithm family.",
          },
        },
      },
    ],
    messages: {
      rewriteToEnvelope: ENVELOPE_SUGGESTION_MESSAGE,
      weakHash: '{{name}} {{weakness}} and must not be used for {{use}}. Use SHA-256 or stronger{{passwordHint}}.',
      weakCipher: '{{name}} is an obsolete cipher ({{why}}). Use AES-256-GCM or ChaCha20-Poly1305.',
      weakKeyFileCipher:
        "{{name}} is an obsolete cipher ({{why}}) to write a private key under. Use AES-256 ('aes-256-cbc' for node:crypto's key encoding, algorithm 'aes256' for node-forge): PEM, PKCS#8 and PKCS#12 key files have no GCM, and their integrity comes from the passphrase-derived key check.",
      ecbMode: 'ECB mode encrypts equal blocks to equal ciphertext and leaks patterns. Use an authenticated mode (AES-256-GCM) with a random IV per message.',
      deprecatedCipherApi:
        '{{api}} {{why}}. Use createCipheriv/createDecipheriv with a key from a KDF or KMS and a random IV (data encrypted with it must be re-encrypted).',
      passphraseKdf:
        'A string key puts {{api}} in passphrase mode: the real key and IV come from one round of MD5 (EVP_BytesToKey). Pass a WordArray key (e.g. from PBKDF2 or enc.Hex.parse) with an explicit random IV.',
      rsaPkcs1Encryption: 'RSA PKCS#1 v1.5 encryption padding is open to padding-oracle (Bleichenbacher) attacks. Use RSA-OAEP (RSA_PKCS1_OAEP_PADDING).',
      policyDenied: '{{name}} is {{why}} in {{policy}}: this project does not use it. Use an algorithm the policy allows.',
      jwtNone: 'The JWT algorithm "none" means no signature: anyone can forge tokens. Sign with a real algorithm and never accept "none".',
      jwtUnpinned:
        '{{api}} accepts whatever algorithm the token header names{{keyHint}}. Pin the expected algorithms: `{ algorithms: [\'RS256\'] }` (algorithm confusion, CVE-2022-23540).',
      unauthenticatedMode:
        '{{name}} encrypts without authenticating, and no MAC is computed in this file: ciphertexts can be modified undetected (padding oracles for CBC). Use AES-256-GCM or encrypt-then-MAC.',
      upgradePasswordHash:
        'Hash passwords with scrypt (a random salt each, stored as `scrypt$salt$hash`) and check them with `{{verify}}`, which still accepts the existing {{name}} hashes and hands their scrypt replacement to its `onUpgrade` callback: pass one that saves it, so stored hashes upgrade at each user\'s next login. Old hashes stay weak until then: force a reset for accounts that do not log in.',
      upgradeToGcm:
        'Switch this encrypt/decrypt pair to AES-256-GCM with {{key}}, a random 12-byte nonce per message and an authentication tag, both stored with the ciphertext and checked on decryption (tampered data is refused). Ciphertexts written by the current code no longer decrypt: re-encrypt them (decrypt with the current code, encrypt with the new) before deploying.',
      useSha256:
        'Use {{replacement}} instead (a fresh digest: nothing stored depends on it). The digest grows to 32 bytes (64 hex or 44 base64 characters): check fields, columns and parsers sized for {{name}}.',
      useSha256Migrate:
        'Use {{replacement}} instead. Digests or signatures already stored or exchanged with {{name}} will no longer match: migrate them (re-hash on next use, or verify with both during a transition). The digest grows to 32 bytes (64 hex or 44 base64 characters).',
    },
  },
  defaultOptions: [{ allowFingerprints: true, allowHashHelpers: true, requireAuthenticatedEncryption: false, requirePinnedJwtAlgorithms: 'always' }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const ctx: ResolveContext = { sourceCode, parserServices: sourceCode.parserServices };
    // An algorithm picked from a table at run time (`createCipheriv(FORMATS[v].cipher, …)`, a signer's
    // `PROFILES[p].signatureAlgorithm`) is used by a producing operation with every entry some day (PRODUCING_OPS).
    const everyEntryCtx: ResolveContext = { ...ctx, everyTableEntry: true };
    /**
     * The written entries of a cipher list: an array's elements, also when the array is joined into an OpenSSL
     * string (`[…].join(':')`, one suite per line), so each is reported where it is written; otherwise the string.
     */
    const cipherListEntries = (constant: Constant): readonly Constant[] => {
      if (constant.kind === 'array') return constant.value as readonly Constant[];
      if (constant.kind !== 'string' || constant.origin.type !== 'ArrayExpression') return [constant];
      const list = resolveValues(ctx, constant.origin).values;
      return list.length === 1 && list[0].kind === 'array' ? (list[0].value as readonly Constant[]) : [constant];
    };
    const projectPath = projectRelativePath(context.filename, context.cwd);
    const report = withEnvelopeSuggestion(sourceCode, reportOncePerNode<MessageIds>((d) => context.report(d)), ['weakCipher', 'ecbMode', 'unauthenticatedMode']);
    // The policy is looked up (a walk up the folders) only when a file names an algorithm.
    let policy: Policy | undefined;

    return {
      'Program:exit'() {
        // The database encrypting in ECB mode because the SQL the application sends sets it (MySQL's block_encryption_mode).
        for (const { node } of sqlEcbModes(sourceCode)) report({ node, messageId: 'ecbMode' });
        const calls = getApiCalls(sourceCode);
        if (calls.length === 0) return;
        const macInFile = calls.some((c) => MAC_OPS.has(c.api.operation) || namesHmac(c));
        for (const call of calls) {
          try {
            checkCall(call, macInFile);
          } catch {
            // A rule must survive any AST: an unexpected shape is skipped.
          }
        }
      },
    };

    /** `subtle.sign('HMAC', …)`, `importKey('raw', k, { name: 'HMAC', … })`: a MAC in WebCrypto's vocabulary. */
    function namesHmac(call: ApiCall): boolean {
      return argsWithRole(call, 'algorithm').some((node) => resolveValues(ctx, node).values.some((v) => v.kind === 'string' && /^hmac$/i.test(v.value as string)));
    }

    function checkCall(call: ApiCall, macInFile: boolean): void {
      const op = call.api.operation;
      if (isCapabilityProbe(call)) return;
      for (const node of [...argsWithRole(call, 'algorithm'), ...argsWithRole(call, 'digest')]) {
        let named = false;
        for (const constant of resolveValues(PRODUCING_OPS.has(op) ? everyEntryCtx : ctx, node).values) {
          if (constant.kind !== 'string') continue;
          named = true;
          checkAlgorithmName(call, constant.value as string, reportTarget(sourceCode, constant, node), constant, macInFile);
        }
        if (!named && CIPHER_OPS.has(op)) checkCipherTemplates(node);
        if (!named) checkHasher(call, node, macInFile);
      }
      for (const node of argsWithRole(call, 'cipher-suites')) {
        // A string is an OpenSSL list (`'AES128-SHA:DES-CBC3-SHA'`); an array lists one name per element (SSH's
        // `algorithms.cipher`), each enabling its cipher: reported on the element.
        for (const constant of resolveValues(ctx, node).values) {
          for (const entry of cipherListEntries(constant)) {
            const family = entry.kind === 'string' ? weakCipherSuiteFamilies(entry.value as string)[0] : undefined;
            if (family) report({ node: reportTarget(sourceCode, entry, node), messageId: 'weakCipher', data: { name: family, why: cipherWeakness(family) } });
          }
        }
      }
      for (const node of argsWithRole(call, 'algorithms')) {
        for (const list of resolveValues(ctx, node).values) {
          const items = list.kind === 'array' ? (list.value as readonly Constant[]) : [list];
          for (const item of items) {
            if (item.kind === 'string') checkAlgorithmName(call, item.value as string, reportTarget(sourceCode, item, node), item, macInFile);
          }
        }
      }
      const facts = call.api.facts ?? {};
      if (typeof facts.hash === 'string') checkAlgorithmName(call, facts.hash, algorithmNamePart(call, facts.hash), undefined, macInFile);
      if (typeof facts.cipher === 'string') checkLibraryCipher(call, facts.cipher, macInFile);
      if (call.api.deprecated && CIPHER_OPS.has(op)) {
        report({ node: calleeOf(call), messageId: 'deprecatedCipherApi', data: { api: describeCall(call), why: call.api.deprecated } });
      }
      // node-rsa sets its encryption padding on the key object (`setOptions({ encryptionScheme })`).
      if (CIPHER_OPS.has(op) || call.api.facts?.encryptionPadding === true) checkPadding(call);
      if (facts.unsecured === true) report({ node: calleeOf(call), messageId: 'jwtNone' });
      if (op === 'jwt-verify') checkJwtVerify(call);
      checkDefaultDigest(call, macInFile);
    }

    /**
     * A library that hashes with a weak digest unless told otherwise, on the call: node-saml and passport-saml sign
     * requests with RSA-SHA1 when `signatureAlgorithm` is not given and the options show they sign (`privateKey`);
     * node-forge's `pkcs5.pbkdf2` and the pbkdf2 package derive with HMAC-SHA1 when the digest argument is left out, and
     * PKI.js signs CMS signed data, certificates and OCSP messages with SHA-1 when its hash argument is left out.
     */
    function checkDefaultDigest(call: ApiCall, macInFile: boolean): void {
      const { defaultDigest, defaultDigestOption, defaultDigestWhen } = call.api.facts ?? {};
      if (typeof defaultDigest !== 'string') return;
      if (typeof defaultDigestOption !== 'string') {
        // Positional: absent, or its place taken by the completion callback (`pbkdf2(pw, salt, n, len, cb)`).
        const given = argsWithRole(call, 'digest').filter((arg) => !isCallbackArgument(arg));
        const positional = call.api.operation === 'kdf' || call.api.operation === 'sign';
        if (positional && given.length === 0 && !call.node.arguments.some((a) => a.type === 'SpreadElement')) {
          checkKnownWeakness(call, defaultDigest, calleeOf(call), undefined, macInFile);
        }
        return;
      }
      const options0 = call.node.arguments[0];
      const object = options0 ? resolveObjectLiteral(sourceCode, options0) : undefined;
      // Options we cannot see (spread, built elsewhere) may name the algorithm: stay quiet.
      if (!object || object.properties.some((p) => p.type === 'SpreadElement') || findProperty(object, defaultDigestOption)) return;
      if (typeof defaultDigestWhen === 'string' && !findProperty(object, defaultDigestWhen)) return;
      checkAlgorithmName(call, defaultDigest, calleeOf(call), undefined, macInFile);
    }

    /** A function, or a binding named or defined as one (`cb`, `done`, `function onKey(err, key) {…}`). */
    function isCallbackArgument(arg: TSESTree.Node): boolean {
      const expr = unwrapExpression(arg);
      if (isFunction(expr)) return true;
      return expr.type === 'Identifier' && (CALLBACK_NAMES.test(expr.name) || localFunctionOf(sourceCode, expr) !== undefined);
    }

    /**
     * A cipher name built from a template whose interpolations are not constants
     * (`aes-${bits}-ecb`): its fixed text can still say ECB or an obsolete family.
     */
    function checkCipherTemplates(node: TSESTree.Node): void {
      for (const skeleton of templateSkeletons(sourceCode, node)) {
        // A key size in each hole is the reading that keeps a cipher name parseable: `aes-128-ecb`, `des-ede3-128`.
        const facts = describeAlgorithm(skeleton.quasis.join('128'));
        const last = skeleton.quasis[skeleton.quasis.length - 1];
        if (facts?.kind === 'cipher' && facts.weak) {
          report({ node: skeleton.template, messageId: 'weakCipher', data: { name: facts.family, why: cipherWeakness(facts.family) } });
        } else if (isEcb(facts) || (!facts && /(?:^|[-_])ecb$/i.test(last))) {
          report({ node: skeleton.template, messageId: 'ecbMode' });
        }
      }
    }

    /**
     * A hash given as a function or hasher (`createHMAC(createSHA1(), key)`, `hmac(sha1, key, msg)`): judged for the
     * call it serves, reported where the hasher's own call names the hash (one finding when both judge it).
     */
    function checkHasher(call: ApiCall, node: TSESTree.Node, macInFile: boolean): void {
      const hasher = hasherOf(sourceCode, node);
      if (!hasher) return;
      const at = hasher.call ? algorithmNamePart(hasher.call, hasher.hash) : node;
      // `derived`: the name is not written here, so no rename is suggested (`sha1` → `sha256` would need an import).
      checkAlgorithmName(call, hasher.hash, at, { kind: 'string', value: hasher.hash, origin: at, derived: true }, macInFile);
    }

    function checkAlgorithmName(call: ApiCall, name: string, at: TSESTree.Node, constant: Constant | undefined, macInFile: boolean): void {
      checkKnownWeakness(call, name, at, constant, macInFile);
      checkPolicyLists(name, at);
    }

    /**
     * keywarden.policy.json's global lists: a denied name, or one missing from a
     * non-empty allow list, is reported wherever it is used, fingerprints
     * included (a project that lists MD5 means it). A name already reported
     * for a known weakness keeps that, more specific, message (one per node).
     */
    function checkPolicyLists(name: string, at: TSESTree.Node): void {
      policy ??= getPolicy(context);
      const verdict = algorithmVerdict(policy, name);
      if (!verdict) return;
      report({
        node: at,
        messageId: 'policyDenied',
        data: { name, why: verdict === 'denied' ? 'on the deny list' : 'not on the allow list', policy: policyName(policy) },
      });
    }

    function checkKnownWeakness(call: ApiCall, name: string, at: TSESTree.Node, constant: Constant | undefined, macInFile: boolean): void {
      const op = call.api.operation;
      if (/^none$/i.test(name) && (op === 'jwt-sign' || op === 'jwt-verify')) {
        report({ node: at, messageId: 'jwtNone' });
        return;
      }
      if (CIPHER_OPS.has(op) && describeRsaEncryptionPadding(name) === 'pkcs1') {
        report({ node: at, messageId: 'rsaPkcs1Encryption' });
        return;
      }
      // A library that names algorithms in its own vocabulary (zip tools' `'zip20'`) is read in it.
      const facts = call.api.facts?.algorithmNames === 'zip' ? describeZipEncryptionMethod(name) : describeAlgorithm(name);
      if (!facts) return;
      if (facts.kind === 'hash') {
        if (facts.weak) checkWeakHash(call, facts.name, at, constant);
        return;
      }
      // The cipher a private key is written under (`privateKeyEncoding.cipher`, forge's `{ algorithm: '3des' }`) encrypts too,
      // and so does the cipher a new key asks its senders to use (OpenPGP's preferred symmetric algorithm).
      if (!CIPHER_OPS.has(op) && call.api.facts?.keyFileCipher !== true && call.api.facts?.cipherPreference !== true) return;
      checkCipher(call, facts, name, at, macInFile);
    }

    function checkCipher(call: ApiCall, facts: AlgorithmFacts, name: string, at: TSESTree.Node, macInFile: boolean): void {
      if (facts.kind !== 'cipher') return;
      const keyFile = call.api.facts?.keyFileCipher === true;
      if (facts.weak && keyFile) {
        // A key file's format fixes the mode: no GCM rewrite, no envelope encryption, only a stronger cipher.
        report({ node: at, messageId: 'weakKeyFileCipher', data: { name: facts.family, why: cipherWeakness(facts.family) } });
      } else if (facts.weak) {
        report({ node: at, messageId: 'weakCipher', data: { name: facts.family, why: cipherWeakness(facts.family) }, suggest: gcmSuggestion(call) });
      } else if (facts.mode === 'ecb') {
        report({ node: at, messageId: 'ecbMode', suggest: gcmSuggestion(call) });
      } else if (options.requireAuthenticatedEncryption && !macInFile && needsSeparateMac(facts) && !keyFile) {
        report({ node: at, messageId: 'unauthenticatedMode', data: { name }, suggest: gcmSuggestion(call) });
      }
    }

    /** The AES-256-GCM rewrite of the file's node:crypto encrypt/decrypt pair, when there is one to rewrite. */
    function gcmSuggestion(call: ApiCall): TSESLint.ReportSuggestionArray<MessageIds> | undefined {
      if (call.library.id !== 'node:crypto') return undefined;
      const upgrade = gcmUpgradeFix(sourceCode, getApiCalls(sourceCode), call);
      if (!upgrade) return undefined;
      const key = upgrade.derivedKey
        ? 'a 32-byte key derived from the current one with HKDF-SHA256 (info "keywarden:aes-256-gcm"; rotate to a fresh 32-byte key when you can)'
        : 'the same 32-byte key';
      return [{ messageId: 'upgradeToGcm', data: { key }, fix: toFix(upgrade.edits) }];
    }

    /** crypto-js / forge ciphers named by the API itself (`CryptoJS.TripleDES.encrypt`, `forge.des.createEncryptionCipher`). */
    function checkLibraryCipher(call: ApiCall, cipher: string, macInFile: boolean): void {
      checkLibraryCipherWeakness(call, cipher, macInFile);
      checkPolicyLists(cipher, algorithmNamePart(call, cipher));
    }

    function checkLibraryCipherWeakness(call: ApiCall, cipher: string, macInFile: boolean): void {
      const facts = describeAlgorithm(cipher);
      if (facts?.kind !== 'cipher') {
        // A cipher we do not describe (crypto-js Rabbit) still takes a passphrase through the same MD5 KDF.
        checkPassphrase(call);
        return;
      }
      const modeArgs = argsWithRole(call, 'mode');
      let unauthenticated = needsSeparateMac(facts) && modeArgs.length === 0;
      // A mode written apart from the cipher is its own constant: DES with `mode.ECB` is two problems.
      for (const modeArg of modeArgs) {
        for (const mode of symbolicValues(call.api.operation === 'encrypt' ? everyEntryCtx : ctx, modeArg)) {
          const described = typeof mode.value === 'string' ? describeMode(mode.value) : undefined;
          if (described === 'ecb') report({ node: reportTarget(sourceCode, mode.constant ?? ({ origin: mode.origin } as Constant), modeArg), messageId: 'ecbMode' });
          else if (described === 'cbc' || described === 'ctr' || described === 'cfb' || described === 'ofb') unauthenticated = true;
        }
      }
      if (facts.weak) {
        report({ node: algorithmNamePart(call, cipher), messageId: 'weakCipher', data: { name: facts.family, why: cipherWeakness(facts.family) } });
        return;
      }
      // A mode named by the API itself (aes-js `new ModeOfOperation.ecb(key)`).
      if (isEcb(facts)) {
        report({ node: algorithmNamePart(call, cipher), messageId: 'ecbMode' });
        return;
      }
      if (unauthenticated && options.requireAuthenticatedEncryption && !macInFile && call.api.operation === 'encrypt' && !call.receiver) {
        report({ node: calleeOf(call), messageId: 'unauthenticatedMode', data: { name: `${facts.family}-${(facts.mode ?? 'cbc').toUpperCase()}` } });
      }
      checkPassphrase(call);
    }

    /** crypto-js: a string key is a passphrase run through the MD5-based EVP KDF. */
    function checkPassphrase(call: ApiCall): void {
      if (call.library.id !== 'crypto-js') return;
      for (const keyArg of argsWithRole(call, 'key')) {
        if (isEvidentlyString(keyArg)) report({ node: keyArg, messageId: 'passphraseKdf', data: { api: describeCall(call) } });
      }
    }

    function isEvidentlyString(node: TSESTree.Node, depth = 0): boolean {
      const expr = unwrapExpression(node);
      if (expr.type === 'TemplateLiteral') return true;
      if (envVarName(expr) !== undefined) return true;
      if (expr.type === 'LogicalExpression' && envVarName(expr.left) !== undefined) return true;
      // `const TOKEN_SECRET = process.env.TOKEN_SECRET` read at the call: still the environment's string.
      if (expr.type === 'Identifier' && depth < 2) {
        const variable = variableOf(sourceCode, expr);
        const init = variable && singleInitializer(variable);
        if (init && isEvidentlyString(init, depth + 1)) return true;
      }
      const resolution = resolveValues(ctx, expr);
      if (resolution.values.some((v) => v.kind === 'string')) return true;
      return isStringTyped(expr);
    }

    function isStringTyped(node: TSESTree.Node): boolean {
      const services = sourceCode.parserServices;
      if (!services?.program || !services.esTreeNodeToTSNodeMap) return false;
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const STRING_LIKE = (require('typescript') as typeof import('typescript')).TypeFlags.StringLike;
        const checker = services.program.getTypeChecker();
        const type = checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node as never));
        return type.isUnion() ? type.types.every((t) => (t.flags & STRING_LIKE) !== 0) : (type.flags & STRING_LIKE) !== 0;
      } catch {
        return false;
      }
    }

    function checkWeakHash(call: ApiCall, name: string, at: TSESTree.Node, constant: Constant | undefined): void {
      const op = call.api.operation;
      let verdict: DigestVerdict | undefined;
      let use = HASH_USE[op];
      if (op === 'hash') {
        verdict = digestPurpose(sourceCode, call, projectPath);
        if (verdict.purpose === 'fingerprint' && options.allowFingerprints !== false) return;
        if (verdict.purpose === 'caller-decided' && options.allowHashHelpers !== false) return;
        use =
          verdict.purpose === 'security'
            ? `security (this digest ${verdict.reason})`
            : verdict.purpose === 'fingerprint'
              ? `anything in \`strict\` (even a ${verdict.reason})`
              : verdict.purpose === 'caller-decided'
                ? 'anything in `strict` (even in a hash helper whose importers decide what it is for)'
                : 'security purposes (if this digest is only a cache key, ETag or checksum, name it so)';
      }
      const passwordHint =
        op === 'password-hash' || /password/.test(verdict?.reason ?? '')
          ? ' (for passwords: argon2id, scrypt or bcrypt)'
          : /personal identifier/.test(verdict?.reason ?? '')
            ? ' (for a pseudonym or lookup value of an identifier from a small space: HMAC-SHA-256 under a secret key, since any unkeyed digest of it is reversed by enumeration)'
            : '';
      const migrate = op !== 'hash' || verdict?.persisted !== false || verdict.purpose === 'security';
      const suggest = [...(passwordSuggestion(call, at, name, verdict) ?? []), ...(suggestion(at, constant, name, migrate) ?? [])];
      report({ node: at, messageId: 'weakHash', data: { name, weakness: hashWeakness(name), use: use ?? 'security purposes', passwordHint }, suggest: suggest.length > 0 ? suggest : undefined });
    }

    /** A fast hash of a password, stored and compared in this file: scrypt with a verify that upgrades old hashes. */
    function passwordSuggestion(call: ApiCall, at: TSESTree.Node, name: string, verdict: DigestVerdict | undefined): TSESLint.ReportSuggestionArray<MessageIds> | undefined {
      if (call.library.id !== 'node:crypto' || !/password/.test(verdict?.reason ?? '')) return undefined;
      const upgrade = passwordUpgradeFix(sourceCode, call, at, isTypeScriptFile(context.filename));
      return upgrade ? [{ messageId: 'upgradePasswordHash', data: { verify: upgrade.verify, name }, fix: toFix(upgrade.edits) }] : undefined;
    }

    /** `'md5'` → `'sha256'` in a string literal, `CryptoJS.MD5` → `CryptoJS.SHA256`: a suggestion, never a fix. */
    function suggestion(
      at: TSESTree.Node,
      constant: Constant | undefined,
      name: string,
      migrate: boolean,
    ): TSESLint.ReportSuggestionArray<MessageIds> | undefined {
      let target: TSESTree.Node | undefined;
      let text: string | undefined;
      if (constant && !constant.derived && !constant.external && at.type === 'Literal' && typeof at.value === 'string') {
        target = at;
        text = sourceCode.getText(at);
      } else if (!constant && at.type === 'Identifier' && WEAK_HASH_NAME.test(at.name) && isPropertyName(at)) {
        // `CryptoJS.MD5` → `CryptoJS.SHA256` names a member of the same object. A bare `sha1(…)` is an
        // imported binding: `sha256` would need an import its module may not even have (the md5 package).
        target = at;
        text = at.name;
      }
      if (!target || text === undefined) return undefined;
      let replaced: string;
      const xmlUpgrade = target.type === 'Literal' && typeof target.value === 'string' ? xmlSecuritySha256Upgrade(target.value) : undefined;
      if (xmlUpgrade === null) return undefined;
      if (xmlUpgrade !== undefined) {
        replaced = `${text[0]}${xmlUpgrade}${text[text.length - 1]}`;
      } else {
        const matches = text.match(new RegExp(WEAK_HASH_NAME.source, 'gi'));
        if (!matches || matches.length !== 1) return undefined;
        replaced = text.replace(WEAK_HASH_NAME, (m) => sha256Like(m));
      }
      const fixTarget = target;
      return [
        {
          messageId: migrate ? 'useSha256Migrate' : 'useSha256',
          data: { name, replacement: replaced.replace(/^['"`]|['"`]$/g, '') },
          fix: (fixer) => fixer.replaceText(fixTarget, replaced),
        },
      ];
    }

    /** The property of a non-computed member access (`MD5` in `CryptoJS.MD5`). */
    function isPropertyName(id: TSESTree.Identifier): boolean {
      const parent = id.parent;
      return parent?.type === 'MemberExpression' && parent.property === id && !parent.computed;
    }

    /** RSA PKCS#1 v1.5 encryption: node `padding` constants, forge's default scheme. */
    function checkPadding(call: ApiCall): void {
      const paddings = argsWithRole(call, 'padding');
      for (const node of paddings) {
        for (const value of symbolicValues(ctx, node)) {
          if (describeRsaEncryptionPadding(value.value) !== 'pkcs1') continue;
          // A library constant written elsewhere (`ENVELOPE = { padding: constants.RSA_PKCS1_PADDING }`) is reported where written.
          const at = value.constant ? reportTarget(sourceCode, value.constant, node) : value.origin;
          report({ node: at, messageId: 'rsaPkcs1Encryption' });
        }
      }
      const defaultPadding = call.api.facts?.defaultPadding;
      if (paddings.length === 0 && typeof defaultPadding === 'string' && describeRsaEncryptionPadding(defaultPadding) === 'pkcs1') {
        report({ node: calleeOf(call), messageId: 'rsaPkcs1Encryption' });
      }
    }

    /** jsonwebtoken `verify` without `algorithms`: the token picks the algorithm. */
    function checkJwtVerify(call: ApiCall): void {
      // Libraries whose verify accepts one algorithm unless told otherwise (Hono's HS256) are pinned already.
      if (call.api.facts?.algorithmPinnedByDefault === true || argsWithRole(call, 'algorithms').length > 0) return;
      const options3 = call.node.arguments[2];
      if (options3 && !isFunctionNode(options3)) {
        const object = resolveObjectLiteral(sourceCode, options3);
        // Options we cannot see (spread, built elsewhere) may pin algorithms: stay quiet.
        if (!object || object.properties.some((p) => p.type === 'SpreadElement') || findProperty(object, 'algorithms')) return;
      }
      const key = argsWithRole(call, 'secret')[0];
      if (!key) return;
      // jose checks the header's algorithm against the key's type: only a key set (JWKS) or a key resolver lets the header choose.
      const joseStyle = call.api.facts?.algorithmsFromKey !== true;
      const kind = joseStyle ? (isKeySet(sourceCode, key) ? 'public' : 'unknown') : verificationKeyKind(ctx, key);
      if (options.requirePinnedJwtAlgorithms !== 'always' && kind !== 'public') return;
      const keyHint = kind !== 'public' ? '' : joseStyle ? ', and the key set lets the token choose the key and its algorithm' : ', and the key may be a public key an attacker can use as an HMAC secret';
      report({ node: calleeOf(call), messageId: 'jwtUnpinned', data: { api: describeCall(call), keyHint } });
    }
  },
});

/** The part of the callee naming the algorithm (`MD5` in `CryptoJS.MD5`, `md5` in `forge.md.md5.create`, `TripleDES`). */
function algorithmNamePart(call: ApiCall, name: string): TSESTree.Node {
  const wanted = describeAlgorithm(name);
  for (let node: TSESTree.Node = unwrapExpression(call.node.callee); node.type === 'MemberExpression'; node = unwrapExpression(node.object)) {
    if (node.computed || node.property.type !== 'Identifier') continue;
    const facts = describeAlgorithm(node.property.name.replace(/^Hmac/, ''));
    if (facts && wanted && facts.kind === wanted.kind && (facts.kind === 'hash' ? facts.name === (wanted as typeof facts).name : facts.family === (wanted as typeof facts).family)) {
      return node.property;
    }
  }
  return calleeOf(call);
}

/** A JWKS (`createRemoteJWKSet(…)`, `createLocalJWKSet(…)`) or a key-resolver function. */
function isKeySet(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  let expr = unwrapExpression(node);
  for (let depth = 0; expr.type === 'Identifier' && depth < 3; depth++) {
    const variable = variableOf(sourceCode, expr);
    const def = variable?.defs[0];
    if (def?.type === 'FunctionName') return true;
    const init = variable && singleInitializer(variable);
    if (!init) return false;
    expr = unwrapExpression(init);
  }
  if (isFunctionNode(expr)) return true;
  if (expr.type === 'AwaitExpression') expr = unwrapExpression(expr.argument);
  if (expr.type !== 'CallExpression') return false;
  const api = apiCallAt(sourceCode, expr);
  return !!api && /^create(?:Remote|Local)JWKSet$/.test(api.api.path[api.api.path.length - 1] ?? '');
}

/**
 * A hash helper's file path is one of its names in reach (`auth/md5.js` is not a neutral
 * helper): the path inside the project, or its last three segments for a file outside it.
 */
function projectRelativePath(filename: string, cwd: string | undefined): string {
  if (!path.isAbsolute(filename)) return filename;
  const relative = cwd ? path.relative(cwd, filename) : '';
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) return relative;
  return filename.split(/[\\/]/).slice(-3).join('/');
}

function isFunctionNode(node: TSESTree.Node): boolean {
  return node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression';
}

function sha256Like(match: string): string {
  const upper = match === match.toUpperCase();
  const dashed = match.includes('-');
  const base = dashed ? 'sha-256' : 'sha256';
  return upper ? base.toUpperCase() : base;
}

function cipherWeakness(family: string): string {
  switch (family) {
    case 'DES':
    case 'DESX':
      return '56-bit keys are brute-forced in hours';
    case 'RC4':
      return 'biased keystream; banned from TLS by RFC 7465';
    case 'ZipCrypto':
      return 'known-plaintext attacks (bkcrack) recover the keys from a few bytes of any file in the archive';
    case 'NULL':
      return 'the suite does not encrypt at all';
    case 'EXPORT':
      return 'export-grade suites use 40- to 56-bit keys';
    case '3DES':
    case 'Blowfish':
    case 'IDEA':
    case 'CAST5':
    case 'RC2':
    case 'SEED':
    case 'Skipjack':
    case 'RC5':
      return '64-bit blocks fall to birthday attacks (Sweet32) and it is deprecated';
    default:
      return 'deprecated';
  }
}

/**
 * `try { createHash(alg); supported.add(alg); } catch {}`: an object made and dropped in a `try` block hashes, signs
 * or encrypts nothing. The call only asks whether the runtime supports the algorithm (it throws when not), as
 * libraries do at load time to list the hashes they can offer; what is later done with a supported one is judged there.
 */
function isCapabilityProbe(call: ApiCall): boolean {
  if (call.api.returns === undefined || call.node.parent?.type !== 'ExpressionStatement') return false;
  for (let node: TSESTree.Node | undefined = call.node.parent.parent; node; node = node.parent) {
    if (node.type === 'TryStatement') return true;
    if (node.type !== 'BlockStatement') return false;
  }
  return false;
}

