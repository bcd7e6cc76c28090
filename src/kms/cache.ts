import type { HeaderTemplate } from './format';
import { wipe } from './wipe';

/**
 * Data key cache limits, per data key. Caching is off unless `cache` is given;
 * `maxAgeMs` is then required. Defaults follow the AWS Encryption SDK's caching
 * materials manager (2^32 messages; bytes effectively unbounded).
 */
export interface CacheOptions {
  /** How long a plaintext data key may stay in memory, from its creation. */
  maxAgeMs: number;
  /** Messages one data key may encrypt before a new one is requested. */
  maxMessages?: number;
  /** Plaintext bytes one data key may encrypt before a new one is requested. */
  maxBytes?: number;
  /** Data keys held at once (oldest evicted first). Default 1000. */
  maxEntries?: number;
}

export interface CacheLimits {
  maxAgeMs: number;
  maxMessages: number;
  maxBytes: number;
  maxEntries: number;
}

export function cacheLimits(options: CacheOptions): CacheLimits {
  const positive = (value: unknown, name: string, fallback: number): number => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !(value > 0)) throw new TypeError(`keywarden/kms: cache.${name} must be a positive number`);
    return value;
  };
  if (options === null || typeof options !== 'object') throw new TypeError('keywarden/kms: cache must be an object');
  return {
    maxAgeMs: positive(options.maxAgeMs ?? -1, 'maxAgeMs', 0),
    maxMessages: positive(options.maxMessages, 'maxMessages', 2 ** 32),
    maxBytes: positive(options.maxBytes, 'maxBytes', Number.MAX_SAFE_INTEGER),
    maxEntries: positive(options.maxEntries, 'maxEntries', 1000),
  };
}

export interface CachedDataKey {
  plaintext: Buffer;
  keyUri: string;
  /** Encrypt entries only: the header bytes shared by every message under this key. */
  template?: HeaderTemplate;
  createdAt: number;
  messages: number;
  bytes: number;
}

/**
 * A plaintext data key lent to one operation. The operation must use it
 * synchronously (derive its message key) and call release() before its next
 * `await`: that is what lets the cache wipe keys on eviction without ever
 * pulling a key from under a running operation.
 */
export interface DataKeyLease {
  plaintext: Buffer;
  keyUri: string;
  template?: HeaderTemplate;
  source: 'cache' | 'kms';
  release(): void;
}

const noop = (): void => undefined;

/** A lease on a key that is not cached: release wipes it. */
export function ownedLease(plaintext: Buffer, keyUri: string, template?: HeaderTemplate): DataKeyLease {
  return { plaintext, keyUri, template, source: 'kms', release: () => wipe(plaintext) };
}

/**
 * One map of plaintext data keys with age, use and size limits. Entries are
 * kept in creation order, so expiry and capacity both evict from the front.
 * Every eviction wipes the key; an unref'd timer sweeps expired keys even when
 * the client is idle, so a key never outlives maxAgeMs by much.
 */
export class DataKeyMap {
  private readonly entries = new Map<string, CachedDataKey>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly limits: CacheLimits, private readonly now: () => number = Date.now) {}

  get size(): number {
    return this.entries.size;
  }

  /**
   * Lends the key cached under `id` for one message of `bytes` bytes, counting
   * that use; evicts (and wipes) it when it is too old or the message would
   * exceed its limits. A key whose last permitted use this is leaves the map
   * now and is wiped on release.
   */
  lease(id: string, bytes: number): DataKeyLease | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    const fits =
      this.now() - entry.createdAt < this.limits.maxAgeMs &&
      entry.messages < this.limits.maxMessages &&
      entry.bytes + bytes <= this.limits.maxBytes;
    if (!fits) {
      this.evict(id);
      return undefined;
    }
    return this.lend(id, entry, bytes, 'cache');
  }

  /** Whether a fresh key whose first message has `bytes` bytes is worth caching. */
  admits(bytes: number): boolean {
    return bytes <= this.limits.maxBytes && this.limits.maxMessages > 1;
  }

  /**
   * Lends a key cached for decryption: only its age limits it (message and
   * byte limits bound what one key *encrypts*).
   */
  leaseForDecrypt(id: string): DataKeyLease | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    if (this.now() - entry.createdAt >= this.limits.maxAgeMs) {
      this.evict(id);
      return undefined;
    }
    return { plaintext: entry.plaintext, keyUri: entry.keyUri, source: 'cache', release: noop };
  }

  /** Caches a fresh key (the map now owns the buffer) and lends it for its first message. */
  putAndLease(id: string, plaintext: Buffer, keyUri: string, bytes: number, template?: HeaderTemplate): DataKeyLease {
    return this.lend(id, this.put(id, plaintext, keyUri, template), bytes, 'kms');
  }

  /** Caches a key; the map now owns (and will wipe) the buffer. */
  put(id: string, plaintext: Buffer, keyUri: string, template?: HeaderTemplate): CachedDataKey {
    this.evict(id);
    const entry: CachedDataKey = { plaintext, keyUri, template, createdAt: this.now(), messages: 0, bytes: 0 };
    this.entries.set(id, entry);
    this.sweep();
    while (this.entries.size > this.limits.maxEntries) this.evict(this.entries.keys().next().value as string);
    this.schedule();
    return entry;
  }

  evict(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.entries.delete(id);
    wipe(entry.plaintext);
  }

  clear(): void {
    for (const id of [...this.entries.keys()]) this.evict(id);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private lend(id: string, entry: CachedDataKey, bytes: number, source: 'cache' | 'kms'): DataKeyLease {
    entry.messages += 1;
    entry.bytes += bytes;
    const usedUp = entry.messages >= this.limits.maxMessages || entry.bytes >= this.limits.maxBytes;
    if (usedUp && this.entries.get(id) === entry) this.entries.delete(id);
    return {
      plaintext: entry.plaintext,
      keyUri: entry.keyUri,
      template: entry.template,
      source,
      release: usedUp ? () => wipe(entry.plaintext) : noop,
    };
  }

  private sweep(): void {
    const now = this.now();
    for (const [id, entry] of this.entries) {
      if (now - entry.createdAt < this.limits.maxAgeMs) break;
      this.evict(id);
    }
  }

  private schedule(): void {
    if (this.timer || this.entries.size === 0) return;
    const oldest = this.entries.values().next().value as CachedDataKey;
    const wait = Math.max(1, oldest.createdAt + this.limits.maxAgeMs - this.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sweep();
      this.schedule();
    }, Math.min(wait, 2 ** 31 - 1));
    this.timer.unref();
  }
}
