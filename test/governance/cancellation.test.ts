import { startTestSubgraph, type TestSubgraph } from '../support/harness';
import { simulatorsSettled, waitFor } from '../support/settle';

/** Credeau customers fetched at once per operation (CREDEAU_CONCURRENCY). */
const CONCURRENCY = 16;
/**
 * Each Credeau answer takes this long, so a slot starts its next call only this long after its previous
 * one arrived: an uncancelled operation keeps calling for minutes, a cancelled one goes quiet within
 * one answer.
 */
const LATENCY_MS = 3000;
const CUSTOMERS = 200; // 13 rounds, ~39 s of calls if nothing stops them

describe('a client that disconnects', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({
      MAX_VENDOR_CALLS_PER_OPERATION: '1000',
      CREDEAU_INSIGHTS_MODE: 'sync',
      CREDEAU_CONCURRENCY: String(CONCURRENCY),
      // Neither an attempt nor the operation ends by itself while the test watches: only the abort can.
      CREDEAU_TIMEOUT_MS: '30000',
      OPERATION_TIMEOUT_MS: '120000',
    });
  });
  afterAll(() => subgraph.stop());

  it('aborting an operation of 200 slow customers: the calls under way are the last, no slot starts another', async () => {
    const credeau = subgraph.simulators.credeau;
    credeau.latencyMs = LATENCY_MS;
    credeau.resetCalls();
    try {
      const ids = Array.from({ length: CUSTOMERS }, (_, i) => `cancel-${i}`);
      const query = `{ ${ids.map((id, i) => `c${i}: customerSignals(id: "${id}") { deviceInsights { status } }`).join(' ')} }`;
      const controller = new AbortController();
      const request = fetch(`${subgraph.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
        signal: controller.signal,
      }).catch(() => undefined);
      await waitFor(() => credeau.calls.length >= CONCURRENCY, 'the first round of Credeau calls');
      const callsAtAbort = credeau.calls.length;
      controller.abort();
      await request;
      // Quiet for longer than one answer takes: had the operation gone on, the answers would have freed
      // their slots and further calls would have arrived by now (an uncancelled run never goes quiet).
      await simulatorsSettled([credeau], LATENCY_MS + 1000);

      // At most one call per slot was already on its way when the abort came (a starved machine may
      // record it late); no slot started another.
      expect(credeau.calls.length).toBeLessThanOrEqual(callsAtAbort + CONCURRENCY);
      expect(credeau.calls.length).toBeLessThan(CUSTOMERS);
    } finally {
      credeau.latencyMs = 0;
    }
  });
});
