import type { TSESTree } from '@typescript-eslint/utils';
import { memberName, propertyName, unwrapExpression } from './scope';

/** Property names under which configuration schemas keep a setting's default (envalid's `devDefault` applies outside production). */
const DEFAULT_PROPERTIES = new Set(['default', 'devDefault']);
const MAX_CHAIN = 12;

/**
 * The defaults a configuration schema declares for one setting: the value the
 * application runs with whenever the setting is not provided, like
 * `process.env.X ?? '…'`. Shapes of the common config libraries:
 * - chained validators: zod `z.string().min(32).default('…')`, Joi/yup `.default('…')`;
 * - a descriptor object: convict `{ format: String, default: '…', env: 'SESSION_SECRET' }`;
 * - a validator called with one: envalid `str({ default: '…', devDefault: '…' })`.
 * Returns the default expressions written for the setting (none for other expressions).
 */
export function schemaDefaults(node: TSESTree.Node): TSESTree.Node[] {
  const expr = unwrapExpression(node);
  if (expr.type === 'ObjectExpression') return defaultProperties(expr);
  const out: TSESTree.Node[] = [];
  let link: TSESTree.Node = expr;
  for (let i = 0; i < MAX_CHAIN && link.type === 'CallExpression'; i++) {
    const callee = unwrapExpression(link.callee);
    const first = link.arguments[0];
    if (callee.type === 'MemberExpression' && memberName(callee) === 'default') {
      if (first && first.type !== 'SpreadElement') out.push(first);
    } else if (first?.type === 'ObjectExpression') {
      out.push(...defaultProperties(first));
    }
    if (callee.type !== 'MemberExpression') break;
    link = unwrapExpression(callee.object);
  }
  return out;
}

function defaultProperties(object: TSESTree.ObjectExpression): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  for (const prop of object.properties) {
    if (prop.type !== 'Property' || prop.kind !== 'init' || prop.computed) continue;
    const name = propertyName(prop.key);
    if (name !== undefined && DEFAULT_PROPERTIES.has(name)) out.push(prop.value);
  }
  return out;
}

/** Command-line parsers' option declarations: commander `.option(flags, description, default)`, yargs `.option(name, { default })`. */
const OPTION_METHODS = new Set(['option', 'requiredOption']);

/**
 * The setting a command-line option declares and the default it is given, which the program
 * runs with whenever the flag is not passed:
 * - commander: `.option('-k, --key <hex>', 'AES key', '…')` (a parser function before the default is skipped) → `key`;
 * - yargs: `.option('signing-secret', { type: 'string', default: '…' })` → `signingSecret`.
 * Undefined for any other call.
 */
export function cliOptionDefault(call: TSESTree.CallExpression): { name: string; defaults: TSESTree.Node[] } | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression') return undefined;
  // commander's `new Option('--hmac-secret <s>', '…').default('…')` (possibly after `.env(…)`, `.argParser(…)`).
  if (memberName(callee) === 'default') {
    const flags = optionFlags(callee.object);
    const value = call.arguments[0];
    return flags && value && value.type !== 'SpreadElement' ? { name: camelCase(flags), defaults: [value] } : undefined;
  }
  if (!OPTION_METHODS.has(memberName(callee) ?? '')) return undefined;
  const [first, second, third, fourth] = call.arguments;
  if (first?.type !== 'Literal' || typeof first.value !== 'string') return undefined;
  if (second?.type === 'ObjectExpression') {
    const name = camelCase(first.value.replace(/^-+/, ''));
    return name ? { name, defaults: defaultProperties(second) } : undefined;
  }
  // commander flags: '-k, --key <hex>' / '--signing-secret [value]': the long flag names the setting.
  const long = /--([A-Za-z][\w-]*)/.exec(first.value);
  if (!long || !third || third.type === 'SpreadElement') return undefined;
  const isParser = third.type === 'ArrowFunctionExpression' || third.type === 'FunctionExpression' || (third.type === 'Identifier' && /^parse/.test(third.name));
  const fallback = isParser ? fourth : third;
  return fallback && fallback.type !== 'SpreadElement' ? { name: camelCase(long[1]), defaults: [fallback] } : undefined;
}

/** The long flag of the `new Option('-k, --key <hex>', …)` at the root of a method chain. */
function optionFlags(node: TSESTree.Node): string | undefined {
  let link = unwrapExpression(node);
  for (let i = 0; i < MAX_CHAIN && link.type === 'CallExpression' && link.callee.type === 'MemberExpression'; i++) link = unwrapExpression(link.callee.object);
  if (link.type !== 'NewExpression') return undefined;
  const first = link.arguments[0];
  const long = first?.type === 'Literal' && typeof first.value === 'string' ? /^-[\w-]*(?:,\s*|\s+)?--([A-Za-z][\w-]*)|^--([A-Za-z][\w-]*)/.exec(first.value) : null;
  return long ? long[1] ?? long[2] : undefined;
}

function camelCase(flag: string): string {
  return flag.replace(/-+([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
}
