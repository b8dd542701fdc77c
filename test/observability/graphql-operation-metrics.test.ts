import 'reflect-metadata';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { startTestSubgraph, type TestSubgraph } from '../support/harness';

// Customer ids of this test: none may show up in any label value.
const OK = 'cust-metrics-ok-7731';
const RETRIED = 'sim-rate-limited-once-metrics7731';
const DOWN = 'sim-unavailable-metrics7731';

/** The process as `npm start` composes it (createSubgraph): the server on port 0, /metrics on port 0. */
describe('GraphQL operation and vendor call metrics on /metrics, through the server', () => {
  let subgraph: TestSubgraph;

  beforeAll(async () => {
    subgraph = await startTestSubgraph({ LOG_LEVEL: 'silent', METRICS_OPERATION_NAMES: 'FrontEndSignals' });
  });
  afterAll(async () => {
    await subgraph.stop();
  });

  async function post(query: string, operationName?: string) {
    const response = await fetch(`${subgraph.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, operationName }),
    });
    return (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
  }

  it('counts the operation and its successful, retried and failing vendor calls with bounded labels', async () => {
    // CustomerDeviceInsights is the name of operations/device-insights.graphql: a known name.
    const res = await post(`query CustomerDeviceInsights {
      ok: customerSignals(id: "${OK}") { deviceInsights { status } }
      retried: customerSignals(id: "${RETRIED}") { deviceInsights { status } }
      down: customerSignals(id: "${DOWN}") { deviceInsights { status } }
    }`);
    expect(res.errors?.map((error) => error.extensions?.code)).toEqual(['VENDOR_UNAVAILABLE']);
    // A name nobody declared (here a customer id) and no name at all are folded.
    await post(`query cust_metrics_ok_7731 { customerSignals(id: "${OK}") { id } }`);
    await post(`{ customerSignals(id: "${OK}") { id } }`);
    await post(`query FrontEndSignals { customerSignals(id: "${OK}") { id } }`);
    await post('query Broken { customerSignals(');

    const response = await fetch(subgraph.metricsUrl);
    expect(response.status).toBe(200);
    const text = await response.text();
    const families = parsePrometheusTextFormat(text);
    const family = (name: string) => {
      const found = families.find((f) => f.name === name);
      if (!found) throw new Error(`${name} missing from /metrics`);
      return found;
    };
    const counts = (name: string) => family(name).metrics.map((m) => ({ labels: m.labels, value: Number(m.value) }));

    expect(counts('signals_graphql_operations_total')).toEqual(
      expect.arrayContaining([
        { labels: { operation_name: 'CustomerDeviceInsights', outcome: 'VENDOR_UNAVAILABLE' }, value: 1 },
        { labels: { operation_name: 'other', outcome: 'ok' }, value: 1 },
        { labels: { operation_name: 'anonymous', outcome: 'ok' }, value: 1 },
        { labels: { operation_name: 'FrontEndSignals', outcome: 'ok' }, value: 1 },
        { labels: { operation_name: 'anonymous', outcome: 'GRAPHQL_PARSE_FAILED' }, value: 1 },
      ]),
    );
    const operationDuration = family('signals_graphql_operation_duration_seconds');
    expect(operationDuration.type).toBe('HISTOGRAM');
    expect(operationDuration.metrics.reduce((sum, m) => sum + Number(m.buckets?.['+Inf'] ?? 0), 0)).toBeGreaterThan(0);
    // This parser merges a labelled histogram's series; the per-name counts are read from the text.
    expect(text).toContain('signals_graphql_operation_duration_seconds_count{operation_name="CustomerDeviceInsights"} 1');

    // Credeau in async mode: the ok and the retried call succeed, the down one fails after its retries.
    expect(counts('signals_vendor_requests_total')).toEqual(
      expect.arrayContaining([
        { labels: { vendor: 'CREDEAU', operation: 'async_insights', outcome: 'ok' }, value: 2 },
        { labels: { vendor: 'CREDEAU', operation: 'async_insights', outcome: 'VENDOR_UNAVAILABLE' }, value: 1 },
      ]),
    );
    const retries = counts('signals_vendor_retries_total');
    expect(retries).toHaveLength(1);
    expect(retries[0]?.labels).toEqual({ vendor: 'CREDEAU' });
    // One retry for the 429; Credeau's 500 is not retried (only 429/502/503/504 are).
    expect(retries[0]?.value).toBe(1);
    const vendorDuration = family('signals_vendor_request_duration_seconds');
    expect(vendorDuration.metrics.reduce((sum, m) => sum + Number(m.buckets?.['+Inf'] ?? 0), 0)).toBeGreaterThan(0);
    // One sample per attempt: 1 (ok) + 2 (429, then ok) + 1 (500).
    expect(text).toContain('signals_vendor_request_duration_seconds_count{vendor="CREDEAU",operation="async_insights"} 4');

    for (const f of families) {
      for (const m of f.metrics) {
        for (const value of Object.values(m.labels ?? {})) {
          for (const id of [OK, RETRIED, DOWN, 'cust_metrics_ok_7731']) expect(value).not.toContain(id);
        }
      }
    }
    for (const id of [OK, RETRIED, DOWN, 'cust_metrics_ok_7731']) expect(text).not.toContain(id);
  });
});
