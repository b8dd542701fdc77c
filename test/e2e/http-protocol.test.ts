import { serverAudits } from 'graphql-http';
import { startTestSubgraph, type TestSubgraph } from '../support/harness';

describe('HTTP surface', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph();
  });
  afterAll(() => subgraph.stop());

  it('passes every MUST of the GraphQL-over-HTTP audit (graphql-http serverAudits)', async () => {
    const audits = serverAudits({ url: `${subgraph.url}/graphql`, fetchFn: fetch });
    const mustAudits = audits.filter((audit) => audit.name.startsWith('MUST'));
    expect(mustAudits.length).toBeGreaterThan(5);
    const failures: string[] = [];
    for (const audit of mustAudits) {
      const result = await audit.fn();
      if (result.status !== 'ok') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });

  it('returns an ftv1 trace in extensions when the router asks for one', async () => {
    const res = await subgraph.query('{ customerSignals(id: "trace-1") { id } }', undefined, {
      'apollo-federation-include-trace': 'ftv1',
    });
    expect(typeof res.extensions?.ftv1).toBe('string');
    const plain = await subgraph.query('{ customerSignals(id: "trace-1") { id } }');
    expect(plain.extensions?.ftv1).toBeUndefined();
  });

  it('serves queries over GET with a preflight header, and refuses a simple GET (CSRF prevention)', async () => {
    const url = `${subgraph.url}/graphql?query=${encodeURIComponent('{ customerSignals(id: "get-1") { id } }')}`;
    const ok = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({
      data: { customerSignals: { id: 'get-1' } },
      // The customer's cache tag, for Apollo Router's response cache (src/erasure/cache-tags.plugin.ts).
      extensions: { apolloCacheTags: [expect.stringMatching(/^signals-customer-[0-9a-f]{32}$/)] },
    });
    const blocked = await fetch(url);
    expect(blocked.status).toBe(400);
  });

  it('answers the liveness and readiness probes', async () => {
    const live = await fetch(`${subgraph.url}/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${subgraph.url}/health/ready`);
    // The evidence ledger's state is reported, never a reason to refuse traffic.
    expect(await ready.json()).toEqual({ status: 'ready', evidence: 'up' });
  });

  it('refuses an _entities batch over MAX_ENTITIES_PER_OPERATION before resolving it', async () => {
    const reps = Array.from({ length: 501 }, (_, i) => ({ __typename: 'Customer', id: `c${i}` }));
    const res = await subgraph.query('query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id } } }', { r: reps });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('at most 500');
  });

  it.each([
    ['an inline fragment on Query', 'query($r: [_Any!]!) { ... on Query { _entities(representations: $r) { ... on Customer { id } } } }'],
    ['a named fragment', 'query($r: [_Any!]!) { ...E } fragment E on Query { _entities(representations: $r) { ... on Customer { id } } }'],
    ['aliases that each pass alone', 'query($r: [_Any!]!) { a: _entities(representations: $r) { __typename } b: _entities(representations: $r) { __typename } }'],
  ])('counts _entities representations inside %s toward MAX_ENTITIES_PER_OPERATION', async (_label, query) => {
    const reps = Array.from({ length: 300 }, (_, i) => ({ __typename: 'Customer', id: `f${i}` }));
    const doubled = query.includes('b: _entities') ? reps : [...reps, ...reps];
    const res = await subgraph.query(query, { r: doubled });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('got 600');
  });
});
