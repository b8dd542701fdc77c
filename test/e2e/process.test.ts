import { spawnSubgraph } from '../support/spawn-subgraph';

const QUERY = '{ customerSignals(id: "smoke-1") { deviceInsights { status featureCount feature(name: "all_sms_count_nlp") } } }';

async function post(url: string, query: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe('the server process (npm start)', () => {
  // Port 0, not the default 4001 (test/unit/config.test.ts checks that default): `npm test` must pass while
  // the README's `npm start` holds 4001 and 9464.
  it('starts with no other configuration, says Credeau is simulated, and answers deviceInsights', async () => {
    const server = spawnSubgraph({ PORT: '0', CREDEAU_POLL_INTERVAL_MS: '20' });
    try {
      const url = await server.ready;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/graphql$/);
      expect(server.stdout()).toMatch(/"simulatedVendors":\[[^\]]*"credeau"/);
      const res = await post(url, QUERY);
      expect(res.errors).toBeUndefined();
      expect(res.data?.customerSignals.deviceInsights).toMatchObject({ status: 'COMPLETE', feature: expect.any(Number) });
      expect(res.data?.customerSignals.deviceInsights.featureCount).toBeGreaterThan(2900);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });

  it('exits non-zero in production without credentials, naming the missing variables', async () => {
    const server = spawnSubgraph({ NODE_ENV: 'production', PORT: '0' });
    expect(await server.exited).not.toBe(0);
    expect(server.stderr()).toContain('CREDEAU_CLIENT_ID');
    expect(server.stderr()).toContain('CREDEAU_AUTH_TOKEN');
  });

  it('exits non-zero naming a malformed variable', async () => {
    const server = spawnSubgraph({ PORT: '0', CREDEAU_TIMEOUT_MS: 'soon' });
    expect(await server.exited).not.toBe(0);
    expect(server.stderr()).toContain('CREDEAU_TIMEOUT_MS');
  });

  it('on SIGTERM finishes the operation in flight, then exits 0', async () => {
    // sim-pending-4 keeps the operation polling for four intervals, so SIGTERM lands mid-operation.
    const server = spawnSubgraph({ PORT: '0', CREDEAU_POLL_INTERVAL_MS: '150' });
    const url = await server.ready;
    const inFlight = post(url, '{ customerSignals(id: "sim-pending-4-term") { deviceInsights { status } } }');
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.data?.customerSignals.deviceInsights.status).toBe('COMPLETE');
    expect(await server.exited).toBe(0);
    expect(server.stdout()).toContain('shut down');
    await expect(fetch(url.replace('/graphql', '/health/live'))).rejects.toThrow();
  });
});
