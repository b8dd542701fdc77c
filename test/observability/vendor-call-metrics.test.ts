import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { createLogger } from '../../src/logger';
import { Deadline } from '../../src/datasources/http/deadline';
import { exponentialBackoff, TRANSIENT_STATUSES } from '../../src/datasources/http/retry-policy';
import { VendorCallEvents } from '../../src/datasources/http/vendor-call-events';
import { VendorHttpClient } from '../../src/datasources/http/vendor-http-client';
import { createMetricsRegistry } from '../../src/observability/metrics-registry';
import { startMetricsServer, type MetricsServer } from '../../src/observability/metrics-server';
import { registerVendorCallMetrics } from '../../src/observability/vendor-call-metrics';

const CUSTOMER = 'cust-9f3a-secret';

/** A vendor on port 0: /ok answers 200, /flaky fails once with 503 then 200, /down always 500. */
function startVendor(): Promise<Server> {
  let flaky = 0;
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    if (path.startsWith('/ok')) res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}');
    else if (path.startsWith('/flaky') && flaky++ === 0) res.writeHead(503).end();
    else if (path.startsWith('/flaky')) res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":2}');
    else res.writeHead(500).end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('vendor call metrics on /metrics', () => {
  let vendor: Server;
  let client: VendorHttpClient;
  let metrics: MetricsServer;

  beforeAll(async () => {
    vendor = await startVendor();
    const events = new VendorCallEvents();
    const registry = createMetricsRegistry();
    registerVendorCallMetrics(events, registry);
    metrics = await startMetricsServer(registry, 0, '127.0.0.1');
    client = new VendorHttpClient({
      vendor: 'CREDEAU',
      baseUrl: `http://127.0.0.1:${(vendor.address() as AddressInfo).port}`,
      timeoutMs: 2000, connectTimeoutMs: 1000, maxConnections: 2, maxResponseBytes: 1 << 20,
      retry: exponentialBackoff({ baseMs: 5, capMs: 20, maxRetries: 2, jitter: 0, retryStatuses: [...TRANSIENT_STATUSES] }),
      logger: createLogger('silent', []),
      observer: events,
    });
  });

  afterAll(async () => {
    await client.close();
    await metrics.close();
    await new Promise((resolve) => vendor.close(resolve));
  });

  it('counts a successful, a retried and a failing call with bounded labels, and samples each attempt', async () => {
    const deadline = new Deadline(5000);
    await client.request({ method: 'GET', path: `/ok/${CUSTOMER}`, deadline, operation: 'insights' });
    await client.request({ method: 'GET', path: `/flaky/${CUSTOMER}`, deadline, operation: 'insights' });
    await expect(client.request({ method: 'GET', path: `/down/${CUSTOMER}`, deadline, operation: 'score' })).rejects.toThrow();
    deadline.dispose();

    const response = await fetch(metrics.url);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain(CUSTOMER);
    const families = parsePrometheusTextFormat(text);
    const family = (name: string) => families.find((f) => f.name === name);

    const requests = family('signals_vendor_requests_total')!.metrics.map((m) => ({ labels: m.labels, value: Number(m.value) }));
    expect(requests).toEqual(
      expect.arrayContaining([
        { labels: { vendor: 'CREDEAU', operation: 'insights', outcome: 'ok' }, value: 2 },
        { labels: { vendor: 'CREDEAU', operation: 'score', outcome: expect.stringMatching(/^VENDOR_/) }, value: 1 },
      ]),
    );
    expect(family('signals_vendor_retries_total')!.metrics).toEqual([{ labels: { vendor: 'CREDEAU' }, value: '1' }]);
    const histogram = family('signals_vendor_request_duration_seconds')!;
    expect(histogram.type).toBe('HISTOGRAM');
    // One sample per attempt: ok (1) + flaky (2) on insights. This parser keeps a histogram's
    // buckets but not its labels, so the per-operation split is read from the text's _count lines.
    const samples = histogram.metrics.reduce((sum, m) => sum + Number(m.buckets?.['+Inf'] ?? 0), 0);
    expect(samples).toBeGreaterThan(0);
    expect(text).toContain('signals_vendor_request_duration_seconds_count{vendor="CREDEAU",operation="insights"} 3');
    expect(family('process_cpu_user_seconds_total')).toBeDefined();

    for (const f of families) for (const m of f.metrics) for (const value of Object.values(m.labels ?? {})) {
      expect(value).not.toContain(CUSTOMER);
    }
  });

  it('serves nothing else on the metrics port', async () => {
    expect((await fetch(metrics.url.replace('/metrics', '/graphql'))).status).toBe(404);
  });
});
