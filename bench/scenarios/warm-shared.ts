import type { Figure } from '../lib/figures';
import { requireCleanLoad, setVendorLatency, settle, type BenchContext } from '../lib/bench-context';
import { runEntitiesScenario } from '../lib/entities-scenario';
import { runLoad } from '../lib/load';
import { entitiesBody, entitiesQuery } from '../lib/operations';
import { ratioToCold, warmVendorCalls } from '../lib/store-figures';
import { lookupsBetween, storeLookups } from '../lib/store-lookups';
import { COLD_CONNECTIONS, CUSTOMERS_PER_OPERATION } from './cold';

const WARMUP_SEC = 2;
const DURATION_SEC = 10;
/** The target: another replica's stored answers make the cold workload this many times faster. */
export const WARM_SHARED_TARGET_RATIO = 10;
/**
 * The second replica's level-1 budget: the smallest SIGNALS_MEMORY_CACHE_MAX_BYTES admits, below any
 * stored customer's size, so it never keeps one and every operation of the measured run is answered
 * from Redis, as for a replica meeting these customers for the first time (with a normal budget its
 * first operation would fill its own memory and the rest would measure level 1, i.e. warm again).
 */
const SECOND_REPLICA_MEMORY_BYTES = 1024;

/**
 * warm-shared: the first server stores 20 customers (one operation); a second server process on the
 * same Redis, which never saw them, runs the warm workload: level-2 hits (read, decrypt, decode), no
 * vendor call.
 */
export async function warmShared(context: BenchContext, coldRate: number | undefined): Promise<Figure[]> {
  setVendorLatency(context.simulators, 0);
  const ids = Array.from({ length: CUSTOMERS_PER_OPERATION }, (_, i) => `bench-warm-shared-${i}`);
  const body = entitiesBody(entitiesQuery(context.coldFields), ids);
  requireCleanLoad(
    'warm-shared fill (first server)',
    await runLoad({ url: context.server.graphqlUrl, connections: 1, amount: 1, body: { kind: 'fixed', body }, timeoutSec: 30 }),
  );
  await settle(context.simulators);

  const second = await context.startServer({ SIGNALS_MEMORY_CACHE_MAX_BYTES: String(SECOND_REPLICA_MEMORY_BYTES) });
  try {
    let before: Record<string, number> = {};
    const { result, figures, vendorCalls } = await runEntitiesScenario(context, {
      scenario: 'warm-shared',
      throughputLabel: 'operations/s (second server, same Redis, level-2 hits)',
      load: () => ({ url: second.graphqlUrl, connections: COLD_CONNECTIONS, body: { kind: 'fixed', body }, timeoutSec: 30 }),
      warmupSec: WARMUP_SEC,
      durationSec: DURATION_SEC,
      // Counted over the measured run only: the warm-up may meet Redis still connecting.
      beforeMeasured: async () => {
        before = await storeLookups(second.metricsUrl);
      },
      details: { customersPerOperation: CUSTOMERS_PER_OPERATION, secondReplicaMemoryBytes: SECOND_REPLICA_MEMORY_BYTES },
    });
    const lookups = lookupsBetween(before, await storeLookups(second.metricsUrl));
    const total = Object.values(lookups).reduce((sum, count) => sum + count, 0);
    const redisShare = total > 0 ? ((lookups.hit_redis ?? 0) / total) * 100 : 0;
    Object.assign(context.details['warm-shared'] as Record<string, unknown>, { secondServerLookups: lookups, secondServerWarmupLookups: before });
    return [
      ...figures,
      ratioToCold('warm-shared', result.opsPerSec, coldRate, WARM_SHARED_TARGET_RATIO),
      warmVendorCalls('warm-shared', vendorCalls),
      {
        key: 'warm-shared.redisHitShare',
        scenario: 'warm-shared',
        label: "second server's store lookups answered by Redis (level 2), measured run",
        value: redisShare,
        unit: '%',
        target: { text: '= 100 %', pass: redisShare === 100 },
      },
    ];
  } finally {
    await second.stop();
  }
}
