import { createServer, type IncomingMessage, type Server } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { OperationNames } from '../../src/observability/operation-names';
import { startOtlpTracing } from '../../src/observability/otlp-tracing';
import { spawnSubgraph, type SpawnedSubgraph } from '../support/spawn-subgraph';

const HOOK = join(__dirname, '..', 'support', 'loaded-modules-hook.js');
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const ROUTER_SPAN_ID = 'b7ad6b7169203331';
const CUSTOMER = 'sim-rate-limited-once-trace-8812';

interface OtlpAttribute { key: string; value: { stringValue?: string; intValue?: string | number; boolValue?: boolean } }
interface OtlpSpan { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes: OtlpAttribute[] }
interface OtlpBody { resourceSpans: Array<{ resource: { attributes: OtlpAttribute[] }; scopeSpans: Array<{ spans: OtlpSpan[] }> }> }

/** An OTLP/HTTP receiver on port 0, as a collector would be: POST /v1/traces with the exporter's JSON. */
class OtlpReceiver {
  readonly bodies: OtlpBody[] = [];
  readonly requests: string[] = [];
  private server: Server = createServer((req, res) => void this.handle(req).then(() => res.writeHead(200, { 'content-type': 'application/json' }).end('{}')));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  spans(): OtlpSpan[] {
    return this.bodies.flatMap((body) => body.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans)));
  }

  private async handle(req: IncomingMessage): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    this.requests.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
    if (req.url === '/v1/traces') this.bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpBody);
  }
}

const attribute = (span: OtlpSpan, key: string) => {
  const value = span.attributes.find((a) => a.key === key)?.value;
  return value?.stringValue ?? (value?.intValue === undefined ? value?.boolValue : Number(value.intValue));
};

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i += 1) await new Promise((resolve) => setTimeout(resolve, 50));
  if (!condition()) throw new Error(`timed out waiting for ${what}`);
}

async function post(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: unknown; errors?: unknown[] };
}

async function stop(server: SpawnedSubgraph): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

describe('OpenTelemetry traces over OTLP/HTTP (the built server)', () => {
  let receiver: OtlpReceiver;
  let endpoint: string;
  beforeEach(async () => {
    receiver = new OtlpReceiver();
    endpoint = await receiver.start();
  });
  afterEach(() => receiver.stop());

  it("joins the router's trace: an operation span under traceparent, one span per vendor attempt under it", async () => {
    const server = spawnSubgraph({ PORT: '0', HOST: '127.0.0.1', OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '100', OTEL_SERVICE_NAME: 'signals-under-test' });
    try {
      const url = await server.ready;
      const res = await post(url, 'query CustomerDeviceInsights($id: ID!) { customerSignals(id: $id) { deviceInsights { status } } }', { id: CUSTOMER }, {
        traceparent: `00-${TRACE_ID}-${ROUTER_SPAN_ID}-01`,
      });
      expect(res.errors).toBeUndefined();
      // The operation span and two Credeau attempts (429, then 200).
      await waitFor(() => receiver.spans().filter((span) => span.traceId === TRACE_ID).length >= 3, 'three spans in the trace');
    } finally {
      await stop(server);
    }

    expect(receiver.requests[0]).toBe('POST /v1/traces application/json');
    const resource = receiver.bodies[0]?.resourceSpans[0]?.resource.attributes.find((a) => a.key === 'service.name');
    expect(resource?.value.stringValue).toBe('signals-under-test');

    const spans = receiver.spans().filter((span) => span.traceId === TRACE_ID);
    const operation = spans.find((span) => span.parentSpanId === ROUTER_SPAN_ID);
    expect(operation).toBeDefined();
    expect(operation?.name).toBe('query CustomerDeviceInsights');
    expect(attribute(operation!, 'graphql.operation.name')).toBe('CustomerDeviceInsights');
    expect(attribute(operation!, 'signals.outcome')).toBe('ok');

    // The vendor's attempts (the store lookup's span carries the vendor too, with its product instead).
    const attempts = spans.filter((span) => attribute(span, 'signals.vendor') === 'CREDEAU' && attribute(span, 'signals.vendor.operation') !== undefined);
    expect(attempts).toHaveLength(2);
    const lookups = spans.filter((span) => span.name === 'store lookup credeau');
    expect(lookups.map((span) => [attribute(span, 'signals.vendor'), attribute(span, 'signals.store.product')])).toEqual([['CREDEAU', 'credeau']]);
    for (const span of attempts) expect(span.parentSpanId).toBe(operation?.spanId);
    expect(attempts.map((span) => [attribute(span, 'signals.attempt'), attribute(span, 'signals.retry'), attribute(span, 'http.response.status_code')]).sort())
      .toEqual([[0, false, 429], [1, true, 200]]);
    expect(attribute(attempts[0]!, 'signals.vendor.operation')).toBe('async_insights');

    // No span carries the customer id (it sits in vendor URL paths, which spans never record).
    expect(JSON.stringify(receiver.bodies)).not.toContain(CUSTOMER);
  });

  it('without an OTLP endpoint starts no exporter and never loads the OpenTelemetry SDK', async () => {
    const modulesFile = join(mkdtempSync(join(tmpdir(), 'signals-otel-')), 'modules.json');
    // OTEL_BSP_SCHEDULE_DELAY alone does not turn tracing on; the receiver is up but nobody is told of it.
    const server = spawnSubgraph({ PORT: '0', HOST: '127.0.0.1', OTEL_BSP_SCHEDULE_DELAY: '100', NODE_OPTIONS: `--require ${HOOK}`, LOADED_MODULES_FILE: modulesFile });
    try {
      const url = await server.ready;
      await post(url, 'query CustomerDeviceInsights($id: ID!) { customerSignals(id: $id) { deviceInsights { status } } }', { id: 'cust-untraced-1' }, {
        traceparent: `00-${TRACE_ID}-${ROUTER_SPAN_ID}-01`,
      });
    } finally {
      await stop(server);
    }
    expect(server.stdout()).not.toContain('exporting traces');
    const loaded = JSON.parse(readFileSync(modulesFile, 'utf8')) as string[];
    expect(loaded.some((path) => path.includes(join('dist', 'src', 'server.js')))).toBe(true);
    expect(loaded.filter((path) => /@opentelemetry[\\/](sdk-|exporter-|otlp-)/.test(path))).toEqual([]);
    expect(loaded.filter((path) => path.includes('otlp-tracing'))).toEqual([]);
    expect(receiver.requests).toEqual([]);
  });

  it('records a store lookup span through the subscription point the store calls', async () => {
    // In process, with an exporter of the test's own: the OTLP exporter's lazy import needs a real Node,
    // not jest's VM (the spawned server above covers the OTLP path).
    const exported: ReadableSpan[] = [];
    const exporter: SpanExporter = {
      export: (spans, done) => {
        exported.push(...spans);
        done({ code: 0 });
      },
      shutdown: async () => undefined,
    };
    const tracing = startOtlpTracing({ url: 'http://127.0.0.1:9/unused', serviceName: 'signals-under-test', exportDelayMs: 100 }, new OperationNames([]), exporter);
    const startedAt = Date.now();
    tracing.recordStoreLookupSpan({ vendor: 'CREDEAU', product: 'credeau-sms', result: 'hit_redis', startedAt, durationMs: 3 });
    await tracing.shutdown();
    expect(exported).toHaveLength(1);
    expect(exported[0]?.name).toBe('store lookup credeau-sms');
    expect(exported[0]?.attributes).toEqual({ 'signals.vendor': 'CREDEAU', 'signals.store.product': 'credeau-sms', 'signals.store.result': 'hit_redis' });
  });
});
