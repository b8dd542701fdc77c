import type { z } from 'zod';
import { integerVar } from './env-fields';

/**
 * The shared signal store (src/store/): a byte-bounded level in process memory, and Redis when
 * REDIS_URL is set. One freshness window per vendor product; 0 turns that product's storing off.
 */
export const storeEnvShape = {
  /** Byte budget of the in-process level (estimated sizes; least recently used entries go first). Default 67108864 (64 MiB). */
  SIGNALS_MEMORY_CACHE_MAX_BYTES: integerVar(67_108_864, 1024, 17_179_869_184),
  /** Longest time a "no data" answer (NOT_FOUND, NO_DATA, ...) is kept, whatever its product's window. Default 60000. */
  SIGNALS_NEGATIVE_CACHE_TTL_MS: integerVar(60_000, 0, 86_400_000),
  // One freshness window per stored product: each vendor's products declare theirs (storedProduct below).
  /**
   * How long a replica's claim on a key lives without being renewed: if the replica fetching a value
   * dies, another takes over this long after. Renewed every third of it while the fetch runs. Default 5000.
   */
  SIGNALS_STORE_CLAIM_TTL_MS: integerVar(5_000, 100, 600_000),
  /** How often a replica waiting for another's fetch looks in Redis for the value. Default 25. */
  SIGNALS_STORE_POLL_INTERVAL_MS: integerVar(25, 1, 10_000),
  /**
   * How long a settled answer is kept past its freshness window (memory and Redis), to be served marked
   * `stale` to a field that asks with `maxStale` while its vendor fails. Never served as fresh. 0 keeps
   * nothing past the window. Default 86400000 (a day). At most six days: with a window of up to a day, an
   * entry never outlives the shared name table it refers to (kept seven days).
   */
  SIGNALS_STALE_RETENTION_MS: integerVar(86_400_000, 0, 518_400_000),
};

/**
 * A vendor product as the rest of the process names it (store keys, metrics, evidence): one per kind of
 * answer a vendor gives, declared in its vendor's `products` (storedProduct, unstoredProduct). Lower case,
 * stable: keys in Redis and dashboards depend on these.
 */
export type ProductName = string;

/** A product whose answers are stored: it has a freshness window. */
export type StoredProduct = ProductName;

/** One product of a vendor: its name and, when its answers are stored, its freshness window variable. */
export interface ProductContract<Name extends ProductName = ProductName> {
  readonly name: Name;
  /** The window's variable and its schema; undefined for a product never stored. */
  readonly ttl?: { readonly variable: string; readonly schema: ReturnType<typeof integerVar> };
}

/**
 * A product whose answers the store keeps for `<variable>` milliseconds (default `defaultMs`, at most
 * `maxMs`; 0 turns its storing off).
 */
export function storedProduct<const Name extends ProductName>(
  name: Name,
  variable: string,
  defaultMs: number,
  maxMs = 86_400_000,
): ProductContract<Name> {
  return { name, ttl: { variable, schema: integerVar(defaultMs, 0, maxMs) } };
}

/** A product whose answers are never stored (each is an event, e.g. a fraud check of one transaction). */
export function unstoredProduct<const Name extends ProductName>(name: Name): ProductContract<Name> {
  return { name };
}

/** The freshness window variables of these products, e.g. CREDEAU_SMS_CACHE_TTL_MS. */
export function productsEnvShape(products: readonly ProductContract[]): z.ZodRawShape {
  const shape: Record<string, z.ZodType> = {};
  for (const { ttl } of products) {
    if (!ttl) continue;
    shape[ttl.variable] = ttl.schema;
  }
  return shape;
}

export interface StoreConfig {
  memoryMaxBytes: number;
  negativeTtlMs: number;
  /** Freshness window per stored product, by name; 0 = not stored. */
  ttlMs: Readonly<Record<StoredProduct, number>>;
  claimTtlMs: number;
  pollIntervalMs: number;
  /** How long settled answers are kept past their window for `maxStale` (0: not at all). */
  staleRetentionMs: number;
}

type StoreEnv = z.output<z.ZodObject<typeof storeEnvShape>>;

/** `products`: every product of the process (distinct names), whose windows `env` was parsed with (productsEnvShape). */
export function toStoreConfig(env: StoreEnv, products: readonly ProductContract[]): StoreConfig {
  const ttlMs: Record<StoredProduct, number> = {};
  for (const { name, ttl } of products) {
    if (!ttl) continue;
    ttlMs[name] = (env as unknown as Record<string, number>)[ttl.variable] as number;
  }
  return {
    memoryMaxBytes: env.SIGNALS_MEMORY_CACHE_MAX_BYTES,
    negativeTtlMs: env.SIGNALS_NEGATIVE_CACHE_TTL_MS,
    ttlMs,
    claimTtlMs: env.SIGNALS_STORE_CLAIM_TTL_MS,
    pollIntervalMs: env.SIGNALS_STORE_POLL_INTERVAL_MS,
    staleRetentionMs: env.SIGNALS_STALE_RETENTION_MS,
  };
}
