/**
 * Caches that hold for one lint, and are let go when the next lint starts.
 *
 * The analyses cache what they learn about a file in module-level maps keyed
 * by the lint's own objects (its Program, scope variables, nodes). A plain
 * WeakMap is the obvious choice, and it is wrong for a long-running process
 * such as the language server or an ESLint run over many files: V8's
 * young-generation collector (the scavenger, which runs every few dozen
 * lints) keeps every value of a WeakMap that is itself in the old generation,
 * whatever happened to its key; only a full collection looks at the keys. A
 * module-level map is old after its first lints. So each lint's cached facts,
 * and through their nodes the lint's whole tree and scopes, survived every
 * scavenge until the next full collection. Measured in the server's pipeline
 * on the 100-line bench file, 30 lints between two scavenges, the two other
 * such leaks fixed (server/lint/flat-rule-contexts.ts, and generator functions
 * made per lint): 5.4 MB survived with these caches in plain WeakMaps, 0.9 MB
 * with the maps below (one lint's state). All three together had made each of
 * the lint worker's scavenges take 15–30 ms and promote megabytes of garbage,
 * and the full collections that garbage forced every ~160 lints also
 * discarded V8's optimized code for the rules (deoptimization "weak objects"),
 * so the next hundred lints ran some 30% slower.
 *
 * A LintScopedWeakMap is a WeakMap whose entries last until `startLint` sees
 * another Program: then every such map starts empty again, and the last
 * lint's maps (young, like the lint's own objects) are garbage along with it.
 * Nothing cached is needed across lints for correctness: a lint that finds a
 * map empty computes the facts again.
 */

const everyMap: LintScopedWeakMap<WeakKey, unknown>[] = [];

/**
 * The Program of the lint in progress (or the last one). Held, so that a
 * lint's caches live as long as that lint's tree is in use, and only one
 * lint's: the next Program replaces it.
 */
let currentProgram: object | undefined;

/**
 * Called by every rule's `create` (createRule) and by the other entry points
 * that analyse a whole file (the server's traversal and key inventory): a
 * Program other than the current one starts a new lint, and every
 * lint-scoped map forgets what it held.
 */
export function startLint(program: object): void {
  if (program === currentProgram) return;
  currentProgram = program;
  for (const map of everyMap) map.clear();
}

/** `WeakMap`'s methods the analyses use, over entries that last for one lint (see the module comment). */
export class LintScopedWeakMap<K extends WeakKey, V> {
  /** Made on the first `set` of each lint, so a map the lint does not use costs nothing. */
  private entries: WeakMap<K, V> | undefined;

  constructor() {
    everyMap.push(this as LintScopedWeakMap<WeakKey, unknown>);
  }

  get(key: K): V | undefined {
    return this.entries?.get(key);
  }

  has(key: K): boolean {
    return this.entries?.has(key) ?? false;
  }

  set(key: K, value: V): this {
    (this.entries ??= new WeakMap()).set(key, value);
    return this;
  }

  delete(key: K): boolean {
    return this.entries?.delete(key) ?? false;
  }

  /** Forgets every entry; `startLint` does it for all maps when a lint starts. */
  clear(): void {
    this.entries = undefined;
  }
}
