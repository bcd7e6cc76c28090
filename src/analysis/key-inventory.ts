import type { Rule, Scope, SourceCode } from 'eslint';
import type { KeyOrigin, ZeroizationStatus } from '../shared/protocol';

/**
 * A small, conservative pass that lists the keys one file handles: where each
 * comes from (hardcoded, environment, KMS, derived, generated), what it is used
 * for and with which algorithms, and whether its bytes are wiped. Calls are
 * matched by what they resolve to (imports of `crypto`/`node:crypto`,
 * `@aws-sdk/client-kms`, `keywarden/kms`, `jsonwebtoken`; the global
 * `crypto.subtle`), never by a bare name. Random bytes and environment
 * variables count as keys only when they reach a key argument or are named
 * like a key, so IVs, salts and ordinary configuration stay out.
 */

type Node = Rule.Node;
type Span = [number, number];

export interface KeyUse {
  range: Span;
  purpose: string;
  algorithm?: string;
}

export interface FileKey {
  /** The binding name, the environment variable, or the KMS key id. Never key material. */
  name: string;
  /** Same identity across files for environment variables and KMS keys; per file otherwise. */
  identity: string;
  origin: KeyOrigin;
  /** Where the key is named (the binding, or the expression when there is none). */
  nameRange: Span;
  /** The whole definition (declarator), so findings reported on its value can be attached. */
  definitionRange: Span;
  uses: KeyUse[];
  /** Purposes stated where the key is created (e.g. an envelope client's `purpose`), beyond those of its uses. */
  declaredPurposes: string[];
  algorithms: string[];
  zeroization: ZeroizationStatus;
}

const CRYPTO_MODULES = new Set(['crypto', 'node:crypto']);
const KEY_LIKE_NAME = /(^|[^a-z])(key|secret|kek|dek)s?([^a-z]|$)|(Key|Secret)s?([A-Z_]|$)/i;
const NOT_A_KEY_NAME = /(^|[^a-z])(iv|nonce|salt|id|ids|cache|map|name)s?([^a-z]|$)/i;

/** Where a key argument sits in a sink call and what using it there means. */
interface Sink {
  keyArg: number;
  purpose: string;
  algorithm: (args: Node[], resolve: (n: Node | undefined) => string | undefined) => string | undefined;
}

const algorithmArg = (index: number, prefix = '') => (args: Node[], resolve: (n: Node | undefined) => string | undefined) => {
  const value = resolve(args[index]);
  return value ? `${prefix}${value.toLowerCase()}` : undefined;
};
const fixed = (name: string) => () => name;
const webAlgorithm = (index: number) => (args: Node[], resolve: (n: Node | undefined) => string | undefined) => {
  const arg = args[index];
  if (!arg) return undefined;
  if (arg.type === 'ObjectExpression') {
    const nameProp = arg.properties.find(
      (p) => p.type === 'Property' && p.key.type === 'Identifier' && p.key.name === 'name',
    ) as { value: Node } | undefined;
    return nameProp ? resolve(nameProp.value)?.toLowerCase() : undefined;
  }
  return resolve(arg)?.toLowerCase();
};

const NODE_CRYPTO_SINKS: Record<string, Sink> = {
  createCipheriv: { keyArg: 1, purpose: 'encryption', algorithm: algorithmArg(0) },
  createDecipheriv: { keyArg: 1, purpose: 'encryption', algorithm: algorithmArg(0) },
  createHmac: { keyArg: 1, purpose: 'mac', algorithm: algorithmArg(0, 'hmac-') },
  hkdfSync: { keyArg: 1, purpose: 'key-derivation', algorithm: algorithmArg(0, 'hkdf-') },
  hkdf: { keyArg: 1, purpose: 'key-derivation', algorithm: algorithmArg(0, 'hkdf-') },
  pbkdf2Sync: { keyArg: 0, purpose: 'key-derivation', algorithm: algorithmArg(4, 'pbkdf2-') },
  pbkdf2: { keyArg: 0, purpose: 'key-derivation', algorithm: algorithmArg(4, 'pbkdf2-') },
  scryptSync: { keyArg: 0, purpose: 'key-derivation', algorithm: fixed('scrypt') },
  sign: { keyArg: 2, purpose: 'signing', algorithm: algorithmArg(0) },
  verify: { keyArg: 2, purpose: 'signing', algorithm: algorithmArg(0) },
  publicEncrypt: { keyArg: 0, purpose: 'encryption', algorithm: fixed('rsa') },
  privateDecrypt: { keyArg: 0, purpose: 'encryption', algorithm: fixed('rsa') },
  privateEncrypt: { keyArg: 0, purpose: 'signing', algorithm: fixed('rsa') },
  publicDecrypt: { keyArg: 0, purpose: 'signing', algorithm: fixed('rsa') },
};

const SUBTLE_SINKS: Record<string, Sink> = {
  encrypt: { keyArg: 1, purpose: 'encryption', algorithm: webAlgorithm(0) },
  decrypt: { keyArg: 1, purpose: 'encryption', algorithm: webAlgorithm(0) },
  sign: { keyArg: 1, purpose: 'signing', algorithm: webAlgorithm(0) },
  verify: { keyArg: 1, purpose: 'signing', algorithm: webAlgorithm(0) },
  deriveKey: { keyArg: 1, purpose: 'key-derivation', algorithm: webAlgorithm(0) },
  deriveBits: { keyArg: 1, purpose: 'key-derivation', algorithm: webAlgorithm(0) },
  wrapKey: { keyArg: 2, purpose: 'key-wrapping', algorithm: webAlgorithm(3) },
};

const JWT_SINKS: Record<string, Sink> = {
  sign: { keyArg: 1, purpose: 'signing', algorithm: fixed('jwt') },
  verify: { keyArg: 1, purpose: 'signing', algorithm: fixed('jwt') },
};

/** Where a bound value comes from, as far as this pass can tell. */
interface KeySource {
  origin: KeyOrigin;
  algorithms: string[];
  /** The value is a Buffer/TypedArray the program could zero. */
  wipeable: boolean;
  /** Only a key if it reaches a key argument or is named like one. */
  needsEvidence: boolean;
  /** Cross-file identity (environment variable, KMS key). */
  identity?: string;
  /** Display name when it is not the binding's (environment variable, KMS key id). */
  label?: string;
  /** Purposes declared at the source (an envelope client's `purpose`). */
  purposes?: string[];
  /** A `GenerateDataKey` response: only its `Plaintext` is the data key. */
  dataKeyResponse?: boolean;
}

/** What a call resolves to: a function of a tracked module. */
interface ResolvedCall {
  module: 'crypto' | 'subtle' | 'jwt' | 'kms-sdk' | 'keywarden-kms';
  name: string;
}

export function findFileKeys(sourceCode: SourceCode, hardcodedFindings: Span[] = []): FileKey[] {
  return new KeyFinder(sourceCode).find(hardcodedFindings);
}

class KeyFinder {
  /** Local variables bound to a module or to one of its functions, e.g. `crypto` or `{ randomBytes }`. */
  private readonly moduleBindings = new Map<Scope.Variable, { module: string; imported: string | null }>();

  constructor(private readonly sourceCode: SourceCode) {}

  find(hardcodedFindings: Span[]): FileKey[] {
    this.collectModuleBindings();
    const keys: FileKey[] = [];
    const claimed = new Set<Scope.Variable>();
    for (const span of hardcodedFindings) {
      const key = this.hardcodedKey(span, claimed);
      if (key) keys.push(key);
    }
    for (const scope of this.sourceCode.scopeManager!.scopes) {
      for (const variable of scope.variables) {
        if (claimed.has(variable)) continue;
        const key = this.keyOfVariable(variable);
        if (key) keys.push(key);
      }
    }
    return keys;
  }

  // ---- module tracking -------------------------------------------------

  private collectModuleBindings(): void {
    for (const scope of this.sourceCode.scopeManager!.scopes) {
      for (const variable of scope.variables) {
        for (const def of variable.defs) {
          const binding = this.moduleBindingOf(def);
          if (binding) this.moduleBindings.set(variable, binding);
        }
      }
    }
  }

  private moduleBindingOf(def: Scope.Definition): { module: string; imported: string | null } | null {
    const node = def.node as Node;
    if (def.type === 'ImportBinding') {
      const declaration = (def as unknown as { parent: { source: { value: unknown } } }).parent;
      const module = moduleName(declaration.source.value);
      if (!module) return null;
      if (node.type === 'ImportSpecifier') {
        const imported = node.imported.type === 'Identifier' ? node.imported.name : String(node.imported.value);
        return { module, imported };
      }
      return { module, imported: null };
    }
    if (def.type === 'Variable' && node.type === 'VariableDeclarator' && node.init) {
      const init = unwrap(node.init as Node);
      if (init.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') return null;
      const arg = init.arguments[0];
      const module = arg && arg.type === 'Literal' ? moduleName(arg.value) : null;
      if (!module) return null;
      if (node.id.type === 'Identifier') return { module, imported: null };
      if (node.id.type === 'ObjectPattern') {
        const property = node.id.properties.find(
          (p) => p.type === 'Property' && p.value.type === 'Identifier' && p.value.name === def.name.name,
        ) as { key: Node } | undefined;
        if (property && property.key.type === 'Identifier') return { module, imported: property.key.name };
      }
    }
    return null;
  }

  /** Every reference by its identifier node, built once: resolving is then a lookup, not a scope walk. */
  private referenceIndex: Map<unknown, Scope.Reference> | null = null;

  private variableOf(identifier: Node): Scope.Variable | undefined {
    if (!this.referenceIndex) {
      this.referenceIndex = new Map();
      for (const scope of this.sourceCode.scopeManager!.scopes) {
        for (const reference of scope.references) this.referenceIndex.set(reference.identifier, reference);
      }
    }
    return this.referenceIndex.get(identifier)?.resolved ?? undefined;
  }

  /** Whether an identifier is an unresolved global (`process`, `crypto`, `Buffer`). */
  private isGlobal(identifier: Node, name: string): boolean {
    return identifier.type === 'Identifier' && identifier.name === name && !this.variableOf(identifier)?.defs.length;
  }

  private resolveCall(call: Node): ResolvedCall | null {
    if (call.type !== 'CallExpression' && call.type !== 'NewExpression') return null;
    const callee = call.callee as Node;
    if (callee.type === 'Identifier') {
      const binding = this.bindingOf(callee);
      if (binding?.imported) return { module: binding.module as ResolvedCall['module'], name: binding.imported };
      return null;
    }
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return null;
    const name = callee.property.name;
    const object = callee.object as Node;
    if (object.type === 'Identifier') {
      const binding = this.bindingOf(object);
      if (binding && !binding.imported) return { module: binding.module as ResolvedCall['module'], name };
      if (binding?.imported === 'subtle') return { module: 'subtle', name };
      return null;
    }
    // crypto.subtle.x / crypto.webcrypto.subtle.x / globalThis.crypto.subtle.x
    if (object.type === 'MemberExpression' && !object.computed && object.property.type === 'Identifier' && object.property.name === 'subtle') {
      let base = object.object as Node;
      if (base.type === 'MemberExpression' && !base.computed && base.property.type === 'Identifier' && base.property.name === 'webcrypto') base = base.object as Node;
      if (base.type === 'MemberExpression' && !base.computed && base.object.type === 'Identifier' && base.object.name === 'globalThis') base = base.property as Node;
      if (base.type === 'Identifier' && (this.bindingOf(base)?.module === 'crypto' || this.isGlobal(base, 'crypto'))) {
        return { module: 'subtle', name };
      }
    }
    return null;
  }

  private bindingOf(identifier: Node): { module: string; imported: string | null } | undefined {
    const variable = this.variableOf(identifier);
    return variable ? this.moduleBindings.get(variable) : undefined;
  }

  // ---- key sources -----------------------------------------------------

  private keyOfVariable(variable: Scope.Variable): FileKey | null {
    const def = variable.defs.find((d) => d.type === 'Variable');
    if (!def) return null;
    const declarator = def.node as Node;
    if (declarator.type !== 'VariableDeclarator' || !declarator.init || this.moduleBindings.has(variable)) return null;
    const source = this.classify(declarator.init as Node);
    if (!source) return null;
    if (source.dataKeyResponse && declarator.id.type === 'ObjectPattern' && !this.isDestructuredFrom(declarator.id as Node, variable.name, 'Plaintext')) return null;
    const uses = this.usesOf(variable);
    const named = KEY_LIKE_NAME.test(variable.name) && !NOT_A_KEY_NAME.test(variable.name);
    if (source.needsEvidence && uses.length === 0 && !named) return null;
    const nameNode = def.name as unknown as Node;
    const name = source.label ?? variable.name;
    return {
      name,
      identity: source.identity ?? `local:${variable.name}@${nameNode.range![0]}`,
      origin: source.origin,
      nameRange: nameNode.range as Span,
      definitionRange: declarator.range as Span,
      uses,
      declaredPurposes: source.purposes ?? [],
      algorithms: unique([...source.algorithms, ...uses.map((u) => u.algorithm).filter((a): a is string => !!a)]),
      zeroization: source.wipeable ? (this.isWiped(variable) ? 'wiped' : 'not-wiped') : 'not-applicable',
    };
  }

  /** Whether `{ property: name }` (or `{ property }`) in a pattern binds `name`. */
  private isDestructuredFrom(pattern: Node, name: string, property: string): boolean {
    if (pattern.type !== 'ObjectPattern') return false;
    return pattern.properties.some(
      (p) => p.type === 'Property' && p.key.type === 'Identifier' && p.key.name === property && p.value.type === 'Identifier' && p.value.name === name,
    );
  }

  /**
   * Where a value comes from. `needsEvidence`: only a key if used as one or
   * named like one (random bytes and environment variables have other uses).
   * `wipeable`: the value is a Buffer/TypedArray the program could zero.
   */
  private classify(
    expression: Node,
  ): KeySource | null {
    let wipeable = false;
    let node = unwrap(expression);
    // Buffer.from(x, enc) / Buffer.from(await ...) — the bytes become a Buffer
    if (node.type === 'CallExpression' && isBufferFrom(node, this)) {
      wipeable = true;
      node = unwrap(node.arguments[0] as Node);
    }
    // `.Plaintext` of a GenerateDataKey response
    if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && node.property.name === 'Plaintext') {
      const kms = this.kmsDataKeyCommand(unwrap(node.object as Node));
      if (kms) return { origin: 'kms', algorithms: [], wipeable: true, needsEvidence: false, identity: kms, label: kms.slice('kms:'.length) };
    }
    const env = this.envName(node);
    if (env) return { origin: 'environment', algorithms: [], wipeable, needsEvidence: true, identity: `env:${env}`, label: env };
    const dataKey = this.kmsDataKeyCommand(node);
    if (dataKey) {
      return { origin: 'kms', algorithms: [], wipeable: true, needsEvidence: false, identity: dataKey, label: dataKey.slice('kms:'.length), dataKeyResponse: true };
    }
    const envelope = this.envelopeClientKey(node);
    if (envelope) {
      const purpose = this.objectProperty(node, 'purpose');
      return { origin: 'kms', algorithms: ['aes-256-gcm'], wipeable: false, needsEvidence: false, identity: envelope, label: envelope.slice('kms:'.length), purposes: purpose ? [purpose] : ['encryption'] };
    }
    const call = this.resolveCall(node);
    if (!call) return null;
    const args = (node as unknown as { arguments: Node[] }).arguments;
    const resolve = (n: Node | undefined) => this.stringValue(n);
    if (call.module === 'crypto') {
      switch (call.name) {
        case 'randomBytes':
          return { origin: 'generated', algorithms: [], wipeable: true, needsEvidence: true };
        case 'generateKeySync':
        case 'generateKeyPairSync':
          return { origin: 'generated', algorithms: opt(resolve(args[0])), wipeable: false, needsEvidence: false };
        case 'createSecretKey':
        case 'createPrivateKey': {
          const inner = args[0] ? this.classify(args[0]) : null;
          return inner ? { ...inner, wipeable: false, needsEvidence: false } : null;
        }
        case 'hkdfSync':
        case 'pbkdf2Sync':
        case 'scryptSync': {
          const sink = NODE_CRYPTO_SINKS[call.name];
          return { origin: 'derived', algorithms: opt(sink.algorithm(args, resolve)), wipeable: true, needsEvidence: false };
        }
      }
    }
    if (call.module === 'subtle') {
      if (call.name === 'generateKey') return { origin: 'generated', algorithms: opt(webAlgorithm(0)(args, resolve)), wipeable: false, needsEvidence: false };
      if (call.name === 'deriveKey') return { origin: 'derived', algorithms: opt(webAlgorithm(2)(args, resolve)), wipeable: false, needsEvidence: false };
      if (call.name === 'deriveBits') return { origin: 'derived', algorithms: opt(webAlgorithm(0)(args, resolve)), wipeable: true, needsEvidence: false };
      if (call.name === 'importKey' && args[1]) {
        const inner = this.classify(args[1]);
        const algorithm = webAlgorithm(2)(args, resolve);
        return inner ? { ...inner, algorithms: [...inner.algorithms, ...opt(algorithm)], wipeable: false, needsEvidence: false } : null;
      }
    }
    return null;
  }

  private envName(node: Node): string | null {
    if (node.type !== 'MemberExpression') return null;
    const object = node.object as Node;
    if (object.type !== 'MemberExpression' || object.computed || object.property.type !== 'Identifier' || object.property.name !== 'env') return null;
    const processNode = object.object as Node;
    const isProcess = this.isGlobal(processNode, 'process') || (processNode.type === 'Identifier' && this.bindingOf(processNode)?.module === 'process');
    if (!isProcess) return null;
    if (!node.computed && node.property.type === 'Identifier') return node.property.name;
    return this.stringValue(node.property as Node) ?? null;
  }

  /** `new GenerateDataKeyCommand({ KeyId })` (optionally sent through a client) → `kms:<KeyId>`. */
  private kmsDataKeyCommand(node: Node): string | null {
    let candidate = node;
    if (candidate.type === 'CallExpression' && candidate.callee.type === 'MemberExpression' && candidate.arguments.length === 1) {
      const callee = candidate.callee;
      if (!callee.computed && callee.property.type === 'Identifier' && callee.property.name === 'send') candidate = unwrap(candidate.arguments[0] as Node);
    }
    const call = this.resolveCall(candidate);
    if (call?.module !== 'kms-sdk' || call.name !== 'GenerateDataKeyCommand') return null;
    return `kms:${this.objectProperty(candidate, 'KeyId') ?? 'unknown'}`;
  }

  /** `createEnvelopeClient({ keyUri })` from keywarden/kms → `kms:<keyUri>`. */
  private envelopeClientKey(node: Node): string | null {
    const call = this.resolveCall(node);
    if (call?.module !== 'keywarden-kms' || call.name !== 'createEnvelopeClient') return null;
    return `kms:${this.objectProperty(node, 'keyUri') ?? 'KEYWARDEN_KEY_URI'}`;
  }

  /** A property of a call's first (object) argument as a display string: its value, an env var, or its source. */
  private objectProperty(call: Node, key: string): string | undefined {
    const arg = (call as unknown as { arguments: Node[] }).arguments[0];
    if (!arg || arg.type !== 'ObjectExpression') return undefined;
    const property = arg.properties.find(
      (p) => p.type === 'Property' && !p.computed && p.key.type === 'Identifier' && p.key.name === key,
    ) as { value: Node } | undefined;
    if (!property) return undefined;
    const value = unwrap(property.value);
    return this.stringValue(value) ?? this.envName(value) ?? this.sourceCode.getText(value).slice(0, 80);
  }

  private hardcodedKey(finding: Span, claimed: Set<Scope.Variable>): FileKey | null {
    let node = this.sourceCode.getNodeByRangeIndex(finding[0]) as Node | null;
    for (let depth = 0; node && depth < 6; depth++, node = node.parent) {
      if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier') {
        const variable = this.sourceCode.getDeclaredVariables(node)[0];
        if (!variable) break;
        claimed.add(variable);
        const uses = this.usesOf(variable);
        return {
          name: variable.name,
          identity: `local:${variable.name}@${node.id.range![0]}`,
          origin: 'hardcoded',
          nameRange: node.id.range as Span,
          definitionRange: node.range as Span,
          uses,
          declaredPurposes: [],
          algorithms: unique(uses.map((u) => u.algorithm).filter((a): a is string => !!a)),
          zeroization: 'not-applicable',
        };
      }
      if (/Statement$|Declaration$|^Program$/.test(node.type)) break;
    }
    // A key written inline at its use: named by position, never by its value.
    const use = this.useAt(finding);
    return {
      name: `inline key`,
      identity: `inline@${finding[0]}`,
      origin: 'hardcoded',
      nameRange: finding,
      definitionRange: finding,
      uses: use ? [use] : [],
      declaredPurposes: [],
      algorithms: use?.algorithm ? [use.algorithm] : [],
      zeroization: 'not-applicable',
    };
  }

  // ---- uses and zeroization ------------------------------------------------

  private usesOf(variable: Scope.Variable): KeyUse[] {
    const uses: KeyUse[] = [];
    for (const reference of variable.references) {
      if (!reference.isRead()) continue;
      const use = this.useOfExpression(reference.identifier as unknown as Node);
      if (use) uses.push(use);
    }
    return uses;
  }

  /** The sink use of an expression found at a span (for inline keys). */
  private useAt(span: Span): KeyUse | null {
    let node = this.sourceCode.getNodeByRangeIndex(span[0]) as Node | null;
    while (node && node.range![1] < span[1]) node = node.parent;
    return node ? this.useOfExpression(node) : null;
  }

  /** If an expression (through Buffer.from and similar wrappers) is a key argument of a sink, that use. */
  private useOfExpression(expression: Node): KeyUse | null {
    let node = expression;
    for (let depth = 0; depth < 4 && node.parent; depth++) {
      const parent = node.parent as Node;
      if (parent.type === 'CallExpression' || parent.type === 'NewExpression') {
        const index = parent.arguments.indexOf(node as never);
        if (index >= 0) {
          const sink = this.sinkOf(parent);
          if (sink && sink.keyArg === index) {
            const args = parent.arguments as Node[];
            return { range: expression.range as Span, purpose: sink.purpose, algorithm: sink.algorithm(args, (n) => this.stringValue(n)) };
          }
          if (parent.type === 'CallExpression' && isBufferFrom(parent, this) && index === 0) {
            node = parent;
            continue;
          }
          const call = this.resolveCall(parent);
          if (call && (call.name === 'createSecretKey' || call.name === 'createPrivateKey' || call.name === 'importKey')) {
            node = parent;
            continue;
          }
          return null;
        }
      }
      if (['AwaitExpression', 'TSNonNullExpression', 'TSAsExpression'].includes(parent.type as string)) {
        node = parent;
        continue;
      }
      return null;
    }
    return null;
  }

  private sinkOf(call: Node): Sink | null {
    const resolved = this.resolveCall(call);
    if (!resolved) return null;
    if (resolved.module === 'crypto') return NODE_CRYPTO_SINKS[resolved.name] ?? null;
    if (resolved.module === 'subtle') return SUBTLE_SINKS[resolved.name] ?? null;
    if (resolved.module === 'jwt') return JWT_SINKS[resolved.name] ?? null;
    return null;
  }

  /** `key.fill(0)`, `wipe(key)` (keywarden/kms) or `randomFillSync(key)` anywhere in the file. */
  private isWiped(variable: Scope.Variable): boolean {
    return variable.references.some((reference) => {
      let id = reference.identifier as unknown as Node;
      // through `key!` and `key as Buffer`
      while (['TSNonNullExpression', 'TSAsExpression'].includes((id.parent as Node).type as string)) id = id.parent as Node;
      const parent = id.parent as Node;
      if (parent.type === 'MemberExpression' && parent.object === id && !parent.computed && parent.property.type === 'Identifier' && parent.property.name === 'fill') {
        return (parent.parent as Node).type === 'CallExpression';
      }
      if (parent.type === 'CallExpression' && parent.arguments[0] === id) {
        const call = this.resolveCall(parent);
        return (call?.module === 'keywarden-kms' && call.name === 'wipe') || (call?.module === 'crypto' && call.name === 'randomFillSync');
      }
      return false;
    });
  }

  /** The string a node evaluates to when that is known in the file (literal, constant template, const binding). */
  stringValue(node: Node | undefined): string | undefined {
    if (!node) return undefined;
    if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
    if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked ?? undefined;
    if (node.type === 'Identifier') {
      const variable = this.variableOf(node);
      const def = variable?.defs[0];
      if (variable && variable.defs.length === 1 && def?.type === 'Variable' && (def.parent as { kind?: string }).kind === 'const') {
        const init = (def.node as { init?: Node }).init;
        if (init && init.type !== 'Identifier') return this.stringValue(init);
      }
    }
    return undefined;
  }

  isBufferGlobal(identifier: Node): boolean {
    return this.isGlobal(identifier, 'Buffer');
  }
}

function isBufferFrom(call: Node & { type: 'CallExpression' }, finder: KeyFinder): boolean {
  const callee = call.callee as Node;
  return (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.property.type === 'Identifier' &&
    callee.property.name === 'from' &&
    finder.isBufferGlobal(callee.object as Node) &&
    call.arguments.length > 0
  );
}

function moduleName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  if (CRYPTO_MODULES.has(value)) return 'crypto';
  if (value === '@aws-sdk/client-kms') return 'kms-sdk';
  if (value === 'keywarden/kms') return 'keywarden-kms';
  if (value === 'jsonwebtoken') return 'jwt';
  if (value === 'process' || value === 'node:process') return 'process';
  return null;
}

/** Strips expressions that do not change which value flows: await, `!`, `as`, `??`/`||` fallbacks, parentheses. */
function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type as string) {
      case 'AwaitExpression':
      case 'TSNonNullExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'ChainExpression':
        current = (current as unknown as { argument?: Node; expression?: Node }).argument ?? (current as unknown as { expression: Node }).expression;
        continue;
      case 'LogicalExpression':
        current = (current as unknown as { left: Node }).left;
        continue;
      default:
        return current;
    }
  }
}

function opt(value: string | undefined): string[] {
  return value ? [value.toLowerCase()] : [];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
