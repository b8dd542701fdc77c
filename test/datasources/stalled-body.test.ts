import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import { createLogger } from '../../src/logger';
import { circuitBreakerGuard } from '../../src/datasources/http/circuit-breaker.guard';
import { Deadline } from '../../src/datasources/http/deadline';
import { exponentialBackoff } from '../../src/datasources/http/retry-policy';
import { VendorCallEvents, type VendorAttemptEvent } from '../../src/datasources/http/vendor-call-events';
import { VendorHttpClient } from '../../src/datasources/http/vendor-http-client';
import { createMetricsRegistry } from '../../src/observability/metrics-registry';
import { registerVendorCallMetrics } from '../../src/observability/vendor-call-metrics';
import { CREDEAU_SIMULATOR_CREDENTIALS } from '../../src/simulators/credeau/credeau.simulator';
import { startTestSubgraph } from '../support/harness';

/** A JSON body of exactly 200 bytes, announced in full; the stubs send only its first half. */
const BODY = JSON.stringify({ insights: 'x'.repeat(200 - 15) });
const HALF = BODY.slice(0, BODY.length / 2);

/** Three attempts per call (two retries), and a breaker that opens on the fifth failed attempt in a row. */
const MAX_RETRIES = 2;
const THRESHOLD = 5;

/**
 * A vendor on a real loopback socket that answers 200 with its headers and half the body, then either
 * stalls (sends nothing more, socket open) or breaks off (destroys the socket). Counts arrivals.
 */
async function halfBodyVendor(ending: 'stall' | 'destroy') {
  let arrivals = 0;
  const server: Server = createServer((_req: IncomingMessage, res: ServerResponse) => {
    arrivals++;
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(BODY)) });
    res.write(HALF);
    if (ending === 'destroy') setTimeout(() => res.socket?.destroy(), 20);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals: () => arrivals,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** The real vendor client with its breaker, its retry policy and the process' vendor call metrics. */
function observedClient(url: string, timeoutMs: number) {
  const events = new VendorCallEvents();
  const registry = createMetricsRegistry();
  registerVendorCallMetrics(events, registry);
  const attempts: VendorAttemptEvent[] = [];
  events.onAttempt((event) => attempts.push(event));
  const client = new VendorHttpClient({
    vendor: 'CREDEAU', baseUrl: url, timeoutMs, connectTimeoutMs: 1000, maxConnections: 4, maxResponseBytes: 1 << 20,
    retry: exponentialBackoff({ baseMs: 1, capMs: 10, maxRetries: MAX_RETRIES, jitter: 0 }),
    logger: createLogger('silent', []),
    observer: events,
    guards: [circuitBreakerGuard('CREDEAU', { threshold: THRESHOLD, cooldownMs: 60_000 })],
  });
  return { client, registry, attempts };
}

/** signals_vendor_requests_total by outcome for one operation, from the registry's exposition text. */
async function outcomes(registry: ReturnType<typeof createMetricsRegistry>, operation: string): Promise<Record<string, number>> {
  const family = parsePrometheusTextFormat(await registry.metrics()).find((f) => f.name === 'signals_vendor_requests_total');
  const counts: Record<string, number> = {};
  for (const metric of family?.metrics ?? []) {
    if (metric.labels?.operation === operation) counts[metric.labels.outcome as string] = Number(metric.value);
  }
  return counts;
}

const open: Array<() => Promise<void>> = [];
const deadlines: Deadline[] = [];
afterEach(async () => {
  deadlines.splice(0).forEach((deadline) => deadline.dispose());
  await Promise.all(open.splice(0).map((close) => close().catch(() => undefined)));
});

function deadline(): Deadline {
  const made = new Deadline(20_000);
  deadlines.push(made);
  return made;
}

// A stalled body ends with the attempt's timeout; a broken-off one ends at once, so its attempts get a
// timeout no loaded machine reaches (else a slow attempt would read as a timeout, not a cut-off body).
describe.each([
  { ending: 'stall' as const, code: 'VENDOR_TIMEOUT', timeoutMs: 400 },
  { ending: 'destroy' as const, code: 'VENDOR_UNAVAILABLE', timeoutMs: 10_000 },
])('a vendor that sends 200 and half its body, then $ending', ({ ending, code, timeoutMs }) => {
  it('fails the attempt: retried per policy, counted by the breaker until it opens, never recorded as ok', async () => {
    const vendor = await halfBodyVendor(ending);
    const { client, registry, attempts } = observedClient(vendor.url, timeoutMs);
    open.push(() => client.close(), () => vendor.close());
    const call = () => client.request({ method: 'GET', path: '/insights/c-1', deadline: deadline(), operation: 'insights' });

    // First call: every attempt of the policy reaches the vendor, each fails on the body.
    await expect(call()).rejects.toMatchObject({ code, vendor: 'CREDEAU' });
    expect(vendor.arrivals()).toBe(MAX_RETRIES + 1);

    // Second call: the breaker opens on the fifth failed attempt in a row; its next attempt is refused.
    await expect(call()).rejects.toMatchObject({ vendor: 'CREDEAU' });
    expect(vendor.arrivals()).toBe(THRESHOLD);

    // While open, a call is refused without reaching the vendor.
    await expect(call()).rejects.toMatchObject({ code: 'VENDOR_UNAVAILABLE', extensions: { circuitOpen: true } });
    expect(vendor.arrivals()).toBe(THRESHOLD);

    // Every attempt that reached the vendor was reported as the failure it was, never as a 200.
    expect(attempts).toHaveLength(THRESHOLD);
    for (const attempt of attempts) expect(attempt).toMatchObject({ code, status: undefined });
    const counted = await outcomes(registry, 'insights');
    expect(counted.ok ?? 0).toBe(0);
    expect(counted[code]).toBeGreaterThanOrEqual(1);
    expect(Object.values(counted).reduce((sum, n) => sum + n, 0)).toBe(3);
  });
});

describe('through the real server: deviceInsights while Credeau stalls its body', () => {
  it('each operation is retried per policy and answers VENDOR_TIMEOUT; then the open circuit keeps calls away', async () => {
    const vendor = await halfBodyVendor('stall');
    open.push(() => vendor.close());
    const subgraph = await startTestSubgraph({
      CREDEAU_BASE_URL: vendor.url,
      CREDEAU_CLIENT_ID: CREDEAU_SIMULATOR_CREDENTIALS.clientId,
      CREDEAU_AUTH_TOKEN: CREDEAU_SIMULATOR_CREDENTIALS.authToken,
      CREDEAU_INSIGHTS_MODE: 'sync',
      CREDEAU_TIMEOUT_MS: '400',
      CREDEAU_MAX_RETRIES: String(MAX_RETRIES),
      CREDEAU_BREAKER_THRESHOLD: String(THRESHOLD),
      CREDEAU_BREAKER_COOLDOWN_MS: '60000',
    });
    open.push(() => subgraph.stop());
    const insights = (id: string) => subgraph.query(`{ customerSignals(id: "${id}") { deviceInsights { status } } }`);

    const first = await insights('stalled-1');
    expect(first.data?.customerSignals.deviceInsights).toBeNull();
    expect(first.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_TIMEOUT', vendor: 'CREDEAU', retryable: true });
    expect(vendor.arrivals()).toBe(MAX_RETRIES + 1);

    await insights('stalled-2');
    expect(vendor.arrivals()).toBe(THRESHOLD);
    const refused = await insights('stalled-3');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', circuitOpen: true });
    expect(vendor.arrivals()).toBe(THRESHOLD);
  });
});
