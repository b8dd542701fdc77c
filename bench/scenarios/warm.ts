import type { Figure } from '../lib/figures';
import { requireCleanLoad, resetVendorCalls, setVendorLatency, settle, type BenchContext } from '../lib/bench-context';
import { callsPerOperation } from '../lib/vendor-fields';
import { runLoad } from '../lib/load';
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
  const load = {
    url: context.server.graphqlUrl,
    connections: COLD_CONNECTIONS,
    body: { kind: 'fixed' as const, body: entitiesBody(entitiesQuery(context.coldFields), ids) },
    timeoutSec: 30,
  };
  requireCleanLoad('warm warm-up', await runLoad({ ...load, durationSec: WARMUP_SEC }));
  await settle(context.simulators);
  const result = await runLoad({ ...load, durationSec: DURATION_SEC });
  requireCleanLoad('warm', result);
  const calls = callsPerOperation(context.coldFields, context.simulators, result.okOperations);
  resetVendorCalls(context.simulators);

  context.details.warm = {
    customersPerOperation: CUSTOMERS_PER_OPERATION,
    connections: COLD_CONNECTIONS,
    durationSec: result.durationSec,
    operations: result.okOperations,
    latencyMs: result.latencyMs,
    vendorCallsPerOperation: calls,
  };
  return [
    { key: 'warm.opsPerSec', scenario: 'warm', label: 'operations/s (same 20 customers)', value: result.opsPerSec, unit: 'ops/s', better: 'higher' },
    { key: 'warm.p50', scenario: 'warm', label: 'p50 latency', value: result.latencyMs.p50, unit: 'ms', better: 'lower' },
    { key: 'warm.p99', scenario: 'warm', label: 'p99 latency', value: result.latencyMs.p99, unit: 'ms', better: 'lower' },
  ];
}
