import { errorAt, startTestSubgraph, type TestSubgraph } from '../support/harness';

const INSIGHTS = `query($id: ID!) { customerSignals(id: $id) { id deviceInsights {
  status requestId requestedAt processedAt featureCount feature(name: "all_sms_count_nlp")
  features(names: ["txn_sms_count_nlp", "no_such_feature"]) { name value } } } }`;

describe('Customer.deviceInsights against the Credeau simulator', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph();
  });
  afterAll(() => subgraph.stop());
  beforeEach(() => subgraph.simulators.credeau.resetCalls());

  it('answers status, metadata and features for a customer', async () => {
    const res = await subgraph.query(INSIGHTS, { id: 'cust-1' });
    expect(res.errors).toBeUndefined();
    const insights = res.data?.customerSignals.deviceInsights;
    expect(insights.status).toBe('COMPLETE');
    expect(insights.featureCount).toBeGreaterThan(2900);
    expect(typeof insights.feature === 'number' || insights.feature === null).toBe(true);
    expect(insights.features.map((f: { name: string }) => f.name)).toEqual(['txn_sms_count_nlp']);
    expect(insights.requestedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    expect(insights.requestId).toEqual(expect.any(String));
  });

  it('sends the documented headers and body', async () => {
    await subgraph.query(INSIGHTS, { id: 'cust-headers' });
    const [call] = subgraph.simulators.credeau.callsTo('/api/async_insights');
    expect(call?.headers['x-client-id']).toBe('sim-client');
    expect(call?.headers['x-auth-token']).toBe('sim-token');
    expect(call?.body).toEqual({ user_id: 'cust-headers', client_id: 'sim-client', groupings: ['sms', 'fraud', 'extracted_sms'] });
  });

  it('gives different customers different features, and the same customer the same ones', async () => {
    const q = `{ a: customerSignals(id: "cust-a") { deviceInsights { features { name value } } }
                 b: customerSignals(id: "cust-b") { deviceInsights { features { name value } } }
                 a2: customerSignals(id: "cust-a") { deviceInsights { featureCount } } }`;
    const res = await subgraph.query(q);
    expect(res.errors).toBeUndefined();
    expect(res.data?.a.deviceInsights.features).not.toEqual(res.data?.b.deviceInsights.features);
    expect(subgraph.simulators.credeau.insightCallsFor('cust-a')).toBe(1);
    const again = await subgraph.query(q);
    expect(again.data?.a.deviceInsights.features).toEqual(res.data?.a.deviceInsights.features);
  });

  it('calls no vendor when no vendor field is selected', async () => {
    const res = await subgraph.query('{ customerSignals(id: "cust-quiet") { id } }');
    expect(res.data?.customerSignals.id).toBe('cust-quiet');
    const entities = await subgraph.query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id } } }',
      { r: [{ __typename: 'Customer', id: 'cust-q1' }, { __typename: 'Customer', id: 'cust-q2' }] },
    );
    expect(entities.data?._entities).toHaveLength(2);
    expect(subgraph.simulators.credeau.calls).toHaveLength(0);
  });

  it('fetches 50 representations of 20 distinct customers with exactly 20 calls, each getting its own data', async () => {
    const ids = Array.from({ length: 50 }, (_, i) => `batch-${i % 20}`);
    const res = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id deviceInsights {
         features(names: ["all_sms_count_nlp", "txn_sms_count_nlp", "credit_sms_count_nlp"]) { name value } } } } }`,
      { r: ids.map((id) => ({ __typename: 'Customer', id })) },
    );
    expect(res.errors).toBeUndefined();
    expect(subgraph.simulators.credeau.callsTo('/api/async_insights')).toHaveLength(20);
    const byId = new Map<string, unknown>();
    for (const entity of res.data?._entities ?? []) {
      if (byId.has(entity.id)) expect(entity.deviceInsights).toEqual(byId.get(entity.id));
      byId.set(entity.id, entity.deviceInsights);
    }
    // Each customer's features are the ones the simulator computes for that id, not a neighbour's.
    for (const id of ['batch-0', 'batch-7', 'batch-19']) {
      const single = await subgraph.query(INSIGHTS.replace('features(names: ["txn_sms_count_nlp", "no_such_feature"])', 'features(names: ["all_sms_count_nlp", "txn_sms_count_nlp", "credit_sms_count_nlp"])'), { id });
      expect(single.data?.customerSignals.deviceInsights.features).toEqual((byId.get(id) as { features: unknown }).features);
    }
    expect(new Set([...byId.values()].map((v) => JSON.stringify(v))).size).toBe(20);
  });

  it('polls a 202-twice customer to COMPLETE in three calls', async () => {
    const res = await subgraph.query(INSIGHTS, { id: 'sim-pending-2-e2e' });
    expect(res.data?.customerSignals.deviceInsights.status).toBe('COMPLETE');
    expect(subgraph.simulators.credeau.insightCallsFor('sim-pending-2-e2e')).toBe(3);
  });

  it('maps "user not found" to NOT_FOUND', async () => {
    const res = await subgraph.query(INSIGHTS, { id: 'sim-not-found' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.customerSignals.deviceInsights).toMatchObject({ status: 'NOT_FOUND', featureCount: 0, feature: null });
  });

  it.each(['sim-rate-limited-once-e2e', 'sim-bad-gateway-once-e2e'])('retries %s to success', async (id) => {
    const res = await subgraph.query(INSIGHTS, { id });
    expect(res.errors).toBeUndefined();
    expect(res.data?.customerSignals.deviceInsights.status).toBe('COMPLETE');
    expect(subgraph.simulators.credeau.insightCallsFor(id)).toBe(2);
  });

  it('nulls only the failing customer on a persistent 500 and keeps the others', async () => {
    const res = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id deviceInsights { status featureCount } } } }`,
      { r: ['ok-1', 'sim-unavailable', 'ok-2'].map((id) => ({ __typename: 'Customer', id })) },
    );
    expect(res.data?._entities[0]).toMatchObject({ id: 'ok-1', deviceInsights: { status: 'COMPLETE' } });
    expect(res.data?._entities[1]).toEqual({ id: 'sim-unavailable', deviceInsights: null });
    expect(res.data?._entities[2]).toMatchObject({ id: 'ok-2', deviceInsights: { status: 'COMPLETE' } });
    expect(res.errors).toHaveLength(1);
    expect(errorAt(res, ['_entities', 1, 'deviceInsights'])?.extensions).toEqual({
      code: 'VENDOR_UNAVAILABLE', vendor: 'CREDEAU', retryable: true,
    });
  });

  it.each([
    ['sim-malformed', 'VENDOR_BAD_RESPONSE'],
    ['sim-forbidden', 'VENDOR_UNAUTHORIZED'],
    ['sim-unprocessable', 'VENDOR_BAD_REQUEST'],
    ['sim-other-user', 'VENDOR_BAD_RESPONSE'],
  ])('maps %s to %s', async (id, code) => {
    const res = await subgraph.query(INSIGHTS, { id });
    expect(res.data?.customerSignals.deviceInsights).toBeNull();
    expect(errorAt(res, ['customerSignals', 'deviceInsights'])?.extensions).toMatchObject({ code, vendor: 'CREDEAU' });
    // The message is ours: it never quotes the vendor's body.
    expect(JSON.stringify(res.errors)).not.toMatch(/403 Forbidden|Field required|all_sms_co/);
  });

  it('rejects an id over 64 characters with BAD_USER_INPUT before calling Credeau', async () => {
    const res = await subgraph.query(INSIGHTS, { id: 'x'.repeat(65) });
    expect(errorAt(res, ['customerSignals', 'deviceInsights'])?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const email = await subgraph.query(INSIGHTS, { id: 'jane@example.com' });
    expect(errorAt(email, ['customerSignals', 'deviceInsights'])?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(subgraph.simulators.credeau.calls).toHaveLength(0);
  });
});

describe('Credeau in sync mode', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({ CREDEAU_INSIGHTS_MODE: 'sync' });
  });
  afterAll(() => subgraph.stop());

  it('calls /api/insights once and never polls', async () => {
    const res = await subgraph.query(INSIGHTS, { id: 'sim-pending-2-sync' });
    expect(res.data?.customerSignals.deviceInsights.status).toBe('COMPLETE');
    expect(subgraph.simulators.credeau.callsTo('/api/insights')).toHaveLength(1);
    expect(subgraph.simulators.credeau.callsTo('/api/async_insights')).toHaveLength(0);
  });
});

describe('Credeau with wrong credentials', () => {
  const SECRET = 'super-secret-token-4711';
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph((simulators) => ({
      CREDEAU_BASE_URL: simulators.credeau.url,
      CREDEAU_CLIENT_ID: 'sim-client',
      CREDEAU_AUTH_TOKEN: SECRET,
    }));
  });
  afterAll(() => subgraph.stop());

  it('gives VENDOR_UNAUTHORIZED and never puts the token in an error or a log line', async () => {
    const res = await subgraph.query(INSIGHTS, { id: 'cust-denied' });
    expect(res.data?.customerSignals.deviceInsights).toBeNull();
    expect(errorAt(res, ['customerSignals', 'deviceInsights'])?.extensions).toEqual({
      code: 'VENDOR_UNAUTHORIZED', vendor: 'CREDEAU', retryable: false,
    });
    expect(subgraph.simulators.credeau.callsTo('/api/async_insights')[0]?.headers['x-auth-token']).toBe(SECRET);
    expect(JSON.stringify(res)).not.toContain(SECRET);
    expect(subgraph.logs.length).toBeGreaterThan(0);
    expect(subgraph.logs.join('\n')).not.toContain(SECRET);
    // The simulator's 401 body quotes a request id; it must not reach the client either.
    expect(JSON.stringify(res)).not.toContain('Could not validate credentials');
  });
});

describe('Credeau concurrency bound', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({ CREDEAU_CONCURRENCY: '4' });
    subgraph.simulators.credeau.latencyMs = 100;
  });
  afterAll(() => subgraph.stop());

  it('fetches distinct customers concurrently but never more than CREDEAU_CONCURRENCY at once', async () => {
    subgraph.simulators.credeau.resetCalls();
    const reps = Array.from({ length: 24 }, (_, i) => ({ __typename: 'Customer', id: `conc-${i}` }));
    const res = await subgraph.query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id deviceInsights { status } } } }',
      { r: reps },
    );
    expect(res.errors).toBeUndefined();
    expect(subgraph.simulators.credeau.calls).toHaveLength(24);
    // Concurrent (more than one at once), but bounded: without the limit all 24 would overlap.
    expect(subgraph.simulators.credeau.maxInFlight).toBeGreaterThan(1);
    expect(subgraph.simulators.credeau.maxInFlight).toBeLessThanOrEqual(4);
  });
});

describe('Credeau poll budget', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({ CREDEAU_POLL_INTERVAL_MS: '20', CREDEAU_POLL_TIMEOUT_MS: '300' });
  });
  afterAll(() => subgraph.stop());

  it('answers IN_PROGRESS, not an error, when the customer is never ready within the poll timeout', async () => {
    const res = await subgraph.query(INSIGHTS, { id: 'sim-never-ready-e2e' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.customerSignals.deviceInsights).toMatchObject({ status: 'IN_PROGRESS', featureCount: 0 });
    // 300 ms poll budget / 20 ms interval: it polled, and stopped at the budget rather than running on.
    const calls = subgraph.simulators.credeau.insightCallsFor('sim-never-ready-e2e');
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(16);
  });
});
