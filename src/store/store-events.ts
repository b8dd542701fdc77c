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

type Listener = (event: StoreLookupEvent) => void;
type StaleListener = (event: StaleServedEvent) => void;

/**
 * The process-wide fan-out of store lookups (metrics now, tracing later). A listener that throws is
 * isolated: observing a lookup must never fail it.
 */
export class StoreEvents {
  private readonly listeners: Listener[] = [];
  private readonly staleListeners: StaleListener[] = [];

  onLookup(listener: Listener): void {
    this.listeners.push(listener);
  }

  onStaleServed(listener: StaleListener): void {
    this.staleListeners.push(listener);
  }

  lookup(event: StoreLookupEvent): void {
    notify(this.listeners, event);
  }

  staleServed(event: StaleServedEvent): void {
    notify(this.staleListeners, event);
  }
}

function notify<E>(listeners: ReadonlyArray<(event: E) => void>, event: E): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch {
      // An observer's fault is its own.
    }
  }
}
