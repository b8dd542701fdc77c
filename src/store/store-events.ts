import type { StoredProduct } from '../config';

/** Where one store lookup was answered: memory, Redis, neither (the vendor was asked), or Redis failed. */
export type LookupResult = 'hit_memory' | 'hit_redis' | 'miss' | 'error';

/** One lookup, labels only: never a key (keys hold customer ids). */
export interface StoreLookupEvent {
  vendor: StoredProduct;
  result: LookupResult;
  durationMs: number;
}

type Listener = (event: StoreLookupEvent) => void;

/**
 * The process-wide fan-out of store lookups (metrics now, tracing later). A listener that throws is
 * isolated: observing a lookup must never fail it.
 */
export class StoreEvents {
  private readonly listeners: Listener[] = [];

  onLookup(listener: Listener): void {
    this.listeners.push(listener);
  }

  lookup(event: StoreLookupEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // An observer's fault is its own.
      }
    }
  }
}
