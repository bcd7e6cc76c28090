import type { Rule, Scope, SourceCode } from 'eslint';
import { parseUseSites } from '../util/use-sites';

type Node = Rule.Node;

export interface RelatedSpan {
  /** [start, end) character offsets in the linted text. */
  range: [number, number];
  message: string;
}

const MAX_RELATED = 20;

/**
 * Where else a finding's key lives in the file: when the finding is on a value
 * bound to a variable (`const KEY = '…'`) or on a reference to such a variable,
 * the definition and every other use of that variable. This follows the rules'
 * report-location convention (a constant is reported where it is written, key
 * reuse on the key's definition), so the editor can show where a hardcoded key
 * is used and every use site of a key used for two purposes.
 */
export function relatedSpans(sourceCode: SourceCode, reported: [number, number]): RelatedSpan[] {
  const variable = variableAt(sourceCode, reported);
  if (!variable) return [];
  const spans: RelatedSpan[] = [];
  const name = variable.name;
  for (const def of variable.defs) {
    const id = def.name as unknown as Node;
    if (!overlaps(id.range!, reported)) spans.push({ range: id.range!, message: `'${name}' is defined here` });
  }
  for (const reference of variable.references) {
    const id = reference.identifier as unknown as Node;
    if (reference.init || overlaps(id.range!, reported)) continue;
    spans.push({ range: id.range!, message: `'${name}' is used here` });
    if (spans.length >= MAX_RELATED) break;
  }
  return spans;
}

/**
 * Every use site of a key used for several purposes, by purpose: the reuse
 * message lists them (`… (encrypt at 4:53, mac at 8:38)`, the key argument of
 * each use; src/util/use-sites.ts), so a key that no variable holds
 * (`process.env.KEY`, `this.key`, a KMS key id) still gets them. Each span
 * covers the key argument at that site.
 */
export function useSiteSpans(sourceCode: SourceCode, message: string): RelatedSpan[] {
  const spans: RelatedSpan[] = [];
  for (const { purpose, line, column } of parseUseSites(message)) {
    const offset = offsetOf(sourceCode, line, column);
    const node = offset === undefined ? null : argumentStartingAt(sourceCode, offset);
    if (node) spans.push({ range: node.range!, message: `used for ${purpose} here` });
    if (spans.length >= MAX_RELATED) break;
  }
  return spans;
}

function offsetOf(sourceCode: SourceCode, line: number, column: number): number | undefined {
  try {
    return sourceCode.getIndexFromLoc({ line, column: column - 1 });
  } catch {
    return undefined; // not a position in this text
  }
}

/**
 * The whole expression that starts at `offset` (`process.env.KEY!`, not just
 * `process`; `Buffer.from(…)`, not just `Buffer`), up to the call it is an argument of.
 */
function argumentStartingAt(sourceCode: SourceCode, offset: number): Node | null {
  let node = sourceCode.getNodeByRangeIndex(offset) as Node | null;
  if (!node || node.range![0] !== offset) return null;
  for (let parent = node.parent; parent && parent.range![0] === offset; parent = node.parent) {
    const callOf = (parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee === node;
    if (!callOf && !/^(?:MemberExpression|ChainExpression|TSNonNullExpression|TSAsExpression)$/.test(parent.type)) break;
    node = parent;
  }
  return node;
}

/** The variable a reported range names or initialises, if any. */
function variableAt(sourceCode: SourceCode, reported: [number, number]): Scope.Variable | undefined {
  let node = sourceCode.getNodeByRangeIndex(reported[0]) as Node | null;
  // Climb from the innermost node to the one the report covers (e.g. from a
  // string inside `Buffer.from('…')` to the call), then to the binding.
  for (let depth = 0; node && depth < 6; depth++, node = node.parent) {
    if (node.type === 'Identifier') {
      const variable = resolve(sourceCode, node);
      if (variable) return variable;
    }
    if (node.type === 'VariableDeclarator') {
      if (node.id.type !== 'Identifier' || !node.init || !contains(node.init.range!, reported)) return undefined;
      return sourceCode.getDeclaredVariables(node).find((v) => v.name === (node as { id: { name: string } }).id.name);
    }
    if (isStatementLike(node)) return undefined;
  }
  return undefined;
}

/** The variable an identifier refers to or declares (never a property name that merely looks alike). */
function resolve(sourceCode: SourceCode, identifier: Node): Scope.Variable | undefined {
  for (let scope: Scope.Scope | null = sourceCode.getScope(identifier); scope; scope = scope.upper) {
    const reference = scope.references.find((r) => (r.identifier as unknown) === identifier);
    if (reference) return reference.resolved ?? undefined;
    const declared = scope.variables.find((v) => v.identifiers.some((id) => (id as unknown) === identifier));
    if (declared) return declared;
  }
  return undefined;
}

function isStatementLike(node: Node): boolean {
  return /Statement$|Declaration$|^Program$|^Function/.test(node.type) && node.type !== 'VariableDeclaration';
}

function contains(outer: [number, number], inner: [number, number]): boolean {
  return outer[0] <= inner[0] && inner[1] <= outer[1];
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}
