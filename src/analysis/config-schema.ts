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
