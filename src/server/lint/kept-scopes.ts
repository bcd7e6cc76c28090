/**
 * What the scope reuse of JavaScript (javascript-scopes.ts) and TypeScript
 * (typescript-scopes.ts) have in common: both scope managers' scopes have a
 * block, children and variables with definitions, under different classes.
 */
interface ScopeTree<S> {
  block: unknown;
  childScopes: S[];
  variables: { defs: { node: unknown; parent?: unknown }[] }[];
}

/** The innermost scope whose block is the Program (under the global scope): where top-level statements declare. */
export function topScopeOf<S extends ScopeTree<S>>(globalScope: S | null): S | undefined {
  let scope = globalScope;
  if (!scope) return undefined;
  for (;;) {
    const block: unknown = scope.block;
    const inner: S | undefined = scope.childScopes.find((child) => child.block === block);
    if (!inner) return scope;
    scope = inner;
  }
}

/** `root` and every scope nested in it, in creation order. */
export function* scopesUnder<S extends ScopeTree<S>>(root: S): Generator<S> {
  yield root;
  for (const child of root.childScopes) yield* scopesUnder(child);
}

/** Each node a definition of `scope` is made by (the definition's node, and its parent where it has one). */
export function* definitionNodesOf<S extends ScopeTree<S>>(scope: S): Generator<object> {
  for (const variable of scope.variables) {
    for (const def of variable.defs) {
      if (def.node) yield def.node as object;
      if (def.parent) yield def.parent as object;
    }
  }
}
