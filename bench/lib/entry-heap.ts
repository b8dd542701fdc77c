import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { newEvidenceId } from '../../src/evidence/record-writer';
import { MemoryLevel } from '../../src/store/memory-level';
import { SharedNameTables } from '../../src/store/name-tables';
import { StoreKeys } from '../../src/store/store-keys';
import type { StoredEntryMaker } from './stored-entries';

/**
 * A full, synchronous garbage collection. `--expose-gc` when the process was started with it; otherwise
 * the flag is set now and `gc` taken from a fresh context (where V8 installs it once the flag is on), so
 * jest workers and plain `node` can measure too.
 */
export function fullGc(): void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed();
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Heap in use after collecting everything collectable (twice: weak callbacks free more on the second). */
export function settledHeapUsed(): number {
  fullGc();
  fullGc();
  return process.memoryUsage().heapUsed;
}

const WARM_UP_ENTRIES = 50;

export interface EntryHeap {
  product: string;
  entries: number;
  /** Level 1's accounting per entry (value, key, evidence id, its own bookkeeping): what counts against SIGNALS_MEMORY_CACHE_MAX_BYTES. */
  accountedBytes: number;
  /** V8 heap held per entry by a level 1 that keeps them (key, LRU slot and entry included), after gc. */
  measuredBytes: number;
  /** measured / accounted. */
  ratio: number;
  /** Level 1's accounting of everything it keeps at the end (never above its budget). */
  levelBytes: number;
  /** The V8 heap the level holds at the end, after gc (evicted entries are garbage by then). */
  heldBytes: number;
}

/**
 * Offers a MemoryLevel `count` entries of one product, built from simulator bodies the way the server
 * builds them, and compares its byte accounting with the heap it holds after gc. The entries carry an
 * evidence id and real store keys, as in the server. With `budgetBytes` the level evicts as in the server
 * (then fewer than `count` are kept); without, it keeps them all.
 */
export function measureEntryHeap(maker: StoredEntryMaker, count: number, budgetBytes = Number.MAX_SAFE_INTEGER, idPrefix = 'heap'): EntryHeap {
  const keys = new StoreKeys();
  const tables = new SharedNameTables(maker.product, undefined);
  const level = new MemoryLevel(budgetBytes);
  const expiresAt = Date.now() + 3_600_000;

  // The first entries build the shared tables and get the code compiled and optimised (code and type
  // feedback are heap too, but not per entry); they are not among the measured ones.
  for (let at = 0; at < WARM_UP_ENTRIES; at++) maker.make(`${idPrefix}-warm-up-${at}`, tables);
  const before = settledHeapUsed();
  for (let at = 0; at < count; at++) {
    const customerId = `${idPrefix}-${at}`;
    const compacted = maker.make(customerId, tables);
    const entry = { value: compacted.kept, retrievedAt: Date.now(), expiresAt, evidenceId: newEvidenceId() };
    level.set(keys.entry(maker.product, { customerId }), entry, compacted.bytes);
  }
  const after = settledHeapUsed();
  const kept = level.size;
  const measuredBytes = (after - before) / kept;
  const accountedBytes = level.bytes / kept;
  const result = {
    product: maker.product,
    entries: kept,
    accountedBytes,
    measuredBytes,
    ratio: measuredBytes / accountedBytes,
    levelBytes: level.bytes,
    heldBytes: after - before,
  };
  // The level stays reachable up to here: what it holds is measured, not collected.
  level.clear();
  return result;
}
