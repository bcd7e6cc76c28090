/**
 * The use sites a finding's message lists, `encrypt at 5:10, mac at 9:3`
 * (purpose, 1-based line and column of the key argument): written by
 * `no-key-reuse-across-purposes` and read back by the language server, which
 * turns them into related locations. ESLint messages carry no structured
 * data, so the text is the channel; both sides use this module to keep it one format.
 */
export interface UseSite {
  purpose: string;
  line: number;
  column: number;
}

export function formatUseSites(sites: readonly UseSite[]): string {
  return sites.map((s) => `${s.purpose} at ${s.line}:${s.column}`).join(', ');
}

/** The sites of the first parenthesised list in a message, `(… at L:C, … at L:C)`; none when there is no such list. */
export function parseUseSites(message: string): UseSite[] {
  const list = /\(((?:[a-z-]+ at \d+:\d+(?:, )?)+)\)/.exec(message)?.[1];
  if (!list) return [];
  return [...list.matchAll(/([a-z-]+) at (\d+):(\d+)/g)].map(([, purpose, line, column]) => ({ purpose, line: Number(line), column: Number(column) }));
}
