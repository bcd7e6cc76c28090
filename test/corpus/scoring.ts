/**
 * Matches a plugin's findings on a labelled corpus to the corpus markers.
 * Separate from the CLI (score.ts) so the matching itself is tested with a
 * fake plugin (corpus.test.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Linter } from 'eslint';
import {
  CATEGORIES, CORPUS_ROOT, RULES, corpusLinter, isStrictFile, lintFile, listCorpusFiles, parseMarkers,
  type Category, type Finding, type Marker,
} from './corpus-lib';

/** What the scorer needs of a plugin: its rules and its first config block per config. */
type ConfigObject = { rules?: Record<string, unknown> };
export interface ScorablePlugin {
  rules: Record<string, unknown>;
  /** Each config is a flat-config object or an array of them (both shapes exist in the wild). */
  configs: Record<'recommended' | 'strict', ConfigObject | readonly ConfigObject[]>;
}

export interface Counts { tp: number; fp: number; fn: number }
export interface Miss { kind: 'FP' | 'FN'; rule: string; file: string; line: number; text: string }
export interface RuleSummary {
  category: Category; implemented: boolean; markers: number;
  tp?: number; fp?: number; fn?: number; precision?: number | null; recall?: number | null;
}
export interface CategorySummary extends Counts {
  rules: number; implemented: number; precision: number | null; recall: number | null;
  fileLevel: Counts & { precision: number | null; recall: number | null };
}
export interface Summary {
  files: number; strictFiles: number; seconds: number;
  parseErrors: { file: string; line: number; message: string }[];
  crashes: { file: string; rule: string; message: string }[];
  unknownFindings: Record<string, number>;
  rules: Record<string, RuleSummary>;
  categories: Record<string, CategorySummary>;
  misses: Miss[];
}

const zero = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);
export const precision = (c: Counts) => ratio(c.tp, c.tp + c.fp);
export const recall = (c: Counts) => ratio(c.tp, c.tp + c.fn);

/** Long literal-looking runs are cut so that no secret is ever printed in full. */
export function redact(text: string, max = 110): string {
  const masked = text.replace(/[A-Za-z0-9+/=_-]{16,}/g, (run) => `${run.slice(0, 6)}…`).trim();
  return masked.length > max ? `${masked.slice(0, max - 1)}…` : masked;
}

/** The keywarden rule entries a config enables, whichever shape the config has. */
export function configRules(plugin: ScorablePlugin, config: 'recommended' | 'strict'): Record<string, Linter.RuleEntry> {
  const cfg = plugin.configs[config];
  const objects: readonly ConfigObject[] = Array.isArray(cfg) ? cfg : cfg ? [cfg as ConfigObject] : [];
  const rules: Record<string, Linter.RuleEntry> = {};
  for (const object of objects) {
    for (const [id, entry] of Object.entries(object.rules ?? {})) {
      if (id.startsWith('keywarden/')) rules[id] = entry as Linter.RuleEntry;
    }
  }
  return rules;
}

function ruleEntriesFor(plugin: ScorablePlugin, config: 'recommended' | 'strict', only?: string): Record<string, Linter.RuleEntry> {
  const all = configRules(plugin, config);
  if (!only) return all;
  const id = `keywarden/${only}`;
  return id in all ? { [id]: all[id] } : {};
}

/** `files`: score only the files whose corpus-relative path contains it (e.g. `blind-s5/` for one blind round). */
export function scoreCorpus(plugin: ScorablePlugin, options: { root?: string; rule?: string; files?: string } = {}): Summary {
  const root = options.root ?? CORPUS_ROOT;
  const only = options.rule;
  const started = Date.now();
  const implemented = new Set(Object.keys(plugin.rules));
  const enabled = Object.keys({ ...configRules(plugin, 'recommended'), ...configRules(plugin, 'strict') });
  if (implemented.size > 0 && enabled.length === 0) {
    // Scoring with no rule enabled would report 0% recall and look like a measurement.
    throw new Error('the plugin has rules but neither configs.recommended nor configs.strict enables any: cannot score');
  }
  const counted = Object.keys(RULES).filter((r) => implemented.has(r) && (!only || r === only));
  const linter = corpusLinter(root);
  const files = listCorpusFiles(root).filter((f) => !options.files || f.split(path.sep).join('/').includes(options.files));

  const perRule: Record<string, Counts> = Object.fromEntries(Object.keys(RULES).map((r) => [r, zero()]));
  const markersPerRule: Record<string, number> = Object.fromEntries(Object.keys(RULES).map((r) => [r, 0]));
  const fileLevel = Object.fromEntries(CATEGORIES.map((c) => [c, zero()])) as Record<Category, Counts>;
  const misses: Miss[] = [];
  const parseErrors: Summary['parseErrors'] = [];
  const crashes: Summary['crashes'] = [];
  const unknownFindings: Record<string, number> = {};

  for (const rel of files) {
    const abs = path.join(root, rel);
    const source = fs.readFileSync(abs, 'utf8');
    const lines = source.split(/\r?\n/);
    const markers = parseMarkers(source).filter((m) => !only || m.rule === only);
    for (const m of markers) if (m.rule in markersPerRule) markersPerRule[m.rule]++;

    const config = isStrictFile(rel) ? 'strict' : 'recommended';
    const result = lintFile(linter, abs, rel, plugin, ruleEntriesFor(plugin, config, only));
    if (result.parseError) parseErrors.push({ file: rel, ...result.parseError });
    for (const c of result.crashes) crashes.push({ file: rel, ...c });

    const findings: Finding[] = [];
    for (const f of result.findings) {
      if (counted.includes(f.rule)) findings.push(f);
      else if (!(f.rule in RULES)) unknownFindings[f.rule] = (unknownFindings[f.rule] ?? 0) + 1;
    }

    const open: Marker[] = markers.filter((m) => counted.includes(m.rule));
    for (const f of findings) {
      const i = open.findIndex((m) => m.rule === f.rule && m.line === f.line);
      if (i >= 0) {
        open.splice(i, 1);
        perRule[f.rule].tp++;
      } else {
        perRule[f.rule].fp++;
        misses.push({ kind: 'FP', rule: f.rule, file: rel, line: f.line, text: redact(f.message, 200) });
      }
    }
    for (const m of open) {
      perRule[m.rule].fn++;
      misses.push({ kind: 'FN', rule: m.rule, file: rel, line: m.line, text: redact(`expected here: ${lines[m.line - 1] ?? ''}`, 200) });
    }

    for (const category of CATEGORIES) {
      const rulesOf = counted.filter((r) => RULES[r].category === category);
      const labelled = markers.some((m) => rulesOf.includes(m.rule));
      const predicted = findings.some((f) => rulesOf.includes(f.rule));
      if (labelled && predicted) fileLevel[category].tp++;
      else if (predicted) fileLevel[category].fp++;
      else if (labelled) fileLevel[category].fn++;
    }
  }

  const categories: Record<string, CategorySummary> = {};
  for (const category of CATEGORIES) {
    const rulesOf = Object.keys(RULES).filter((r) => RULES[r].category === category && (!only || r === only));
    const sum = zero();
    for (const r of rulesOf.filter((r) => counted.includes(r))) {
      sum.tp += perRule[r].tp; sum.fp += perRule[r].fp; sum.fn += perRule[r].fn;
    }
    categories[category] = {
      ...sum, rules: rulesOf.length, implemented: rulesOf.filter((r) => counted.includes(r)).length,
      precision: precision(sum), recall: recall(sum),
      fileLevel: { ...fileLevel[category], precision: precision(fileLevel[category]), recall: recall(fileLevel[category]) },
    };
  }

  const rules: Record<string, RuleSummary> = {};
  for (const r of Object.keys(RULES).filter((r) => !only || r === only)) {
    rules[r] = {
      category: RULES[r].category, implemented: implemented.has(r), markers: markersPerRule[r],
      ...(implemented.has(r) ? { ...perRule[r], precision: precision(perRule[r]), recall: recall(perRule[r]) } : {}),
    };
  }

  return {
    files: files.length, strictFiles: files.filter(isStrictFile).length, seconds: (Date.now() - started) / 1000,
    parseErrors, crashes, unknownFindings, rules, categories, misses,
  };
}
