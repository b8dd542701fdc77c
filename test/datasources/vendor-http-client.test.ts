import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { Deadline } from '../../src/datasources/http/deadline';
import { exponentialBackoff, type RetryPolicy } from '../../src/datasources/http/retry-policy';
import { VendorHttpClient } from '../../src/datasources/http/vendor-http-client';

/** A raw HTTP server whose behaviour each test scripts, on a real loopback socket. */
async function scriptedServer(handle: (req: IncomingMessage, res: ServerResponse, call: number) => void) {
  let calls = 0;
  const server: Server = createServer((req, res) => handle(req, res, calls++));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); });
  openResources.push(close);
  return { url, calls: () => calls, close };
}

/** Closed after each test, also when an assertion failed midway (else jest waits on open sockets). */
const openResources: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(openResources.splice(0).map((close) => close().catch(() => undefined)));
});

function clientFor(url: string, overrides: Partial<ConstructorParameters<typeof VendorHttpClient>[0]> = {}) {
  const client = new VendorHttpClient({
    vendor: 'CREDEAU', baseUrl: url, timeoutMs: 1000, connectTimeoutMs: 500, maxConnections: 4,
    maxResponseBytes: 1024, retry: exponentialBackoff({ baseMs: 1, capMs: 10, maxRetries: 2 }),
    logger: pino({ level: 'silent' }), ...overrides,
  });
  openResources.push(() => client.close());
  return client;
}

describe('VendorHttpClient', () => {
  const deadlines: Deadline[] = [];
  const deadline = (ms = 5000) => {
    const d = new Deadline(ms);
    deadlines.push(d);
    return d;
  };
  afterEach(() => deadlines.splice(0).forEach((d) => d.dispose()));

  it("sends every attempt through the vendor's auth hook, retries included, with the call's session token", async () => {
    const seen: Array<string | undefined> = [];
    const server = await scriptedServer((req, res, call) => {
      seen.push(req.headers['x-vendor-key'] as string | undefined);
      res.statusCode = call === 0 ? 503 : 200;
      res.end('{}');
    });
    const operations: string[] = [];
    const client = clientFor(server.url, {
      authorize: (request) => {
        operations.push(request.operation);
        request.headers['x-vendor-key'] = `key-for-${request.sessionToken ?? 'none'}`;
      },
    });
    await client.request({ method: 'GET', path: '/x', deadline: deadline(), operation: 'scores', sessionToken: 's-1' });
    expect(seen).toEqual(['key-for-s-1', 'key-for-s-1']);
    expect(operations).toEqual(['scores', 'scores']);
  });

  it('refuses a body larger than the cap with VENDOR_BAD_RESPONSE', async () => {
    const server = await scriptedServer((_req, res) => res.end(JSON.stringify({ blob: 'x'.repeat(5000) })));
    const client = clientFor(server.url);
    await expect(client.request({ method: 'GET', path: '/big', deadline: deadline(), operation: 't' }))
      .rejects.toMatchObject({ code: 'VENDOR_BAD_RESPONSE', vendor: 'CREDEAU' });
  });

  it('gives VENDOR_TIMEOUT when an attempt exceeds its timeout, after retrying', async () => {
    const server = await scriptedServer(() => { /* never answers */ });
    const client = clientFor(server.url, { timeoutMs: 100 });
    await expect(client.request({ method: 'GET', path: '/slow', deadline: deadline(), operation: 't' }))
      .rejects.toMatchObject({ code: 'VENDOR_TIMEOUT' });
    expect(server.calls()).toBe(3);
  });

  it('gives VENDOR_UNAVAILABLE when nothing listens', async () => {
    const server = await scriptedServer(() => undefined);
    const url = server.url;
    await server.close();
    const client = clientFor(url);
    await expect(client.request({ method: 'GET', path: '/', deadline: deadline(), operation: 't' }))
      .rejects.toMatchObject({ code: 'VENDOR_UNAVAILABLE' });
  });

  it('hands Retry-After to the retry policy and succeeds on the retry', async () => {
    const server = await scriptedServer((_req, res, call) => {
      if (call === 0) {
        res.writeHead(429, { 'retry-after': '2' });
        res.end();
      } else res.end('{"ok":true}');
    });
    const seen: Array<number | undefined> = [];
    const recording: RetryPolicy = {
      retryStatuses: new Set([429]),
      delayBeforeRetry: (retry, retryAfterMs) => {
        seen.push(retryAfterMs);
        return retry < 1 ? 0 : undefined;
      },
    };
    const client = clientFor(server.url, { retry: recording });
    const response = await client.request({ method: 'GET', path: '/', deadline: deadline(), operation: 't' });
    expect(response.body).toEqual({ ok: true });
    expect(seen).toEqual([2000]);
  });

  it('stops retrying when the wait would pass the operation deadline', async () => {
    const server = await scriptedServer((_req, res) => {
      res.writeHead(503);
      res.end();
    });
    const client = clientFor(server.url, { retry: exponentialBackoff({ baseMs: 5000, capMs: 5000, maxRetries: 5, jitter: 0 }) });
    await expect(client.request({ method: 'GET', path: '/', deadline: deadline(1000), operation: 't' }))
      .rejects.toMatchObject({ code: 'VENDOR_UNAVAILABLE', httpStatus: 503 });
    expect(server.calls()).toBe(1);
  });

  it('does not retry a status outside the policy (500 for Credeau) and returns accepted statuses as data', async () => {
    const server = await scriptedServer((req, res) => {
      res.writeHead(req.url === '/accepted' ? 202 : 500, { 'content-type': 'application/json' });
      res.end('{"state":"x"}');
    });
    const client = clientFor(server.url);
    await expect(client.request({ method: 'GET', path: '/', deadline: deadline(), operation: 't' }))
      .rejects.toMatchObject({ code: 'VENDOR_UNAVAILABLE' });
    expect(server.calls()).toBe(1);
    const accepted = await client.request({ method: 'GET', path: '/accepted', acceptStatuses: [202], deadline: deadline(), operation: 't' });
    expect(accepted).toMatchObject({ status: 202, body: { state: 'x' } });
  });

  it('hands back an accepted error status with an unreadable body as data, but refuses an unreadable success', async () => {
    const server = await scriptedServer((req, res) => {
      const status = req.url === '/ok' ? 200 : 404;
      res.writeHead(status, { 'content-type': 'text/html' });
      res.end(req.url === '/big' ? 'x'.repeat(5000) : '<html>not json</html>');
    });
    const client = clientFor(server.url);
    const accept = [200, 404];
    await expect(client.request({ method: 'GET', path: '/missing', acceptStatuses: accept, deadline: deadline(), operation: 't' }))
      .resolves.toMatchObject({ status: 404, body: undefined });
    await expect(client.request({ method: 'GET', path: '/big', acceptStatuses: accept, deadline: deadline(), operation: 't' }))
      .resolves.toMatchObject({ status: 404, body: undefined });
    await expect(client.request({ method: 'GET', path: '/ok', acceptStatuses: accept, deadline: deadline(), operation: 't' }))
      .rejects.toMatchObject({ code: 'VENDOR_BAD_RESPONSE', httpStatus: 200 });
  });
});
