import { NEUROID_SIMULATOR_CREDENTIALS } from '../../src/simulators/neuroid/neuroid.simulator';
import { errorAt, startTestSubgraph, type TestSubgraph } from '../support/harness';

const SIGNALS = `query($id: ID!, $site: String) { customerSignals(id: $id) { id behaviorSignals(siteId: $site) {
  status profileId siteId funnel clientId interactionAttributes
  signals { model label score attributes }
  intent: signal(model: "combined_digital_intent") { model label score }
  familiarity: signal(model: "familiarity") { label score attributes }
  missing: signal(model: "no_such_model") { label } } } }`;

describe('Customer.behaviorSignals against the NeuroID simulator', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph();
  });
  afterAll(() => subgraph.stop());
  beforeEach(() => subgraph.simulators.neuroid.resetCalls());

  it('answers a genuine profile on the default site, with the documented path and API-KEY header', async () => {
    const res = await subgraph.query(SIGNALS, { id: 'example-response-1' });
    expect(res.errors).toBeUndefined();
    const signals = res.data?.customerSignals.behaviorSignals;
    expect(signals).toMatchObject({
      status: 'COMPLETE', profileId: 'example-response-1', siteId: NEUROID_SIMULATOR_CREDENTIALS.siteId,
      funnel: 'loan_application', clientId: expect.any(String), missing: null,
      intent: { model: 'combined_digital_intent', label: 'genuine', score: 0 },
      interactionAttributes: expect.objectContaining({ interaction_time_ms: expect.any(Number) }),
    });
    expect(signals.signals).toHaveLength(5);
    expect(signals.familiarity.attributes).toEqual(expect.objectContaining({ other__timing__feature_4: null }));
    const [call] = subgraph.simulators.neuroid.calls;
    expect(call?.path).toBe(`/v4.1/sites/${NEUROID_SIMULATOR_CREDENTIALS.siteId}/profiles/example-response-1`);
    expect(call?.headers['api-key']).toBe(NEUROID_SIMULATOR_CREDENTIALS.apiKey);
  });

  it('finds a signal by model whatever position NeuroID sends it in', async () => {
    const risky = await subgraph.query(SIGNALS, { id: 'example-response-2' });
    const signals = risky.data?.customerSignals.behaviorSignals;
    expect(signals.intent).toEqual({ model: 'combined_digital_intent', label: 'risky', score: 1 });
    const byModel = signals.signals.find((s: { model: string }) => s.model === 'combined_digital_intent');
    expect(byModel).toMatchObject(signals.intent);
    // The simulator shuffles per id; across these ids the model is not always in the same place.
    const positions = new Set<number>();
    for (const id of ['pos-a', 'pos-b', 'pos-c', 'pos-d', 'pos-e', 'pos-f']) {
      const res = await subgraph.query(SIGNALS, { id });
      const list = res.data?.customerSignals.behaviorSignals.signals as Array<{ model: string }>;
      positions.add(list.findIndex((s) => s.model === 'combined_digital_intent'));
      expect(res.data?.customerSignals.behaviorSignals.intent.label).toBe('genuine');
    }
    expect(positions.size).toBeGreaterThan(1);
  });

  it('reads another site with an explicit siteId, fetching each (site, customer) once per operation', async () => {
    const res = await subgraph.query(`{ customerSignals(id: "cust-sites") {
      a: behaviorSignals { siteId } b: behaviorSignals(siteId: "form_neuro100") { siteId }
      c: behaviorSignals(siteId: "form_neuro200") { siteId status } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data?.customerSignals.c).toEqual({ siteId: 'form_neuro200', status: 'COMPLETE' });
    expect(subgraph.simulators.neuroid.callsTo('/v4.1/sites/form_neuro100/profiles/cust-sites')).toHaveLength(1);
    expect(subgraph.simulators.neuroid.callsTo('/v4.1/sites/form_neuro200/profiles/cust-sites')).toHaveLength(1);
  });

  it('maps NOT_ENOUGH_INTERACTION_DATA to INSUFFICIENT_DATA, keeping the signals and their null scores', async () => {
    const res = await subgraph.query(SIGNALS, { id: 'sim-insufficient-data' });
    expect(res.errors).toBeUndefined();
    const signals = res.data?.customerSignals.behaviorSignals;
    expect(signals.status).toBe('INSUFFICIENT_DATA');
    expect(signals.signals).toHaveLength(5);
    expect(signals.familiarity).toMatchObject({ label: 'insufficient data', score: null });
    expect(signals.signals.filter((s: { score: number | null }) => s.score !== null).length).toBeGreaterThan(0);
  });

  it.each([
    ['sim-site-not-configured', undefined, 'NOT_CONFIGURED'],
    ['cust-on-unconfigured-site', 'form_unconfigured', 'NOT_CONFIGURED'],
    ['sim-profile-not-found', undefined, 'NOT_FOUND'],
    ['cust-on-unknown-site', 'form_nobody', 'NOT_FOUND'],
  ])('maps %s (site %s) to status %s with no signals', async (id, site, status) => {
    const res = await subgraph.query(SIGNALS, { id, site });
    expect(res.errors).toBeUndefined();
    expect(res.data?.customerSignals.behaviorSignals).toMatchObject({ status, profileId: id, signals: [], intent: null });
  });

  it.each([
    ['sim-missing-api-key', 'VENDOR_UNAUTHORIZED'],
    ['sim-unauthorized-access', 'VENDOR_UNAUTHORIZED'],
    ['sim-unauthorized-api-key', 'VENDOR_UNAUTHORIZED'],
    ['sim-access-denied', 'VENDOR_UNAUTHORIZED'],
    ['sim-bad-request', 'VENDOR_BAD_REQUEST'],
    ['sim-missing-required-query-parameter', 'VENDOR_BAD_REQUEST'],
    ['sim-not-acceptable', 'VENDOR_BAD_REQUEST'],
    ['sim-not-found', 'VENDOR_BAD_REQUEST'],
    ['sim-malformed', 'VENDOR_BAD_RESPONSE'],
    ['sim-other-profile', 'VENDOR_BAD_RESPONSE'],
  ])('maps %s to %s, called once, without quoting the vendor', async (id, code) => {
    const res = await subgraph.query(SIGNALS, { id });
    expect(res.data?.customerSignals).toEqual({ id, behaviorSignals: null });
    expect(errorAt(res, ['customerSignals', 'behaviorSignals'])?.extensions).toEqual({
      code, vendor: 'NEUROID', retryable: false,
    });
    expect(subgraph.simulators.neuroid.profileCallsFor(id)).toBe(1);
    expect(JSON.stringify(res.errors)).not.toMatch(/docs\.neuro-id|API key is|malformed|someone-else|famil/);
  });

  it('refuses a site whose key is not ours (UNAUTHORIZED_API_KEY from the real check)', async () => {
    const res = await subgraph.query(SIGNALS, { id: 'cust-1', site: 'form_neuro400' });
    expect(errorAt(res, ['customerSignals', 'behaviorSignals'])?.extensions).toMatchObject({ code: 'VENDOR_UNAUTHORIZED', vendor: 'NEUROID' });
  });

  it('retries 500 UNKNOWN_ERROR to success', async () => {
    const res = await subgraph.query(SIGNALS, { id: 'sim-unknown-error-once-e2e' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.customerSignals.behaviorSignals.status).toBe('COMPLETE');
    expect(subgraph.simulators.neuroid.profileCallsFor('sim-unknown-error-once-e2e')).toBe(2);
  });

  it('gives VENDOR_UNAVAILABLE after retrying a persistent 500, nulling only that customer', async () => {
    const res = await subgraph.query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id behaviorSignals { status } } } }',
      { r: ['ok-one', 'sim-unknown-error', 'ok-two'].map((id) => ({ __typename: 'Customer', id })) },
    );
    expect(res.data?._entities).toEqual([
      { id: 'ok-one', behaviorSignals: { status: 'COMPLETE' } },
      { id: 'sim-unknown-error', behaviorSignals: null },
      { id: 'ok-two', behaviorSignals: { status: 'COMPLETE' } },
    ]);
    expect(errorAt(res, ['_entities', 1, 'behaviorSignals'])?.extensions).toEqual({ code: 'VENDOR_UNAVAILABLE', vendor: 'NEUROID', retryable: true });
    expect(subgraph.simulators.neuroid.profileCallsFor('sim-unknown-error')).toBe(3);
  });

  it.each([
    ['a customer id with "/"', 'abc/../../other', undefined],
    ['a customer id of ".."', '..', undefined],
    ['a customer id with a space', 'has space', undefined],
    ['an e-mail as customer id', 'jane@example.com', undefined],
    ['a customer id too short', 'ab', undefined],
    ['a siteId with "/"', 'cust-ok', 'form_neuro100/profiles'],
    ['a siteId of ".."', 'cust-ok', '..'],
    ['a siteId with a space', 'cust-ok', 'form neuro100'],
  ])('rejects %s with BAD_USER_INPUT before any call', async (_what, id, site) => {
    const res = await subgraph.query(SIGNALS, { id, site });
    expect(res.data?.customerSignals.behaviorSignals).toBeNull();
    const error = errorAt(res, ['customerSignals', 'behaviorSignals']);
    expect(error?.extensions).toEqual({ code: 'BAD_USER_INPUT', retryable: false, vendor: 'NEUROID' });
    expect(error?.message).not.toContain(id === 'cust-ok' ? String(site) : id);
    expect(subgraph.simulators.neuroid.calls).toHaveLength(0);
  });
});

describe('NeuroID with a wrong API key', () => {
  const SECRET = 'neuroid-secret-key-5150';
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph((simulators) => ({
      NEUROID_BASE_URL: simulators.neuroid.apiBaseUrl,
      NEUROID_API_KEY: SECRET,
      NEUROID_SITE_ID: 'form_neuro300',
    }));
  });
  afterAll(() => subgraph.stop());

  it('gives VENDOR_UNAUTHORIZED and never puts the key in an error or a log line', async () => {
    const res = await subgraph.query(SIGNALS, { id: 'cust-denied' });
    expect(errorAt(res, ['customerSignals', 'behaviorSignals'])?.extensions).toEqual({
      code: 'VENDOR_UNAUTHORIZED', vendor: 'NEUROID', retryable: false,
    });
    const [call] = subgraph.simulators.neuroid.calls;
    expect(call?.path).toBe('/v4.1/sites/form_neuro300/profiles/cust-denied');
    expect(call?.headers['api-key']).toBe(SECRET);
    expect(subgraph.logs.length).toBeGreaterThan(0);
    expect(subgraph.logs.join('\n')).not.toContain(SECRET);
    expect(JSON.stringify(res)).not.toContain(SECRET);
  });
});
