import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getApiCalls } from '../../analysis/api-calls';
import { variableOf, type SourceCode } from '../../analysis/scope';
import { resolveValues } from '../../analysis/values';
import { within } from './ast';
import { planEnvelope, toFix, type EnvelopePlan } from './index';

/** The suggestion's message, for the `messages` of any rule that offers it (says what migration it needs). */
export const ENVELOPE_SUGGESTION_MESSAGE =
  'Rewrite to envelope encryption with keywarden/kms (key from KEYWARDEN_KEY_URI; the functions become async). Existing ciphertexts still decrypt only with the old key in KEYWARDEN_LEGACY_KEY: migrate them, then rotate the old key.';

type Descriptor<T extends string> = TSESLint.ReportDescriptor<T> & { node: TSESTree.Node };

/**
 * Wraps a rule's report function so that findings with one of `messageIds`
 * (a weak cipher, a static IV…) inside a recognised encrypt/decrypt pair with a
 * hardcoded key also offer the `rewriteToEnvelope` suggestion, after the
 * rule's own. A rule adds `rewriteToEnvelope` to its MessageIds and
 * `rewriteToEnvelope: ENVELOPE_SUGGESTION_MESSAGE` to its messages.
 */
export function withEnvelopeSuggestion<T extends string>(sourceCode: SourceCode, report: (descriptor: Descriptor<T>) => void, messageIds: readonly NoInfer<T>[]): (descriptor: Descriptor<T>) => void {
  return (descriptor) => {
    if (!('messageId' in descriptor) || !messageIds.includes(descriptor.messageId)) return report(descriptor);
    const plan = envelopePlanAround(sourceCode, descriptor.node);
    if (!plan) return report(descriptor);
    const own = descriptor.suggest ?? [];
    report({ ...descriptor, suggest: [...own, { messageId: 'rewriteToEnvelope' as T, fix: toFix(plan.edits) }] });
  };
}

/**
 * The envelope rewrite that covers `node`: a pair keyed by a hardcoded key in
 * this file, with `node` inside one of its functions or in a module-level
 * constant that only the pair reads (`const ALGORITHM = 'des-ede3-cbc'`).
 */
export function envelopePlanAround(sourceCode: SourceCode, node: TSESTree.Node): EnvelopePlan | undefined {
  try {
    const calls = getApiCalls(sourceCode);
    const ctx = { sourceCode, parserServices: sourceCode.parserServices };
    const origins = new Set<TSESTree.Node>();
    for (const call of calls) {
      for (const arg of call.args) {
        if (arg.role !== 'key') continue;
        for (const constant of resolveValues(ctx, arg.node).values) {
          if (!constant.external && !constant.fallback && !constant.viaCallSite && within(constant.origin, sourceCode.ast)) origins.add(constant.origin);
        }
      }
    }
    for (const origin of origins) {
      const plan = planEnvelope(sourceCode, calls, origin);
      if (plan && covers(sourceCode, plan, node)) return plan;
    }
    return undefined;
  } catch {
    return undefined;
  }
}

function covers(sourceCode: SourceCode, plan: EnvelopePlan, node: TSESTree.Node): boolean {
  const inPair = (n: TSESTree.Node) => within(n, plan.encrypt.node) || within(n, plan.decrypt.node);
  if (inPair(node)) return true;
  for (let n = node.parent; n; n = n.parent) {
    if (n.type !== 'VariableDeclarator') continue;
    const declaration = n.parent;
    if (n.id.type !== 'Identifier' || declaration.type !== 'VariableDeclaration' || declaration.kind !== 'const' || declaration.parent.type !== 'Program') return false;
    const variable = variableOf(sourceCode, n.id);
    const reads = variable?.references.filter((r) => r.identifier !== n.id) ?? [];
    return reads.length > 0 && reads.every((r) => inPair(r.identifier as TSESTree.Node));
  }
  return false;
}
