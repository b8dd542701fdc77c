import { randomBytes } from 'node:crypto';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { freePort } from '../support/redis-process';
import { spawnSubgraph, type SpawnedSubgraph } from '../support/spawn-subgraph';

interface Family {
  name: string;
  metrics: Array<{ labels?: Record<string, string>; value?: string }>;
}

/**
 * The breaker's and the budget's series, read from the built server's own /metrics (as Prometheus
 * scrapes it) after its CREDEAU circuit opened and its NEUROID budget refused a call.
 */
describe('governance series on /metrics', () => {
  let server: SpawnedSubgraph;
  let graphqlUrl: string;
  let metricsUrl: string;

  beforeAll(async () => {
    const metricsPort = await freePort();
    server = spawnSubgraph({
      PORT: '0',
      HOST: '127.0.0.1',
      METRICS_PORT: String(metricsPort),
      LOG_LEVEL: 'info',
      CREDEAU_INSIGHTS_MODE: 'sync',
      CREDEAU_BREAKER_THRESHOLD: '2',
      CREDEAU_BREAKER_COOLDOWN_MS: '600000',
      CREDEAU_INSIGHTS_CACHE_TTL_MS: '0',
      // One NeuroID call a minute, and a deadline short enough that the second waits, then is refused.
      NEUROID_RATE_LIMIT: '1/60s',
      NEUROID_CACHE_TTL_MS: '0',
      OPERATION_TIMEOUT_MS: '1500',
    });
    graphqlUrl = await server.ready;
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  }, 30_000);
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
  });

  const query = async (body: string) => {
    const res = await fetch(graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: body }) });
    return (await res.json()) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
  };
  const families = async (): Promise<Family[]> => parsePrometheusTextFormat(await (await fetch(metricsUrl)).text()) as Family[];
  const sample = (all: Family[], name: string, vendor: string): number =>
    Number(all.find((f) => f.name === name)?.metrics.find((m) => m.labels?.vendor === vendor)?.value);

  it('shows every circuit closed and nothing refused at first', async () => {
    const all = await families();
    for (const vendor of ['CREDEAU', 'FINBOX', 'CREDOLAB', 'NEUROID']) {
      expect(sample(all, 'signals_vendor_circuit_state', vendor)).toBe(0);
      expect(sample(all, 'signals_vendor_rate_limited_total', vendor)).toBe(0);
    }
  });

  it('shows an open circuit (1) for the failing vendor only, and counts a budget refusal', async () => {
    for (let i = 0; i < 3; i++) await query(`{ customerSignals(id: "sim-unavailable-metrics-${i}") { deviceInsights { status } } }`);
    await query('{ customerSignals(id: "budget-first") { behaviorSignals { status } } }');
    const refused = await query('{ customerSignals(id: "budget-second") { behaviorSignals { status } } }');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_RATE_LIMITED', vendor: 'NEUROID' });

    const all = await families();
    expect(sample(all, 'signals_vendor_circuit_state', 'CREDEAU')).toBe(1);
    expect(sample(all, 'signals_vendor_circuit_state', 'NEUROID')).toBe(0);
    expect(sample(all, 'signals_vendor_rate_limited_total', 'NEUROID')).toBe(1);
    expect(sample(all, 'signals_vendor_rate_limited_total', 'CREDEAU')).toBe(0);
  });
});

/**
 * Redis unreachable (REDIS_URL at a port nothing listens on): every NeuroID budget request falls back to
 * this replica's own share, 2 of a 20/60s budget at the default 0.1, and /metrics counts each fallback.
 */
describe('the budget fallback with Redis gone, on /metrics', () => {
  let server: SpawnedSubgraph;
  let graphqlUrl: string;
  let metricsUrl: string;

  beforeAll(async () => {
    const metricsPort = await freePort();
    server = spawnSubgraph({
      HOST: '127.0.0.1',
      METRICS_PORT: String(metricsPort),
      LOG_LEVEL: 'info',
      REDIS_URL: `redis://127.0.0.1:${await freePort()}`,
      SIGNALS_STORE_KEY: randomBytes(32).toString('base64'),
      NEUROID_RATE_LIMIT: '20/60s',
      NEUROID_CACHE_TTL_MS: '0',
      OPERATION_TIMEOUT_MS: '1500',
    });
    graphqlUrl = await server.ready;
    metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  }, 30_000);
  afterAll(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
  });

  it('spends only the fallback share (2 of 20) and counts signals_rate_budget_fallback_total', async () => {
    const ids = Array.from({ length: 5 }, (_, i) => `fallback-${i}`);
    const res = await fetch(graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ ${ids.map((id, i) => `c${i}: customerSignals(id: "${id}") { behaviorSignals { status } }`).join(' ')} }` }),
    });
    const body = (await res.json()) as { data?: Record<string, { behaviorSignals: { status: string } | null }>; errors?: Array<{ extensions?: Record<string, unknown> }> };
    const answered = Object.values(body.data ?? {}).filter((c) => c.behaviorSignals?.status === 'COMPLETE');
    expect(answered).toHaveLength(2);
    expect(body.errors?.map((e) => e.extensions?.code)).toEqual(['VENDOR_RATE_LIMITED', 'VENDOR_RATE_LIMITED', 'VENDOR_RATE_LIMITED']);

    const all = parsePrometheusTextFormat(await (await fetch(metricsUrl)).text()) as Family[];
    const fallback = (vendor: string) =>
      Number(all.find((f) => f.name === 'signals_rate_budget_fallback_total')?.metrics.find((m) => m.labels?.vendor === vendor)?.value);
    expect(fallback('NEUROID')).toBeGreaterThanOrEqual(5);
    expect(fallback('CREDEAU')).toBe(0);
  });
});
