import { ConfigError, loadConfig } from '../../src/subgraph-config';
import { startTestSubgraph, type TestSubgraph } from '../support/harness';
import { spawnSubgraph } from '../support/spawn-subgraph';
import { post, resetVendorCalls, vendorCalls } from './security-support';

const SECRET = 'test-router-secret-0123456789';
const QUERY = JSON.stringify({ query: '{ customerSignals(id: "secret-1") { id deviceInsights { status } } }' });

describe('router secret', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({ ROUTER_SECRET: SECRET });
  });
  afterAll(() => subgraph.stop());
  beforeEach(() => {
    resetVendorCalls(subgraph.simulators);
    subgraph.logs.length = 0;
  });

  it.each([
    ['no router-authorization header', {}],
    ['a wrong secret', { 'router-authorization': 'wrong' }],
    ['the secret with a suffix', { 'router-authorization': `${SECRET}x` }],
    ['the secret in another header', { authorization: SECRET }],
  ])('refuses %s with 401 and a GraphQL JSON error, and runs nothing', async (_label, headers) => {
    const res = await post(subgraph.url, QUERY, { 'content-type': 'application/json', ...headers });
    expect(res.status).toBe(401);
    expect(res.type).toMatch(/^application\/json/);
    expect(res.json).toEqual({ errors: [{ message: expect.stringContaining('router-authorization'), extensions: { code: 'UNAUTHENTICATED', retryable: false } }] });
    expect(res.json?.errors?.[0]?.message).not.toContain(SECRET);
    expect(vendorCalls(subgraph.simulators)).toBe(0);
    // Apollo never saw it: no operation was logged.
    expect(subgraph.logs.filter((line) => line.includes('"msg":"operation"'))).toEqual([]);
  });

  it('refuses a GET query without the secret too', async () => {
    const url = `${subgraph.url}/graphql?query=${encodeURIComponent('{ customerSignals(id: "get-1") { id } }')}`;
    const res = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(401);
  });

  it('answers 200 with the right secret', async () => {
    const res = await post(subgraph.url, QUERY, { 'content-type': 'application/json', 'router-authorization': SECRET });
    expect(res.status).toBe(200);
    expect(res.json?.data?.customerSignals).toEqual({ id: 'secret-1', deviceInsights: { status: 'COMPLETE' } });
    expect(subgraph.simulators.credeau.insightCallsFor('secret-1')).toBe(1);
  });

  it('leaves the health probes open', async () => {
    expect((await fetch(`${subgraph.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${subgraph.url}/health/ready`)).status).toBe(200);
  });

  it('still serves the GraphiQL page in development (its requests then carry the header from the headers tab)', async () => {
    const res = await fetch(`${subgraph.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
  });
});

describe('ROUTER_SECRET_HEADER', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({ ROUTER_SECRET: SECRET, ROUTER_SECRET_HEADER: 'X-Subgraph-Secret' });
  });
  afterAll(() => subgraph.stop());

  it('reads the secret from the configured header only', async () => {
    expect((await post(subgraph.url, QUERY, { 'content-type': 'application/json', 'router-authorization': SECRET })).status).toBe(401);
    expect((await post(subgraph.url, QUERY, { 'content-type': 'application/json', 'x-subgraph-secret': SECRET })).status).toBe(200);
  });
});

describe('ROUTER_SECRET in production', () => {
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig(env);
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
  };

  it('is required, unless ROUTER_SECRET_DISABLED=true says so explicitly', () => {
    expect(problemsOf({ NODE_ENV: 'production' }).some((p) => p.startsWith('ROUTER_SECRET: missing'))).toBe(true);
    expect(problemsOf({ NODE_ENV: 'production', ROUTER_SECRET: SECRET }).some((p) => p.startsWith('ROUTER_SECRET'))).toBe(false);
    expect(problemsOf({ NODE_ENV: 'production', ROUTER_SECRET_DISABLED: 'true' }).some((p) => p.startsWith('ROUTER_SECRET'))).toBe(false);
    expect(problemsOf({ NODE_ENV: 'production', ROUTER_SECRET_DISABLED: 'false' }).some((p) => p.startsWith('ROUTER_SECRET: missing'))).toBe(true);
    expect(problemsOf({}).some((p) => p.startsWith('ROUTER_SECRET'))).toBe(false);
  });

  it('stops the built server with a non-zero exit naming ROUTER_SECRET when it is missing', async () => {
    const server = spawnSubgraph({ NODE_ENV: 'production', PORT: '0' });
    expect(await server.exited).toBe(1);
    expect(server.stderr()).toContain('ROUTER_SECRET: missing');
    const optedOut = spawnSubgraph({ NODE_ENV: 'production', PORT: '0', ROUTER_SECRET_DISABLED: 'true' });
    expect(await optedOut.exited).toBe(1); // still no vendor credentials: but no longer the secret
    expect(optedOut.stderr()).not.toContain('ROUTER_SECRET');
    expect(optedOut.stderr()).toContain('CREDEAU_CLIENT_ID');
  });
});
