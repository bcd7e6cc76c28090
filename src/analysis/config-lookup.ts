import type { TSESTree } from '@typescript-eslint/utils';
import { words } from './names';
import { memberName, unwrapExpression } from './scope';

/**
 * Settings lookups by name: `this.config.get('APP_SECRET')`, `configService.getOrThrow('APP_SECRET')`,
 * `nconf.get('jwt:secret')`, lodash `_.get(settings, 'jwt.secret', '…')`. Recognised by the method
 * and by the receiver's name, so `db.get('keys', 'store')` (IndexedDB), `cache.get(id)` or
 * `req.get('x-signature')` are not settings.
 */

const CONFIG_RECEIVER_WORDS = new Set(['config', 'configuration', 'cfg', 'conf', 'nconf', 'settings', 'convict', 'env']);
const LOOKUP_METHODS = /^(?:get|getOrThrow|getOrDefault|getString)$/;
/** The typed readers of an `env` helper (Strapi's `env.int('PORT', 1337)`, `env.array('APP_KEYS', […])`). */
const ENV_CAST_METHODS = /^(?:array|int|float|bool|json|date)$/;

/**
 * Is `call` a lookup method (`get`, `getOrThrow`…) on a configuration object (AdonisJS `Env.get`,
 * `Deno.env.get`) or on lodash, or a call of an `env` helper (Strapi's config files receive
 * `({ env })` and read `env('ADMIN_JWT_SECRET', '…')`, `env.array('APP_KEYS', […])`)?
 */
export function isSettingsLookup(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type === 'Identifier') return callee.name === 'env';
  if (callee.type !== 'MemberExpression') return false;
  const method = memberName(callee) ?? '';
  const name = receiverName(callee.object);
  if (name === 'env' && ENV_CAST_METHODS.test(method)) return true;
  if (!LOOKUP_METHODS.test(method)) return false;
  return name !== undefined && (name === '_' || name === 'lodash' || words(name).some((w) => CONFIG_RECEIVER_WORDS.has(w)));
}

/** `config` of `config.get`, `configService` of `this.configService.get`. */
export function receiverName(node: TSESTree.Node): string | undefined {
  const receiver = unwrapExpression(node);
  if (receiver.type === 'Identifier') return receiver.name;
  if (receiver.type === 'MemberExpression') return memberName(receiver);
  return undefined;
}
