import { setTimeout as wait } from 'node:timers/promises';
import { CREDOLAB_SIMULATOR_CREDENTIALS } from '../../src/simulators/credolab/credolab.simulator';
import { errorAt, startTestSubgraph, UNHURRIED_ATTEMPTS_ENV, type GraphQLResponse, type TestSubgraph } from '../support/harness';
import { simulatorsSettled } from '../support/settle';

/**
 * The Credolab token manager, exercised through the whole subgraph against the Credolab simulator on
 * real sockets: every operation below is its own GraphQL request, as concurrent clients would send them.
 */

const SCORE = 'query($ref: String) { customerSignals(id: "c") { credolabScore(referenceNumber: $ref) { status score } } }';

/** `count` operations at once, each for its own dataset. */
function burst(subgraph: TestSubgraph, count: number, prefix: string): Promise<GraphQLResponse[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => subgraph.query(SCORE, { ref: `${prefix}-${i}` })));
}

/**
 * Tokens that expire for real: the first lives TOKEN_LIFETIME_MS and is refreshed REFRESH_MARGIN_MS before
 * that (the manager caps the margin at half the lifetime). Between "refresh due" and "lapsed" lie seconds
 * on either side, so the first operation cannot find its token already due, and the burst after
 * REFRESH_DUE_AFTER_MS cannot find it lapsed (a 401 and a login instead of the refresh), however slow
 * the machine.
 */
const TOKEN_LIFETIME_MS = 10_000;
const REFRESH_MARGIN_MS = 5_000;
const REFRESH_DUE_AFTER_MS = TOKEN_LIFETIME_MS - REFRESH_MARGIN_MS;

/**
 * The first token of a simulator whose tokens live TOKEN_LIFETIME_MS, then long-lived tokens (what the
 * refresh issues needs no second refresh); resolves once that first token is due for refresh.
 */
async function firstTokenDueForRefresh(subgraph: TestSubgraph): Promise<void> {
  const credolab = subgraph.simulators.credolab;
  credolab.tokenLifetimeMs = TOKEN_LIFETIME_MS;
  expectAllComplete([await subgraph.query(SCORE, { ref: 'first' })]);
  // The manager received the token before this answer: its refresh is due at most this long from now.
  const answeredAt = Date.now();
  credolab.tokenLifetimeMs = 3_600_000;
  expect(credolab.loginCount).toBe(1);
  expect(credolab.refreshCount).toBe(0);
  await wait(answeredAt + REFRESH_DUE_AFTER_MS + 100 - Date.now());
}

function expectAllComplete(responses: GraphQLResponse[]): void {
  const failures = responses.filter((res) => res.errors !== undefined || res.data?.customerSignals.credolabScore?.status !== 'COMPLETE');
  expect(failures).toEqual([]);
}

/** Every secret the simulator saw us send: access tokens, refresh tokens and the password. */
function secretsSent(subgraph: TestSubgraph): string[] {
  const secrets = new Set<string>();
  for (const call of subgraph.simulators.credolab.calls) {
    const bearer = /^Bearer (.+)$/.exec(String(call.headers.authorization ?? ''))?.[1];
    if (bearer) secrets.add(bearer);
    const body = (call.body ?? {}) as { refreshToken?: string; password?: string };
    if (body.refreshToken) secrets.add(body.refreshToken);
    if (body.password) secrets.add(body.password);
  }
  return [...secrets];
}

describe('Credolab token manager: single flight', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    // Insight calls are counted exactly: 100 at once from a starved process must not time out into retries.
    subgraph = await startTestSubgraph(UNHURRIED_ATTEMPTS_ENV);
  });
  afterAll(() => subgraph.stop());

  it('logs in exactly once for 100 concurrent operations on a cold start', async () => {
    const credolab = subgraph.simulators.credolab;
    expect(credolab.loginCount).toBe(0);
    const responses = await burst(subgraph, 100, 'cold');
    expectAllComplete(responses);
    await simulatorsSettled([credolab]);
    expect(credolab.loginCount).toBe(1);
    expect(credolab.refreshCount).toBe(0);
    expect(credolab.callsTo('/v6.0/account/login')[0]?.body).toEqual({
      userEmail: CREDOLAB_SIMULATOR_CREDENTIALS.email, password: CREDOLAB_SIMULATOR_CREDENTIALS.password,
    });
  });

  it('keeps using that token: more operations make no login', async () => {
    subgraph.simulators.credolab.resetCalls();
    expectAllComplete(await burst(subgraph, 20, 'warm'));
    await simulatorsSettled([subgraph.simulators.credolab]);
    expect(subgraph.simulators.credolab.loginCount).toBe(0);
    expect(subgraph.simulators.credolab.refreshCount).toBe(0);
  });

  it('after the simulator expires every token, 100 operations succeed with one login between them (401 -> re-login -> retry)', async () => {
    const credolab = subgraph.simulators.credolab;
    credolab.expireAllTokens();
    credolab.resetCalls();
    const responses = await burst(subgraph, 100, 'expired');
    expectAllComplete(responses);
    await simulatorsSettled([credolab]);
    expect(credolab.loginCount + credolab.refreshCount).toBe(1);
    expect(credolab.loginCount).toBe(1);
    // Each operation was refused once with the old token and retried once with the new one.
    expect(credolab.insightCallsFor('expired-0')).toBe(2);
  });

  it('on a 401 that a fresh token does not cure, logs in once, retries once, then gives VENDOR_UNAUTHORIZED', async () => {
    const credolab = subgraph.simulators.credolab;
    credolab.resetCalls();
    const res = await subgraph.query(SCORE, { ref: 'sim-unauthorized-tm' });
    await simulatorsSettled([credolab]);
    expect(res.data?.customerSignals.credolabScore).toBeNull();
    expect(errorAt(res, ['customerSignals', 'credolabScore'])?.extensions).toEqual({
      code: 'VENDOR_UNAUTHORIZED', vendor: 'CREDOLAB', retryable: false,
    });
    expect(credolab.insightCallsFor('sim-unauthorized-tm')).toBe(2);
    expect(credolab.loginCount).toBe(1);
  });

  it('never writes the password or a token into a log line or a response', async () => {
    const secrets = secretsSent(subgraph);
    expect(secrets.length).toBeGreaterThan(2);
    const logs = subgraph.logs.join('\n');
    expect(logs).toContain('logged in');
    for (const secret of secrets) expect(logs).not.toContain(secret);
    expect(logs).not.toContain(CREDOLAB_SIMULATOR_CREDENTIALS.email);
  });
});

describe('Credolab token manager: tokens that really expire', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({ ...UNHURRIED_ATTEMPTS_ENV, CREDOLAB_TOKEN_REFRESH_MARGIN_MS: String(REFRESH_MARGIN_MS) });
  });
  afterAll(() => subgraph.stop());

  it('refreshes once, shortly before .expires, for a burst of operations, and never logs in again', async () => {
    const credolab = subgraph.simulators.credolab;
    await firstTokenDueForRefresh(subgraph);
    credolab.resetCalls();
    expectAllComplete(await burst(subgraph, 50, 'due'));
    await simulatorsSettled([credolab]);
    expect(credolab.refreshCount).toBe(1);
    expect(credolab.loginCount).toBe(0);
    // The refresh carried the refresh token issued at login and no bearer header.
    const [refresh] = credolab.callsTo('/v6.0/account/login/refreshToken');
    expect(refresh?.body).toEqual({ refreshToken: expect.any(String) });
    expect(refresh?.headers.authorization).toBeUndefined();
  });

  it('the simulator refuses a lapsed token (401), so expiry is real', async () => {
    const credolab = subgraph.simulators.credolab;
    // Seconds, so the first call is surely inside the lifetime on a loaded machine; the second is surely past it.
    const lifetimeMs = 4_000;
    credolab.tokenLifetimeMs = lifetimeMs;
    const login = await fetch(`${credolab.url}/v6.0/account/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userEmail: CREDOLAB_SIMULATOR_CREDENTIALS.email, password: CREDOLAB_SIMULATOR_CREDENTIALS.password }),
    });
    const { access_token: token } = (await login.json()) as { access_token: string };
    // Issued before its answer arrived: it has lapsed once lifetimeMs has passed from here.
    const lapsedAt = Date.now() + lifetimeMs;
    credolab.tokenLifetimeMs = 3_600_000;
    const ask = () => fetch(`${credolab.url}/v6.0/datasets/x/datasetinsight`, { headers: { authorization: `Bearer ${token}` } });
    expect((await ask()).status).toBe(200);
    await wait(lapsedAt + 50 - Date.now());
    expect((await ask()).status).toBe(401);
  });
});

describe('Credolab token manager: a failed refresh falls back to a fresh login', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph((simulators) => ({
      CREDOLAB_BASE_URL: simulators.credolab.url,
      CREDOLAB_EMAIL: 'sim-refresh-token-invalid@credolab.test',
      CREDOLAB_PASSWORD: CREDOLAB_SIMULATOR_CREDENTIALS.password,
      CREDOLAB_TOKEN_REFRESH_MARGIN_MS: String(REFRESH_MARGIN_MS),
      ...UNHURRIED_ATTEMPTS_ENV,
    }));
  });
  afterAll(() => subgraph.stop());

  it('tries the refresh once, logs in once, and every operation succeeds', async () => {
    const credolab = subgraph.simulators.credolab;
    await firstTokenDueForRefresh(subgraph);
    credolab.resetCalls();
    expectAllComplete(await burst(subgraph, 30, 'fallback'));
    await simulatorsSettled([credolab]);
    expect(credolab.refreshCount).toBe(1);
    expect(credolab.loginCount).toBe(1);
  });
});

describe.each([
  ['sim-password-invalid@credolab.test'],
  ['sim-user-email-invalid@credolab.test'],
  ['sim-subscription-suspended@credolab.test'],
  ['sim-profile-inactive@credolab.test'],
])('Credolab login rejected for %s', (email) => {
  const PASSWORD = 'correct-horse-battery-staple-91';
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph((simulators) => ({
      CREDOLAB_BASE_URL: simulators.credolab.url,
      CREDOLAB_EMAIL: email,
      CREDOLAB_PASSWORD: PASSWORD,
      ...UNHURRIED_ATTEMPTS_ENV,
    }));
  });
  afterAll(() => subgraph.stop());

  it('gives VENDOR_UNAUTHORIZED to every operation after a single login attempt, without leaking the password', async () => {
    const credolab = subgraph.simulators.credolab;
    const responses = await burst(subgraph, 60, 'denied');
    // Forty customers in one operation: the loader's queued callers share the refusal instead of each logging in.
    const entities = await subgraph.query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { credolabScore { status } } } }',
      { r: Array.from({ length: 40 }, (_, i) => ({ __typename: 'Customer', id: `denied-entity-${i}` })) },
    );
    await simulatorsSettled([credolab]);
    for (const res of responses) {
      expect(res.data?.customerSignals.credolabScore).toBeNull();
      expect(errorAt(res, ['customerSignals', 'credolabScore'])?.extensions).toEqual({
        code: 'VENDOR_UNAUTHORIZED', vendor: 'CREDOLAB', retryable: false,
      });
    }
    expect(entities.errors).toHaveLength(40);
    expect(entities.errors?.every((error) => error.extensions?.code === 'VENDOR_UNAUTHORIZED')).toBe(true);
    expect(credolab.loginCount).toBe(1);
    expect(credolab.callsTo('/v6.0/datasets/denied-0/datasetinsight')).toHaveLength(0);
    const everything = `${subgraph.logs.join('\n')}\n${JSON.stringify(responses)}\n${JSON.stringify(entities)}`;
    expect(everything).not.toContain(PASSWORD);
    expect(everything).not.toContain(email);
  });
});

describe('Credolab login unavailable', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph((simulators) => ({
      CREDOLAB_BASE_URL: simulators.credolab.url,
      CREDOLAB_EMAIL: 'sim-login-unavailable@credolab.test',
      CREDOLAB_PASSWORD: 'whatever-password',
      // Six 503s in a row would open Credolab's circuit (test/governance/circuit-breaker.test.ts covers that).
      CREDOLAB_BREAKER_THRESHOLD: '20',
      ...UNHURRIED_ATTEMPTS_ENV,
    }));
  });
  afterAll(() => subgraph.stop());

  it('retries a 503 login like any call, then gives VENDOR_UNAVAILABLE (an outage is not remembered as a refusal)', async () => {
    const credolab = subgraph.simulators.credolab;
    const first = await subgraph.query(SCORE, { ref: 'outage-1' });
    expect(errorAt(first, ['customerSignals', 'credolabScore'])?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', retryable: true });
    await simulatorsSettled([credolab]);
    expect(credolab.loginCount).toBe(3);
    await subgraph.query(SCORE, { ref: 'outage-2' });
    await simulatorsSettled([credolab]);
    expect(credolab.loginCount).toBe(6);
  });
});
