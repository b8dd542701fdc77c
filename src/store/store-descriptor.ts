import type { StoredProduct } from '../config';
import type { VendorName } from '../errors';
import { FeatureSet } from '../types/feature-set';
import { InsightStatus } from '../types/insight-status.type';
import type { NameTable } from '../types/feature-set';
import { heapBytes } from './heap-bytes';
import type { SharedNameTables } from './name-tables';

/** How an answer may be kept: for the product's window, for the shorter "no data" window, or not at all. */
export type Settledness = 'settled' | 'no-data' | 'unsettled';

/** The form of an answer the store keeps, with its heap size and the name tables it refers to. */
export interface Compacted<V> {
  kept: V;
  /** The V8 heap `kept` holds, shared name tables left out (see heap-bytes.ts): what level 1 counts. */
  bytes: number;
  tables: readonly NameTable[];
  /** The serialised form, when computing `bytes` already produced it. */
  plaintext?: Buffer;
}

/**
 * What the store needs to know about one vendor product: the seam every vendor fills in once (its
 * policy and its stored form), instead of a cache per vendor.
 */
export interface StoreDescriptor<V> {
  product: StoredProduct;
  /** The vendor its waits time out as (VENDOR_TIMEOUT with this vendor). */
  vendor: VendorName;
  settledness(value: V): Settledness;
  /** The form kept in memory and served from then on (Credeau: values plus a shared name table). */
  compact(value: V, tables: SharedNameTables): Compacted<V>;
  /** Bytes written (sealed) to Redis. */
  serialize(kept: V): Buffer;
  /** The kept form back from Redis; undefined when unreadable (a miss). */
  deserialize(plaintext: Buffer, tables: SharedNameTables): Promise<Compacted<V> | undefined>;
}

/**
 * Only settled answers are stored: COMPLETE for the product's window, the "no data" statuses for at most
 * the negative window, IN_PROGRESS never (errors never reach the store: a rejected fetch is not a value).
 */
export function settlednessOfStatus(status: InsightStatus): Settledness {
  if (status === InsightStatus.COMPLETE) return 'settled';
  if (status === InsightStatus.IN_PROGRESS) return 'unsettled';
  return 'no-data';
}

/**
 * A descriptor for answers that are plain data (dates and feature sets included): JSON with markers for
 * the two classes, kept in memory as decoded. FinBox, Credolab, NeuroID and the SMS lists use it.
 */
export function jsonDescriptor<V>(
  product: StoredProduct,
  vendor: VendorName,
  settledness: (value: V) => Settledness,
): StoreDescriptor<V> {
  return {
    product,
    vendor,
    settledness,
    compact(value) {
      return { kept: value, bytes: heapBytes(value), tables: [], plaintext: encodeJson(value) };
    },
    serialize: (kept) => encodeJson(kept),
    async deserialize(plaintext) {
      const kept = decodeJson(plaintext) as V;
      return { kept, bytes: heapBytes(kept), tables: [] };
    },
  };
}

export function encodeJson(value: unknown): Buffer {
  return Buffer.from(
    JSON.stringify(value, function replacer(this: Record<string, unknown>, key: string, current: unknown) {
      const original = this[key];
      if (original instanceof Date) return { $date: original.getTime() };
      if (original instanceof FeatureSet) return { $features: original.list().map(({ name, value: v }) => [name, v]) };
      return current;
    }),
    'utf8',
  );
}

export function decodeJson(plaintext: Buffer): unknown {
  return JSON.parse(plaintext.toString('utf8'), (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const marked = value as { $date?: unknown; $features?: unknown };
      if (typeof marked.$date === 'number') return new Date(marked.$date);
      if (Array.isArray(marked.$features)) return new FeatureSet(Object.fromEntries(marked.$features as Array<[string, unknown]>));
    }
    return value;
  });
}
