import { VENDORS } from '../../src/vendors/registry';
import { latencyFigures, type Figure } from '../lib/figures';
import { requireCleanLoad, setVendorLatency, settle, type BenchContext } from '../lib/bench-context';
import { runLoad, type LoadSpec } from '../lib/load';
import { entitiesQuery } from '../lib/operations';
import { callsPerOperation, type VendorField } from '../lib/vendor-fields';
import { FANOUT_VENDOR_LATENCY_MS } from './fanout';

/** A router's page of customers: one `_entities` fetch of this many, every vendor field of each. */
export const PAGE_CUSTOMERS = 100;
/** The target: a page costs at most this many vendor latencies at p50. */
export const PAGE_TARGET_RATIO = 1.5;
/** A few pages at once, as a router serving a few users' list views. */
const CONNECTIONS = 2;
/**
 * Pages, one at a time, not seconds: the first ones (JIT, hundreds of new vendor sockets, Credolab's
 * login, the ledger's first data keys) took over 5 s on a busy machine, and with several at once their
 * vendor calls outlasted NeuroID's 5 s timeout and opened its breaker before the measured run began.
 */
const WARMUP_PAGES = 3;
const DURATION_SEC = 15;

/**
 * What a deployment that serves pages of 100 customers sets, and what this scenario's server runs with
 * (its own process, so the other scenarios keep the defaults):
 * - `<VENDOR>_CONCURRENCY` = the page size: a loader fetches all of its distinct customers at once
 *   (the default 16 would call the vendors in 7 waves of 200 ms each);
 * - `<VENDOR>_MAX_CONNECTIONS` = customers x the vendor's fields on one host x connections: every call of
 *   every page in flight gets its own socket to the vendor (Credeau serves two fields from one host);
 * - `MAX_VENDOR_CALLS_PER_OPERATION` = customers x fields (500: the default's value, set so a change of
 *   default or of the field list cannot refuse the page as COST_ESTIMATED_TOO_EXPENSIVE);
 * - `MAX_ENTITIES_PER_OPERATION` = the page size (the default 500 allows it; set for the same reason).
 * Cost's item estimate (representations + 10 SMS edges + 20 NeuroID signals per customer, ~3100) stays
 * under the default MAX_ESTIMATED_RESPONSE_ITEMS (100000).
 */
export function pageServerEnv(fields: readonly VendorField[]): Record<string, string> {
  const env: Record<string, string> = {
    MAX_ENTITIES_PER_OPERATION: String(PAGE_CUSTOMERS),
    MAX_VENDOR_CALLS_PER_OPERATION: String(PAGE_CUSTOMERS * fields.length),
  };
  const mostFieldsOnOneHost = Math.max(...fields.map((field) => fields.filter((other) => other.simulator === field.simulator).length));
  for (const vendor of VENDORS) {
    env[`${vendor.name}_CONCURRENCY`] = String(PAGE_CUSTOMERS);
    env[`${vendor.name}_MAX_CONNECTIONS`] = String(PAGE_CUSTOMERS * mostFieldsOnOneHost * CONNECTIONS);
  }
  return env;
}

/**
 * page: `_entities` of 100 customers never seen before x every vendor field, every vendor at 200 ms.
 * With every call of a page in flight at once, the page costs one vendor latency plus our own work on
 * 100 customers (parse, seal, store, ledger): p50 ÷ 200 ms is how much of that work shows.
 */
export async function page(context: BenchContext): Promise<Figure[]> {
  const server = await context.startServer(pageServerEnv(context.fields));
  setVendorLatency(context.simulators, FANOUT_VENDOR_LATENCY_MS);
  try {
    const load = (idPrefix: string): Omit<LoadSpec, 'durationSec'> => ({
      url: server.graphqlUrl,
      connections: CONNECTIONS,
      body: { kind: 'fresh-entities', query: entitiesQuery(context.fields), idPrefix, perOperation: PAGE_CUSTOMERS },
      timeoutSec: 30,
    });
    requireCleanLoad('page warm-up', await runLoad({ ...load('bench-page-warmup'), connections: 1, amount: WARMUP_PAGES }));
    await settle(context.simulators);
    const result = await runLoad({ ...load('bench-page'), durationSec: DURATION_SEC });
    requireCleanLoad('page', result);
    context.details.page = {
      customersPerOperation: PAGE_CUSTOMERS,
      vendorLatencyMs: FANOUT_VENDOR_LATENCY_MS,
      connections: CONNECTIONS,
      durationSec: result.durationSec,
      operations: result.okOperations,
      latencyMs: result.latencyMs,
      // 100 per field: every customer is a store miss.
      vendorCallsPerOperation: callsPerOperation(context.fields, context.simulators, result.okOperations),
      peakRssMB: Math.round((server.memory().peakRssBytes / (1024 * 1024)) * 10) / 10,
    };
    return [
      { key: 'page.opsPerSec', scenario: 'page', label: `pages/s (${PAGE_CUSTOMERS} customers x ${context.fields.length} fields)`, value: result.opsPerSec, unit: 'ops/s', better: 'higher' },
      ...latencyFigures('page', result.latencyMs, FANOUT_VENDOR_LATENCY_MS, PAGE_TARGET_RATIO),
    ];
  } finally {
    setVendorLatency(context.simulators, 0);
    await server.stop();
  }
}
