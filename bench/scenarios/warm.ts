import type { Figure } from '../lib/figures';
import { setVendorLatency, type BenchContext } from '../lib/bench-context';
import { runEntitiesScenario } from '../lib/entities-scenario';
import { entitiesBody, entitiesQuery } from '../lib/operations';
import { ratioToCold, warmVendorCalls } from '../lib/store-figures';
import { COLD_CONNECTIONS, CUSTOMERS_PER_OPERATION } from './cold';

const WARMUP_SEC = 2;
const DURATION_SEC = 10;
/** The target: a warm store makes the cold workload at least this many times faster. */
export const WARM_TARGET_RATIO = 40;

/**
 * warm: the cold workload, but the same 20 customers in every operation. The warm-up's first operation
 * fills the store (one vendor call per customer and field, single flight), so the measured run is
 * level-1 hits: what the store saves is the gap to cold.
 */
export async function warm(context: BenchContext, coldRate: number | undefined): Promise<Figure[]> {
  setVendorLatency(context.simulators, 0);
  const ids = Array.from({ length: CUSTOMERS_PER_OPERATION }, (_, i) => `bench-warm-${i}`);
  const body = entitiesBody(entitiesQuery(context.coldFields), ids);
  const { result, figures, vendorCalls } = await runEntitiesScenario(context, {
    scenario: 'warm',
    throughputLabel: 'operations/s (same 20 customers, store warm)',
    load: () => ({ url: context.server.graphqlUrl, connections: COLD_CONNECTIONS, body: { kind: 'fixed', body }, timeoutSec: 30 }),
    warmupSec: WARMUP_SEC,
    durationSec: DURATION_SEC,
    details: { customersPerOperation: CUSTOMERS_PER_OPERATION },
  });
  return [...figures, ratioToCold('warm', result.opsPerSec, coldRate, WARM_TARGET_RATIO), warmVendorCalls('warm', vendorCalls)];
}
