import { startTestSubgraph, type TestSubgraph } from '../support/harness';

describe('a client that disconnects', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({ MAX_VENDOR_CALLS_PER_OPERATION: '1000', CREDEAU_INSIGHTS_MODE: 'sync', CREDEAU_TIMEOUT_MS: '5000' });
  });
  afterAll(() => subgraph.stop());

  it('aborting an operation of 200 slow customers: vendor calls stop within 1 s of the abort', async () => {
    const credeau = subgraph.simulators.credeau;
    credeau.latencyMs = 500; // 200 customers, 16 at a time: ~7 s of calls if nothing stops them
    credeau.resetCalls();
    const ids = Array.from({ length: 200 }, (_, i) => `cancel-${i}`);
    const query = `{ ${ids.map((id, i) => `c${i}: customerSignals(id: "${id}") { deviceInsights { status } }`).join(' ')} }`;
    const controller = new AbortController();
    const request = fetch(`${subgraph.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
      signal: controller.signal,
    }).catch(() => undefined);
    while (credeau.calls.length < 16) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 600));
    const abortedAt = Date.now();
    controller.abort();
    await request;
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const last = Math.max(...credeau.calls.map((call) => call.at));
    expect(last).toBeLessThanOrEqual(abortedAt + 1000);
    expect(credeau.calls.length).toBeLessThan(100);
    credeau.latencyMs = 0;
  });
});
