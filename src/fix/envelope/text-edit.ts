/** One text replacement; ranges are offsets in the original source. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

/** Applies non-overlapping edits to a text (for the editor and tests). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.range[0] - a.range[0])) out = out.slice(0, edit.range[0]) + edit.text + out.slice(edit.range[1]);
  return out;
}

/** The text of `range` with the edits that fall inside it applied (to copy code with changes). */
export function sliceWithEdits(text: string, range: readonly [number, number], edits: readonly TextEdit[]): string {
  const inner = edits.filter((e) => e.range[0] >= range[0] && e.range[1] <= range[1]).map((e) => ({ range: [e.range[0] - range[0], e.range[1] - range[0]] as [number, number], text: e.text }));
  return applyEdits(text.slice(range[0], range[1]), inner);
}
