import { startTestSubgraph, type TestSubgraph } from '../support/harness';
import { post } from './security-support';

const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';
/** What a gateway or an older client sends: refusals must reach them as 200 with the coded error. */
const JSON_ACCEPTS: Array<[string, Record<string, string>]> = [
  ['no Accept header', {}],
  ['Accept */* (@apollo/gateway 2.14)', { accept: '*/*' }],
  ['Accept application/json', { accept: 'application/json' }],
];

const body = (query: string, variables?: unknown) => JSON.stringify({ query, variables });
const entities = (n: number) => Array.from({ length: n }, (_, i) => ({ __typename: 'Customer', id: `refuse-${i}` }));
const ENTITIES_QUERY = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { deviceInsights { status } } } }';
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/**
 * Issue 19 item 4: every refusal of a well-formed GraphQL request is HTTP 200 with its coded error under
 * application/json (also `Accept: *\/*` and no Accept), 4xx under application/graphql-response+json, and always
 * `retryable: false`. Hostile shapes (mutation, subscription, a 100,000-deep variable) are coded
 * refusals: never a 5xx, never an error-level log line.
 */
describe('refusal status by Accept header', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({ MAX_ENTITIES_PER_OPERATION: '5', MAX_VENDOR_CALLS_PER_OPERATION: '3' });
  });
  afterAll(() => subgraph.stop());
  beforeEach(() => {
    subgraph.logs.length = 0;
  });

  const errorLevelLines = () => subgraph.logs.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);

  const REFUSALS: Array<[string, string, string]> = [
    ['too many _entities representations (MAX_ENTITIES_PER_OPERATION)', body(ENTITIES_QUERY, { r: entities(6) }), 'BAD_USER_INPUT'],
    [
      'too many vendor calls (MAX_VENDOR_CALLS_PER_OPERATION)',
      body(`{ ${[1, 2, 3, 4].map((i) => `c${i}: customerSignals(id: "refuse-c${i}") { deviceInsights { status } }`).join(' ')} }`),
      'COST_ESTIMATED_TOO_EXPENSIVE',
    ],
    ['a representation that is not a Customer', body(ENTITIES_QUERY, { r: [{ __typename: 'Account', id: 'refuse-r' }] }), 'BAD_USER_INPUT'],
    ['a parse error', body('{ customerSignals(id: "x") { id }'), 'GRAPHQL_PARSE_FAILED'],
    ['a validation error', body('{ customerSignals(id: "x") { noSuchField } }'), 'GRAPHQL_VALIDATION_FAILED'],
    ['a variable of the wrong type', body('query($v: Int) { customerSignals(id: "x") { finboxPredictors(version: $v) { status } } }', { v: 'seven' }), 'BAD_USER_INPUT'],
    ['a mutation (no Mutation type)', body('mutation { customerSignals(id: "x") { id } }'), 'GRAPHQL_VALIDATION_FAILED'],
    ['a subscription (no Subscription type)', body('subscription { customerSignals(id: "x") { id } }'), 'GRAPHQL_VALIDATION_FAILED'],
    [
      'a variable nested 100,000 deep',
      `{"query":"query($s: String) { customerSignals(id: \\"x\\") { credolabScore(referenceNumber: $s) { status } } }","variables":{"s":${nested(100_000)}}}`,
      'BAD_USER_INPUT',
    ],
  ];

  describe.each(REFUSALS)('%s', (_label, request, code) => {
    it.each(JSON_ACCEPTS)('is HTTP 200 with the coded error under %s', async (_accept, headers) => {
      const res = await post(subgraph.url, request, { 'content-type': 'application/json', ...headers });
      expect(res.status).toBe(200);
      expect(res.type).toMatch(/^application\/json/);
      expect(res.json?.data ?? undefined).toBeUndefined();
      expect(res.json?.errors?.[0]?.extensions).toMatchObject({ code, retryable: false });
      expect(errorLevelLines()).toEqual([]);
    });

    it('is HTTP 400 under application/graphql-response+json', async () => {
      const res = await post(subgraph.url, request, { 'content-type': 'application/json', accept: GRAPHQL_RESPONSE_JSON });
      expect(res.status).toBe(400);
      expect(res.type).toMatch(/^application\/graphql-response\+json/);
      expect(res.json?.errors?.[0]?.extensions).toMatchObject({ code, retryable: false });
      expect(errorLevelLines()).toEqual([]);
    });
  });

  it('refuses a deeply nested variable sent with GET too (2,000 deep: a URL holds no more)', async () => {
    const query = encodeURIComponent('query($s: String) { customerSignals(id: "x") { credolabScore(referenceNumber: $s) { status } } }');
    const response = await fetch(`${subgraph.url}/graphql?query=${query}&variables=${encodeURIComponent(`{"s":${nested(2000)}}`)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(200);
    const [error] = ((await response.json()) as { errors: Array<{ message: string; extensions: unknown }> }).errors;
    expect(error?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', retryable: false });
    expect(error?.message).toMatch(/nested at most 32 levels/);
    expect(errorLevelLines()).toEqual([]);
  });

  it('still answers variables nested within MAX_VARIABLE_DEPTH', async () => {
    const res = await post(subgraph.url, body(ENTITIES_QUERY, { r: entities(2) }));
    expect(res.status).toBe(200);
    expect(res.json?.errors).toBeUndefined();
    expect(res.json?.data?._entities).toHaveLength(2);
  });

  it('keeps the HTTP status of a request that is not GraphQL at all (malformed JSON: 400), with retryable:false', async () => {
    const res = await post(subgraph.url, '{"query": ');
    expect(res.status).toBe(400);
    expect(res.json?.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST', retryable: false });
  });
});
