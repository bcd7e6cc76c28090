import type { TSESTree } from '@typescript-eslint/utils';
import type { ApiCall } from '../../../analysis/api-calls';
import { unwrapExpression } from '../../../analysis/scope';
import type { KeyBinding } from '../key';

/**
 * Each call's key argument is a plain read of the hardcoded key, and the key
 * is read nowhere else: not by an HMAC, a second cipher, or a helper the
 * rewrite cannot see through.
 */
export function keyArgsReadOnlyKey(key: KeyBinding, calls: readonly ApiCall[]): boolean {
  const keyArgs: TSESTree.Node[] = [];
  for (const call of calls) {
    const args = call.args.filter((a) => a.role === 'key');
    if (args.length !== 1) return false;
    keyArgs.push(unwrapExpression(args[0].node));
  }
  const reads = new Set<TSESTree.Node>(key.reads.map((read) => unwrapExpression(read)));
  return keyArgs.every((arg) => reads.has(arg)) && [...reads].every((read) => keyArgs.includes(read)) && new Set(keyArgs).size === keyArgs.length;
}
