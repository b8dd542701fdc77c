import DataLoader from 'dataloader';
import { mapWithConcurrency } from './http/map-with-concurrency';

/**
 * A vendor product as the rest of the process names it (store keys, metrics): one per kind of answer a
 * vendor gives. Lower case, stable: keys in Redis and dashboards depend on these.
 */
export type VendorProduct = 'credeau' | 'credeau-sms' | 'finbox' | 'credolab' | 'credolab-fraud-check' | 'neuroid';

export interface VendorLoaderOptions<K, V> {
  product: VendorProduct;
  /**
   * The identity of a key within its product: the customer (or reference) plus the arguments that change
   * the vendor's answer. Two keys with the same string are one vendor call.
   */
  cacheKey(key: K): string;
  /** Distinct keys fetched at once (`<VENDOR>_CONCURRENCY`). */
  concurrency: number;
  /** Fetches one key from the vendor. A rejection fails that key only. */
  fetch(key: K): Promise<V>;
}

/**
 * The one place that builds a vendor DataLoader: one per product per operation, so each distinct key is
 * fetched once per operation (aliases and repeated `_entities` representations included) and distinct
 * keys concurrently up to `concurrency`. Cross-cutting concerns (the shared store, call accounting)
 * plug in here once for every vendor.
 */
export function createVendorLoader<K, V>(options: VendorLoaderOptions<K, V>): DataLoader<K, V, string> {
  return new DataLoader<K, V, string>(
    (keys) => mapWithConcurrency(keys, options.concurrency, (key) => options.fetch(key)),
    { cacheKeyFn: (key) => options.cacheKey(key) },
  );
}
