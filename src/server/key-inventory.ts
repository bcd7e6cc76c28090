import type { TSESTree } from '@typescript-eslint/utils';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findKeyBytes, type KeyBytes } from '../analysis/key-material';
import { wipeCalls } from '../analysis/key-lifetime';
import { listKeys, trackKeys, type TrackedKey } from '../analysis/key-tracking';
import { startLint } from '../analysis/lint-scoped';
import type { SourceCode } from '../analysis/scope';
import type { ResolveContext } from '../analysis/values';
import type { KeyInventoryEntry, KeyOrigin, Range, ZeroizationStatus } from '../shared/protocol';
import type { LintOutcome } from './lint/linter-host';

/** One file's keys, in protocol form (uris and LSP ranges), ready to merge with other files'. */
export type FileKeyInventory = KeyInventoryEntry[];

type Span = [number, number];

const HARDCODED_KEY_RULE = 'keywarden/no-hardcoded-key';

/**
 * The keys one lint found, from the same analysis the rules use:
 * `trackKeys`/`listKeys` give each key's identity, origin, purposes and
 * algorithms (what `no-key-reuse-across-purposes` judges), `findKeyBytes` +
 * `wipeCalls` its zeroization (what `require-key-zeroization` judges). Every
 * keywarden finding on a key's definition or uses is attached to it; a
 * `no-hardcoded-key` finding on no tracked key (a key not used by a modelled
 * call) still gets its own hardcoded entry, so the view and the rules agree.
 * Ids and names never carry key material.
 */
export function fileKeyInventory(document: TextDocument, outcome: LintOutcome): FileKeyInventory {
  if (!outcome.sourceCode) return [];
  const sourceCode = outcome.sourceCode as unknown as SourceCode;
  // The lint's own caches when its rules ran; with every rule off, this is the file's first analysis.
  startLint(sourceCode.ast);
  const bom = document.getText({ start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }) === '\uFEFF' ? 1 : 0;
  const range = (span: Span): Range => ({ start: document.positionAt(span[0] + bom), end: document.positionAt(span[1] + bom) });
  const findings = outcome.messages
    .filter((m) => m.ruleId && !m.fatal)
    .map((m) => ({ ruleId: m.ruleId!, message: m.message, span: spanOf(document, bom, m) }));
  const ctx: ResolveContext = { sourceCode, parserServices: sourceCode.parserServices };
  let tracked: TrackedKey[];
  let listed: ReturnType<typeof listKeys>;
  let bytes: KeyBytes[];
  try {
    tracked = trackKeys(ctx);
    listed = listKeys(ctx);
    bytes = findKeyBytes(ctx);
  } catch {
    return []; // the inventory is a view on the findings: an analysis bug must not cost the diagnostics
  }
  const entries: FileKeyInventory = [];
  const claimed = new Set<(typeof findings)[number]>();
  tracked.forEach((key, index) => {
    const info = listed[index];
    const spans = keySpans(key);
    const own = findings.filter((f) => spans.some((s) => overlaps(s, f.span)));
    own.forEach((f) => claimed.add(f));
    const origin = protocolOrigin(key.origin);
    // A parameter or import with no finding is a pass-through, not a key of this file.
    if (origin === 'unknown' && own.length === 0 && (key.origin === 'parameter' || key.origin === 'imported')) return;
    entries.push({
      id: crossFileId(key) ?? `${document.uri}#${localId(key)}`,
      name: key.envVar ?? key.kmsKeyId ?? safeName(key),
      origin,
      purposes: unique([...info.declaredPurposes, ...info.purposes]),
      algorithms: unique(info.algorithms.map((a) => a.toLowerCase())),
      zeroization: zeroization(sourceCode, key, bytes),
      findings: own.map((f) => ({ ruleId: f.ruleId, message: f.message, uri: document.uri, range: range(f.span) })),
      locations: locationSpans(key).map((s) => ({ uri: document.uri, range: range(s) })),
    });
  });
  // Key bytes no tracked key accounts for (a data key's plaintext, a key pair's
  // secret half): what require-key-zeroization and no-plaintext-data-key-exposure judge.
  for (const held of bytes) {
    if (tracked.some((key) => holds(sourceCode, key, held))) continue;
    const span = held.id.range;
    const declarator = declaratorOf(held.id) ?? held.id;
    const own = findings.filter((f) => !claimed.has(f) && (overlaps(declarator.range, f.span) || overlaps(span, f.span)));
    own.forEach((f) => claimed.add(f));
    entries.push({
      id: `${document.uri}#bytes:${held.id.name}@${span[0]}`,
      name: [held.id.name, ...held.path].join('.'),
      origin: BYTES_ORIGIN[held.source],
      purposes: [],
      algorithms: [],
      zeroization: wipeCalls(sourceCode, held).size > 0 ? 'wiped' : 'not-wiped',
      findings: own.map((f) => ({ ruleId: f.ruleId, message: f.message, uri: document.uri, range: range(f.span) })),
      locations: [{ uri: document.uri, range: range(span) }],
    });
  }
  for (const finding of findings) {
    if (finding.ruleId !== HARDCODED_KEY_RULE || claimed.has(finding)) continue;
    entries.push({
      id: `${document.uri}#hardcoded@${finding.span[0]}`,
      name: bindingNameAt(sourceCode, finding.span) ?? 'inline key',
      origin: 'hardcoded',
      purposes: [],
      algorithms: [],
      zeroization: 'not-applicable',
      findings: [{ ruleId: finding.ruleId, message: finding.message, uri: document.uri, range: range(finding.span) }],
      locations: [{ uri: document.uri, range: range(finding.span) }],
    });
  }
  return entries;
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
      existing.zeroization = mergeZeroization(existing.zeroization, entry.zeroization);
    }
  }
  const originOrder: KeyOrigin[] = ['hardcoded', 'environment', 'kms', 'derived', 'generated', 'unknown'];
  return [...byId.values()].sort(
    (a, b) => originOrder.indexOf(a.origin) - originOrder.indexOf(b.origin) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
}

function mergeZeroization(a: ZeroizationStatus, b: ZeroizationStatus): ZeroizationStatus {
  if (a === 'not-wiped' || b === 'not-wiped') return 'not-wiped';
  return a === 'not-applicable' ? b : a;
}

function protocolOrigin(origin: TrackedKey['origin']): KeyOrigin {
  return origin === 'parameter' || origin === 'imported' ? 'unknown' : origin;
}

/** Identities that mean the same key in every file: an environment variable, a KMS key. */
function crossFileId(key: TrackedKey): string | undefined {
  if (key.origin === 'environment' && key.envVar) return `env:${key.envVar}`;
  if (key.origin === 'kms' && key.kmsKeyId) return `kms:${key.kmsKeyId}`;
  if (key.origin === 'kms' && key.envVar) return `kms-env:${key.envVar}`;
  return undefined;
}

/** A file-local id: `const:<value>` identities hold key material, so literal keys are named by position. */
function localId(key: TrackedKey): string {
  if (key.id.startsWith('const:')) return `literal@${key.definition?.range[0] ?? key.uses[0]?.arg.range[0] ?? 0}`;
  return key.id.replace(/const:[^|)]*/g, 'literal');
}

function safeName(key: TrackedKey): string {
  return key.id.startsWith('const:') ? 'inline key' : key.name;
}

function declaratorOf(node: TSESTree.Node | undefined): TSESTree.Node | undefined {
  return node?.parent?.type === 'VariableDeclarator' && node.parent.id === node ? node.parent : node;
}

/** Where findings about the key can sit: its whole definition (a constant is reported on its value) and its uses. */
function keySpans(key: TrackedKey): Span[] {
  const definition = declaratorOf(key.definition);
  return [...(definition ? [definition.range] : []), ...key.uses.map((u) => u.arg.range), ...key.declared.map((d) => d.node.range)];
}

/** Where the view jumps: the definition, then each use. */
function locationSpans(key: TrackedKey): Span[] {
  const spans = [...(key.definition ? [key.definition.range] : []), ...key.uses.map((u) => u.arg.range)];
  const seen = new Set<string>();
  return spans.filter((s) => !seen.has(`${s[0]}:${s[1]}`) && seen.add(`${s[0]}:${s[1]}`));
}

/**
 * Raw key bytes the program holds for this key (a Buffer, random or KMS
 * plaintext bytes): wiped when a wipe call reaches them, as
 * require-key-zeroization judges; keys that are no byte buffers: not applicable.
 */
function zeroization(sourceCode: SourceCode, key: TrackedKey, bytes: KeyBytes[]): ZeroizationStatus {
  const mine = bytes.filter((b) => holds(sourceCode, key, b));
  if (mine.length === 0) return 'not-applicable';
  return mine.every((b) => wipeCalls(sourceCode, b).size > 0) ? 'wiped' : 'not-wiped';
}

function holds(sourceCode: SourceCode, key: TrackedKey, bytes: KeyBytes): boolean {
  return bytes.id === key.definition || key.uses.some((u) => refersTo(sourceCode, u.arg, bytes));
}

const BYTES_ORIGIN: Record<KeyBytes['source'], KeyOrigin> = {
  random: 'generated',
  keygen: 'generated',
  keypair: 'generated',
  kdf: 'derived',
  'shared-key': 'derived',
  'kms-plaintext': 'kms',
  unwrapped: 'derived',
  'buffer-from': 'unknown',
  export: 'unknown',
  file: 'unknown',
};

function refersTo(sourceCode: SourceCode, arg: TSESTree.Node, bytes: KeyBytes): boolean {
  let node = arg;
  while (node.type === 'TSNonNullExpression' || node.type === 'TSAsExpression' || node.type === 'AwaitExpression') {
    node = node.type === 'AwaitExpression' ? node.argument : node.expression;
  }
  if (node.type === 'Identifier') return bytes.variable.references.some((r) => r.identifier === node);
  if (node.type === 'MemberExpression' && node.object.type === 'Identifier' && bytes.path.length === 1) {
    const object = node.object;
    const property = !node.computed && node.property.type === 'Identifier' ? node.property.name : undefined;
    return property === bytes.path[0] && bytes.variable.references.some((r) => r.identifier === object);
  }
  void sourceCode;
  return false;
}

function bindingNameAt(sourceCode: SourceCode, span: Span): string | undefined {
  let node = sourceCode.getNodeByRangeIndex(span[0]) as TSESTree.Node | null;
  for (let depth = 0; node && depth < 6; depth++, node = node.parent ?? null) {
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier') return node.id.name;
    if (/Statement$|Declaration$|^Program$/.test(node.type)) return undefined;
  }
  return undefined;
}

function spanOf(document: TextDocument, bom: number, m: { line: number; column: number; endLine?: number; endColumn?: number }): Span {
  return [
    document.offsetAt({ line: m.line - 1, character: m.column - 1 }) - bom,
    document.offsetAt({ line: (m.endLine ?? m.line) - 1, character: (m.endColumn ?? m.column + 1) - 1 }) - bom,
  ];
}

function overlaps(a: Span, b: Span): boolean {
  return a[0] < b[1] && b[0] < a[1];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
