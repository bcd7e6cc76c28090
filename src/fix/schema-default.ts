import type { TSESTree } from '@typescript-eslint/utils';
import { memberName, unwrapExpression } from '../analysis/scope';
import type { TextEdit } from './edits';

/**
 * Drops a secret setting's default from a chained schema (`z.string().min(32).default('…')`
 * → `z.string().min(32)`), so the setting becomes required and the service refuses to
 * start without it. Only the chained form: a descriptor's `default` (convict requires
 * one) or an envalid `devDefault` has no edit that keeps every library's contract.
 */
export function removeSchemaDefault(origin: TSESTree.Node): TextEdit[] | undefined {
  const call = origin.parent;
  if (call?.type !== 'CallExpression' || call.arguments.length !== 1 || call.arguments[0] !== origin) return undefined;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== 'MemberExpression' || callee.computed || memberName(callee) !== 'default') return undefined;
  return [{ range: [callee.object.range[1], call.range[1]], text: '' }];
}
