/**
 * Loggers that redact fields themselves: pino (fast-redact) replaces each path of its `redact`
 * option before a line is written, so a key at a redacted path never reaches the log.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { resolveImportPath } from './imports';
import { findProperty, initializedExpression, unwrapExpression, type SourceCode } from './scope';
import { REDACT_OPTION, REDACTING_LOGGER_FACTORIES } from '../model/sinks';

/**
 * The value sits, in the object a redacting logger is given as its first argument, under a path the logger censors
 * (`logger.debug({ uploadId, dataKey }, '…')` with pino's `redact: ['*.Plaintext']` for the response's `Plaintext`).
 * `path` lists the value's fields innermost first (see `climb`).
 */
export function redactedByLogger(sourceCode: SourceCode, logger: TSESTree.Node, call: TSESTree.CallExpression, arg: TSESTree.Node, path: readonly string[]): boolean {
  if (call.arguments[0] !== arg || path.length === 0) return false;
  const fieldPath = [...path].reverse();
  return redactPaths(sourceCode, logger).some((pattern) => pattern.length === fieldPath.length && pattern.every((segment, i) => segment === '*' || segment === fieldPath[i]));
}

/** The redaction paths of a logger made by a redacting factory (`const log = pino({ redact: [...] })`), each split into segments. */
function redactPaths(sourceCode: SourceCode, logger: TSESTree.Node): string[][] {
  const expr = unwrapExpression(logger);
  const made = expr.type === 'Identifier' ? initializedExpression(sourceCode, expr) : undefined;
  if (made?.type !== 'CallExpression') return [];
  const factory = resolveImportPath(sourceCode, unwrapExpression(made.callee));
  if (factory?.module === undefined || factory.path.length > 1 || !REDACTING_LOGGER_FACTORIES[factory.module]?.has(factory.path[0] ?? '')) return [];
  const options = made.arguments[0];
  const redact = options?.type === 'ObjectExpression' ? unwrapOptional(findProperty(options, REDACT_OPTION)) : undefined;
  const list = redact?.type === 'ObjectExpression' ? unwrapOptional(findProperty(redact, 'paths')) : redact;
  if (list?.type !== 'ArrayExpression') return [];
  return list.elements.flatMap((element) => (element?.type === 'Literal' && typeof element.value === 'string' ? [redactPathSegments(element.value)] : []));
}

/** pino/fast-redact path syntax: `a.b`, `*.b`, `a[*].b`, `a["b-c"]` → ['a', 'b'], ['*', 'b'], ['a', '*', 'b'], ['a', 'b-c']. */
function redactPathSegments(text: string): string[] {
  return [...text.matchAll(/\[\s*(?:"([^"]*)"|'([^']*)'|(\*))\s*\]|([^.[\]]+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

/** `unwrapExpression` of a property value that may be missing. */
function unwrapOptional(node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  return node ? unwrapExpression(node) : undefined;
}
