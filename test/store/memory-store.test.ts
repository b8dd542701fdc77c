import { ALL_FIVE, callsFor, FIELDS, ONE_EACH, times } from './store-calls';
import { startTestSubgraph, STORE_ON_ENV, type TestSubgraph } from '../support/harness';

/** The signal store without Redis: one subgraph process, level 1 only. */
describe('signal store in process memory', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({ ...STORE_ON_ENV, CREDEAU_INSIGHTS_MODE: 'sync' });
  });
  afterAll(() => subgraph.stop());

  it('answers the same operation twice with one call per vendor; the second is fromCache with the first retrievedAt', async () => {
    const first = await subgraph.query(ALL_FIVE, { id: 'store-twice' });
    const second = await subgraph.query(ALL_FIVE, { id: 'store-twice' });
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    expect(callsFor(subgraph.simulators, 'store-twice')).toEqual(ONE_EACH);
    for (const field of FIELDS) {
      const a = first.data?.customerSignals[field];
      const b = second.data?.customerSignals[field];
      expect(a.fromCache).toBe(false);
      expect(b.fromCache).toBe(true);
      expect(b.retrievedAt).toBe(a.retrievedAt);
    }
    // Served from the compact form: the same features as the vendor's parsed body.
    expect(second.data?.customerSignals.deviceInsights.featureCount).toBe(first.data?.customerSignals.deviceInsights.featureCount);
    expect(second.data?.customerSignals.deviceInsights.feature).toEqual(first.data?.customerSignals.deviceInsights.feature);
  });

  it('calls the vendor again for maxAge: 0, and serves a stored answer younger than maxAge', async () => {
    await subgraph.query(ALL_FIVE, { id: 'store-max-age' });
    const fresh = await subgraph.query(`query { customerSignals(id: "store-max-age") {
      deviceInsights(maxAge: 0) { fromCache } extractedSms(maxAge: 0) { fromCache } finboxPredictors(maxAge: 0) { fromCache }
      credolabScore(maxAge: 0) { fromCache } behaviorSignals(maxAge: 0) { fromCache } } }`);
    expect(fresh.errors).toBeUndefined();
    expect(callsFor(subgraph.simulators, 'store-max-age')).toEqual(times(2));
    for (const field of FIELDS) expect(fresh.data?.customerSignals[field].fromCache).toBe(false);
    const stored = await subgraph.query(`query { customerSignals(id: "store-max-age") {
      deviceInsights(maxAge: 600) { fromCache } finboxPredictors(maxAge: 600) { fromCache } } }`);
    expect(stored.data?.customerSignals).toEqual({ deviceInsights: { fromCache: true }, finboxPredictors: { fromCache: true } });
    expect(callsFor(subgraph.simulators, 'store-max-age')).toEqual(times(2));
  });

  it('refuses a negative maxAge as BAD_USER_INPUT before any vendor call', async () => {
    const res = await subgraph.query('query { customerSignals(id: "store-bad-age") { deviceInsights(maxAge: -1) { status } } }');
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(callsFor(subgraph.simulators, 'store-bad-age').deviceInsights).toBe(0);
  });

  it('makes exactly one call per vendor field for 100 identical concurrent operations on a never-seen customer', async () => {
    for (const simulator of Object.values(subgraph.simulators)) simulator.latencyMs = 100;
    try {
      const answers = await Promise.all(Array.from({ length: 100 }, () => subgraph.query(ALL_FIVE, { id: 'store-burst' })));
      expect(answers.every((res) => res.errors === undefined)).toBe(true);
    } finally {
      for (const simulator of Object.values(subgraph.simulators)) simulator.latencyMs = 0;
    }
    expect(callsFor(subgraph.simulators, 'store-burst')).toEqual(ONE_EACH);
  });

  it('never stores IN_PROGRESS or a vendor error, and never stores a fraud check', async () => {
    const pending = 'query { customerSignals(id: "sim-finbox-never-ready-store") { finboxPredictors { status fromCache } } }';
    expect((await subgraph.query(pending)).data?.customerSignals.finboxPredictors.status).toBe('IN_PROGRESS');
    const before = subgraph.simulators.finbox.calls.length;
    expect((await subgraph.query(pending)).data?.customerSignals.finboxPredictors).toEqual({ status: 'IN_PROGRESS', fromCache: false });
    expect(subgraph.simulators.finbox.calls.length).toBeGreaterThan(before);

    const failing = 'query { customerSignals(id: "sim-unavailable") { credolabScore { status } } }';
    expect((await subgraph.query(failing)).errors?.[0]?.extensions?.code).toBe('VENDOR_UNAVAILABLE');
    const failedCalls = callsFor(subgraph.simulators, 'sim-unavailable').credolabScore;
    expect((await subgraph.query(failing)).errors?.[0]?.extensions?.code).toBe('VENDOR_UNAVAILABLE');
    expect(callsFor(subgraph.simulators, 'sim-unavailable').credolabScore).toBeGreaterThan(failedCalls);

    const fraud = `query { customerSignals(id: "store-fraud") { credolabScore { status fraudCheck(rulesetId: "default", accountCode: "acc-1") { __typename } } } }`;
    const fraudCalls = () => subgraph.simulators.credolab.calls.filter((call) => call.path.includes('/fraud/checks/')).length;
    const start = fraudCalls();
    expect((await subgraph.query(fraud)).errors).toBeUndefined();
    expect((await subgraph.query(fraud)).errors).toBeUndefined();
    expect(fraudCalls() - start).toBe(2);
    // The score beside it was stored: one dataset call for both operations.
    expect(callsFor(subgraph.simulators, 'store-fraud').credolabScore).toBe(1);
  });

  it('keeps "no data" answers, and hints the remaining freshness as a PRIVATE Cache-Control', async () => {
    const notFound = 'query { customerSignals(id: "sim-not-found-store") { deviceInsights { status fromCache } } }';
    await subgraph.query(notFound);
    expect((await subgraph.query(notFound)).data?.customerSignals.deviceInsights).toEqual({ status: 'NOT_FOUND', fromCache: true });

    const response = await fetch(`${subgraph.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query { customerSignals(id: "store-hint") { behaviorSignals { status } deviceInsights { status } } }' }),
    });
    const header = response.headers.get('cache-control') ?? '';
    const match = /^max-age=(\d+), private$/.exec(header);
    expect(match).not.toBeNull();
    // NeuroID's 30 s window is the shortest of the two fields.
    expect(Number(match?.[1])).toBeGreaterThan(20);
    expect(Number(match?.[1])).toBeLessThanOrEqual(30);
  });
});

describe('signal store freshness windows', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({
      CREDEAU_INSIGHTS_MODE: 'sync',
      CREDEAU_INSIGHTS_CACHE_TTL_MS: '300', CREDEAU_SMS_CACHE_TTL_MS: '300', FINBOX_CACHE_TTL_MS: '300',
      CREDOLAB_CACHE_TTL_MS: '300', NEUROID_CACHE_TTL_MS: '300',
    });
  });
  afterAll(() => subgraph.stop());

  it('calls every vendor again once the window has passed', async () => {
    await subgraph.query(ALL_FIVE, { id: 'store-window' });
    expect(callsFor(subgraph.simulators, 'store-window')).toEqual(ONE_EACH);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const later = await subgraph.query(ALL_FIVE, { id: 'store-window' });
    expect(later.errors).toBeUndefined();
    expect(callsFor(subgraph.simulators, 'store-window')).toEqual(times(2));
    for (const field of FIELDS) expect(later.data?.customerSignals[field].fromCache).toBe(false);
  });
});
