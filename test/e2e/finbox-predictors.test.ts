import { finboxSalt } from '../../src/datasources/finbox/finbox.salt';
import { FINBOX_SIMULATOR_CREDENTIALS } from '../../src/simulators/finbox/finbox.simulator';
import { predictorsFor } from '../../src/simulators/finbox/finbox.predictors';
import { errorAt, startTestSubgraph, type TestSubgraph } from '../support/harness';

const PREDICTORS = `query($id: ID!, $version: Int) { customerSignals(id: $id) { finboxPredictors(version: $version) {
  status requestId requestedAt processedAt version predictors { name value }
  picked: predictors(names: ["dc_has_salary", "no_such_predictor", "dc_sms_count_30d"]) { name value }
  predictor(name: "dc_app_categories") } } }`;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('Customer.finboxPredictors against the FinBox simulator', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    // A generous poll budget: on a loaded CI machine three quick polls must still end COMPLETE, not
    // IN_PROGRESS. The budget running out is shown separately below.
    subgraph = await startTestSubgraph({ FINBOX_POLL_TIMEOUT_MS: '10000' });
  });
  afterAll(() => subgraph.stop());
  beforeEach(() => subgraph.simulators.finbox.resetCalls());

  const predictors = (id: string, version?: number) => subgraph.query(PREDICTORS, { id, version });
  const callsFor = (id: string) => subgraph.simulators.finbox.predictorCallsFor(id);

  it('answers status, metadata and the predictors FinBox computed for this customer', async () => {
    const res = await predictors('cust-fb-1');
    expect(res.errors).toBeUndefined();
    const result = res.data?.customerSignals.finboxPredictors;
    const expected = predictorsFor('cust-fb-1', 1);
    expect(result).toMatchObject({ status: 'COMPLETE', version: 1, requestId: expect.any(String) });
    expect(result.requestedAt).toMatch(ISO);
    expect(result.processedAt).toMatch(ISO);
    expect(result.predictors).toEqual(expected);
    expect(result.picked.map((p: { name: string }) => p.name)).toEqual(['dc_has_salary', 'dc_sms_count_30d']);
    expect(result.predictor).toEqual(expected.find((p) => p.name === 'dc_app_categories')?.value);
  });

  it('sends x-api-key and {customer_id, version, salt} with the salt FinBox specifies', async () => {
    await predictors('cust-fb-headers');
    const [call] = subgraph.simulators.finbox.callsTo('/risk/predictors');
    expect(call?.headers['x-api-key']).toBe(FINBOX_SIMULATOR_CREDENTIALS.apiKey);
    expect(call?.body).toEqual({
      customer_id: 'cust-fb-headers',
      version: 1,
      salt: finboxSalt('cust-fb-headers', FINBOX_SIMULATOR_CREDENTIALS.serverHash),
    });
  });

  it('asks for the version given, and fetches each (customer, version) once per operation', async () => {
    const res = await subgraph.query(`{ customerSignals(id: "cust-fb-versions") {
      a: finboxPredictors { version predictors { name value } }
      b: finboxPredictors(version: 1) { status }
      c: finboxPredictors(version: 4) { version predictors { name value } } } }`);
    expect(res.errors).toBeUndefined();
    const s = res.data?.customerSignals;
    expect(s.c.version).toBe(4);
    expect(s.c.predictors).toEqual(predictorsFor('cust-fb-versions', 4));
    expect(s.c.predictors).not.toEqual(s.a.predictors);
    expect(callsFor('cust-fb-versions')).toBe(2);
    expect(subgraph.simulators.finbox.calls.map((call) => (call.body as { version: number }).version).sort()).toEqual([1, 4]);
  });

  it('polls a 202-twice customer to COMPLETE in three calls', async () => {
    const res = await predictors('sim-finbox-in-progress-2-e2e');
    expect(res.errors).toBeUndefined();
    expect(res.data?.customerSignals.finboxPredictors.status).toBe('COMPLETE');
    expect(res.data?.customerSignals.finboxPredictors.predictors.length).toBeGreaterThan(20);
    expect(callsFor('sim-finbox-in-progress-2-e2e')).toBe(3);
  });

  it.each([
    ['sim-finbox-no-data', 'NO_DATA'],
    ['sim-finbox-not-found', 'NOT_FOUND'],
  ])('maps %s to %s with no predictors', async (id, status) => {
    const res = await predictors(id);
    expect(res.errors).toBeUndefined();
    expect(res.data?.customerSignals.finboxPredictors).toMatchObject({ status, predictors: [], picked: [], predictor: null });
    expect(callsFor(id)).toBe(1);
  });

  it.each([
    ['sim-finbox-unavailable-once-e2e', 2],
    ['sim-finbox-rate-limited-once-e2e', 2],
  ])('retries %s to success', async (id, calls) => {
    const res = await predictors(id);
    expect(res.errors).toBeUndefined();
    expect(res.data?.customerSignals.finboxPredictors.status).toBe('COMPLETE');
    expect(callsFor(id)).toBe(calls);
  });

  it('nulls only finboxPredictors of the failing customer on a persistent 500, after FinBox\'s two retries', async () => {
    const res = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id
         finboxPredictors { status } extractedSms(first: 1) { totalCount } deviceInsights { status } } } }`,
      { r: ['fb-ok-1', 'sim-finbox-unavailable', 'fb-ok-2'].map((id) => ({ __typename: 'Customer', id })) },
    );
    expect(res.data?._entities[0]).toMatchObject({ id: 'fb-ok-1', finboxPredictors: { status: 'COMPLETE' } });
    expect(res.data?._entities[1]).toMatchObject({
      id: 'sim-finbox-unavailable',
      finboxPredictors: null,
      extractedSms: { totalCount: expect.any(Number) },
      deviceInsights: { status: 'COMPLETE' },
    });
    expect(res.data?._entities[2]).toMatchObject({ id: 'fb-ok-2', finboxPredictors: { status: 'COMPLETE' } });
    expect(res.errors).toHaveLength(1);
    expect(errorAt(res, ['_entities', 1, 'finboxPredictors'])?.extensions).toEqual({
      code: 'VENDOR_UNAVAILABLE', vendor: 'FINBOX', retryable: true,
    });
    expect(callsFor('sim-finbox-unavailable')).toBe(3); // FINBOX_RETRY_DELAYS_MS=5,10: two retries
  });

  it.each([
    ['sim-finbox-rate-limited', 'VENDOR_RATE_LIMITED', 3],
    ['sim-finbox-forbidden', 'VENDOR_UNAUTHORIZED', 1],
    ['sim-finbox-bad-request', 'VENDOR_BAD_REQUEST', 1],
    ['sim-finbox-malformed', 'VENDOR_BAD_RESPONSE', 1],
    ['sim-finbox-other-customer', 'VENDOR_BAD_RESPONSE', 1],
  ])('maps %s to %s after %i call(s)', async (id, code, calls) => {
    const res = await predictors(id);
    expect(res.data?.customerSignals.finboxPredictors).toBeNull();
    expect(errorAt(res, ['customerSignals', 'finboxPredictors'])?.extensions).toMatchObject({ code, vendor: 'FINBOX' });
    expect(callsFor(id)).toBe(calls);
    // The message is ours: it never quotes FinBox's body.
    expect(JSON.stringify(res.errors)).not.toMatch(/Rate limit exceeded|Incorrect API Key|Missing Key|dc_sms_co/);
  });

  it.each([
    ['an e-mail address as id', 'jane@example.com', undefined],
    ['an id over 260 characters', 'x'.repeat(261), undefined],
    ['version 0', 'cust-fb-ok', 0],
  ])('refuses %s with BAD_USER_INPUT before calling FinBox', async (_label, id, version) => {
    const res = await predictors(id, version);
    expect(errorAt(res, ['customerSignals', 'finboxPredictors'])?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', vendor: 'FINBOX' });
    expect(subgraph.simulators.finbox.calls).toHaveLength(0);
  });
});

describe('FinBox poll budget', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({ FINBOX_POLL_INTERVAL_MS: '100', FINBOX_POLL_TIMEOUT_MS: '1000' });
  });
  afterAll(() => subgraph.stop());

  it('answers IN_PROGRESS, not an error, when FinBox is still computing at the poll deadline', async () => {
    const res = await subgraph.query(PREDICTORS, { id: 'sim-finbox-never-ready-e2e' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.customerSignals.finboxPredictors).toMatchObject({ status: 'IN_PROGRESS', predictors: [], predictor: null });
    // 1000 ms budget / 100 ms interval: it polled, and stopped at the budget rather than running on.
    const calls = subgraph.simulators.finbox.predictorCallsFor('sim-finbox-never-ready-e2e');
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(calls).toBeLessThanOrEqual(11);
  });
});

describe('FinBox in live mode against the simulator', () => {
  const withHash = (serverHash: string, apiKey: string = FINBOX_SIMULATOR_CREDENTIALS.apiKey) => (sims: { finbox: { url: string } }) => ({
    // The production base path, as FINBOX_BASE_URL has it: the simulator serves /v2/risk/predictors too.
    FINBOX_BASE_URL: `${sims.finbox.url}/v2`,
    FINBOX_API_KEY: apiKey,
    FINBOX_SERVER_HASH: serverHash,
  });

  it('with the right server hash answers COMPLETE through the configured base path', async () => {
    const subgraph = await startTestSubgraph(withHash(FINBOX_SIMULATOR_CREDENTIALS.serverHash));
    try {
      const res = await subgraph.query(PREDICTORS, { id: 'cust-live' });
      expect(res.errors).toBeUndefined();
      expect(res.data?.customerSignals.finboxPredictors.status).toBe('COMPLETE');
      expect(subgraph.simulators.finbox.calls.map((call) => call.path)).toEqual(['/v2/risk/predictors']);
    } finally {
      await subgraph.stop();
    }
  });

  it('with a wrong server hash sends a salt FinBox rejects: VENDOR_BAD_REQUEST, not retried', async () => {
    const subgraph = await startTestSubgraph(withHash('not-the-server-hash'));
    try {
      const res = await subgraph.query(PREDICTORS, { id: 'cust-wrong-salt' });
      expect(res.data?.customerSignals.finboxPredictors).toBeNull();
      expect(errorAt(res, ['customerSignals', 'finboxPredictors'])?.extensions).toEqual({
        code: 'VENDOR_BAD_REQUEST', vendor: 'FINBOX', retryable: false,
      });
      expect(subgraph.simulators.finbox.calls).toHaveLength(1);
      expect((subgraph.simulators.finbox.calls[0]?.body as { salt: string }).salt).toBe(finboxSalt('cust-wrong-salt', 'not-the-server-hash'));
      expect(JSON.stringify(res)).not.toContain('Invalid salt');
    } finally {
      await subgraph.stop();
    }
  });

  it('with a wrong API key gives VENDOR_UNAUTHORIZED and never puts the key in an error or a log line', async () => {
    const SECRET = 'finbox-secret-key-0815';
    const subgraph = await startTestSubgraph(withHash(FINBOX_SIMULATOR_CREDENTIALS.serverHash, SECRET));
    try {
      const res = await subgraph.query(PREDICTORS, { id: 'cust-denied' });
      expect(errorAt(res, ['customerSignals', 'finboxPredictors'])?.extensions).toEqual({
        code: 'VENDOR_UNAUTHORIZED', vendor: 'FINBOX', retryable: false,
      });
      expect(subgraph.simulators.finbox.calls[0]?.headers['x-api-key']).toBe(SECRET);
      expect(JSON.stringify(res)).not.toContain(SECRET);
      expect(subgraph.logs.length).toBeGreaterThan(0);
      expect(subgraph.logs.join('\n')).not.toContain(SECRET);
      expect(subgraph.logs.join('\n')).not.toContain('not-the-server-hash');
    } finally {
      await subgraph.stop();
    }
  });
});
