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

/** Moves nodes with their subtrees by `delta` characters and `lineDelta` lines. */
export function moveNodes(nodes: readonly Located[], delta: number, lineDelta: number, keys: VisitorKeys): void {
  if (delta === 0 && lineDelta === 0) return;
  const moved = new Set<Located>();
  for (const node of nodes) move(node, delta, lineDelta, keys, moved);
}

/** Moves tokens or comments (no children; each is in its list once). */
export function moveTokens(tokens: readonly Located[], delta: number, lineDelta: number): void {
  if (delta === 0 && lineDelta === 0) return;
  for (const token of tokens) moveOne(token, delta, lineDelta);
}

/**
 * Moves a node and its subtree (or a token or comment) by `delta` characters
 * and `lineDelta` lines. Ranges and locations are replaced, not changed in
 * place: espree shares position objects between a node, its first child and
 * its tokens, and changing a shared one twice would move it twice. For the
 * same reason a node reached twice (espree's `import { a }` has `imported`
 * and `local` be one node) is moved once.
 */
function move(node: Located, delta: number, lineDelta: number, keys: VisitorKeys, moved: Set<Located>): void {
  if (moved.has(node)) return;
  moved.add(node);
  moveOne(node, delta, lineDelta);
  for (const key of keys[node.type] ?? childKeys(node)) {
    const child = node[key];
    if (Array.isArray(child)) {
      for (const item of child) if (isNode(item)) move(item, delta, lineDelta, keys, moved);
    } else if (isNode(child)) {
      move(child, delta, lineDelta, keys, moved);
    }
  }
}

function moveOne(node: Located, delta: number, lineDelta: number): void {
  node.range = [node.range[0] + delta, node.range[1] + delta];
  const { start, end } = node.loc;
  node.loc = { start: { line: start.line + lineDelta, column: start.column }, end: { line: end.line + lineDelta, column: end.column } };
  // acorn's own offsets, which espree keeps next to `range`.
  if (typeof node.start === 'number') node.start += delta;
  if (typeof node.end === 'number') node.end += delta;
}

/** Keys of a node type the visitor keys do not know (a parser's extension): every property holding nodes. */
function childKeys(node: Located): string[] {
  return Object.keys(node).filter((key) => key !== 'parent' && key !== 'loc' && key !== 'range' && (isNode(node[key]) || Array.isArray(node[key])));
}

function isNode(value: unknown): value is Located {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
