/** A parse-tree node, token or comment: whatever has a range and a location. */
export interface Located {
  type: string;
  range: [number, number];
  loc: { start: Position; end: Position };
  start?: number;
  end?: number;
  [key: string]: unknown;
}

interface Position {
  line: number;
  column: number;
}

export type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/**
 * Moves parse-tree nodes with their subtrees, tokens and comments by `delta`
 * characters and `lineDelta` lines: the part of a typed-in file after the
 * edit, kept from its last parse.
 *
 * Ranges and locations are replaced, never changed in place: espree shares
 * position objects between a node, its first child and its first token, and
 * range and location objects between a shorthand property's key and value, so
 * a shared object changed in place would move twice. A replacement reads the
 * untouched original, however often it is reached. Locations change only when
 * the edit added or removed lines (most keystrokes do not), so typing within a
 * line allocates one range per moved node and nothing else: no set of visited
 * objects, which costs more than the moving itself in a big file.
 *
 * A node itself can be reached twice only as two properties of one parent
 * (espree's `import { a }` has `imported` and `local` be one node); it is moved once.
 */
export function moveNodes(nodes: readonly Located[], delta: number, lineDelta: number, keys: VisitorKeys): void {
  if (delta === 0 && lineDelta === 0) return;
  for (const node of nodes) move(node, delta, lineDelta, keys);
}

/** Moves tokens or comments (no children; each is in its list once). */
export function moveTokens(tokens: readonly Located[], delta: number, lineDelta: number): void {
  if (delta === 0 && lineDelta === 0) return;
  for (const token of tokens) moveOne(token, delta, lineDelta);
}

function move(node: Located, delta: number, lineDelta: number, keys: VisitorKeys): void {
  moveOne(node, delta, lineDelta);
  let previous: unknown = undefined;
  for (const key of keys[node.type] ?? childKeys(node)) {
    const child = node[key];
    if (Array.isArray(child)) {
      for (const item of child) if (isNode(item)) move(item, delta, lineDelta, keys);
    } else if (isNode(child) && child !== previous) {
      move(child, delta, lineDelta, keys);
    }
    previous = child;
  }
}

function moveOne(item: Located, delta: number, lineDelta: number): void {
  item.range = [item.range[0] + delta, item.range[1] + delta];
  if (lineDelta !== 0) {
    const { start, end } = item.loc;
    item.loc = { start: { line: start.line + lineDelta, column: start.column }, end: { line: end.line + lineDelta, column: end.column } };
  }
  // acorn's own offsets, which espree keeps next to `range` (own numbers of each node: not shared).
  if (typeof item.start === 'number') item.start += delta;
  if (typeof item.end === 'number') item.end += delta;
}

/** Keys of a node type the visitor keys do not know (a parser's extension): every property holding nodes. */
function childKeys(node: Located): string[] {
  return Object.keys(node).filter((key) => key !== 'parent' && key !== 'loc' && key !== 'range' && (isNode(node[key]) || Array.isArray(node[key])));
}

function isNode(value: unknown): value is Located {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
