import type { TSESTree } from '@typescript-eslint/utils';
import { descendants, programNodes } from './ast';
import { resolveImportPath } from './imports';
import { memberName, propertyName, unwrapExpression, type SourceCode } from './scope';
import { resolveConstant, type Constant, type ResolveContext } from './values';

/**
 * Encryption plugins registered on a schema (`schema.plugin(fieldEncryption, { fields, secret, saltGenerator })`): the
 * library runs the cipher, the options say how. mongoose-field-encryption calls `saltGenerator(secret)` for the IV of
 * every field it encrypts (its default draws random bytes): a generator that returns a constant makes every IV equal.
 */
const IV_GENERATOR_OPTIONS: readonly { module: string; path: string; option: string }[] = [
  { module: 'mongoose-field-encryption', path: 'fieldEncryption', option: 'saltGenerator' },
];

/**
 * Options that hold the plugin's key or the secret its keys are derived from: mongoose-field-encryption's `secret`
 * (hashed into the AES key), mongoose-encryption's `encryptionKey`/`signingKey` (or the `secret` it derives both from).
 */
const KEY_OPTIONS: readonly { module: string; path: string; options: readonly string[] }[] = [
  { module: 'mongoose-field-encryption', path: 'fieldEncryption', options: ['secret'] },
  { module: 'mongoose-encryption', path: '', options: ['secret', 'encryptionKey', 'signingKey'] },
  { module: 'mongoose-encryption', path: 'default', options: ['secret', 'encryptionKey', 'signingKey'] },
];

/** An option of a registered schema encryption plugin (`encryptionKey: …`, `saltGenerator: …`). */
export interface PluginOption {
  /** The option's value. */
  value: TSESTree.Node;
  option: string;
  module: string;
  registration: TSESTree.CallExpression;
}

/** The key options of schema encryption plugins registered in the file (`schema.plugin(encrypt, { encryptionKey })`). */
export function pluginKeyOptions(sourceCode: SourceCode): PluginOption[] {
  if (!KEY_OPTIONS.some((entry) => sourceCode.text.includes(entry.module))) return [];
  const out: PluginOption[] = [];
  for (const { registration, options, imported } of pluginRegistrations(sourceCode)) {
    const entry = KEY_OPTIONS.find((e) => e.module === imported.module && imported.path.join('.') === e.path);
    if (!entry) continue;
    for (const prop of options.properties) {
      const name = prop.type === 'Property' && !prop.computed ? propertyName(prop.key) : undefined;
      if (prop.type === 'Property' && name && entry.options.includes(name)) out.push({ value: prop.value, option: name, module: entry.module, registration });
    }
  }
  return out;
}

/** `x.plugin(imported, { … })` calls whose plugin resolves to an import. */
function pluginRegistrations(sourceCode: SourceCode) {
  const out: { registration: TSESTree.CallExpression; options: TSESTree.ObjectExpression; imported: NonNullable<ReturnType<typeof resolveImportPath>> }[] = [];
  for (const node of programNodes(sourceCode.ast)) {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || memberName(node.callee) !== 'plugin') continue;
    const [plugin, options] = node.arguments;
    if (!plugin || options?.type !== 'ObjectExpression') continue;
    const imported = resolveImportPath(sourceCode, plugin);
    if (imported?.module !== undefined) out.push({ registration: node, options, imported });
  }
  return out;
}

export interface PluginIv {
  /** The constant the generator returns. */
  constant: Constant;
  /** The `schema.plugin(…)` registration. */
  registration: TSESTree.CallExpression;
  option: string;
  module: string;
}

/** Constant IVs returned by the IV generator options of schema encryption plugins. */
export function pluginConstantIvs(ctx: ResolveContext): PluginIv[] {
  const out: PluginIv[] = [];
  for (const { value, registration, option, module } of ivGeneratorOptions(ctx.sourceCode)) {
    for (const returned of returnedExpressions(ctx.sourceCode, value)) {
      const constant = resolveConstant(ctx, returned);
      if (constant && (constant.kind === 'string' || constant.kind === 'bytes')) out.push({ constant, registration, option, module });
    }
  }
  return out;
}

/** The IV generator options (`saltGenerator: …`) of the schema encryption plugins registered in the file. */
function ivGeneratorOptions(sourceCode: SourceCode): PluginOption[] {
  if (!IV_GENERATOR_OPTIONS.some((entry) => sourceCode.text.includes(entry.module))) return [];
  const out: PluginOption[] = [];
  for (const { registration, options, imported } of pluginRegistrations(sourceCode)) {
    const entry = IV_GENERATOR_OPTIONS.find((e) => e.module === imported.module && imported.path.join('.') === e.path);
    if (!entry) continue;
    for (const prop of options.properties) {
      if (prop.type === 'Property' && !prop.computed && propertyName(prop.key) === entry.option) out.push({ value: prop.value, option: entry.option, module: entry.module, registration });
    }
  }
  return out;
}

export interface PluginKeyDerivedIv {
  /** The returned expression, made only of the generator's secret parameter and constants. */
  returned: TSESTree.Node;
  /** The parameter's name (`secret`). */
  from: string;
  registration: TSESTree.CallExpression;
  option: string;
  module: string;
}

/**
 * IVs that the IV generator options of schema encryption plugins compute from the secret they are called with
 * (`saltGenerator: (secret) => secret.slice(0, 16)`): mongoose-field-encryption calls `saltGenerator(secret)` with the
 * plugin's one secret, so whatever the generator makes of it alone is the same for every field of every document.
 */
export function pluginKeyDerivedIvs(sourceCode: SourceCode): PluginKeyDerivedIv[] {
  const out: PluginKeyDerivedIv[] = [];
  for (const { value, registration, option, module } of ivGeneratorOptions(sourceCode)) {
    const fn = unwrapExpression(value);
    if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') continue;
    const param = fn.params[0];
    if (param?.type !== 'Identifier') continue;
    for (const returned of returnedExpressions(sourceCode, fn)) {
      if (derivesOnlyFrom(returned, param.name) && mentions(returned, param.name)) out.push({ returned, from: param.name, registration, option, module });
    }
  }
  return out;
}

/** Methods that compute a value from their receiver and constant arguments alone (no state, no randomness). */
const DETERMINISTIC_METHODS: ReadonlySet<string> = new Set([
  'slice', 'substring', 'substr', 'subarray', 'padStart', 'padEnd', 'repeat', 'toString', 'toUpperCase', 'toLowerCase',
  'trim', 'split', 'join', 'concat', 'reverse', 'charAt', 'normalize', 'replace', 'replaceAll',
]);

/**
 * `expr` is computed from the identifier `name`, literals and deterministic string or buffer methods only
 * (`secret.slice(0, 16)`, `Buffer.from(secret).subarray(0, 16)`, `` `${secret}`.padEnd(16, '0') ``).
 */
function derivesOnlyFrom(node: TSESTree.Node, name: string): boolean {
  const expr = unwrapExpression(node);
  switch (expr.type) {
    case 'Identifier':
      return expr.name === name;
    case 'Literal':
      return true;
    case 'TemplateLiteral':
      return expr.expressions.every((e) => derivesOnlyFrom(e, name));
    case 'BinaryExpression':
      return expr.operator === '+' && derivesOnlyFrom(expr.left, name) && derivesOnlyFrom(expr.right, name);
    case 'MemberExpression':
      return derivesOnlyFrom(expr.object, name) && (!expr.computed || derivesOnlyFrom(expr.property, name));
    case 'CallExpression': {
      if (!expr.arguments.every((a) => a.type !== 'SpreadElement' && derivesOnlyFrom(a, name))) return false;
      const callee = unwrapExpression(expr.callee);
      if (callee.type !== 'MemberExpression' || callee.computed) return false;
      const method = memberName(callee);
      // `Buffer.from(secret, 'utf8')`: a copy of the secret's bytes.
      if (callee.object.type === 'Identifier' && callee.object.name === 'Buffer' && method === 'from') return true;
      return method !== undefined && DETERMINISTIC_METHODS.has(method) && derivesOnlyFrom(callee.object, name);
    }
    default:
      return false;
  }
}

/** `node` refers to the identifier `name` somewhere (in its code: type annotations and arguments are not looked at). */
function mentions(node: TSESTree.Node, name: string): boolean {
  for (const n of descendants(unwrapExpression(node), isTypeNode)) if (n.type === 'Identifier' && n.name === name) return true;
  return false;
}

/** A node of a type (`Secret` in `x as Secret`), as opposed to the TypeScript expressions that wrap a value. */
function isTypeNode(node: TSESTree.Node): boolean {
  return node.type.startsWith('TS') && !node.type.endsWith('Expression') && node.type !== 'TSTypeAssertion';
}

/** What a function given inline returns: its expression body or the arguments of the `return`s in its body. */
function returnedExpressions(sourceCode: SourceCode, value: TSESTree.Node): TSESTree.Node[] {
  const fn = unwrapExpression(value);
  if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') return [];
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const out: TSESTree.Node[] = [];
  for (const node of programNodes(sourceCode.ast)) {
    if (node.type !== 'ReturnStatement' || !node.argument || node.range[0] < fn.body.range[0] || node.range[1] > fn.body.range[1]) continue;
    out.push(node.argument);
  }
  return out;
}
