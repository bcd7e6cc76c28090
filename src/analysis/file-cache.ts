import type { SourceCode } from './scope';
import { LintScopedWeakMap } from './lint-scoped';

/**
 * A cache of facts about nodes that hold for one lint of one file. The
 * language server's incremental parser gives the next lint the very node
 * objects of the statements an edit did not touch, but a fact about such a
 * node may depend on other statements (a helper's callers, a constant's
 * value, `X.prototype.m = …` assignments) that the edit changed. So each
 * Program gets its own cache, and every lint starts with an empty one.
 */
export function perFileCache<K extends object, V>(): (sourceCode: SourceCode) => WeakMap<K, V> {
  const byProgram = new LintScopedWeakMap<object, WeakMap<K, V>>();
  return (sourceCode) => {
    let cache = byProgram.get(sourceCode.ast);
    if (!cache) byProgram.set(sourceCode.ast, (cache = new WeakMap()));
    return cache;
  };
}
