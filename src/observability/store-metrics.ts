import { Counter, type Registry } from 'prom-client';
import type { StoreEvents } from '../store/store-events';

/**
 * Signal store series, fed by the process-wide StoreEvents: one count per lookup by vendor, product and where
 * it was answered (hit_memory, hit_redis, miss, error), and one per answer served stale during a vendor
 * failure, by vendor. Labels never carry a key or customer id.
 */
export function registerStoreMetrics(events: StoreEvents, registry: Registry): void {
  const lookups = new Counter({
    name: 'signals_store_lookups_total',
    help: 'Signal store lookups by vendor (its name, as every vendor metric labels it), stored product (its lower-case name) and result: hit_memory, hit_redis, miss (vendor asked), error (Redis failed, vendor asked).',
    labelNames: ['vendor', 'product', 'result'] as const,
    registers: [registry],
  });
  events.onLookup((e) => lookups.inc({ vendor: e.vendor, product: e.product, result: e.result }));
  const staleServed = new Counter({
    name: 'signals_store_stale_served_total',
    help: 'Stored answers served past their freshness window (marked stale) because the vendor failed and the field asked with maxStale, by vendor (its name, as every vendor metric labels it).',
    labelNames: ['vendor'] as const,
    registers: [registry],
  });
  events.onStaleServed((e) => staleServed.inc({ vendor: e.vendor }));
}
