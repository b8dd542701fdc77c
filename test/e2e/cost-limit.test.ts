import { startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '../support/harness';

/**
 * Issue 12 attacks: each is refused with COST_ESTIMATED_TOO_EXPENSIVE (or BAD_USER_INPUT for too many
 * entities) before any resolver runs, so no simulator sees a call. "Within 1 s" is shown as a property of
 * the response (a refusal from validation, no vendor call) rather than a wall-clock assert.
 */
describe('cost limit before execution', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph();
  });
  afterAll(() => subgraph.stop());
  beforeEach(() => {
    for (const simulator of Object.values(subgraph.simulators)) simulator.resetCalls();
  });

  const vendorCalls = () => Object.values(subgraph.simulators).reduce((sum, simulator) => sum + simulator.calls.length, 0);
  const expectRefused = (res: GraphQLResponse, code = 'COST_ESTIMATED_TOO_EXPENSIVE') => {
    expect(res.data ?? undefined).toBeUndefined();
    expect(res.errors?.[0]?.extensions?.code).toBe(code);
    expect(vendorCalls()).toBe(0);
  };
  const aliases = (n: number, body: (i: number) => string) =>
    `{ ${Array.from({ length: n }, (_, i) => `c${i}: ${body(i)}`).join(' ')} }`;

  it('refuses 1,000 aliased customerSignals roots', async () => {
    expectRefused(await subgraph.query(aliases(1000, (i) => `customerSignals(id: "x-${i}") { deviceInsights { status } }`)));
  });

  it.each([
    ['threshold', (i: number) => `extractedSms(threshold: ${i + 1}) { totalCount }`],
    ['version', (i: number) => `finboxPredictors(version: ${i + 1}) { status }`],
    ['referenceNumber', (i: number) => `credolabScore(referenceNumber: "r${i}") { status }`],
    ['siteId', (i: number) => `behaviorSignals(siteId: "s${i}") { status }`],
    ['fraudCheck(accountCode)', (i: number) => `credolabScore { fraudCheck(accountCode: "a${i}", rulesetId: "rs") { __typename } }`],
  ])('refuses one customer with 1,000 distinct %s arguments', async (_label, field) => {
    const query = `{ customerSignals(id: "one") { ${Array.from({ length: 1000 }, (_, i) => `a${i}: ${field(i)}`).join(' ')} } }`;
    expectRefused(await subgraph.query(query));
  });

  it.each([
    ['an inline fragment on Query', '... on Query { _entities(representations: $r) { ... on Customer { deviceInsights { status } } } }', ''],
    ['a named fragment', '...E', ' fragment E on Query { _entities(representations: $r) { ... on Customer { deviceInsights { status } finboxPredictors { status } } } }'],
  ])('refuses _entities hidden in %s', async (_label, selection, fragments) => {
    const reps = Array.from({ length: 10_000 }, (_, i) => ({ __typename: 'Customer', id: `e${i}` }));
    const res = await subgraph.query(`query($r: [_Any!]!) { ${selection} }${fragments}`, { r: reps });
    expectRefused(res, 'BAD_USER_INPUT');
  });

  it('counts representations given as a variable default value too', async () => {
    const reps = Array.from({ length: 600 }, (_, i) => `{__typename: "Customer", id: "d${i}"}`).join(', ');
    const res = await subgraph.query(`query($r: [_Any!]! = [${reps}]) { _entities(representations: $r) { ... on Customer { deviceInsights { status } } } }`);
    expectRefused(res, 'BAD_USER_INPUT');
  });

  it('refuses _entities fragments that pass the entity limit but exceed the vendor-call limit', async () => {
    const reps = Array.from({ length: 300 }, (_, i) => ({ __typename: 'Customer', id: `v${i}` }));
    const res = await subgraph.query(
      'query($r: [_Any!]!) { ...E } fragment E on Query { _entities(representations: $r) { ... on Customer { deviceInsights { status } finboxPredictors { status } } } }',
      { r: reps },
    );
    expectRefused(res);
  });

  it('refuses 1,000 aliases of deviceInsights.features (a response of millions of items)', async () => {
    const res = await subgraph.query(`{ customerSignals(id: "f") { deviceInsights { ${Array.from({ length: 1000 }, (_, i) => `f${i}: features { name value }`).join(' ')} } } }`);
    expectRefused(res);
    expect(res.errors?.[0]?.extensions?.cost).toMatchObject({ vendorCalls: 1 });
  });

  it('refuses a 1 MB query of repeated fields while parsing (maxTokens)', async () => {
    const query = `{ customerSignals(id: "p") { ${'id '.repeat(340_000)} } }`;
    expect(query.length).toBeGreaterThan(1_000_000);
    const res = await subgraph.query(query);
    expect(res.errors?.[0]?.message).toMatch(/token/i);
    expect(vendorCalls()).toBe(0);
  });

  it('still runs a list page of 100 customers x 2 vendor fields', async () => {
    const reps = Array.from({ length: 100 }, (_, i) => ({ __typename: 'Customer', id: `page-${i}` }));
    const res = await subgraph.query(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id deviceInsights { status } finboxPredictors { status } } } }',
      { r: reps },
    );
    expect(res.errors?.find((error) => error.extensions?.code === 'COST_ESTIMATED_TOO_EXPENSIVE')).toBeUndefined();
    expect(res.data?._entities).toHaveLength(100);
    expect(vendorCalls()).toBeGreaterThan(0);
  });

  it('publishes the same weights in the SDL with federation @cost and @listSize', async () => {
    const res = await subgraph.query('{ _service { sdl } }');
    const sdl = String(res.data?._service?.sdl);
    expect(sdl).toMatch(/federation\/v2\.(9|1[0-4])", import: \[[^\]]*"@cost"[^\]]*"@listSize"/);
    for (const field of ['deviceInsights', 'behaviorSignals', 'credolabScore', 'extractedSms', 'finboxPredictors', 'fraudCheck']) {
      expect(sdl).toMatch(new RegExp(`${field}[^@]*\\) ?: \\w+ @cost\\(weight: 1\\)|${field}: \\w+ @cost\\(weight: 1\\)`));
    }
    expect(sdl).toContain('features(names: [String!]): [Feature!]! @listSize(assumedSize: 3000)');
  });
});
