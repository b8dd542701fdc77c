import { LRUCache } from 'lru-cache';
import type { StoredEntry } from './stored-entry';

interface Sized {
  entry: StoredEntry<unknown>;
  bytes: number;
}

/**
 * Level 1 of the store: this process's memory, bounded by bytes (SIGNALS_MEMORY_CACHE_MAX_BYTES), least
 * recently used first out, every entry dropped at its own expiry. Sizes are the descriptors' estimates
 * of the kept (compact) form; an entry larger than the whole budget is simply not kept.
 */
export class MemoryLevel {
  private readonly entries: LRUCache<string, Sized>;

  constructor(readonly maxBytes: number) {
    this.entries = new LRUCache<string, Sized>({
      maxSize: maxBytes,
      sizeCalculation: (sized) => Math.max(1, sized.bytes),
      // Personal data (SMS bodies) must not linger past its window until a lookup happens to touch it.
      ttlAutopurge: true,
    });
  }

  get<V>(key: string): StoredEntry<V> | undefined {
    const sized = this.entries.get(key);
    if (!sized) return undefined;
    if (sized.entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return sized.entry as StoredEntry<V>;
  }

  set<V>(key: string, entry: StoredEntry<V>, bytes: number): void {
    const ttl = entry.expiresAt - Date.now();
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
