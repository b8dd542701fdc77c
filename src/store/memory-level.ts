import { LRUCache } from 'lru-cache';
import type { StoredEntry } from './stored-entry';

interface Sized {
  entry: StoredEntry<unknown>;
  bytes: number;
}

/**
 * Level 1 of the store: this process's memory, bounded by bytes (SIGNALS_MEMORY_CACHE_MAX_BYTES), least
 * recently used first out. Sizes are the descriptors' estimates of the kept (compact) form; an entry
 * larger than the whole budget is simply not kept. An entry is served fresh until its expiry and may be
 * kept `retainMs` longer (SIGNALS_STALE_RETENTION_MS, settled answers only) for `getStale`; then it is
 * dropped, looked up or not.
 */
export class MemoryLevel {
  private readonly entries: LRUCache<string, Sized>;

  constructor(readonly maxBytes: number) {
    this.entries = new LRUCache<string, Sized>({
      maxSize: maxBytes,
      sizeCalculation: (sized) => Math.max(1, sized.bytes),
      // Personal data (SMS bodies) must not linger past its keeping time until a lookup happens to touch it.
      ttlAutopurge: true,
    });
  }

  /** The entry while it is fresh; an entry past its window (kept for `getStale`) is a miss here. */
  get<V>(key: string): StoredEntry<V> | undefined {
    const sized = this.entries.get(key);
    if (!sized || sized.entry.expiresAt <= Date.now()) return undefined;
    return sized.entry as StoredEntry<V>;
  }

  /** The entry kept for `key`, fresh or past its window (within its retention): for serving stale only. */
  getStale<V>(key: string): StoredEntry<V> | undefined {
    return this.entries.get(key)?.entry as StoredEntry<V> | undefined;
  }

  /** Keeps `entry` until its expiry plus `retainMs`. */
  set<V>(key: string, entry: StoredEntry<V>, bytes: number, retainMs = 0): void {
    const ttl = entry.expiresAt + retainMs - Date.now();
    if (ttl <= 0 || bytes > this.maxBytes) return;
    this.entries.set(key, { entry: entry as StoredEntry<unknown>, bytes }, { ttl });
  }

  /** Estimated bytes held now (never above maxBytes). */
  get bytes(): number {
    return this.entries.calculatedSize;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}
