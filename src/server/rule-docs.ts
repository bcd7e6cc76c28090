import * as fs from 'node:fs';
import * as path from 'node:path';
import { keywardenRule } from './lint/lint-config';

export interface RuleExplanation {
  ruleId: string;
  description: string;
  /** Why it matters: the doc page's "Why" section when there is one. */
  why: string | null;
  url: string | null;
}

const cache = new Map<string, string | null>();
const MAX_WHY_CHARS = 800;

/**
 * What the editor says about a rule: `meta.docs` plus the "Why" section of
 * `docs/rules/<name>.md`, found by walking up from the server (sources, dist
 * and the bundled extension all sit below the package root).
 */
export function explainRule(ruleId: string): RuleExplanation | null {
  const rule = keywardenRule(ruleId);
  if (!rule) return null;
  const docs = rule.meta.docs;
  return {
    ruleId,
    description: docs?.description ?? '',
    why: whySection(ruleId.slice('keywarden/'.length)),
    url: docs?.url ?? null,
  };
}

function whySection(name: string): string | null {
  if (cache.has(name)) return cache.get(name)!;
  const file = findDoc(name);
  let why: string | null = null;
  if (file) {
    try {
      why = extractSection(fs.readFileSync(file, 'utf8'), /^why\b/i);
    } catch {
      why = null;
    }
  }
  cache.set(name, why);
  return why;
}

/** The text under the first heading matching `title`, up to the next heading of the same or higher level. */
export function extractSection(markdown: string, title: RegExp): string | null {
  const lines = markdown.split(/\r?\n/);
  let level = 0;
  const body: string[] = [];
  for (const line of lines) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (level === 0) {
      if (heading && title.test(heading[2].trim())) level = heading[1].length;
      continue;
    }
    if (heading && heading[1].length <= level) break;
    body.push(line);
  }
  const text = body.join('\n').trim();
  if (!text) return null;
  return text.length > MAX_WHY_CHARS ? `${text.slice(0, MAX_WHY_CHARS).trimEnd()}…` : text;
}

function findDoc(name: string): string | null {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'docs', 'rules', `${name}.md`);
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return null;
}
