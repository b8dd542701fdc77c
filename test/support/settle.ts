import type { Simulators } from '../../src/simulators';
import type { SimulatorServer } from '../../src/simulators/simulator-server';

const POLL_MS = 50;

/**
 * Polls `check` until it holds, then returns; fails naming `what` after `timeoutMs`. For assertions on a
 * state the system reaches (a call arrived, a claim was released), never on how soon it does: the bound
 * is a generous stop for a broken run, not a performance claim.
 */
export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const stopAt = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() >= stopAt) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/**
 * Resolves once the simulators answer nothing and their recorded calls have not moved for `quietMs`:
 * a call count read after this includes late arrivals (a retry, a poll, a straggler of a flight the
 * answer did not wait for) instead of racing them. Exact counts are asserted after it.
 */
export async function simulatorsSettled(simulators: Simulators | readonly SimulatorServer[], quietMs = 300): Promise<void> {
  const servers: readonly SimulatorServer[] = Array.isArray(simulators) ? simulators : Object.values(simulators);
  const snapshot = () => servers.map((server) => `${server.calls.length}/${server.inFlight}`).join(',');
  let seen = snapshot();
  let quietSince = Date.now();
  await waitFor(() => {
    const now = snapshot();
    if (now !== seen || servers.some((server) => server.inFlight > 0)) {
      seen = now;
      quietSince = Date.now();
      return false;
    }
    return Date.now() - quietSince >= quietMs;
  }, 'the simulators to settle');
}
