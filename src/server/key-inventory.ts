import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findFileKeys, type FileKey } from '../analysis/key-inventory';
import type { KeyInventoryEntry, Range } from '../shared/protocol';
import type { LintOutcome } from './lint/linter-host';

/** One file's keys, in protocol form (uris and LSP ranges), ready to merge with other files'. */
export type FileKeyInventory = KeyInventoryEntry[];

const HARDCODED_KEY_RULE = 'keywarden/no-hardcoded-key';

/**
 * The keys one lint found: the analysis pass over the parsed file, with
 * `no-hardcoded-key` findings as the hardcoded keys, and every keywarden
 * finding on a key's definition or uses attached to that key.
 */
export function fileKeyInventory(document: TextDocument, outcome: LintOutcome): FileKeyInventory {
  if (!outcome.sourceCode) return [];
  const findings = outcome.messages
    .filter((m) => m.ruleId && !m.fatal)
    .map((m) => ({
      ruleId: m.ruleId!,
      message: m.message,
      span: spanOf(document, m.line, m.column, m.endLine ?? m.line, m.endColumn ?? m.column + 1),
    }));
  let keys: FileKey[];
  try {
    keys = findFileKeys(
      outcome.sourceCode,
      findings.filter((f) => f.ruleId === HARDCODED_KEY_RULE).map((f) => f.span),
    );
  } catch {
    // The inventory is a view on the findings: an analysis bug must not cost the diagnostics.
    return [];
  }
  const range = (span: [number, number]): Range => ({
    start: document.positionAt(span[0] + bomOffset(document)),
    end: document.positionAt(span[1] + bomOffset(document)),
  });
  return keys.map((key) => {
    const spans = [key.definitionRange, key.nameRange, ...key.uses.map((u) => u.range)];
    return {
      id: key.identity.startsWith('local:') || key.identity.startsWith('inline@') ? `${document.uri}#${key.identity}` : key.identity,
      name: key.name,
      origin: key.origin,
      purposes: unique([...key.declaredPurposes, ...key.uses.map((u) => u.purpose)]),
      algorithms: key.algorithms,
      zeroization: key.zeroization,
      findings: findings
        .filter((f) => spans.some((s) => overlaps(s, f.span)))
        .map((f) => ({ ruleId: f.ruleId, message: f.message, uri: document.uri, range: range(f.span) })),
      locations: [key.nameRange, ...key.uses.map((u) => u.range)].map((s) => ({ uri: document.uri, range: range(s) })),
    };
  });
}

/**
 * The workspace inventory: keys with the same identity (an environment
 * variable, a KMS key) found in several files become one entry.
 */
export function mergeInventories(files: Iterable<FileKeyInventory>): KeyInventoryEntry[] {
  const byId = new Map<string, KeyInventoryEntry>();
  for (const entries of files) {
    for (const entry of entries) {
      const existing = byId.get(entry.id);
      if (!existing) {
        byId.set(entry.id, { ...entry, purposes: [...entry.purposes], algorithms: [...entry.algorithms], findings: [...entry.findings], locations: [...entry.locations] });
        continue;
      }
      existing.purposes = unique([...existing.purposes, ...entry.purposes]);
      existing.algorithms = unique([...existing.algorithms, ...entry.algorithms]);
      existing.findings.push(...entry.findings);
      existing.locations.push(...entry.locations);
      if (existing.zeroization !== entry.zeroization) {
        existing.zeroization = existing.zeroization === 'not-wiped' || entry.zeroization === 'not-wiped' ? 'not-wiped' : existing.zeroization === 'not-applicable' ? entry.zeroization : existing.zeroization;
      }
    }
  }
  const originOrder = ['hardcoded', 'environment', 'kms', 'derived', 'generated', 'unknown'];
  return [...byId.values()].sort(
    (a, b) => originOrder.indexOf(a.origin) - originOrder.indexOf(b.origin) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}

function spanOf(document: TextDocument, line: number, column: number, endLine: number, endColumn: number): [number, number] {
  const bom = bomOffset(document);
  return [
    document.offsetAt({ line: line - 1, character: column - 1 }) - bom,
    document.offsetAt({ line: endLine - 1, character: endColumn - 1 }) - bom,
  ];
}

function bomOffset(document: TextDocument): number {
  return document.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }) === '\uFEFF' ? 1 : 0;
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
