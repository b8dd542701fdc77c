import { startTestSubgraph, type TestSubgraph } from '../support/harness';
import { post } from '../security/security-support';

const FRAUD_CHECK = `{ customerSignals(id: "cache-fraud-1") { credolabScore { status fraudCheck(rulesetId: "default", accountCode: "acc-1", transactionInsight: { email: "cache-probe@example.test" }) { status } } } }`;

/**
 * Issue 19 item 6: never-cacheable answers and every error answer carry exactly
 * `private, no-store, max-age=0` (Hive Gateway's response cache ignores a bare `no-store` and honours
 * `max-age=0`); an answer the store can vouch for keeps `max-age=<remaining>, private`.
 */
describe('Cache-Control', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    // The Credeau window on, so a successful deviceInsights answer has freshness to advertise.
    subgraph = await startTestSubgraph({ CREDEAU_INSIGHTS_CACHE_TTL_MS: '900000' });
  });
  afterAll(() => subgraph.stop());

  const cacheControlOf = async (body: string, headers?: Record<string, string>) => {
    const res = await post(subgraph.url, body, { 'content-type': 'application/json', ...headers });
    return { res, cacheControl: res.headers.get('cache-control') };
  };

  it('marks the fraud check (never stored) uncacheable although it succeeded', async () => {
    const { res, cacheControl } = await cacheControlOf(JSON.stringify({ query: FRAUD_CHECK }));
    expect(res.json?.errors).toBeUndefined();
    expect(res.json?.data?.customerSignals.credolabScore.fraudCheck.status).toBe('COMPLETE');
    expect(cacheControl).toBe('private, no-store, max-age=0');
  });

  it.each([
    ['a vendor error beside data', JSON.stringify({ query: '{ customerSignals(id: "sim-unavailable-cache") { id deviceInsights { status } } }' }), undefined],
    ['a validation refusal', JSON.stringify({ query: '{ customerSignals(id: "x") { noSuchField } }' }), undefined],
    ['a refusal under application/graphql-response+json', JSON.stringify({ query: '{ customerSignals(id: "x") { noSuchField } }' }), { accept: 'application/graphql-response+json' }],
    ['a body that is not JSON', '{"query": ', undefined],
  ])('marks an error answer uncacheable: %s', async (_what, body, headers) => {
    const { res, cacheControl } = await cacheControlOf(body, headers);
    expect(res.json?.errors?.length).toBeGreaterThan(0);
    expect(cacheControl).toBe('private, no-store, max-age=0');
  });

  it('keeps max-age=<remaining freshness>, private on a stored answer', async () => {
    const { res, cacheControl } = await cacheControlOf(JSON.stringify({ query: '{ customerSignals(id: "cache-ok-1") { deviceInsights { status } } }' }));
    expect(res.json?.errors).toBeUndefined();
    const maxAge = Number(/^max-age=(\d+), private$/.exec(cacheControl ?? '')?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(900);
  });
});
