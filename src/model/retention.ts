/**
 * Calls that keep a reference to a buffer they are given, so the caller must
 * not wipe it (the buffer deliberately leaves the function): a cache or a
 * collection, a stream that writes it later, a promise or a message port.
 * Matched by method name on any receiver: these names mean "store" in the
 * standard library and in the usual cache/queue packages.
 */
export const RETAINING_METHODS: ReadonlySet<string> = new Set([
  'set', // Map, WeakMap, lru-cache, node-cache, keyv
  'add', // Set
  'push',
  'unshift',
  'enqueue',
  'write', // streams queue the chunk until flushed
  'end',
  'postMessage', // only with the buffer in its transfer list (key-lifetime: a message is otherwise cloned)
  'resolve',
  'next', // observable subjects
  'emit',
  'decorate', // Fastify: `app.decorate('serviceKey', key)` keeps it on the instance for the server's life
]);

/** Global functions that keep (or transfer) their argument (`structuredClone` only with a transfer list: key-lifetime). */
export const RETAINING_FUNCTIONS: ReadonlySet<string> = new Set(['resolve', 'structuredClone', 'queueMicrotask', 'setImmediate']);

/**
 * Hooks whose returned setter keeps the value it is given as component state (`const [raw, setRaw] = useState(…)`:
 * `setRaw(bytes)` stores the bytes for the component's life, like an assignment to `this.raw`).
 */
export const STATE_HOOKS: ReadonlySet<string> = new Set(['useState']);
