import DataLoader from 'dataloader';
import type { ProductName } from '../config';
import type { VendorName } from '../errors';
import type { Fetched, SignalStore, StoreAnswer } from '../store/signal-store';
import type { StoreDescriptor } from '../store/store-descriptor';
import type { StoreKeyParts } from '../store/store-keys';
import type { Freshness } from '../store/stored-entry';
import type { Deadline } from './http/deadline';
import { mapWithConcurrency } from './http/map-with-concurrency';
import { captureExchange } from './http/exchange-capture';
import type { EvidenceGap, EvidenceSink, EvidenceStamp } from './evidence-sink';

/** A product as its vendor's descriptor declares it (`products`): store keys, metrics and evidence name it. */
export type VendorProduct = ProductName;

/** Which vendor answer a value came from and whose signals it is: what `evidenceId` and the access log read. */
export interface Provenance {
  /** The evidence ledger's id of the vendor answer; undefined when there is none (see `evidenceGap`). */
  evidenceId: string | undefined;
  /** Why there is no `evidenceId`; undefined when there is one. */
  evidenceGap: EvidenceGap | undefined;
  /** The customer whose signals these are (never sent to clients: no field reads it). */
  customerId: string;
}

/** An answer as loaders hand it to resolvers: the vendor's value with where it came from and how fresh it is. */
export type WithFreshness<V> = V & Freshness & Provenance;

/** How a product's answers become evidence: whose they are and which arguments shaped them. */
export interface EvidenceOptions<K> {
  /** The ledger (through the loader seam, once for every vendor). */
  sink: EvidenceSink;
  /** The customer a key's answer is about. */
  customerId(key: K): string;
  /** The arguments of a key that changed the vendor's answer (sealed in the ledger with the body). */
  arguments(key: K): Record<string, unknown>;
}

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
  vendor: VendorName;
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
  /** Required for every product, stored or not: every vendor answer used is evidence. */
  evidence: EvidenceOptions<K>;
}

/**
 * The one place that builds a vendor DataLoader: one per product per operation, so each distinct key is
 * fetched once per operation (aliases and repeated `_entities` representations included) and distinct
 * keys concurrently up to `concurrency`. The shared store plugs in here, once for every vendor: a
 * product with a descriptor and a non-zero window is looked up in memory and Redis first and fetched
 * once across operations and replicas.
 */
export function createVendorLoader<K, V extends object>(options: VendorLoaderOptions<K, V>): DataLoader<K, WithFreshness<V>, string> {
  const { stored, deadline, evidence } = options;
  const fetchWithEvidence = async (key: K, budget: Deadline): Promise<Fetched<V>> => {
    const fetchStartedAt = Date.now();
    const { value, exchange } = await captureExchange(() => options.fetch(key, budget));
    const stamp = await evidence.sink.stamp({
      vendor: options.vendor,
      product: options.product,
      customerId: evidence.customerId(key),
      arguments: evidence.arguments(key),
      exchange,
      retrievedAt: Date.now(),
      fetchStartedAt,
    });
    return { value, evidence: stamp, fetchStartedAt };
  };
  const loadOne =
    stored && stored.store.ttlFor(stored.descriptor.product) > 0
      ? async (key: K): Promise<WithFreshness<V>> => {
          const name = stored.store.keys.entry(stored.descriptor.product, stored.storeKeyOf(key));
          const answer: StoreAnswer<V> = await stored.store.load(
            stored.descriptor, name, { maxAgeMs: stored.maxAgeMs(key), maxStaleMs: stored.maxStaleMs(key) },
            (budget) => fetchWithEvidence(key, budget), deadline,
          );
          const { entry, fromCache, stale } = answer;
          // A stale answer is fresh for no one: no cache may keep it.
          const freshUntil = stale ? Date.now() : entry.expiresAt;
          return {
            ...entry.value, retrievedAt: new Date(entry.retrievedAt), fromCache, stale, freshUntil,
            ...provenanceOf(answer.evidence, evidence.customerId(key)),
          };
        }
      : async (key: K): Promise<WithFreshness<V>> => {
          const fetched = await fetchWithEvidence(key, deadline);
          const now = Date.now();
          return {
            ...fetched.value, retrievedAt: new Date(now), fromCache: false, stale: false, freshUntil: now,
            ...provenanceOf(fetched.evidence, evidence.customerId(key)),
          };
        };
  return new DataLoader<K, WithFreshness<V>, string>(
    (keys) => mapWithConcurrency(keys, options.concurrency, loadOne),
    { cacheKeyFn: (key) => options.cacheKey(key) },
  );
}

function provenanceOf(stamp: EvidenceStamp, customerId: string): Provenance {
  return 'evidenceId' in stamp
    ? { evidenceId: stamp.evidenceId, evidenceGap: undefined, customerId }
    : { evidenceId: undefined, evidenceGap: stamp.gap, customerId };
}
