import { FanOut } from '../observability/fan-out';
import type { StoredProduct } from '../config';
import type { VendorName } from '../errors';

/** Where one store lookup was answered: memory, Redis, neither (the vendor was asked), or Redis failed. */
export type LookupResult = 'hit_memory' | 'hit_redis' | 'miss' | 'error';

/** One lookup, labels only: never a key (keys hold customer ids). */
export interface StoreLookupEvent {
  /** The vendor's name (`CREDEAU`), as every other metric and span labels it. */
  vendor: VendorName;
  /** Which of the vendor's stored products (`credeau`, `credeau-sms`, ...). */
  product: StoredProduct;
  result: LookupResult;
  durationMs: number;
}

/** A stored answer served past its freshness because its vendor failed and the field asked with `maxStale`. */
export interface StaleServedEvent {
  vendor: VendorName;
  product: StoredProduct;
}

/**
 * The process-wide fan-out of store lookups (metrics now, tracing later). A listener that throws is
 * isolated: observing a lookup must never fail it.
 */
export class StoreEvents {
  private readonly lookups = new FanOut<[StoreLookupEvent]>();
  private readonly staleServes = new FanOut<[StaleServedEvent]>();

  onLookup(listener: (event: StoreLookupEvent) => void): void {
    this.lookups.add(listener);
  }

  onStaleServed(listener: (event: StaleServedEvent) => void): void {
    this.staleServes.add(listener);
  }

  lookup(event: StoreLookupEvent): void {
    this.lookups.emit(event);
  }

  staleServed(event: StaleServedEvent): void {
    this.staleServes.emit(event);
  }
}
