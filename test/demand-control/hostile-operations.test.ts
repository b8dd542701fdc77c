import { startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '../support/harness';

/**
 * Issue 19's hostile shapes against the real server: each is answered or refused with a code before any
 * vendor call, the server keeps answering others meanwhile, and nothing is a 5xx or an error-level log.
 */

interface Answer {
  status: number;
  body: GraphQLResponse;
}

async function post(subgraph: TestSubgraph, query: string, variables?: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(`${subgraph.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse };
}

const vendorCalls = (subgraph: TestSubgraph) =>
  Object.values(subgraph.simulators).reduce((sum, simulator) => sum + simulator.calls.length, 0);
const errorLogs = (subgraph: TestSubgraph) => subgraph.logs.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);

/** Fragments F1..F<levels> on Customer, each spreading the previous one twice, over F0 = `body`. */
function doubledFragments(levels: number, body: string): string {
  const fragments = [`fragment F0 on Customer { ${body} }`];
  for (let i = 1; i <= levels; i += 1) fragments.push(`fragment F${i} on Customer { ...F${i - 1} ...F${i - 1} }`);
  return `{ customerSignals(id: "nested") { ...F${levels} } } ${fragments.join(' ')}`;
}

/** A chain: F(k) spreads F(k-1) once. */
function fragmentChain(length: number): string {
  const fragments = ['fragment F0 on Customer { id }'];
  for (let i = 1; i < length; i += 1) fragments.push(`fragment F${i} on Customer { ...F${i - 1} }`);
  return `{ customerSignals(id: "chain") { ...F${length - 1} } } ${fragments.join(' ')}`;
}

const CHEAP = '{ customerSignals(id: "cheap") { id } }';

describe('hostile operations, default limits', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph();
  });
  afterAll(() => subgraph.stop());
  beforeEach(() => {
    for (const simulator of Object.values(subgraph.simulators)) simulator.resetCalls();
  });

  it('refuses 30 levels of doubled fragments by depth before validation, while a cheap operation answers', async () => {
    const query = doubledFragments(30, 'id deviceInsights { status }');
    expect(query.length).toBeLessThan(2048);
    const [hostile, cheap] = await Promise.all([post(subgraph, query), post(subgraph, CHEAP)]);
    expect(hostile.status).toBeLessThan(500);
    expect(hostile.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', retryable: false });
    expect(hostile.body.errors?.[0]?.message).toMatch(/deeper than 32/);
    expect(cheap.status).toBe(200);
    expect(cheap.body.data?.customerSignals).toEqual({ id: 'cheap' });
    expect(vendorCalls(subgraph)).toBe(0);
    expect(errorLogs(subgraph)).toEqual([]);
  });

  it('refuses a single chain of 1,000 fragments without a 5xx, well within a second', async () => {
    const started = Date.now();
    const answer = await post(subgraph, fragmentChain(1000));
    const elapsed = Date.now() - started;
    // fetch sends `accept: */*`: a refusal is a 200 with the coded error (src/plugins/refusal-status.plugin.ts).
    expect(answer.status).toBe(200);
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', retryable: false });
    // Generous bound on a loaded machine: the depth limit refuses before graphql-js validates the chain.
    expect(elapsed).toBeLessThan(1000);
    // Apollo's document cache now holds the stand-in for this query: a repeat is refused the same way.
    const again = await post(subgraph, fragmentChain(1000));
    expect(again.status).toBe(200);
    expect(again.body.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', retryable: false });
    expect(vendorCalls(subgraph)).toBe(0);
    expect(errorLogs(subgraph)).toEqual([]);
  });

  it('refuses a representation nested 100,000 deep with a code, never a 5xx or an error log', async () => {
    // Written by hand: JSON.stringify itself cannot serialize this depth.
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const query = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { deviceInsights { status } } } }';
    const response = await fetch(`${subgraph.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query":${JSON.stringify(query)},"variables":{"r":[{"__typename":"Customer","id":${deep}}]}}`,
    });
    const body = (await response.json()) as GraphQLResponse;
    expect(response.status).toBeLessThan(500);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', retryable: false });
    expect(vendorCalls(subgraph)).toBe(0);
    expect(errorLogs(subgraph)).toEqual([]);
  });

  const predictorAliases = Array.from({ length: 120 }, (_, i) => `p${i}: predictors { name value }`).join(' ');

  it('refuses 500 representations x 120 aliases of predictors before execution', async () => {
    const representations = Array.from({ length: 500 }, () => ({ __typename: 'Customer', id: 'bomb' }));
    const answer = await post(
      subgraph,
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { finboxPredictors { ${predictorAliases} } } } }`,
      { r: representations },
    );
    expect(answer.body.data ?? undefined).toBeUndefined();
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'COST_ESTIMATED_TOO_EXPENSIVE', retryable: false });
    // 500 representations, each with 120 lists of 1000 predictors (FinBox's @listSize)
    expect(answer.body.errors?.[0]?.extensions?.cost).toMatchObject({ estimatedResponseItems: 500 * (1 + 120 * 1000) });
    expect(vendorCalls(subgraph)).toBe(0);
  });

  it('refuses the same through 500 customerSignals aliases', async () => {
    const roots = Array.from({ length: 500 }, (_, i) => `c${i}: customerSignals(id: "bomb") { finboxPredictors { ...P } }`).join(' ');
    const query = `{ ${roots} } fragment P on FinboxPredictors { ${predictorAliases} }`;
    const answer = await post(subgraph, query);
    expect(answer.body.data ?? undefined).toBeUndefined();
    expect(answer.body.errors?.[0]?.extensions).toMatchObject({ code: 'COST_ESTIMATED_TOO_EXPENSIVE', retryable: false });
    // One customer and one argument set: a single FinBox call would serve all 500 roots.
    expect(answer.body.errors?.[0]?.extensions?.cost).toMatchObject({ vendorCalls: 1 });
    expect(vendorCalls(subgraph)).toBe(0);
  });

  it('still runs an ordinary page: 100 customers, two fields, a few named features and predictors', async () => {
    const representations = Array.from({ length: 100 }, (_, i) => ({ __typename: 'Customer', id: `page-${i}` }));
    const answer = await post(
      subgraph,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id ' +
        'deviceInsights { status features(names: ["all_sms_count_nlp", "txn_sms_count_nlp", "credit_sms_count_nlp"]) { name value } } ' +
        'finboxPredictors { status predictors(names: ["a", "b", "c"]) { name value } } } } }',
      { r: representations },
    );
    expect(answer.status).toBe(200);
    expect(answer.body.errors?.find((error) => error.extensions?.code === 'COST_ESTIMATED_TOO_EXPENSIVE')).toBeUndefined();
    expect(answer.body.data?._entities).toHaveLength(100);
    expect(vendorCalls(subgraph)).toBeGreaterThan(0);
  });
});

describe('hostile operations past a raised MAX_OPERATION_DEPTH: the analysis itself stays linear', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({ MAX_OPERATION_DEPTH: '100' });
  });
  afterAll(() => subgraph.stop());
  beforeEach(() => {
    for (const simulator of Object.values(subgraph.simulators)) simulator.resetCalls();
  });

  it('answers 30 levels of doubled fragments that select no vendor field, while a cheap operation answers', async () => {
    const [hostile, cheap] = await Promise.all([post(subgraph, doubledFragments(30, 'id __typename')), post(subgraph, CHEAP)]);
    expect(hostile.status).toBe(200);
    expect(hostile.body.errors).toBeUndefined();
    expect(hostile.body.data?.customerSignals).toEqual({ id: 'nested', __typename: 'Customer' });
    expect(cheap.body.data?.customerSignals).toEqual({ id: 'cheap' });
    expect(vendorCalls(subgraph)).toBe(0);
  });

  it('refuses 30 levels of doubled fragments over a list, with the analysis measured on the server under 100 ms', async () => {
    const [hostile, cheap] = await Promise.all([
      post(subgraph, doubledFragments(30, 'deviceInsights { features { name } }')),
      post(subgraph, CHEAP),
    ]);
    expect(hostile.status).toBeLessThan(500);
    const error = hostile.body.errors?.[0];
    expect(error?.extensions).toMatchObject({ code: 'COST_ESTIMATED_TOO_EXPENSIVE', retryable: false });
    // 2^30 paths to a 3000-item list, found in 31 fragment analyses
    expect((error?.extensions?.cost as { estimatedResponseItems: number }).estimatedResponseItems).toBe(2 ** 30 * 3000);
    expect((error?.extensions?.cost as { analysisMs: number }).analysisMs).toBeLessThan(100);
    expect(cheap.body.data?.customerSignals).toEqual({ id: 'cheap' });
    expect(vendorCalls(subgraph)).toBe(0);
    expect(errorLogs(subgraph)).toEqual([]);
  });
});
