import type { Figure } from './figures';
import { requireCleanLoad, requireNoFailures, resetVendorCalls, settle, type BenchContext } from './bench-context';
import { runLoad, type LoadResult, type LoadSpec } from './load';
import { callsFor, callsPerOperation } from './vendor-fields';

export interface EntitiesScenarioOptions {
  scenario: 'cold' | 'warm' | 'warm-shared';
  /** Label of the throughput figure, e.g. "operations/s (same 20 customers)". */
  throughputLabel: string;
  /** The load of each phase; cold gives the warm-up its own never-seen ids. */
  load: (phase: 'warm-up' | 'measured') => Omit<LoadSpec, 'durationSec'>;
  warmupSec: number;
  durationSec: number;
  /** Runs after the warm-up settled, just before the measured run (e.g. to read a counter). */
  beforeMeasured?: () => Promise<void>;
  /** Raw numbers stored under `details.<scenario>`, beside the ones every run records. */
  details?: Record<string, unknown>;
}

/**
 * The shape cold and warm share: a warm-up (JIT, pools), a settle, the measured run, vendor calls per
 * operation, and the throughput and latency figures. Any failed operation fails the scenario.
 */
export async function runEntitiesScenario(
  context: BenchContext,
  options: EntitiesScenarioOptions,
): Promise<{ result: LoadResult; figures: Figure[]; vendorCalls: number }> {
  const { scenario } = options;
  requireNoFailures(`${scenario} warm-up`, await runLoad({ ...options.load('warm-up'), durationSec: options.warmupSec }));
  await settle(context.simulators);
  await options.beforeMeasured?.();
  const result = await runLoad({ ...options.load('measured'), durationSec: options.durationSec });
  requireCleanLoad(scenario, result);
  const calls = callsPerOperation(context.coldFields, context.simulators, result.okOperations);
  const vendorCalls = context.coldFields.reduce((sum, field) => sum + callsFor(field, context.simulators).length, 0);
  resetVendorCalls(context.simulators);

  const measured = options.load('measured');
  context.details[scenario] = {
    connections: measured.connections,
    durationSec: result.durationSec,
    operations: result.okOperations,
    latencyMs: result.latencyMs,
    vendorCallsPerOperation: calls,
    ...options.details,
  };
  return {
    result,
    vendorCalls,
    figures: [
      { key: `${scenario}.opsPerSec`, scenario, label: options.throughputLabel, value: result.opsPerSec, unit: 'ops/s', better: 'higher' },
      { key: `${scenario}.p50`, scenario, label: 'p50 latency', value: result.latencyMs.p50, unit: 'ms', better: 'lower' },
      { key: `${scenario}.p99`, scenario, label: 'p99 latency', value: result.latencyMs.p99, unit: 'ms', better: 'lower' },
    ],
  };
}
