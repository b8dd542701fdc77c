import type { Figure } from '../lib/figures';
import { setVendorLatency, type BenchContext } from '../lib/bench-context';
import { runEntitiesScenario } from '../lib/entities-scenario';
import { entitiesBody, entitiesQuery } from '../lib/operations';
import { COLD_CONNECTIONS, CUSTOMERS_PER_OPERATION } from './cold';

const WARMUP_SEC = 2;
const DURATION_SEC = 10;

/**
 * warm: the cold workload, but the same 20 customers in every operation. Today it costs what cold
 * costs (nothing is cached across operations); a shared cache would show here as the gap to cold.
 */
export async function warm(context: BenchContext): Promise<Figure[]> {
  setVendorLatency(context.simulators, 0);
  const ids = Array.from({ length: CUSTOMERS_PER_OPERATION }, (_, i) => `bench-warm-${i}`);
  const body = entitiesBody(entitiesQuery(context.coldFields), ids);
  const { figures } = await runEntitiesScenario(context, {
    scenario: 'warm',
    throughputLabel: 'operations/s (same 20 customers)',
    load: () => ({ url: context.server.graphqlUrl, connections: COLD_CONNECTIONS, body: { kind: 'fixed', body }, timeoutSec: 30 }),
    warmupSec: WARMUP_SEC,
    durationSec: DURATION_SEC,
    details: { customersPerOperation: CUSTOMERS_PER_OPERATION },
  });
  return figures;
}
