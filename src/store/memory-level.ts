import { LRUCache } from 'lru-cache';
import { stringHeapBytes } from './heap-bytes';
import type { StoredEntry } from './stored-entry';

interface Sized {
  entry: StoredEntry<unknown>;
  bytes: number;
}

/**
 * What the level itself holds per entry besides the value, its key and its evidence id: the LRU's slots
 * and its expiry timer (ttlAutopurge), the entry object with its two boxed instants, the size record.
 * Measured (heap after gc, 20 000 entries of a null value, lru-cache 11): 511 bytes.
 */
const LEVEL_ENTRY_BYTES = 512;

/**
 * Level 1 of the store: this process's memory, bounded by bytes (SIGNALS_MEMORY_CACHE_MAX_BYTES), least
 * recently used first out. An entry counts what V8 holds for it: the descriptor's heap bytes of the kept
 * (compact) form plus the level's own per-entry cost (key, evidence id, LRU bookkeeping), so the budget is
 * what the entries really hold (README "Memory model"); an entry larger than the whole budget is simply
 * not kept. An entry is served fresh until its expiry and may be
 * kept `retainMs` longer (SIGNALS_STALE_RETENTION_MS, settled answers only) for `getStale`; then it is
 * dropped, looked up or not.
 */
export class MemoryLevel {
  private readonly entries: LRUCache<string, Sized>;
  /**
   * Customer tag -> instant of its last erasure seen by this process, kept `erasureMarkerTtlMs`: the
   * memory-only counterpart of Redis' erasure marker, so a fetch in flight here at an erasure is not kept
   * afterwards even without Redis. None when the constructor got no TTL.
   */
  private readonly erased: LRUCache<string, number> | undefined;

  /**
   * @param erasureMarkerTtlMs how long `deleteCustomer` remembers an erasure for `erasedSince`
   *   (ERASURE_MARKER_TTL_MS); undefined: not remembered.
   */
  constructor(
    readonly maxBytes: number,
    erasureMarkerTtlMs?: number,
  ) {
    // Bounded by time alone: erasures are rare, and each one is a 32-character tag and a number.
    this.erased = erasureMarkerTtlMs ? new LRUCache<string, number>({ ttl: erasureMarkerTtlMs, ttlAutopurge: true }) : undefined;
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

  /**
   * Keeps `entry` until its expiry plus `retainMs`. `valueBytes` is the heap its value holds (the
   * descriptor's `Compacted.bytes`); the level adds what it holds beside it.
   */
  set<V>(key: string, entry: StoredEntry<V>, valueBytes: number, retainMs = 0): void {
    const ttl = entry.expiresAt + retainMs - Date.now();
    const bytes = valueBytes + entryOverheadBytes(key, entry);
    if (ttl <= 0 || bytes > this.maxBytes) return;
    this.entries.set(key, { entry: entry as StoredEntry<unknown>, bytes }, { ttl });
  }

  /**
   * Drops every entry of one customer: those whose key carries `{customerTag}` (the hash tag of
   * StoreKeys.entry), fresh or kept for stale serving. A scan of the keys: erasures are rare, and a scan
   * cannot miss an entry an index would have to be kept exact for. Remembers `erasedAt` (default now) for
   * `erasedSince` when the level keeps erasures. Returns how many entries were dropped.
   */
  deleteCustomer(customerTag: string, erasedAt: number = Date.now()): number {
    const marker = `{${customerTag}}`;
    const doomed: string[] = [];
    for (const key of this.entries.keys()) if (key.includes(marker)) doomed.push(key);
    for (const key of doomed) this.entries.delete(key);
    if (this.erased) this.erased.set(customerTag, Math.max(erasedAt, this.erased.get(customerTag) ?? 0));
    return doomed.length;
  }

  /**
   * When this process last erased the customer (ms since the epoch), within ERASURE_MARKER_TTL_MS;
   * undefined when not (or the level keeps no erasures). A writer whose fetch started at or before it must
   * not keep its answer.
   */
  erasedSince(customerTag: string): number | undefined {
    return this.erased?.get(customerTag);
  }

  /** Heap bytes held now by the entries, as accounted (never above maxBytes). */
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

/** What the level holds for an entry beside its value. */
export function entryOverheadBytes(key: string, entry: StoredEntry<unknown>): number {
  return LEVEL_ENTRY_BYTES + stringHeapBytes(key) + (entry.evidenceId === undefined ? 0 : stringHeapBytes(entry.evidenceId));
}
