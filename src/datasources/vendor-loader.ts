import DataLoader from 'dataloader';
import type { SignalStore } from '../store/signal-store';
import type { StoreDescriptor } from '../store/store-descriptor';
import type { StoreKeyParts } from '../store/store-keys';
import type { Freshness } from '../store/stored-entry';
import type { Deadline } from './http/deadline';
import { mapWithConcurrency } from './http/map-with-concurrency';

/**
 * A vendor product as the rest of the process names it (store keys, metrics): one per kind of answer a
 * vendor gives. Lower case, stable: keys in Redis and dashboards depend on these.
 */
export type VendorProduct = 'credeau' | 'credeau-sms' | 'finbox' | 'credolab' | 'credolab-fraud-check' | 'neuroid';

/** An answer as loaders hand it to resolvers: the vendor's value with where it came from and how fresh it is. */
export type WithFreshness<V> = V & Freshness;

/** How a product's answers go through the shared store. */
export interface StoredLoaderOptions<K, V> {
  store: SignalStore;
  descriptor: StoreDescriptor<V>;
  /** The key's place in the store: the customer and the arguments that change the vendor's answer. */
  storeKeyOf(key: K): StoreKeyParts;
  /** How old a stored answer this key accepts (the field's `maxAge`); undefined = the product's window. */
  maxAgeMs(key: K): number | undefined;
  /**
   * How long past its window a settled stored answer may be served, marked stale, when the vendor fails
   * (the field's `maxStale`); undefined = never. Part of the loader's `cacheKey`, never of the store key.
   */
  maxStaleMs(key: K): number | undefined;
}

export interface VendorLoaderOptions<K, V extends object> {
  product: VendorProduct;
  /**
   * The identity of a key within its product: the customer (or reference) plus the arguments that change
   * the vendor's answer (and the accepted age and staleness: two fields differing only in those are two
   * loads, sharing one vendor call through the store). Two keys with the same string are one load.
   */
  cacheKey(key: K): string;
  /** Distinct keys fetched at once (`<VENDOR>_CONCURRENCY`). */
  concurrency: number;
  /** The operation's deadline: what each caller waits on. */
  deadline: Deadline;
  /**
   * Fetches one key from the vendor within `deadline` (the operation's, or the budget of a fetch shared
   * with other operations). A rejection fails that key only and is never stored.
   */
  fetch(key: K, deadline: Deadline): Promise<V>;
  /** Omitted for products never stored (Credolab's fraud check). */
  stored?: StoredLoaderOptions<K, V>;
}

/**
 * The one place that builds a vendor DataLoader: one per product per operation, so each distinct key is
 * fetched once per operation (aliases and repeated `_entities` representations included) and distinct
 * keys concurrently up to `concurrency`. The shared store plugs in here, once for every vendor: a
 * product with a descriptor and a non-zero window is looked up in memory and Redis first and fetched
 * once across operations and replicas.
 */
export function createVendorLoader<K, V extends object>(options: VendorLoaderOptions<K, V>): DataLoader<K, WithFreshness<V>, string> {
  const { stored, deadline } = options;
  const loadOne =
    stored && stored.store.ttlFor(stored.descriptor.product) > 0
      ? async (key: K): Promise<WithFreshness<V>> => {
          const name = stored.store.keys.entry(stored.descriptor.product, stored.storeKeyOf(key));
          const { entry, fromCache, stale } = await stored.store.load(
            stored.descriptor, name, { maxAgeMs: stored.maxAgeMs(key), maxStaleMs: stored.maxStaleMs(key) },
            (budget) => options.fetch(key, budget), deadline,
          );
          // A stale answer is fresh for no one: no cache may keep it.
          const freshUntil = stale ? Date.now() : entry.expiresAt;
          return { ...entry.value, retrievedAt: new Date(entry.retrievedAt), fromCache, stale, freshUntil };
        }
      : async (key: K): Promise<WithFreshness<V>> => {
          const value = await options.fetch(key, deadline);
          const now = Date.now();
          return { ...value, retrievedAt: new Date(now), fromCache: false, stale: false, freshUntil: now };
        };
  return new DataLoader<K, WithFreshness<V>, string>(
    (keys) => mapWithConcurrency(keys, options.concurrency, loadOne),
    { cacheKeyFn: (key) => options.cacheKey(key) },
  );
}
