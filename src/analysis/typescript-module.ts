import type * as ts from 'typescript';

let cachedTypeScript: typeof ts | null | undefined;

/**
 * The `typescript` module, loaded only when a file was parsed with type
 * information (that is when cross-file analysis needs it); undefined where it
 * is not installed, so plain-JavaScript users never pay for it.
 */
export function loadTypeScript(): typeof ts | undefined {
  if (cachedTypeScript === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      cachedTypeScript = require('typescript') as typeof ts;
    } catch {
      cachedTypeScript = null;
    }
  }
  return cachedTypeScript ?? undefined;
}

/**
 * Every node of a TypeScript tree under `root` (itself first), in source
 * order, as `ts.forEachChild` visits them; a loop over it can stop at any node.
 */
export function* tsDescendants(typescript: typeof ts, root: ts.Node): Generator<ts.Node> {
  const stack: ts.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    yield node;
    const children: ts.Node[] = [];
    typescript.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
}
