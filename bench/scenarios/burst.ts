import type { Figure } from '../lib/figures';
import { requireCleanLoad, resetVendorCalls, setVendorLatency, settle, type BenchContext } from '../lib/bench-context';
import { runLoad } from '../lib/load';
import { sameCustomerTwiceBody } from '../lib/operations';
import { callsFor } from '../lib/vendor-fields';

const OPERATIONS = 100;
/** Slow enough that all 100 operations are in flight together. */
const VENDOR_LATENCY_MS = 200;

/**
 * burst: 100 identical operations at once for a customer never seen before, each asking for it twice
 * (two aliases). The store's single flight joins every operation's lookup to one fetch: 1 vendor call
 * per field, whatever the number of operations and aliases.
 */
export async function burst(context: BenchContext): Promise<Figure[]> {
  setVendorLatency(context.simulators, VENDOR_LATENCY_MS);
  await settle(context.simulators);
  const result = await runLoad({
    url: context.server.graphqlUrl,
    connections: OPERATIONS,
    amount: OPERATIONS,
    body: { kind: 'fixed', body: sameCustomerTwiceBody('bench-burst', context.fields) },
    timeoutSec: 30,
  });
  requireCleanLoad('burst', result);
  setVendorLatency(context.simulators, 0);

  const perField: Record<string, { calls: number; expected: number }> = {};
  let calls = 0;
  let expected = 0;
  for (const field of context.fields) {
    const fieldCalls = callsFor(field, context.simulators).length;
    // Single flight across operations: one fetch per field, however many operations and aliases.
    const fieldExpected = 1;
    calls += fieldCalls;
    expected += fieldExpected;
    perField[field.name] = { calls: fieldCalls, expected: fieldExpected };
  }
  const peakInFlight = Object.fromEntries(Object.entries(context.simulators).map(([name, sim]) => [name, sim.maxInFlight]));
  resetVendorCalls(context.simulators);
  context.details.burst = { operations: result.okOperations, latencyMs: result.latencyMs, perField, peakInFlight };
  const breakdown = context.fields.map((field) => perField[field.name]?.calls ?? 0).join('+');
  return [
    { key: 'burst.operations', scenario: 'burst', label: 'operations answered', value: result.okOperations, unit: '' },
    {
      key: 'burst.vendorCalls',
      scenario: 'burst',
      label: `vendor calls (${breakdown})`,
      value: calls,
      unit: '',
      target: { text: `= ${expected}: 1 per field`, pass: calls === expected },
    },
    { key: 'burst.p50', scenario: 'burst', label: `p50 latency (vendors at ${VENDOR_LATENCY_MS} ms)`, value: result.latencyMs.p50, unit: 'ms', better: 'lower' },
  ];
}
