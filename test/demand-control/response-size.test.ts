import { startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '../support/harness';

/**
 * MAX_RESPONSE_BYTES, the backstop behind the estimate: an answer that would serialize larger is replaced
 * by RESPONSE_TOO_LARGE (data null, retryable false) and the replica keeps serving.
 */
describe('MAX_RESPONSE_BYTES', () => {
  const LIMIT = 8192;
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({ MAX_RESPONSE_BYTES: String(LIMIT) });
  });
  afterAll(() => subgraph.stop());

  const post = async (query: string) => {
    const response = await fetch(`${subgraph.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as GraphQLResponse, cacheControl: response.headers.get('cache-control') };
  };

  it('replaces an answer larger than the limit with RESPONSE_TOO_LARGE, and keeps serving', async () => {
    // ~3000 Credeau features, well over 8 KiB of JSON but within every estimate limit
    const big = await post('{ customerSignals(id: "large-answer") { deviceInsights { features { name value } } } }');
    expect(big.body.data).toBeNull();
    expect(big.body.errors).toEqual([
      expect.objectContaining({ extensions: { code: 'RESPONSE_TOO_LARGE', retryable: false } }),
    ]);
    expect(big.text.length).toBeLessThan(LIMIT);
    expect(big.cacheControl ?? '').not.toMatch(/max-age=[1-9]/);

    // The same customer's small answer (its features now stored) and the probes still answer.
    const small = await post('{ customerSignals(id: "large-answer") { deviceInsights { status featureCount features(names: ["all_sms_count_nlp"]) { name } } } }');
    expect(small.body.errors).toBeUndefined();
    expect(small.body.data?.customerSignals?.deviceInsights?.featureCount).toBeGreaterThan(1000);
    expect(small.text.length).toBeLessThan(LIMIT);
    const live = await fetch(`${subgraph.url}/health/live`);
    expect(live.status).toBe(200);
  });

  it('leaves an answer under the limit alone', async () => {
    const answer = await post('{ customerSignals(id: "small-answer") { id } }');
    expect(answer.body).toEqual({
      data: { customerSignals: { id: 'small-answer' } },
      extensions: { apolloCacheTags: [expect.stringMatching(/^signals-customer-[0-9a-f]{32}$/)] },
    });
  });
});
