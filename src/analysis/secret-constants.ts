/**
 * Which constants written in the source are secrets: the values a key argument
 * or a key-named binding resolves to, judged one by one (each array element,
 * each keyring entry, a JWK's private members), with public keys, empty values,
 * placeholders and key ids left out. no-hardcoded-key asks these questions.
 */

import type { TSESTree } from '@typescript-eslint/utils';
import type { ApiCall } from './api-calls';
import { localCalleeOf, parameterNameAt } from './local-functions';
import { isSecretKeyName, namesNonSecretValue } from './names';
import { climbTypeWrappers, findProperty, jsonParseCall, memberName, resolveObjectLiteral, unwrapExpression, type SourceCode } from './scope';
import { isFilePath, isKeyReference, isPlaceholder, isPublicKeyDer, isPublicKeyMaterial, isSecretJwkJson, judgeKeyMaterial, redact, type KeyMaterialVerdict } from './secrets';
import { envVarName, resolveValues, tableEntries, type Constant, type ResolveContext } from './values';

/**
 * The constants a key argument can be, one per place it is written: array
 * elements separately (`keys: ['k1', 'k2']`), JWK secret members (`k`, `d`)
 * of a constant JSON Web Key; public keys and empty values left out.
 */
export function secretConstants(ctx: ResolveContext, node: TSESTree.Node): Constant[] {
  const out: Constant[] = [];
  const add = (constant: Constant) => {
    if (constant.kind === 'array') {
      for (const element of constant.value as readonly Constant[]) add({ ...element, fallback: constant.fallback || element.fallback });
      return;
    }
    const text = constantText(constant);
    const publicDer = constant.kind === 'bytes' && isPublicKeyDer(constant.value as Uint8Array);
    if (isSecretMaterial(constant) && !publicDer && !(text && isPublicKeyMaterial(text))) out.push(constant);
  };
  resolveValues(ctx, node).values.forEach(add);
  // `importJWK(JSON.parse(process.env.JWK ?? '{"kty":"oct","k":"…"}'))`: the JSON text is where the key is written.
  const parsed = jsonParseArgument(ctx, node);
  if (parsed) for (const constant of resolveValues(ctx, parsed).values) if (constant.kind === 'string' && isSecretJwkJson(constant.value as string)) add(constant);
  const object = resolveObjectLiteral(ctx.sourceCode, node);
  if (object && findProperty(object, 'kty')) {
    jwkSecretMembers(ctx, object).forEach(add);
  } else if (object && jwkSetKeys(object).length > 0) {
    // A JWK Set (`{ keys: [{ kty: 'oct', k: '…' }] }`): each member key's secret members.
    for (const jwk of jwkSetKeys(object)) jwkSecretMembers(ctx, jwk).forEach(add);
  } else if (object) {
    keyringValues(ctx, object).forEach(add);
  } else {
    // `importKey('jwk', FIELD_KEYS[version], …)`: a keyring of JWKs, each entry's secret member a key in use.
    for (const entry of tableEntries(ctx.sourceCode, node) ?? []) if (findProperty(entry, 'kty')) jwkSecretMembers(ctx, entry).forEach(add);
  }
  return out;
}

/** The JWK literals of a JWK Set literal's `keys` array. */
function jwkSetKeys(set: TSESTree.ObjectExpression): TSESTree.ObjectExpression[] {
  const keys = findProperty(set, 'keys');
  const list = keys ? unwrapExpression(keys) : undefined;
  if (list?.type !== 'ArrayExpression') return [];
  return list.elements.flatMap((element) => {
    const jwk = element && element.type !== 'SpreadElement' ? unwrapExpression(element) : undefined;
    return jwk?.type === 'ObjectExpression' && findProperty(jwk, 'kty') ? [jwk] : [];
  });
}

/** The values of a JSON Web Key literal's secret members (`k` of an `oct` key, `d` of a private key). */
function jwkSecretMembers(ctx: ResolveContext, jwk: TSESTree.ObjectExpression): Constant[] {
  return ['k', 'd'].flatMap((member) => {
    const value = findProperty(jwk, member);
    return value ? resolveValues(ctx, value).values : [];
  });
}

/**
 * An object where a secret is expected whose every member is a written key-shaped string is a keyring
 * by id (iron-session's `password: { 2: '…' }`, @hapi/iron's password map): each entry is a key in
 * use. An options object (`{ id: 'v3', secret: '…' }`) has members that are not keys.
 */
function keyringValues(ctx: ResolveContext, object: TSESTree.ObjectExpression): Constant[] {
  const values: Constant[] = [];
  for (const property of object.properties) {
    if (property.type !== 'Property' || property.kind !== 'init' || property.method) return [];
    // Entries read from the environment (`b: process.env.X`) or given in @hapi/iron's `{ id, secret }` form
    // are not written here; an entry with a written fallback (`a: process.env.X || '…'`) is.
    const value = unwrapExpression(property.value);
    if (value.type === 'ObjectExpression' || envVarName(value) !== undefined) continue;
    const resolution = resolveValues(ctx, property.value);
    const written = resolution.complete || resolution.values.some((v) => v.fallback);
    if (!written || resolution.values.length === 0 || !resolution.values.every((v) => v.kind === 'string' && judgeKeyMaterial(v.value as string).looksLikeKey)) return [];
    values.push(...resolution.values);
  }
  return values;
}

/** `x` of `JSON.parse(x)` (the global `JSON`). */
function jsonParseArgument(ctx: ResolveContext, node: TSESTree.Node): TSESTree.Node | undefined {
  const call = jsonParseCall(ctx.sourceCode, node);
  return call && call.arguments.length > 0 && call.arguments[0].type !== 'SpreadElement' ? call.arguments[0] : undefined;
}

/** Formats that only ever carry a public key (WebCrypto's SubjectPublicKeyInfo import). */
const PUBLIC_KEY_FORMATS: ReadonlySet<string> = new Set(['spki']);

/** A key import whose `format` argument is a public-key format (`importKey('spki', …)`): the key it is given is public. */
export function importsPublicKey(ctx: ResolveContext, call: ApiCall): boolean {
  if (call.api.operation !== 'key-import') return false;
  const format = call.args.find((arg) => arg.role === 'format');
  if (!format) return false;
  const { values, complete } = resolveValues(ctx, format.node);
  return complete && values.length > 0 && values.every((v) => v.kind === 'string' && PUBLIC_KEY_FORMATS.has(v.value as string));
}

/**
 * A KDF whose output is turned into text at once (`pbkdf2Sync(pw, salt, n, 64, 'sha512').toString('hex')`,
 * `(await scrypt(pw, salt, 64)).toString('base64')`) makes a password hash to store or compare: its
 * input is a user's password (a test's sample one), not the passphrase of a key.
 */
export function isPasswordHash(call: ApiCall): boolean {
  if (call.api.operation !== 'kdf') return false;
  const result = climbTypeWrappers(call.node, { await: true });
  const member = result.parent;
  return member?.type === 'MemberExpression' && member.object === result && memberName(member) === 'toString' && member.parent?.type === 'CallExpression' && member.parent.callee === member;
}

/**
 * Arguments given to a key-named parameter of a function or class of this file (`new StaticKeyProvider({ k2024: '…' })`
 * with `constructor(keys: Record<K, string>)`): the parameter's name says what they are, as a binding's would.
 * An object argument stands for its members' values (one key per entry of a keyring object).
 */
export function keyNamedArguments(sourceCode: SourceCode, call: TSESTree.CallExpression | TSESTree.NewExpression): { name: string; value: TSESTree.Expression }[] {
  if (call.arguments.length === 0) return [];
  const fn = localCalleeOf(sourceCode, call);
  if (!fn) return [];
  const out: { name: string; value: TSESTree.Expression }[] = [];
  call.arguments.forEach((arg, index) => {
    const name = arg.type === 'SpreadElement' ? undefined : parameterNameAt(fn, index);
    if (!name || !isSecretKeyName(name)) return;
    const object = unwrapExpression(arg);
    if (object.type !== 'ObjectExpression') {
      out.push({ name, value: arg as TSESTree.Expression });
      return;
    }
    for (const property of object.properties) {
      if (property.type === 'Property' && property.kind === 'init' && !property.method && property.value.type !== 'AssignmentPattern') {
        out.push({ name, value: property.value as TSESTree.Expression });
      }
    }
  });
  return out;
}

/** The elements of a constant array (nested arrays flattened, a fallback array's elements are fallbacks); any other constant as is. */
export function arrayElements(constant: Constant): Constant[] {
  if (constant.kind !== 'array') return [constant];
  return (constant.value as readonly Constant[]).flatMap((element) => arrayElements({ ...element, fallback: constant.fallback || element.fallback }));
}

/** Empty strings and empty buffers are "no key", not a hardcoded one. */
export function isSecretMaterial(constant: Constant): boolean {
  switch (constant.kind) {
    case 'string':
      return (constant.value as string).length > 0;
    case 'bytes':
      return (constant.value as Uint8Array).length > 0 || (constant.text?.length ?? 0) > 0;
    case 'array':
      return (constant.value as readonly Constant[]).some(isSecretMaterial);
    default:
      return false;
  }
}

/**
 * A fallback value that is a secret: not empty, not a placeholder ('changeme'), not a key id or alias, not a key file's
 * path, and not a constant whose own name says it is one of those (`env.DATA_KEY_CURRENT ?? DEFAULT_CURRENT_KID`).
 */
export function isFallbackSecret(constant: Constant, text: string): boolean {
  return (
    isSecretMaterial(constant) &&
    !isPlaceholder(text) &&
    !isKeyReference(text) &&
    !(constant.kind === 'string' && isFilePath(text)) &&
    !(constant.kind === 'string' && declaredAsNonSecret(constant.origin))
  );
}

/** The literal is the initializer of a `const` named for something that is not a secret (`const DEFAULT_KID = 'k2025-01'`). */
function declaredAsNonSecret(origin: TSESTree.Node | undefined): boolean {
  const declarator = origin?.parent;
  return declarator?.type === 'VariableDeclarator' && declarator.init === origin && declarator.id.type === 'Identifier' && namesNonSecretValue(declarator.id.name);
}

/** The text a constant was written as (bytes without it as hex). */
export function constantText(constant: Constant): string | undefined {
  if (constant.text !== undefined) return constant.text;
  if (constant.kind === 'string') return constant.value as string;
  if (constant.kind === 'bytes') return Buffer.from(constant.value as Uint8Array).toString('hex');
  return undefined;
}

/** Does a constant's value look like key material? Decoded bytes are judged as bytes (all zeros is no key). */
export function judgeConstant(constant: Constant, text: string): Pick<KeyMaterialVerdict, 'looksLikeKey' | 'reason'> {
  // A public key's DER (`createPublicKey({ key: Buffer.from('MCowBQYDK2Vw…', 'base64'), type: 'spki' })`), decoded or not.
  if (constant.kind === 'bytes' && constant.encoding !== 'zeros' && isPublicKeyDer(constant.value as Uint8Array)) return { looksLikeKey: false, reason: 'public key' };
  if (isPublicKeyMaterial(text)) return { looksLikeKey: false, reason: 'public key' };
  if (constant.kind !== 'bytes' || !constant.encoding || isEncodedText(constant)) return judgeKeyMaterial(text);
  if (constant.encoding === 'zeros') return { looksLikeKey: false, reason: 'zeros' };
  return judgeKeyMaterial(Buffer.from(constant.value as Uint8Array).toString('hex'));
}

/** Encodings that turn text into its own characters' bytes (`Buffer.from(names.join(','), 'ascii')`). */
const TEXT_ENCODINGS: ReadonlySet<string> = new Set(['utf8', 'utf-8', 'ascii', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le']);

/**
 * Bytes that are a text's characters: judged as that text, like the string itself. A `latin1`/`binary` string can
 * carry raw bytes (`'\x8f\x12…'`), so only one of printable ASCII counts as text there.
 */
function isEncodedText(constant: Constant): boolean {
  const encoding = constant.encoding ?? '';
  if (TEXT_ENCODINGS.has(encoding)) return true;
  return (encoding === 'latin1' || encoding === 'binary') && constant.text !== undefined && /^[\x20-\x7e]*$/.test(constant.text);
}

/** What a message may show of a secret constant: redacted, never in full. */
export function constantPreview(constant: Constant): string {
  if (constant.kind === 'array') {
    const first = (constant.value as readonly Constant[]).find(isSecretMaterial);
    return first ? constantPreview(first) : '[…]';
  }
  if (constant.encoding === 'zeros') return `(${(constant.value as Uint8Array).length} zero bytes)`;
  const text = constantText(constant) ?? '';
  return constant.derived ? `derived from ${redact(text)}` : redact(text);
}
