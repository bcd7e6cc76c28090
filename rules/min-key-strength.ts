import type { TSESTree } from '@typescript-eslint/utils';
import { argsWithRole, callsOn, getApiCalls, hasherOf, type ApiCall } from '../src/analysis/api-calls';
import { prefixLength } from '../src/analysis/ast';
import { randomByteSize } from '../src/analysis/random-source';
import { isScryptPbkdf2Step, stretchesNoSecret } from '../src/analysis/kdf-input';
import { returnsRawBytes } from '../src/analysis/key-material';
import { identifierWords } from '../src/analysis/identifier-words';
import { localFunctionOf } from '../src/analysis/local-functions';
import { isSecretKeyName } from '../src/analysis/names';
import { findProperty, isStaticCall, memberName, propertyName, referencedName, resolveObjectLiteral, unwrapExpression } from '../src/analysis/scope';
import { symbolicValues } from '../src/analysis/symbolic';
import { isTestOnlyValue } from '../src/analysis/test-environment';
import { numberValues, resolveValues, stringValues, type Constant, type ResolveContext } from '../src/analysis/values';
import { canonicalCurve, describeAlgorithm, dhGroupBits } from '../src/model/algorithms';
import type { Operation } from '../src/model/types';
import { getPolicy, policyName, type Policy } from '../src/policy';
import { createRule } from '../src/util/create-rule';
import { calleeOf, describeCall, reportOncePerNode, reportTarget } from '../src/util/rule-report';

export type Options = [
  {
    minModulusBits?: number;
    allowedCurves?: string[];
    minSymmetricKeyBits?: number;
    minTagBits?: number;
    minPbkdf2Iterations?: { sha1?: number; sha256?: number; sha512?: number };
    minBcryptRounds?: number;
    minScryptCost?: number;
    minScryptBlockSize?: number;
    minArgon2MemoryKiB?: number;
    minSaltBytes?: number;
  },
];
export type MessageIds =
  | 'smallModulus'
  | 'weakCurve'
  | 'shortKey'
  | 'shortTag'
  | 'lowIterations'
  | 'lowCost'
  | 'lowDefaultCost'
  | 'constantSalt'
  | 'shortSalt';

/** OWASP Password Storage Cheat Sheet (2023+) and NIST SP 800-57/800-131A figures. */
export const DEFAULT_CURVES = ['P-256', 'P-384', 'P-521', 'secp256k1', 'Ed25519', 'Ed448', 'X25519', 'X448', 'brainpoolP256r1', 'brainpoolP384r1', 'brainpoolP512r1'];
/**
 * The curves of an OpenSSL group list (`ecdhCurve: 'X25519:prime256v1'`): `auto` picks OpenSSL's defaults, and
 * post-quantum hybrids (`X25519MLKEM768`, `X25519Kyber768Draft00`) are stronger than any curve of the allow-list.
 */
function tlsGroupCurves(list: string): string[] {
  return list.split(':').map((name) => name.trim()).filter((name) => name && name.toLowerCase() !== 'auto' && !/mlkem|kyber/i.test(name));
}

const DEFAULTS: Required<Options[0]> = {
  minModulusBits: 2048,
  allowedCurves: DEFAULT_CURVES,
  minSymmetricKeyBits: 128,
  minTagBits: 96,
  minPbkdf2Iterations: { sha1: 1_300_000, sha256: 600_000, sha512: 210_000 },
  minBcryptRounds: 10,
  minScryptCost: 2 ** 17,
  minScryptBlockSize: 8,
  minArgon2MemoryKiB: 19_456,
  minSaltBytes: 16,
};
/** OWASP's argon2id equivalents: memory (KiB) needed for a number of passes, at the 19 MiB/t=2 baseline. */
const ARGON2_MEMORY_FOR_PASSES: readonly number[] = [47_104, 47_104, 19_456, 12_288, 9_216, 7_168];
const SYMMETRIC_KEY_OPS = new Set<Operation>(['encrypt', 'decrypt', 'mac', 'mac-verify']);
const BINARY_ENCODINGS = new Set(['hex', 'base64', 'base64url', 'array', 'zeros', 'fill', 'binary', 'latin1']);

const positiveInteger = { type: 'integer', minimum: 1 } as const;

export default createRule<Options, MessageIds>({
  name: 'min-key-strength',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require key sizes, curves, tag lengths, KDF costs and salts of current strength',
      recommended: 'recommended',
      strictOptions: [{ minTagBits: 128 }],
      cwe: [326, 916, 759, 760],
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          minModulusBits: { ...positiveInteger, description: 'Smallest RSA/DSA/DH modulus in bits (default 2048).' },
          allowedCurves: {
            type: 'array',
            items: { type: 'string' },
            description: `Elliptic curves allowed for EC keys and key agreement (aliases such as prime256v1/secp256r1 are understood). Default: ${DEFAULT_CURVES.join(', ')}.`,
          },
          minSymmetricKeyBits: { ...positiveInteger, description: 'Smallest symmetric/HMAC key and derived key in bits (default 128).' },
          minTagBits: { ...positiveInteger, description: 'Smallest AEAD (GCM/CCM/OCB) authentication tag in bits (default 96; 128 in `strict`).' },
          minPbkdf2Iterations: {
            type: 'object',
            additionalProperties: false,
            properties: { sha1: positiveInteger, sha256: positiveInteger, sha512: positiveInteger },
            description: 'PBKDF2 iterations per HMAC hash (OWASP: SHA-1 1,300,000; SHA-256 600,000; SHA-512 210,000). An unknown digest uses the SHA-256 figure.',
          },
          minBcryptRounds: { ...positiveInteger, description: 'Smallest bcrypt cost (log2 rounds; OWASP: 10).' },
          minScryptCost: { ...positiveInteger, description: 'Smallest scrypt N (OWASP: 2^17 = 131072; Node defaults to 16384).' },
          minScryptBlockSize: { ...positiveInteger, description: 'Smallest scrypt r (OWASP: 8).' },
          minArgon2MemoryKiB: {
            ...positiveInteger,
            description: 'argon2 memory in KiB at 2 passes (OWASP: 19456 = 19 MiB); other pass counts use OWASP\'s equivalents (47 MiB at 1 pass … 7 MiB at 5), scaled.',
          },
          minSaltBytes: { ...positiveInteger, description: 'Smallest random salt for password-based KDFs and password hashes, in bytes (default 16).' },
        },
      },
    ],
    messages: {
      smallModulus: '{{what}} of {{bits}} bits is too small (minimum {{min}}): it can be factored or solved by a well-funded attacker. Use at least {{min}} bits (3072 for use beyond 2030).',
      weakCurve: 'Curve {{curve}} is not in the allowed list ({{allowed}}): it is too small or not vetted. Use P-256, P-384, X25519 or Ed25519.',
      shortKey: '{{what}} is {{bits}} bits, below the minimum of {{min}}: brute force is within reach. Use at least {{min}} bits (256 for AES).',
      shortTag: 'An authentication tag of {{bits}} bits (minimum {{min}}) makes forgeries likely over many messages. Use the full 128-bit tag.',
      lowIterations: '{{kdf}} with {{value}} iterations is below {{minimum}}: stolen hashes or derived keys are cheap to brute-force. Raise it. {{upgrade}}',
      lowCost: '{{kdf}} {{parameter}} {{value}} is below {{minimum}}. Raise it. {{upgrade}}',
      lowDefaultCost: '{{api}} uses its default {{parameter}} of {{value}}, below {{minimum}}. Pass it explicitly (and raise maxmem for scrypt).',
      constantSalt: 'The salt {{preview}} is a constant, so equal passwords give equal keys and one precomputed table cracks them all. Generate a random salt of at least {{min}} bytes per password/key and store it.',
      shortSalt: 'A {{bytes}}-byte salt is too short (minimum {{min}} bytes): collisions across users become likely. Use randomBytes({{min}}).',
    },
  },
  defaultOptions: [{}],
  create(context, [rawOptions]) {
    const options: Required<Options[0]> = {
      ...DEFAULTS,
      ...rawOptions,
      minPbkdf2Iterations: { ...DEFAULTS.minPbkdf2Iterations, ...rawOptions.minPbkdf2Iterations },
    };
    // The policy is looked up (a walk up the folders) only when a file has a KDF call to judge.
    let kdfMemo: KdfLimits | undefined;
    const kdf = () => (kdfMemo ??= kdfLimits(options, getPolicy(context)));
    /** "the OWASP minimum of 600000", or the policy's when keywarden.policy.json sets that figure. */
    const minimum = (value: number, setting: keyof Options[0]) =>
      setting in kdf().fromPolicy ? `the minimum of ${value} set by ${kdf().policyName}` : `the OWASP minimum of ${value}`;
    const allowedCurves = new Set(options.allowedCurves.map(canonicalCurve));
    const sourceCode = context.sourceCode;
    // A size or cost picked from a table at run time (`PROFILES[name].cost`, `GROUPS[profile]`) makes
    // keys or hashes with every entry some day: each weak entry is a finding, as for cipher tables.
    const ctx: ResolveContext = { sourceCode, parserServices: sourceCode.parserServices, everyTableEntry: true };
    const reportOnce = reportOncePerNode<MessageIds>((d) => context.report(d));
    /** Set while a KDF call is checked: is the finding at this node about a run that stretches no secret (a probe)? */
    let stretchesNothingAt: ((at: TSESTree.Node) => boolean) | undefined;
    /** Whether the file runs a password KDF (see stretchesPasswords), once asked. */
    let stretches: boolean | undefined;
    const report = (descriptor: Parameters<typeof reportOnce>[0]): void => {
      if (!stretchesNothingAt?.(descriptor.node)) reportOnce(descriptor);
    };

    return {
      'Program:exit'() {
        for (const call of getApiCalls(sourceCode)) {
          try {
            checkCall(call);
          } catch {
            // never crash on an unexpected shape
          }
        }
      },
    };

    /** The constant numbers a size or cost can be, except those the code only uses in its tests (`isTest ? 1 : 12`). */
    function productionNumbers(node: TSESTree.Node): Constant[] {
      return numberValues(ctx, node).filter((constant) => !isTestOnlyValue(constant.origin));
    }

    function numbers(node: TSESTree.Node, each: (value: number, at: TSESTree.Node, constant: Constant) => void): void {
      for (const constant of productionNumbers(node)) each(constant.value as number, reportTarget(sourceCode, constant, node), constant);
    }

    function checkCall(call: ApiCall): void {
      const op = call.api.operation;
      const facts = call.api.facts ?? {};
      for (const node of argsWithRole(call, 'modulus-length')) {
        numbers(node, (bits, at) => {
          if (bits > 0 && bits < options.minModulusBits) report({ node: at, messageId: 'smallModulus', data: { what: modulusWhat(call), bits, min: options.minModulusBits } });
        });
      }
      // DH groups by name: `getDiffieHellman('modp2')`, and `generateKeyPairSync('dh', { group: 'modp2' })`.
      if (op === 'key-agreement' || op === 'keygen') {
        for (const node of argsWithRole(call, 'algorithm')) {
          for (const c of stringValues(ctx, node)) {
            const bits = dhGroupBits(c.value as string);
            if (bits !== undefined && bits < options.minModulusBits) {
              report({ node: reportTarget(sourceCode, c, node), messageId: 'smallModulus', data: { what: `Diffie-Hellman group ${String(c.value)}`, bits, min: options.minModulusBits } });
            }
          }
        }
      }
      // jsrsasign's `generateKeypair('EC', 'secp192r1')`: the size argument names a curve for EC keys.
      const curveArgs = facts.sizeOrCurve === true ? [...argsWithRole(call, 'curve'), ...argsWithRole(call, 'modulus-length')] : argsWithRole(call, 'curve');
      for (const node of curveArgs) {
        for (const c of stringValues(ctx, node)) {
          const names = facts.curveList === true ? tlsGroupCurves(c.value as string) : [c.value as string];
          const weak = names.find((name) => !allowedCurves.has(canonicalCurve(name)));
          if (weak !== undefined) {
            report({ node: reportTarget(sourceCode, c, node), messageId: 'weakCurve', data: { curve: weak, allowed: [...allowedCurves].join(', ') } });
          }
        }
      }
      checkKeyLengths(call);
      if (op === 'random') checkKeyNamedRandom(call);
      if (op === 'random') checkSaltNamedRandom(call);
      checkTagLength(call);
      const kdf = kdfOf(call);
      // A probe or self-test over a zero-filled/empty "password": its cost and salt protect nothing.
      stretchesNothingAt = (at) => stretchesNoSecret(ctx, call, at);
      try {
        if (kdf === 'pbkdf2') checkPbkdf2(call);
        if (kdf === 'scrypt') checkScrypt(call);
        if (kdf === 'bcrypt') checkBcrypt(call);
        if (kdf === 'argon2') checkArgon2(call);
        if (kdf === 'pbkdf2' || kdf === 'scrypt' || kdf === 'argon2' || kdf === 'evp' || op === 'password-hash') checkSalts(call);
      } finally {
        stretchesNothingAt = undefined;
      }
    }

    /** Requested key sizes (`generateKey`, KDF output) and constant or random keys of too few bytes. */
    function checkKeyLengths(call: ApiCall): void {
      const op = call.api.operation;
      const unit = call.api.facts?.lengthUnit;
      const factor = unit === 'bits' ? 1 : unit === 'bytes' ? 8 : unit === 'words' ? 32 : undefined;
      if (factor !== undefined && (op === 'keygen' || op === 'kdf')) {
        const asymmetric = argsWithRole(call, 'algorithm').some((n) => stringValues(ctx, n).some((c) => /^(?:ECDH|ECDSA|RSA|Ed|X)/i.test(String(c.value))));
        for (const node of argsWithRole(call, 'key-length')) {
          if (asymmetric && op === 'kdf') continue; // deriveBits of an ECDH secret names its own size
          numbers(node, (value, at) => {
            const bits = value * factor;
            // RFC 8291, TLS 1.3 and Noise derive their nonces with HKDF too: a derived nonce is not a key.
            if (op === 'kdf' && derivesNonce(call, at)) return;
            if (bits > 0 && bits < options.minSymmetricKeyBits) {
              report({ node: at, messageId: 'shortKey', data: { what: op === 'kdf' ? 'The derived key' : 'The generated key', bits, min: options.minSymmetricKeyBits } });
            }
          });
        }
      }
      if (!SYMMETRIC_KEY_OPS.has(op) && !(op === 'key-import' && importsSecretKey(call))) return;
      for (const node of argsWithRole(call, 'key')) {
        for (const c of resolveValues(ctx, node).values) {
          if (c.kind !== 'bytes' || !c.encoding || !BINARY_ENCODINGS.has(c.encoding)) continue;
          const bits = (c.value as Uint8Array).length * 8;
          if (bits > 0 && bits < options.minSymmetricKeyBits) {
            report({ node: reportTarget(sourceCode, c, node), messageId: 'shortKey', data: { what: `The ${describeCall(call)} key`, bits, min: options.minSymmetricKeyBits } });
          }
        }
        for (const size of randomByteSize(ctx, node) ?? []) {
          const bits = (size.value as number) * 8;
          if (bits > 0 && bits < options.minSymmetricKeyBits) {
            report({ node: reportTarget(sourceCode, size, node), messageId: 'shortKey', data: { what: `The random ${describeCall(call)} key`, bits, min: options.minSymmetricKeyBits } });
          }
        }
      }
    }

    /**
     * An import whose bytes become a symmetric key: WebCrypto `importKey(…, { name: 'HMAC' | 'AES-…' })` (raw
     * bytes, whatever variable holds them) and node's `createSecretKey`. Public and private key imports are sized elsewhere.
     */
    function importsSecretKey(call: ApiCall): boolean {
      if (call.api.path.join('.') === 'createSecretKey') return true;
      const names = argsWithRole(call, 'algorithm').flatMap((node) => stringValues(ctx, node).map((c) => String(c.value)));
      return names.length > 0 && names.every((name) => /^(?:HMAC|AES-(?:GCM|CBC|CTR|KW))$/i.test(name));
    }

    /**
     * Random bytes bound to a key-named binding (`const webhookSecret = `whsec_${randomBytes(8).toString('hex')}``):
     * a key even when it only reaches its MAC/cipher through storage, so judged by its size.
     */
    function checkKeyNamedRandom(call: ApiCall): void {
      const name = keyBindingName(call.node);
      // A random passphrase is stretched by the KDF it goes to; its size is no key size.
      if (!name || !isSecretKeyName(name) || identifierWords(name).some((word) => PASSWORD_WORDS.has(word))) return;
      for (const size of randomByteSize(ctx, call.node) ?? []) {
        const bits = (size.value as number) * 8;
        if (bits > 0 && bits < options.minSymmetricKeyBits) {
          report({ node: reportTarget(sourceCode, size, call.node), messageId: 'shortKey', data: { what: `The random key \`${name}\``, bits, min: options.minSymmetricKeyBits } });
        }
      }
    }

    /**
     * Random bytes made as a salt (`const salt = randomBytes(8)`, `function newRoomSalt() { return randomBytes(n); }`) in a
     * file that stretches passwords: the salt reaches its KDF through storage (`room.salt`), so it is judged by its size.
     */
    function checkSaltNamedRandom(call: ApiCall): void {
      const name = keyBindingName(call.node) ?? returningFunctionName(call.node);
      const parts = name ? identifierWords(name) : [];
      if (parts[parts.length - 1] !== 'salt' || !stretchesPasswords()) return;
      for (const size of randomByteSize(ctx, call.node) ?? []) {
        const bytes = size.value as number;
        if (bytes > 0 && bytes < options.minSaltBytes) report({ node: reportTarget(sourceCode, size, call.node), messageId: 'shortSalt', data: { bytes, min: options.minSaltBytes } });
      }
    }

    /**
     * What raising a cost means for what is already stored. A password hash that writes its cost into the hash
     * (bcrypt, `crypto_pwhash_str`, argon2's encoded hash) keeps verifying old hashes, which can be rehashed as users
     * log in; a raw KDF's output (a derived key, a bare PBKDF2 or scrypt hash) only matches when re-derived with the
     * parameters it was made with, so those have to be stored with it.
     */
    function upgradeAdvice(call: ApiCall): string {
      return (call.api.operation === 'password-hash' && !returnsRawBytes(ctx, call)) || kdfOf(call) === 'bcrypt'
        ? 'Each hash records its cost, so existing hashes still verify and can be rehashed at each user\'s next login.'
        : 'Store the parameters with each hash or encrypted record, so existing ones still verify or decrypt, and re-derive them at the new cost when next used.';
    }

    /** Does the file run a password KDF or password hash (PBKDF2, scrypt, bcrypt, argon2)? */
    function stretchesPasswords(): boolean {
      stretches ??= getApiCalls(sourceCode).some((c) => {
        const kdf = kdfOf(c);
        return kdf === 'pbkdf2' || kdf === 'scrypt' || kdf === 'bcrypt' || kdf === 'argon2' || c.api.operation === 'password-hash';
      });
      return stretches;
    }

    function checkTagLength(call: ApiCall): void {
      const unit = call.api.facts?.tagLengthUnit;
      const factor = unit === 'bits' ? 1 : unit === 'bytes' ? 8 : undefined;
      if (factor === undefined) return;
      // A produced tag cut where it is taken (`getAuthTag().subarray(0, 8)`): the length it is cut to, unless the
      // full tag of the same cipher is taken too (the cut one is then a short check value shown beside it).
      const lengths = call.api.facts?.returnsTag === true ? (fullTagTaken(call) ? [] : [prefixLength(call.node)].filter((n) => n !== undefined)) : argsWithRole(call, 'tag-length');
      for (const node of lengths) {
        numbers(node, (value, at) => {
          const bits = value * factor;
          if (bits > 0 && bits < options.minTagBits) report({ node: at, messageId: 'shortTag', data: { bits, min: options.minTagBits } });
        });
      }
    }

    function fullTagTaken(call: ApiCall): boolean {
      // Only the calls on the same object (indexed per file): scanning every call for each tag is quadratic.
      return callsOn(sourceCode, call.receiver).some((other) => other !== call && other.api.facts?.returnsTag === true && !prefixLength(other.node));
    }

    function checkPbkdf2(call: ApiCall): void {
      const digest = digestFamily(call);
      const min = kdf().limits.minPbkdf2Iterations[digest] ?? kdf().limits.minPbkdf2Iterations.sha256!;
      const label = `PBKDF2-HMAC-${digest.toUpperCase()}`;
      const iterations = argsWithRole(call, 'iterations');
      for (const node of iterations) {
        numbers(node, (value, at) => {
          if (value === 1 && isScryptPbkdf2Step(call, at)) return;
          if (value > 0 && value < min) report({ node: at, messageId: 'lowIterations', data: { upgrade: upgradeAdvice(call), kdf: label, value, minimum: minimum(min, 'minPbkdf2Iterations') } });
        });
      }
      // A library whose own default count is too low (SJCL's `encrypt` without `iter`: 10,000).
      const fallback = call.api.facts?.defaultIterations;
      const optionsIndex = call.api.facts?.optionsIndex;
      if (iterations.length === 0 && typeof fallback === 'number' && fallback < min && typeof optionsIndex === 'number' && optionsOmitted(call, optionsIndex)) {
        report({ node: calleeOf(call), messageId: 'lowDefaultCost', data: { api: describeCall(call), parameter: 'iteration count', value: fallback, minimum: minimum(min, 'minPbkdf2Iterations') } });
      }
    }

    /** sha1 / sha256 / sha512 family of the PBKDF2 digest (SHA-224 counts as SHA-256, SHA-384 as SHA-512). */
    function digestFamily(call: ApiCall): 'sha1' | 'sha256' | 'sha512' {
      const names: string[] = [];
      for (const node of argsWithRole(call, 'digest')) {
        for (const v of symbolicValues(ctx, node)) names.push(String(v.value));
        const hasher = hasherOf(sourceCode, node);
        if (hasher) names.push(hasher.hash);
        // WebCrypto also takes `{ name: 'SHA-256' }`.
        const object = resolveObjectLiteral(sourceCode, node);
        const name = object && findProperty(object, 'name');
        if (name) for (const v of stringValues(ctx, name)) names.push(String(v.value));
      }
      if (names.length === 0 && typeof call.api.facts?.defaultDigest === 'string') names.push(call.api.facts.defaultDigest);
      const families = names.flatMap((name) => {
        const facts = describeAlgorithm(name);
        if (facts?.kind !== 'hash') return [];
        return [facts.weak ? ('sha1' as const) : /512|384/.test(facts.name) ? ('sha512' as const) : ('sha256' as const)];
      });
      if (families.length === 0) return 'sha256';
      // Several possible digests (a scheme table read entry by entry): iterations and digest may come from one
      // entry, so judge by the digest that asks for the fewest iterations rather than pair them wrongly.
      const limits = kdf().limits.minPbkdf2Iterations;
      return families.reduce((a, b) => ((limits[b] ?? Infinity) < (limits[a] ?? Infinity) ? b : a));
    }

    function checkScrypt(call: ApiCall): void {
      const costs = call.args.filter((a) => a.role === 'memory');
      // age's `setScryptWorkFactor(logN)` gives the cost as an exponent.
      const exponent = call.api.facts?.scryptCost === 'log2';
      for (const arg of costs) {
        numbers(arg.node, (given, at) => {
          const value = exponent ? 2 ** given : given;
          if (value > 0 && value < kdf().limits.minScryptCost) report({ node: at, messageId: 'lowCost', data: { upgrade: upgradeAdvice(call), kdf: 'scrypt', parameter: 'N', value, minimum: minimum(kdf().limits.minScryptCost, 'minScryptCost') } });
        });
      }
      for (const arg of call.args.filter((a) => a.role === 'parallelism' && /\.(?:r|blockSize)$/.test(a.address))) {
        numbers(arg.node, (value, at) => {
          if (value > 0 && value < kdf().limits.minScryptBlockSize) report({ node: at, messageId: 'lowCost', data: { upgrade: upgradeAdvice(call), kdf: 'scrypt', parameter: 'r', value, minimum: minimum(kdf().limits.minScryptBlockSize, 'minScryptBlockSize') } });
        });
      }
      const fallback = call.api.facts?.defaultMemoryCost;
      if (costs.length === 0 && typeof fallback === 'number' && fallback < kdf().limits.minScryptCost && optionsOmitted(call, 3)) {
        report({ node: calleeOf(call), messageId: 'lowDefaultCost', data: { api: describeCall(call), parameter: 'N', value: fallback, minimum: minimum(kdf().limits.minScryptCost, 'minScryptCost') } });
      }
    }

    function checkBcrypt(call: ApiCall): void {
      for (const node of argsWithRole(call, 'iterations')) {
        numbers(node, (value, at) => {
          if (value > 0 && value < kdf().limits.minBcryptRounds) report({ node: at, messageId: 'lowCost', data: { upgrade: upgradeAdvice(call), kdf: 'bcrypt', parameter: 'cost', value, minimum: minimum(kdf().limits.minBcryptRounds, 'minBcryptRounds') } });
        });
      }
    }

    function checkArgon2(call: ApiCall): void {
      const facts = call.api.facts ?? {};
      const toKiB = facts.memoryUnit === 'bytes' ? 1 / 1024 : 1;
      const memoryNodes = argsWithRole(call, 'memory');
      const timeNodes = argsWithRole(call, 'iterations');
      const memories = memoryNodes.flatMap((n) => productionNumbers(n).map((c) => ({ c, n })));
      const times = timeNodes.flatMap((n) => productionNumbers(n).map((c) => ({ c, n })));
      if (memories.length === 0 && memoryNodes.length > 0) return; // given, but not a constant
      if (times.length === 0 && timeNodes.length > 0) return;
      const defaultMemory = typeof facts.defaultMemoryCost === 'number' ? facts.defaultMemoryCost : undefined;
      const defaultTime = typeof facts.defaultTimeCost === 'number' ? facts.defaultTimeCost : undefined;
      const memoryKiB = memories.length ? (memories[0].c.value as number) * toKiB : defaultMemory;
      const passes = times.length ? (times[0].c.value as number) : defaultTime;
      if (memoryKiB === undefined || passes === undefined || passes < 1) return;
      const minTimeCost = kdf().minArgon2TimeCost;
      if (minTimeCost !== undefined && passes < minTimeCost) {
        const at = times.length ? reportTarget(sourceCode, times[0].c, times[0].n) : calleeOf(call);
        report({ node: at, messageId: 'lowCost', data: { upgrade: upgradeAdvice(call), kdf: 'argon2', parameter: 'timeCost', value: passes, minimum: `the minimum of ${minTimeCost} set by ${kdf().policyName}` } });
        return;
      }
      const scale = kdf().limits.minArgon2MemoryKiB / 19_456;
      const required = Math.round(ARGON2_MEMORY_FOR_PASSES[Math.min(passes, ARGON2_MEMORY_FOR_PASSES.length - 1)] * scale);
      if (memoryKiB >= required) return;
      // OWASP's first figure is 19 MiB at 2 passes: with that much memory the missing part is the pass count.
      const baselineMemory = Math.round(ARGON2_MEMORY_FOR_PASSES[2] * scale);
      if (times.length && passes < 2 && memoryKiB >= baselineMemory) {
        const at = reportTarget(sourceCode, times[0].c, times[0].n);
        report({ node: at, messageId: 'lowCost', data: { upgrade: upgradeAdvice(call), kdf: 'argon2', parameter: `passes (timeCost, at ${Math.round(memoryKiB)} KiB; or ${required} KiB at 1 pass)`, value: passes, minimum: 'the OWASP minimum of 2' } });
        return;
      }
      const at = memories.length ? reportTarget(sourceCode, memories[0].c, memories[0].n) : times.length ? reportTarget(sourceCode, times[0].c, times[0].n) : calleeOf(call);
      report({ node: at, messageId: 'lowCost', data: { upgrade: upgradeAdvice(call), kdf: 'argon2', parameter: `memory (KiB, at ${passes} pass${passes === 1 ? '' : 'es'})`, value: Math.round(memoryKiB), minimum: minimum(required, 'minArgon2MemoryKiB') } });
    }

    function checkSalts(call: ApiCall): void {
      for (const node of argsWithRole(call, 'salt')) {
        const constants = resolveValues(ctx, node).values.filter(
          (c) => ((c.kind === 'string' && (c.value as string).length > 0) || (c.kind === 'bytes' && (c.value as Uint8Array).length > 0)) && !isZeroPlaceholder(c),
        );
        for (const c of constants) {
          report({ node: reportTarget(sourceCode, c, node), messageId: 'constantSalt', data: { preview: saltPreview(c), min: options.minSaltBytes } });
        }
        if (constants.length) continue;
        for (const size of randomByteSize(ctx, node) ?? []) {
          const bytes = size.value as number;
          if (bytes > 0 && bytes < options.minSaltBytes) report({ node: reportTarget(sourceCode, size, node), messageId: 'shortSalt', data: { bytes, min: options.minSaltBytes } });
        }
      }
    }

    /** Which KDF the call runs: from the table's facts, or WebCrypto's algorithm name (`{ name: 'PBKDF2' }`). */
    function kdfOf(call: ApiCall): string | undefined {
      const fact = call.api.facts?.kdf;
      if (typeof fact === 'string') return fact;
      if (call.api.facts?.kdfByAlgorithm === true) return kdfNamedBy(call);
      if (call.api.operation !== 'kdf') return undefined;
      for (const node of argsWithRole(call, 'algorithm')) {
        for (const c of stringValues(ctx, node)) if (String(c.value).toUpperCase() === 'PBKDF2') return 'pbkdf2';
      }
      return undefined;
    }

    /** Bun's `password.hash(p, { algorithm: 'bcrypt' | 'argon2id' … })`: the algorithm option says which costs apply. */
    function kdfNamedBy(call: ApiCall): string | undefined {
      for (const node of argsWithRole(call, 'algorithm')) {
        for (const c of stringValues(ctx, node)) {
          const name = String(c.value).toLowerCase();
          if (name === 'bcrypt') return 'bcrypt';
          if (name.startsWith('argon2')) return 'argon2';
        }
      }
      return undefined;
    }

    /** The options argument at `index` is absent (or a callback), so defaults apply. */
    function optionsOmitted(call: ApiCall, index: number): boolean {
      const arg = call.node.arguments[index];
      if (!arg) return true;
      const expr = unwrapExpression(arg);
      if (expr.type === 'ArrowFunctionExpression' || expr.type === 'FunctionExpression') return true;
      // A callback passed by name (`const cb = (err, key) => …; scrypt(pw, salt, 64, cb)`) is a callback too.
      if (localFunctionOf(sourceCode, expr)) return true;
      const object = resolveObjectLiteral(sourceCode, expr);
      return object !== undefined && !object.properties.some((p) => p.type === 'SpreadElement');
    }
  },
});

function modulusWhat(call: ApiCall): string {
  const name = call.api.path[call.api.path.length - 1] ?? '';
  if (/DiffieHellman/i.test(name)) return 'A Diffie-Hellman prime';
  return 'A key modulus';
}

/** `note?.salt ?? Buffer.alloc(16)`: a zero-filled stand-in for a missing value, not a salt anyone chose. */
function isZeroPlaceholder(constant: Constant): boolean {
  return constant.fallback === true && constant.kind === 'bytes' && (constant.value as Uint8Array).every((b) => b === 0);
}

/** Short salts are quoted whole; from 12 characters on (what the secrets-in-messages check calls secret-looking) they are cut. */
const SALT_PREVIEW_MAX = 11;

function saltPreview(constant: Constant): string {
  const text = constant.text ?? (typeof constant.value === 'string' ? constant.value : '');
  if (!text) return '(constant bytes)';
  return text.length <= SALT_PREVIEW_MAX ? `'${text}'` : `'${text.slice(0, 8)}…'`;
}

interface KdfLimits {
  /** The rule's options with the policy's figures in place. */
  limits: Required<Options[0]>;
  /** The figures the policy set (so a finding can say whose minimum it is). */
  fromPolicy: Partial<Required<Options[0]>>;
  /** argon2 passes; the rule has no option for them. */
  minArgon2TimeCost?: number;
  policyName: string;
}

/**
 * The KDF costs of keywarden.policy.json (`kdf`), as this rule's options: a
 * figure the policy sets replaces the default and the rule option, since the
 * policy is the project's declared standard (it may also relax a default for
 * a legacy system, deliberately). PBKDF2's one figure applies to every digest.
 */
function kdfLimits(options: Required<Options[0]>, policy: Policy): KdfLimits {
  const { pbkdf2, scrypt, bcrypt, argon2 } = policy.kdf;
  const fromPolicy: Partial<Required<Options[0]>> = {};
  if (pbkdf2?.minIterations !== undefined) {
    const min = pbkdf2.minIterations;
    fromPolicy.minPbkdf2Iterations = { sha1: min, sha256: min, sha512: min };
  }
  if (scrypt?.minN !== undefined) fromPolicy.minScryptCost = scrypt.minN;
  if (bcrypt?.minRounds !== undefined) fromPolicy.minBcryptRounds = bcrypt.minRounds;
  if (argon2?.minMemoryKiB !== undefined) fromPolicy.minArgon2MemoryKiB = argon2.minMemoryKiB;
  return { limits: { ...options, ...fromPolicy }, fromPolicy, minArgon2TimeCost: argon2?.minTimeCost, policyName: policyName(policy) };
}

const PASSWORD_WORDS: ReadonlySet<string> = new Set(['password', 'passphrase', 'passwd', 'pass']);

/** The name of the function whose single returned expression is `node` (`function newRoomSalt() { return randomBytes(8); }`). */
function returningFunctionName(node: TSESTree.Node): string | undefined {
  const parent = node.parent;
  const fn = parent?.type === 'ReturnStatement' ? parent.parent?.parent : parent?.type === 'ArrowFunctionExpression' && parent.body === node ? parent : undefined;
  if (fn?.type === 'FunctionDeclaration') return fn.id?.name;
  if (fn?.type !== 'FunctionExpression' && fn?.type !== 'ArrowFunctionExpression') return undefined;
  const holder = fn.parent;
  if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier') return holder.id.name;
  if ((holder?.type === 'MethodDefinition' || holder?.type === 'Property') && holder.key.type === 'Identifier') return holder.key.name;
  return undefined;
}

/** `iv`, `nonce`, `baseNonce`, `HEADER_IV`: the name of an IV or nonce, the last word saying so. */
function isNonceName(name: string | undefined): boolean {
  const parts = name ? identifierWords(name) : [];
  return parts.length > 0 && (parts[parts.length - 1] === 'iv' || parts[parts.length - 1] === 'nonce');
}

/**
 * `kid`, `keyId`, `KEY_FINGERPRINT`: a short value derived from a key to name it (`const kid = hkdfSync(…, 8).toString('hex')`)
 * is an identifier, not a key of its own; its size says nothing about the key's strength.
 */
function isKeyIdName(name: string | undefined): boolean {
  const parts = name ? identifierWords(name) : [];
  const last = parts[parts.length - 1];
  return last === 'kid' || last === 'fingerprint' || (last === 'id' && parts.length > 1 && parts[parts.length - 2] === 'key');
}

/**
 * A KDF output bound to an IV or nonce name (or to a key id's name, isKeyIdName) (`const nonce = hkdfSync(…, 12)`), directly or through a local
 * helper whose length parameter `at` was written at the call site (`const nonce = hkdf(salt, ikm, info, 12)`).
 */
function derivesNonce(call: ApiCall, at: TSESTree.Node): boolean {
  // `Buffer.from(hkdfSync(…))`, `new Uint8Array(await deriveBits(…))`: the copy around the output is what gets the name.
  let output: TSESTree.Node = call.node;
  while (output.parent && (output.parent.type === 'CallExpression' || output.parent.type === 'NewExpression' || output.parent.type === 'AwaitExpression')) {
    const wrapper: TSESTree.Node = output.parent;
    if (wrapper.type !== 'AwaitExpression') {
      const copier = isStaticCall(wrapper, 'Buffer', 'from') || (wrapper.callee.type === 'Identifier' && wrapper.callee.name === 'Uint8Array');
      if (wrapper.arguments[0] !== output || !copier) break;
    }
    output = wrapper;
  }
  const boundTo = keyBindingName(output);
  if (isNonceName(boundTo) || isKeyIdName(boundTo)) return true;
  let current: TSESTree.Node = at;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    if (parent === call.node) return false;
    if (parent.type === 'CallExpression' && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
      return isNonceName(keyBindingName(parent));
    }
    if (parent.type.endsWith('Statement') || parent.type.startsWith('Function') || parent.type === 'ArrowFunctionExpression') return false;
  }
  return false;
}

/**
 * The name a freshly generated value is bound to, through re-encodings and a template
 * around it: `const secret = `whsec_${randomBytes(8).toString('hex')}``, `{ signingKey: randomBytes(8) }`,
 * `this.hmacSecret = randomBytes(8)`.
 */
function keyBindingName(node: TSESTree.Node): string | undefined {
  let current: TSESTree.Node = node;
  for (let i = 0; i < 6; i++) {
    const parent = current.parent;
    if (!parent) return undefined;
    if (parent.type === 'MemberExpression' && parent.object === current && parent.parent?.type === 'CallExpression' && parent.parent.callee === parent && /^(?:toString|toJSON)$/.test(memberName(parent) ?? '')) {
      current = parent.parent;
      continue;
    }
    if (parent.type === 'TemplateLiteral' || parent.type === 'AwaitExpression' || parent.type === 'TSAsExpression' || parent.type === 'TSNonNullExpression') {
      current = parent;
      continue;
    }
    if (parent.type === 'VariableDeclarator' && parent.init === current) return parent.id.type === 'Identifier' ? parent.id.name : undefined;
    if (parent.type === 'Property' && parent.value === current && !parent.computed) return propertyName(parent.key);
    if (parent.type === 'AssignmentExpression' && parent.right === current && parent.operator === '=') {
      return referencedName(parent.left);
    }
    return undefined;
  }
  return undefined;
}

