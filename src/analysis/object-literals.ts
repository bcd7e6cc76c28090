import type { TSESTree } from '@typescript-eslint/utils';
import { classMemberValues } from './class-members';
import { localFunctionOf, returnedExpressions } from './local-functions';
import { findProperty, initializedExpression, memberName, propertyName, resolveObjectLiteral, unwrapExpression, type SourceCode } from './scope';

const MAX_DEPTH = 4;

/**
 * The object literal an options expression stands for, in the shapes options
 * objects are passed around in real code, beyond what `resolveObjectLiteral`
 * follows (identifiers and member chains of object literals):
 * - a class field read through `this` (`private readonly options = { memoryCost }`
 *   passed as `this.options`), when the class writes it once;
 * - the object a local helper returns (`const { algorithm, iv } = cipherFor(opts)`
 *   with `function cipherFor() { …; return { algorithm, iv }; }`), when it has one return.
 */
export function objectLiteralOf(sourceCode: SourceCode, node: TSESTree.Node, depth = 0): TSESTree.ObjectExpression | undefined {
  const direct = resolveObjectLiteral(sourceCode, node);
  if (direct || depth > MAX_DEPTH) return direct;
  const expr = unwrapExpression(node);
  if (expr.type === 'MemberExpression' && !expr.computed) {
    const name = memberName(expr);
    if (name === undefined) return undefined;
    const fields = classMemberValues(sourceCode, expr, name);
    if (fields.length === 1) return objectLiteralOf(sourceCode, fields[0], depth + 1);
    const owner = objectLiteralOf(sourceCode, expr.object, depth + 1);
    const value = owner && propertyOf(sourceCode, owner, name);
    return value ? objectLiteralOf(sourceCode, value, depth + 1) : undefined;
  }
  if (expr.type === 'CallExpression') {
    const fn = localFunctionOf(sourceCode, expr.callee);
    const returns = fn && returnedExpressions(fn, expr.parent?.type === 'AwaitExpression');
    return returns?.length === 1 ? objectLiteralOf(sourceCode, returns[0], depth + 1) : undefined;
  }
  return undefined;
}

/**
 * Property `name` of an object literal, looking into spreads of objects this
 * file defines (`{ ...BASE_OPTIONS, iv }` has BASE_OPTIONS' `name`). A later
 * property wins, as at run time; a spread that cannot be resolved is skipped
 * (as `findProperty` skips every spread).
 */
export function propertyOf(sourceCode: SourceCode, object: TSESTree.ObjectExpression, name: string, depth = 0): TSESTree.Node | undefined {
  if (!object.properties.some((p) => p.type === 'SpreadElement')) return findProperty(object, name);
  let found: TSESTree.Node | undefined;
  for (const prop of object.properties) {
    if (prop.type === 'SpreadElement') {
      const spread = depth < MAX_DEPTH ? objectLiteralOf(sourceCode, prop.argument) : undefined;
      const inner = spread && spread !== object ? propertyOf(sourceCode, spread, name, depth + 1) : undefined;
      if (inner) found = inner;
      continue;
    }
    if (prop.type !== 'Property' || prop.kind !== 'init') continue;
    if (prop.computed && prop.key.type !== 'Literal') continue;
    if (propertyName(prop.key) === name) found = prop.value;
  }
  return found;
}

/**
 * Where an object built in this file holds a secret: the property path, through nested literals, to the first value
 * that is a binding `isSecret` accepts (`const opts = autoEncryptionOptions()` whose returned literal is
 * `{ kmsProviders: { local: { key: localMasterKey } } }` → ['kmsProviders', 'local', 'key']). Logging the object
 * (`JSON.stringify(opts)`) writes the secret with it.
 */
export function secretPropertyPath(sourceCode: SourceCode, node: TSESTree.Node, isSecret: (id: TSESTree.Identifier) => boolean, depth = 0): string[] | undefined {
  // `const opts = buildOptions()`: the binding stands for what initialises it.
  const start = node.type === 'Identifier' ? (initializedExpression(sourceCode, node) ?? node) : node;
  const object = depth <= MAX_DEPTH ? objectLiteralOf(sourceCode, start) : undefined;
  for (const prop of object?.properties ?? []) {
    if (prop.type !== 'Property' || prop.computed) continue;
    const name = propertyName(prop.key);
    const value = unwrapExpression(prop.value);
    if (name === undefined) continue;
    if (value.type === 'Identifier' && isSecret(value)) return [name];
    if (value.type !== 'ObjectExpression') continue;
    const inner = secretPropertyPath(sourceCode, value, isSecret, depth + 1);
    if (inner) return [name, ...inner];
  }
  return undefined;
}
