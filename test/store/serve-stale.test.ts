import { Redis } from 'ioredis';
import { newStoreKey, readyRedisState, storeSettled, until } from './redis-support';
import { createMetricsRegistry } from '../../src/observability/metrics-registry';
import { registerStoreMetrics } from '../../src/observability/store-metrics';
import { startTestSubgraph, STORE_ON_ENV, type GraphQLResponse, type TestSubgraph } from '../support/harness';
import { RedisProcess } from '../support/redis-process';

/** A short freshness window, so the test can get past it; waited for by polling, never by a fixed sleep. */
const WINDOW_MS = 1000;
const CUSTOMER = 'stale-customer-1';

const FIELDS = 'status featureCount retrievedAt fromCache stale';
const STALE_OK = `query($id: ID!) { customerSignals(id: $id) { deviceInsights(maxStale: 86400) { ${FIELDS} } } }`;
const NO_STALE = `query($id: ID!) { customerSignals(id: $id) { deviceInsights { ${FIELDS} } } }`;

function insightCalls(subgraph: TestSubgraph): number {
  return subgraph.simulators.credeau.insightCallsFor(CUSTOMER);
}

describe('serving a stored answer through a vendor outage (maxStale)', () => {
  let redis: RedisProcess;
  let subgraph: TestSubgraph;
  let client: Redis;
  let metrics: () => Promise<string>;
  let first: { retrievedAt: string; featureCount: number };
  beforeAll(async () => {
    redis = await RedisProcess.start();
    subgraph = await startTestSubgraph({
      ...STORE_ON_ENV, CREDEAU_INSIGHTS_MODE: 'sync', REDIS_URL: redis.url, SIGNALS_STORE_KEY: newStoreKey(), REDIS_TIMEOUT_MS: '2000',
      CREDEAU_INSIGHTS_CACHE_TTL_MS: String(WINDOW_MS), CREDEAU_MAX_RETRIES: '1',
    });
    client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    client.on('error', () => undefined);
    const registry = createMetricsRegistry();
    registerStoreMetrics(subgraph.storeEvents, registry);
    metrics = () => registry.metrics();
    await until(async () => (await readyRedisState(subgraph.url)) === 'connected', 'subgraph connected to redis');
  });
  afterAll(async () => {
    client.disconnect();
    await subgraph.stop();
    await redis.destroy();
  });

  it('stores a settled answer in Redis for its window plus SIGNALS_STALE_RETENTION_MS (default a day)', async () => {
    const answer = await subgraph.query(STALE_OK, { id: CUSTOMER });
    expect(answer.errors).toBeUndefined();
    const insights = answer.data?.customerSignals.deviceInsights;
    expect(insights).toMatchObject({ status: 'COMPLETE', fromCache: false, stale: false });
    first = { retrievedAt: insights.retrievedAt, featureCount: insights.featureCount };
    await storeSettled(client);
    const ttl = await client.pttl(subgraph.store.keys.entry('credeau', { customerId: CUSTOMER }));
    expect(ttl).toBeGreaterThan(86_400_000 - 60_000);
    expect(ttl).toBeLessThanOrEqual(86_400_000 + WINDOW_MS);
  });

  it('with Credeau failing and the answer past its window: maxStale serves it marked stale, no error; without maxStale, VENDOR_UNAVAILABLE', async () => {
    subgraph.simulators.credeau.addRoute('/api/insights', () => ({ status: 503, json: { detail: 'maintenance' } }));
    const key = subgraph.store.keys.entry('credeau', { customerId: CUSTOMER });
    await until(() => Date.now() > Date.parse(first.retrievedAt) + WINDOW_MS && subgraph.store.memory.get(key) === undefined, 'the answer past its window');

    const callsBefore = insightCalls(subgraph);
    const stale = await subgraph.query(STALE_OK, { id: CUSTOMER });
    expect(stale.errors).toBeUndefined();
    expect(stale.data?.customerSignals.deviceInsights).toEqual({ status: 'COMPLETE', ...first, fromCache: true, stale: true });
    // The vendor was asked (the stored answer is past its window) and failed: only then the stale answer.
    expect(insightCalls(subgraph)).toBeGreaterThan(callsBefore);
    expect(await metrics()).toContain('signals_store_stale_served_total{vendor="CREDEAU"} 1');

    const failing = await subgraph.query(NO_STALE, { id: CUSTOMER });
    expect(failing.data?.customerSignals.deviceInsights).toBeNull();
    expect(failing.errors?.map((error) => error.extensions?.code)).toEqual(['VENDOR_UNAVAILABLE']);

    // The same answer from Redis once this process has forgotten it.
    subgraph.store.memory.clear();
    const fromRedis = await subgraph.query(STALE_OK, { id: CUSTOMER });
    expect(fromRedis.errors).toBeUndefined();
    expect(fromRedis.data?.customerSignals.deviceInsights).toEqual({ status: 'COMPLETE', ...first, fromCache: true, stale: true });
    expect(await metrics()).toContain('signals_store_stale_served_total{vendor="CREDEAU"} 2');
  });

  it('does not serve an answer further past its window than maxStale allows', async () => {
    const tooOld = await subgraph.query(`query($id: ID!) { customerSignals(id: $id) { deviceInsights(maxStale: 0) { ${FIELDS} } } }`, { id: CUSTOMER });
    expect(tooOld.data?.customerSignals.deviceInsights).toBeNull();
    expect(tooOld.errors?.map((error) => error.extensions?.code)).toEqual(['VENDOR_UNAVAILABLE']);
  });

  it('shares one vendor call between fields that differ only in maxStale, and each gets its own answer', async () => {
    const before = insightCalls(subgraph);
    await subgraph.query(NO_STALE, { id: CUSTOMER });
    const perOperation = insightCalls(subgraph) - before;
    const both = await subgraph.query(`query($id: ID!) { customerSignals(id: $id) {
      plain: deviceInsights { ${FIELDS} } old: deviceInsights(maxStale: 86400) { ${FIELDS} } } }`, { id: CUSTOMER });
    expect(insightCalls(subgraph) - before).toBe(2 * perOperation);
    expect(both.data?.customerSignals.plain).toBeNull();
    expect(both.data?.customerSignals.old).toMatchObject({ fromCache: true, stale: true });
    expect(both.errors?.map((error) => [error.path?.join('.'), error.extensions?.code])).toEqual([['customerSignals.plain', 'VENDOR_UNAVAILABLE']]);
  });

  it('gives a stale answer no cache lifetime (Cache-Control: no-store)', async () => {
    const response = await fetch(`${subgraph.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: STALE_OK, variables: { id: CUSTOMER } }),
    });
    const body = (await response.json()) as GraphQLResponse;
    expect(body.data?.customerSignals.deviceInsights.stale).toBe(true);
    expect(response.headers.get('cache-control')).toBe('private, no-store, max-age=0');
  });

  it('refuses a negative maxStale as BAD_USER_INPUT before any vendor call', async () => {
    const before = insightCalls(subgraph);
    const negative = await subgraph.query(`query($id: ID!) { customerSignals(id: $id) { deviceInsights(maxStale: -1) { status } } }`, { id: CUSTOMER });
    expect(negative.errors?.map((error) => error.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(insightCalls(subgraph)).toBe(before);
  });
});

const ALL_FIVE_STALE = `query($id: ID!) { customerSignals(id: $id) {
  deviceInsights(maxStale: 3600) { retrievedAt fromCache stale }
  extractedSms(first: 3, maxStale: 3600) { totalCount retrievedAt fromCache stale }
  finboxPredictors(maxStale: 3600) { retrievedAt fromCache stale }
  credolabScore(maxStale: 3600) { score retrievedAt fromCache stale }
  behaviorSignals(maxStale: 3600) { retrievedAt fromCache stale }
} }`;

describe('maxStale on every vendor field, process memory only, every vendor down', () => {
  let subgraph: TestSubgraph;
  let metrics: () => Promise<string>;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({
      ...STORE_ON_ENV, CREDEAU_INSIGHTS_MODE: 'sync',
      CREDEAU_INSIGHTS_CACHE_TTL_MS: String(WINDOW_MS), CREDEAU_SMS_CACHE_TTL_MS: String(WINDOW_MS), FINBOX_CACHE_TTL_MS: String(WINDOW_MS),
      CREDOLAB_CACHE_TTL_MS: String(WINDOW_MS), NEUROID_CACHE_TTL_MS: String(WINDOW_MS),
      CREDEAU_MAX_RETRIES: '1', CREDOLAB_MAX_RETRIES: '1', NEUROID_MAX_RETRIES: '1', FINBOX_RETRY_DELAYS_MS: '5',
    });
    const registry = createMetricsRegistry();
    registerStoreMetrics(subgraph.storeEvents, registry);
    metrics = () => registry.metrics();
  });
  afterAll(() => subgraph.stop());

  it('serves each field its stored answer marked stale once its vendor is unreachable, and counts them by vendor', async () => {
    const fresh = await subgraph.query(ALL_FIVE_STALE, { id: 'stale-all-five' });
    expect(fresh.errors).toBeUndefined();
    const fields = Object.keys(fresh.data?.customerSignals ?? {});
    expect(fields).toHaveLength(5);
    for (const field of fields) expect(fresh.data?.customerSignals[field]).toMatchObject({ fromCache: false, stale: false });

    // Every vendor unreachable: connections refused.
    await Promise.all(Object.values(subgraph.simulators).map((simulator) => simulator.stop()));
    const lastRetrieved = Math.max(...fields.map((field) => Date.parse(fresh.data?.customerSignals[field].retrievedAt)));
    await until(() => Date.now() > lastRetrieved + WINDOW_MS, 'every answer past its window');

    const stale = await subgraph.query(ALL_FIVE_STALE, { id: 'stale-all-five' });
    expect(stale.errors).toBeUndefined();
    for (const field of fields) {
      expect(stale.data?.customerSignals[field]).toEqual({ ...fresh.data?.customerSignals[field], fromCache: true, stale: true });
    }
    const text = await metrics();
    expect(text).toContain('signals_store_stale_served_total{vendor="CREDEAU"} 2');
    for (const vendor of ['FINBOX', 'CREDOLAB', 'NEUROID']) expect(text).toContain(`signals_store_stale_served_total{vendor="${vendor}"} 1`);
    expect(text).not.toContain('stale-all-five');

    const without = await subgraph.query(ALL_FIVE_STALE.replace(/,? ?maxStale: 3600/g, '').replace(/\(\)/g, ''), { id: 'stale-all-five' });
    expect(without.errors).toHaveLength(5);
    for (const field of fields) expect(without.data?.customerSignals[field]).toBeNull();
  });
});

describe('maxStale while the circuit is open', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({
      ...STORE_ON_ENV, CREDEAU_INSIGHTS_MODE: 'sync', CREDEAU_INSIGHTS_CACHE_TTL_MS: String(WINDOW_MS),
      // Two failed attempts open Credeau's circuit, and it stays open for the rest of the test.
      CREDEAU_MAX_RETRIES: '1', CREDEAU_BREAKER_THRESHOLD: '2', CREDEAU_BREAKER_COOLDOWN_MS: '600000',
    });
  });
  afterAll(() => subgraph.stop());

  it('serves the stored answer marked stale without calling Credeau, and without maxStale says the circuit is open', async () => {
    const fresh = await subgraph.query(STALE_OK, { id: CUSTOMER });
    expect(fresh.data?.customerSignals.deviceInsights).toMatchObject({ fromCache: false, stale: false });
    subgraph.simulators.credeau.addRoute('/api/insights', () => ({ status: 503, json: { detail: 'maintenance' } }));
    const retrievedAt = Date.parse(fresh.data?.customerSignals.deviceInsights.retrievedAt);
    await until(() => Date.now() > retrievedAt + WINDOW_MS, 'the answer past its window');

    const opening = await subgraph.query(NO_STALE, { id: CUSTOMER });
    expect(opening.errors?.map((error) => error.extensions?.code)).toEqual(['VENDOR_UNAVAILABLE']);
    const refused = await subgraph.query(NO_STALE, { id: CUSTOMER });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', circuitOpen: true });

    const callsWhileOpen = insightCalls(subgraph);
    const stale = await subgraph.query(STALE_OK, { id: CUSTOMER });
    expect(stale.errors).toBeUndefined();
    expect(stale.data?.customerSignals.deviceInsights).toEqual({ ...fresh.data?.customerSignals.deviceInsights, fromCache: true, stale: true });
    expect(insightCalls(subgraph)).toBe(callsWhileOpen);
  });
});
