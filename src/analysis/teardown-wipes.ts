import type { TSESTree } from '@typescript-eslint/utils';
import { argsWithRole, apiCallAt, getApiCalls } from './api-calls';
import { descendants, programNodes } from './ast';
import { wipeOf } from './key-lifetime';
import { isSecretName } from './key-names';
import { findKeyBytes, isByteView, type KeyBytes, type KeyBytesSource } from './key-material';
import { classMemberKeyName, classMemberName, memberName, unwrapExpression, variableOf, type SourceCode } from './scope';
import { LintScopedWeakMap } from './lint-scoped';

/**
 * Key fields a class forgets at teardown. Decision 19 takes key bytes stored on `this` as escapes: the
 * object owns them and decides when they die. A class whose teardown method (`close()`, `destroy()`,
 * `dispose()`, `[Symbol.dispose]()`, …) wipes some of its key fields says how it ends their life; a key
 * field that method leaves out outlives the object, a forgotten wipe.
 */
export interface ForgottenKeyField {
  /** The field's name as written (`macKey`, `#macKey`). */
  name: string;
  /** Where the field gets its bytes: its declaration's key, or `this.macKey` in the assignment. */
  node: TSESTree.Node;
  source: KeyBytesSource;
  teardown: TSESTree.MethodDefinition;
  /** The teardown's last wipe statement, after which the missing wipe belongs. */
  lastWipe: TSESTree.Statement;
}

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

const TEARDOWN_NAME = /^(?:close|destroy|dispose|asyncDispose|wipe|zeroi[sz]e|clear|shutdown|teardown|release|end|disconnect|revoke|lock|logout|log[Oo]ut|sign[Oo]ut|forget|purge)$/i;
/** Operations whose output on `this` is raw key bytes (KeyObjects and CryptoKeys are not wiped by hand). */
const KEY_OUTPUTS: Readonly<Record<string, KeyBytesSource>> = { random: 'random', kdf: 'kdf', keygen: 'keygen' };
const KEY_ROLES = ['key', 'secret'] as const;

const cache = new LintScopedWeakMap<TSESTree.Program, ForgottenKeyField[]>();

export function keyFieldsForgottenAtTeardown(sourceCode: SourceCode): ForgottenKeyField[] {
  let found = cache.get(sourceCode.ast);
  if (found) return found;
  found = [];
  try {
    // Most files wipe nothing on `this`: no class walk.
    if (/this\.#?\w+\??\.fill\(|memzero|wipe|zeroi[sz]e/i.test(sourceCode.text) && getApiCalls(sourceCode).length > 0) {
      for (const node of programNodes(sourceCode.ast)) {
        if (node.type === 'ClassDeclaration' || node.type === 'ClassExpression') found.push(...forgottenIn(sourceCode, node));
      }
    }
  } catch {
    found = []; // analysis never crashes a rule
  }
  cache.set(sourceCode.ast, found);
  return found;
}

function forgottenIn(sourceCode: SourceCode, cls: ClassNode): ForgottenKeyField[] {
  const teardowns = teardownMethods(cls);
  if (teardowns.length === 0) return [];
  const fields = keyFields(sourceCode, cls);
  if (fields.length < 2) return [];
  const wipesByMethod = new Map(methodsOf(cls).map((method) => [method, wipesOfThis(sourceCode, method)]));
  // A field any method of the class wipes (a helper the teardown calls, a rotation) is not forgotten.
  const wipedAnywhere = new Set([...wipesByMethod.values()].flatMap((wipes) => [...wipes.keys()]));
  for (const teardown of teardowns) {
    const wipes = wipesByMethod.get(teardown)!;
    // The teardown must wipe at least one key field of the class: its intent is then plain.
    if (!fields.some((f) => wipes.has(f.name))) continue;
    const lastWipe = [...wipes.values()].sort((a, b) => b.range[0] - a.range[0])[0];
    return fields.filter((field) => !wipedAnywhere.has(field.name)).map((field) => ({ ...field, teardown, lastWipe }));
  }
  return [];
}

function methodsOf(cls: ClassNode): TSESTree.MethodDefinition[] {
  return cls.body.body.filter((member): member is TSESTree.MethodDefinition => member.type === 'MethodDefinition' && member.value.body !== null);
}

function teardownMethods(cls: ClassNode): TSESTree.MethodDefinition[] {
  return methodsOf(cls).filter((member) => {
    if (member.kind !== 'method' || member.static) return false;
    // `[Symbol.dispose]()` / `[Symbol.asyncDispose]()`
    const name = member.computed && member.key.type === 'MemberExpression' ? memberName(member.key) : classMemberKeyName(member.key);
    return name !== undefined && TEARDOWN_NAME.test(name.replace(/^#/, ''));
  });
}

/** The fields of `this` a method wipes (`this.encKey.fill(0)`, `sodium.memzero(this.#key)`), with the statement of each wipe. */
function wipesOfThis(sourceCode: SourceCode, method: TSESTree.MethodDefinition): Map<string, TSESTree.Statement> {
  const wiped = new Map<string, TSESTree.Statement>();
  for (const node of descendants(method.value.body!)) {
    if (node.type !== 'MemberExpression' || node.object.type !== 'ThisExpression') continue;
    const name = classMemberName(node);
    const wipe = name !== undefined ? wipeOf(sourceCode, node) : undefined;
    const statement = wipe && statementOf(wipe);
    if (statement) wiped.set(name!, statement);
  }
  return wiped;
}

function statementOf(node: TSESTree.Node): TSESTree.Statement | undefined {
  let n: TSESTree.Node | undefined = node;
  while (n && (n.type === 'ChainExpression' || n.type === 'AwaitExpression' || n.type === 'CallExpression' || n.type === 'MemberExpression')) n = n.parent;
  return n?.type === 'ExpressionStatement' ? n : undefined;
}

/**
 * The class's fields that get raw key bytes: a field initialised (or assigned in a method) with key bytes a local
 * binding holds (a KMS `Plaintext`); or with random bytes used as a key by a modelled call; or with a derived or
 * generated key used as one or named as one.
 */
function keyFields(sourceCode: SourceCode, cls: ClassNode): Omit<ForgottenKeyField, 'teardown' | 'lastWipe'>[] {
  const keyUsed = keyArgumentFields(sourceCode, cls);
  const fields = new Map<string, Omit<ForgottenKeyField, 'teardown' | 'lastWipe'>>();
  const consider = (name: string | undefined, node: TSESTree.Node, value: TSESTree.Node | null | undefined) => {
    if (name === undefined || !value || fields.has(name)) return;
    // `this.dataKey = Plaintext` / `this.dataKey = res.Plaintext`: a binding the analysis knows holds key bytes.
    const held = heldKeyBytes(sourceCode, unwrapExpression(value));
    if (held) {
      fields.set(name, { name, node, source: held.source });
      return;
    }
    const producer = bytesOf(unwrapExpression(value));
    const call = apiCallAt(sourceCode, producer);
    const source = call && KEY_OUTPUTS[call.api.operation];
    if (!source || call.node !== producer) return;
    if (keyUsed.has(name) || (source !== 'random' && isSecretName(name.replace(/^#/, '')))) fields.set(name, { name, node, source });
  };
  for (const member of cls.body.body) {
    if (member.type === 'PropertyDefinition' && !member.static && !member.computed) consider(classMemberKeyName(member.key), member.key, member.value);
  }
  for (const node of descendants(cls.body)) {
    if (node.type === 'AssignmentExpression' && node.operator === '=' && node.left.type === 'MemberExpression' && node.left.object.type === 'ThisExpression') {
      consider(classMemberName(node.left), node.left, node.right);
    }
  }
  return [...fields.values()];
}

/** The key bytes (findKeyBytes) a binding or one of its members holds: `Plaintext`, `res.Plaintext`, `kp.secretKey`. */
function heldKeyBytes(sourceCode: SourceCode, value: TSESTree.Node): KeyBytes | undefined {
  const path: string[] = [];
  let base = value;
  while (base.type === 'MemberExpression' && !base.computed && path.length < 3) {
    const name = memberName(base);
    if (name === undefined) return undefined;
    path.unshift(name);
    base = unwrapExpression(base.object);
  }
  const variable = base.type === 'Identifier' ? variableOf(sourceCode, base) : undefined;
  if (!variable) return undefined;
  return findKeyBytes({ sourceCode, parserServices: sourceCode.parserServices }).find((bytes) => bytes.variable === variable && bytes.path.join('.') === path.join('.'));
}

/** `Buffer.from(hkdfSync(…))`, `new Uint8Array(deriveBits)`: the bytes of the call inside. */
function bytesOf(value: TSESTree.Node): TSESTree.Node {
  if ((value.type !== 'CallExpression' && value.type !== 'NewExpression') || value.arguments.length !== 1 || !isByteView(value)) return value;
  const inner = value.arguments[0];
  return inner.type === 'SpreadElement' ? value : unwrapExpression(inner);
}

/** Fields of `this` the class passes as the key of a modelled call (`createHmac('sha256', this.macKey)`). */
function keyArgumentFields(sourceCode: SourceCode, cls: ClassNode): Set<string> {
  const names = new Set<string>();
  for (const call of getApiCalls(sourceCode)) {
    if (call.node.range[0] < cls.range[0] || call.node.range[1] > cls.range[1]) continue;
    for (const arg of KEY_ROLES.flatMap((role) => argsWithRole(call, role))) {
      const expr = unwrapExpression(arg);
      const name = expr.type === 'MemberExpression' && expr.object.type === 'ThisExpression' ? classMemberName(expr) : undefined;
      if (name !== undefined) names.add(name);
    }
  }
  return names;
}
