import { startTestSubgraph, type TestSubgraph } from '../support/harness';
import { liveVendorEnv, post } from './security-support';

/** Nothing in an HTTP error body may point into the server: no stack frame, no file path. */
function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/stack|\bat \S+ \(|\/work\/|node_modules|\.ts:\d+|\.js:\d+|<html|<pre/i);
}

const BAD_QUERIES = [
  '{ customerSignal(id: "x") { id } }', // field
  '{ customerSignals(id: "x") { deviceInsight { status } } }', // nested field
  '{ customerSignals(idd: "x") { id } }', // argument
  'query($f: SmsFiltr) { customerSignals(id: "x") { id } }', // type
  '{ customerSignals(id: "x") { extractedSms(filter: { smsType: "x", transactionalOnlyy: true }) { totalCount } } }', // input field
];

describe.each([
  ['production', (sims: Parameters<typeof liveVendorEnv>[0]) => ({ NODE_ENV: 'production', ROUTER_SECRET_DISABLED: 'true', EVIDENCE_DISABLED: 'true', ...liveVendorEnv(sims) })],
  ['development', () => ({ NODE_ENV: 'development' })],
])('the HTTP edge in %s', (envName, env) => {
  let subgraph: TestSubgraph;
  const production = envName === 'production';
  beforeAll(async () => {
    subgraph = await startTestSubgraph(env);
  });
  afterAll(() => subgraph.stop());

  it('answers malformed JSON with 400 and a GraphQL JSON error', async () => {
    const res = await post(subgraph.url, '{"query": "{ __typename }",');
    expect(res.status).toBe(400);
    expect(res.type).toMatch(/^application\/json/);
    expect(res.json?.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST', retryable: false });
    expectNoInternals(res.text);
  });

  it('answers a 2 MiB body (over MAX_REQUEST_BYTES) with 413 and a GraphQL JSON error', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } });
    const res = await post(subgraph.url, body);
    expect(res.status).toBe(413);
    expect(res.json?.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST', retryable: false });
    expectNoInternals(res.text);
  });

  it('answers a text/plain body with 415 and a GraphQL JSON error', async () => {
    const res = await post(subgraph.url, '{ __typename }', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
    expect(res.json?.errors?.[0]?.extensions).toEqual({ code: 'BAD_REQUEST', retryable: false });
    expectNoInternals(res.text);
    const form = await post(subgraph.url, 'query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(415);
  });

  it('answers an unsupported charset with 415 and a GraphQL JSON error', async () => {
    const res = await post(subgraph.url, '{"query":"{ __typename }"}', { 'content-type': 'application/json; charset=iso-8859-1' });
    expect(res.status).toBe(415);
    expectNoInternals(res.text);
  });

  it('still answers a well-formed JSON request', async () => {
    const res = await post(subgraph.url, JSON.stringify({ query: '{ customerSignals(id: "edge-1") { id } }' }));
    expect(res.status).toBe(200);
    expect(res.json?.data).toEqual({ customerSignals: { id: 'edge-1' } });
    // Personal data: never in a shared cache (the store's hints make answers `private` with their freshness).
    expect(res.headers.get('cache-control')).toMatch(/private/);
    expect(res.headers.get('cache-control')).not.toMatch(/public/);
  });

  it('serves _service { sdl } (routers and rover need it)', async () => {
    const res = await subgraph.query('{ _service { sdl } }');
    expect(res.errors).toBeUndefined();
    expect(res.data?._service.sdl).toContain('@requiresScopes(scopes: [["signals:sms:read"]])');
  });

  it(production ? 'refuses introspection' : 'allows introspection', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Customer") { fields { name } } }']) {
      const res = await subgraph.query(query);
      if (production) {
        expect(res.data).toBeUndefined();
        expect(res.errors?.[0]?.message).toMatch(/introspection is not allowed/);
      } else {
        expect(res.errors).toBeUndefined();
      }
    }
  });

  it(production ? 'puts no "Did you mean" in any error' : 'suggests "Did you mean" (the control for production)', async () => {
    const messages: string[] = [];
    for (const query of BAD_QUERIES) {
      const res = await subgraph.query(query);
      expect(res.errors?.length).toBeGreaterThan(0);
      messages.push(...(res.errors ?? []).map((error) => error.message));
    }
    const suggesting = messages.filter((message) => /did you mean/i.test(message));
    if (production) expect(suggesting).toEqual([]);
    else expect(suggesting.length).toBeGreaterThanOrEqual(3);
  });
});

describe('INTROSPECTION_ENABLED=true in production', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph((sims) => ({ NODE_ENV: 'production', ROUTER_SECRET_DISABLED: 'true', EVIDENCE_DISABLED: 'true', INTROSPECTION_ENABLED: 'true', ...liveVendorEnv(sims) }));
  });
  afterAll(() => subgraph.stop());

  it('allows introspection and suggestions again', async () => {
    const res = await subgraph.query('{ __type(name: "Customer") { name } }');
    expect(res.errors).toBeUndefined();
    expect(res.data?.__type).toEqual({ name: 'Customer' });
    const typo = await subgraph.query(BAD_QUERIES[0] as string);
    expect(typo.errors?.[0]?.message).toMatch(/Did you mean/);
  });
});
