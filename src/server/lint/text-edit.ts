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
 * text[0, end) with every character but line breaks replaced by a space: what
 * a parser reads as nothing, yet every later offset, line and column stays
 * where it is in `text`.
 */
export function blankedPrefix(text: string, end: number): string {
  return text.slice(0, end).replace(/[^\r\n\u2028\u2029]+/g, (run) => ' '.repeat(run.length));
}
