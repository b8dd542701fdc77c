import { latencyFigures, type Figure } from '../lib/figures';
import { requireCleanLoad, setVendorLatency, settle, type BenchContext } from '../lib/bench-context';
import { runLoad } from '../lib/load';
import { entitiesQuery } from '../lib/operations';
import { callsPerOperation } from '../lib/vendor-fields';

/** Every vendor answers in this long; an operation calling them concurrently takes about as long. */
export const FANOUT_VENDOR_LATENCY_MS = 200;
/** The issue's target: p50 at most this many times the vendors' latency. */
const FANOUT_TARGET_RATIO = 1.05;
/**
 * One operation at a time: with several, their vendor answers arrive in lock-step (all wait the same
 * 200 ms) and queue behind each other in the server, which measures queueing, not fan-out.
 */
const CONNECTIONS = 1;
const WARMUP_SEC = 2;
const DURATION_SEC = 12;

/**
 * fanout: one customer, every vendor field, every vendor slow. p50 ÷ vendor latency is 1.0 when the
 * vendors are called concurrently and the subgraph adds nothing; each vendor called in series adds 1.0.
 * Every operation asks for a customer never seen before, so the store misses and every vendor is called.
 */
export async function fanout(context: BenchContext): Promise<Figure[]> {
  setVendorLatency(context.simulators, FANOUT_VENDOR_LATENCY_MS);
  const load = {
    url: context.server.graphqlUrl,
    connections: CONNECTIONS,
    body: { kind: 'fresh-entities' as const, query: entitiesQuery(context.fields), idPrefix: 'bench-fanout', perOperation: 1 },
    timeoutSec: 10,
  };
  // Warm-up (JIT, connection pools, vendor tokens) is not measured.
  requireCleanLoad('fanout warm-up', await runLoad({ ...load, body: { ...load.body, idPrefix: 'bench-fanout-warmup' }, durationSec: WARMUP_SEC }));
  await settle(context.simulators);
  const result = await runLoad({ ...load, durationSec: DURATION_SEC });
  requireCleanLoad('fanout', result);
  setVendorLatency(context.simulators, 0);

  context.details.fanout = {
    vendorLatencyMs: FANOUT_VENDOR_LATENCY_MS,
    connections: CONNECTIONS,
    durationSec: result.durationSec,
    operations: result.okOperations,
    latencyMs: result.latencyMs,
    // 1 per field: every operation is a store miss.
    vendorCallsPerOperation: callsPerOperation(context.fields, context.simulators, result.okOperations),
  };
  return latencyFigures('fanout', result.latencyMs, FANOUT_VENDOR_LATENCY_MS, FANOUT_TARGET_RATIO);
}
