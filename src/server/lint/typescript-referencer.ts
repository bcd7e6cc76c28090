import { createRequire } from 'node:module';

/**
 * @typescript-eslint/scope-manager's `Referencer`, the visitor its `analyze`
 * runs: the package exports `analyze` but not this class, which
 * typescript-scopes.ts extends. Loaded from the file `analyze` itself loads,
 * so its scopes are the package's own classes. In the server bundle,
 * scripts/build-server.mjs replaces this module with a plain require of that
 * file (the bundle has no node_modules to resolve from).
 */
export interface ReferencerInstance {
  readonly scopeManager: unknown;
  visit(node: unknown): void;
  currentScope(): unknown;
  visitFunction(node: unknown): void;
  visitClass(node: unknown): void;
}

export type ReferencerClass = new (options: Record<string, unknown>, scopeManager: unknown) => ReferencerInstance;

const requireFromScopeManager = createRequire(require.resolve('@typescript-eslint/scope-manager'));

export const { Referencer } = requireFromScopeManager('./referencer/Referencer.js') as { Referencer: ReferencerClass };
