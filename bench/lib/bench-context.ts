import type { Simulators } from '../../src/simulators';
import type { StoreKeys } from '../../src/store/store-keys';
import type { LoadResult } from './load';
import type { RedisProcess } from './redis-process';
import type { ServerProcess } from './server-process';
import type { VendorField } from './vendor-fields';

/** What every scenario gets from the runner. */
export interface BenchContext {
  simulators: Simulators;
  server: ServerProcess;
  /** The bench's own redis-server (a free port, never the machine's 6379): the store's level 2. */
  redis: RedisProcess;
  /** The servers' key names (same SIGNALS_STORE_KEY): where a customer's entry lives in the bench's Redis. */
  storeKeys: StoreKeys;
  /** Another server process with the same environment (same Redis, same store key), plus `env`. */
  startServer(env?: Record<string, string>): Promise<ServerProcess>;
  /** Every vendor field (fanout, burst). */
  fields: readonly VendorField[];
  /** The cold/warm selection. */
  coldFields: readonly VendorField[];
  /** The server's resident size once started, before any load: the floor memory figures stand on. */
  idleRssBytes: number;
  /** Scenarios put their raw numbers here; they land in latest.json under `details`. */
  details: Record<string, unknown>;
}

/** Every simulator answers after `ms` (the vendors' own latency, modelled). */
export function setVendorLatency(simulators: Simulators, ms: number): void {
  for (const simulator of Object.values(simulators)) simulator.latencyMs = ms;
}

/** Forgets recorded calls, so counts start at zero and a long run does not grow the runner's memory. */
export function resetVendorCalls(simulators: Simulators): void {
  for (const simulator of Object.values(simulators)) simulator.resetCalls();
}

const QUIET_FOR_MS = 500;
const QUIET_WITHIN_MS = 30_000;

/**
 * When a load stops, the server is still working on the operations its closed connections asked for,
 * and those keep calling vendors. Waits until no vendor call arrived for a while, so one scenario's
 * stragglers are neither counted in the next nor compete with it for the CPU.
 */
export async function waitForVendorsQuiet(simulators: Simulators): Promise<void> {
  const total = () => Object.values(simulators).reduce((sum, simulator) => sum + simulator.calls.length, 0);
  const giveUpAt = Date.now() + QUIET_WITHIN_MS;
  let seen = total();
  let quietSince = Date.now();
  while (Date.now() - quietSince < QUIET_FOR_MS) {
    if (Date.now() > giveUpAt) throw new Error(`vendor calls still arriving ${QUIET_WITHIN_MS} ms after the load stopped`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const now = total();
    if (now !== seen) {
      seen = now;
      quietSince = Date.now();
    }
  }
}

/**
 * A figure measured over failing operations would be a figure about errors, so any error fails the
 * scenario (and the run), with the first GraphQL error's code to say why.
 */
export function requireCleanLoad(scenario: string, result: LoadResult): void {
  const failures = result.graphqlErrors + result.non2xx + result.socketErrors;
  if (failures === 0 && result.okOperations > 0) return;
  throw new Error(
    `${scenario}: ${result.okOperations} good operations, ${result.graphqlErrors} with GraphQL errors, ` +
      `${result.non2xx} non-2xx, ${result.socketErrors} socket errors (${result.timeouts} timeouts)` +
      (result.firstGraphqlError ? `; first error: ${result.firstGraphqlError}` : ''),
  );
}

/**
 * A warm-up's failed operation fails the run as any other, but a warm-up that finished none is not a
 * failure: on a loaded machine the first operations of 20 fresh customers each (JIT, pools, the ledger's
 * first keys) outlast a few seconds, and the measured run that follows still requires good operations.
 */
export function requireNoFailures(scenario: string, result: LoadResult): void {
  if (result.graphqlErrors + result.non2xx + result.socketErrors === 0) return;
  requireCleanLoad(scenario, result);
}

/** Between runs: let the previous load's stragglers finish, then start counting calls from zero. */
export async function settle(simulators: Simulators): Promise<void> {
  await waitForVendorsQuiet(simulators);
  resetVendorCalls(simulators);
}
