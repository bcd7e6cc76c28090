/** The one changed span between two versions of a text (common prefix and suffix removed). */
export interface TextEdit {
  /** Where the change starts (the same offset in both texts). */
  start: number;
  /** Where it ends in the old and in the new text. */
  oldEnd: number;
  newEnd: number;
  /** New length minus old length: how far everything after the change moved. */
  delta: number;
}

export function textEdit(oldText: string, newText: string): TextEdit {
  const shorter = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let common = 0;
  const maxCommon = shorter - start;
  while (common < maxCommon && oldText.charCodeAt(oldText.length - 1 - common) === newText.charCodeAt(newText.length - 1 - common)) common++;
  // One unchanged character more on each side, so a "\r\n" the edit splits or
  // joins is counted whole when the edit's line breaks are counted.
  start = Math.max(0, start - 1);
  common = Math.max(0, common - 1);
  return { start, oldEnd: oldText.length - common, newEnd: newText.length - common, delta: newText.length - oldText.length };
}

const LINE_BREAK = /\r\n?|[\n\u2028\u2029]/g;

/** Line breaks in text[from, to), as ESTree locations count them ("\r\n" is one). */
export function lineBreaksBetween(text: string, from: number, to: number): number {
  if (to <= from) return 0;
  return text.slice(from, to).match(LINE_BREAK)?.length ?? 0;
}

/**
 * What a parser needs before text[end, …) for every line and column to stay
 * as in `text`: one line break per line before `end`, then as many spaces as
 * `end`'s column. Offsets come out `end - prefix.length` smaller than in
 * `text`; the caller moves what was parsed by that much. (Blanking all of
 * text[0, end) would keep offsets too, but TypeScript's parser skips leading
 * whitespace again for each node that starts where the region does: some 3 ms
 * per lint for an edit in the middle of a 2,000-line file.)
 */
export function linesAndColumnPrefix(text: string, end: number): string {
  let lineStart = end;
  while (lineStart > 0 && !isLineBreak(text.charCodeAt(lineStart - 1))) lineStart--;
  return '\n'.repeat(lineBreaksBetween(text, 0, lineStart)) + ' '.repeat(end - lineStart);
}

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}
