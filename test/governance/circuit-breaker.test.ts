import { startTestSubgraph, type TestSubgraph } from '../support/harness';

describe('circuit breaker per vendor', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({ CREDEAU_BREAKER_THRESHOLD: '5', CREDEAU_BREAKER_COOLDOWN_MS: '4000', CREDEAU_INSIGHTS_MODE: 'sync' });
  });
  afterAll(() => subgraph.stop());

  const insights = (id: string) => subgraph.query(`{ customerSignals(id: "${id}") { deviceInsights { status } } }`);

  it('vendor hard down: after the threshold, 50 more operations make at most 2 calls; other vendors unaffected; recovers after the cooldown', async () => {
    const credeau = subgraph.simulators.credeau;
    credeau.resetCalls();
    // sim-unavailable answers 500 (not retried by Credeau's policy): one failed attempt per operation.
    for (let i = 0; i < 5; i++) await insights(`sim-unavailable-open-${i}`);
    expect(credeau.calls).toHaveLength(5);

    credeau.resetCalls();
    const opened = await Promise.all(Array.from({ length: 50 }, (_, i) => insights(`sim-unavailable-more-${i}`)));
    expect(credeau.calls.length).toBeLessThanOrEqual(2);
    for (const res of opened) {
      expect(res.data?.customerSignals.deviceInsights).toBeNull();
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'CREDEAU' });
    }
    expect(opened.filter((res) => res.errors?.[0]?.extensions?.circuitOpen === true).length).toBeGreaterThanOrEqual(48);

    const other = await subgraph.query('{ customerSignals(id: "breaker-other") { behaviorSignals { status } } }');
    expect(other.data?.customerSignals.behaviorSignals.status).toBe('COMPLETE');

    await new Promise((resolve) => setTimeout(resolve, 4200));
    const trial = await insights('breaker-recovered-1');
    expect(trial.data?.customerSignals.deviceInsights.status).toBe('COMPLETE');
    const after = await insights('breaker-recovered-2');
    expect(after.data?.customerSignals.deviceInsights.status).toBe('COMPLETE');
  });
});
