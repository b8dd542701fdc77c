import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RouterInvalidationConfig } from '../../src/config';
import { RouterInvalidation } from '../../src/erasure/router-invalidation';
import { createLogger } from '../../src/logger';
import { freePort } from '../support/redis-process';

interface Received {
  method: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

/** A stand-in for Apollo Router's invalidation endpoint on port 0, answering with the statuses given, then 202. */
async function routerStub(statuses: number[] = []): Promise<{ url: string; received: Received[]; server: Server }> {
  const received: Received[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => {
      received.push({ method: req.method ?? '', authorization: req.headers.authorization, contentType: req.headers['content-type'], body: JSON.parse(text) });
      const status = statuses.shift() ?? 202;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status === 202 ? JSON.stringify({ count: 1 }) : JSON.stringify({ errors: [{ message: 'no' }] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/invalidation`, received, server };
}

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

function config(url: string | undefined, overrides: Partial<RouterInvalidationConfig> = {}): RouterInvalidationConfig {
  return { url, key: url ? 'shared-key-of-the-router' : undefined, timeoutMs: 2_000, maxRetries: 2, retryBaseMs: 10, subgraphName: 'signals', ...overrides };
}

describe('RouterInvalidation against a node:http stand-in for the router', () => {
  const lines: string[] = [];
  const logger = createLogger('info', [], { write: (line: string) => void lines.push(line) });
  const TAG = 'signals-customer-0123456789abcdef0123456789abcdef';

  it('POSTs one cache_tag invalidation for this subgraph with the shared key as the Authorization header', async () => {
    const stub = await routerStub();
    try {
      expect(await new RouterInvalidation(config(stub.url), logger).invalidateCacheTag(TAG)).toBe('sent');
      expect(stub.received).toEqual([
        {
          method: 'POST',
          authorization: 'shared-key-of-the-router',
          contentType: 'application/json',
          body: [{ kind: 'cache_tag', subgraphs: ['signals'], cache_tag: TAG }],
        },
      ]);
    } finally {
      await close(stub.server);
    }
  });

  it('answers not-configured without a URL, and sends nothing', async () => {
    expect(await new RouterInvalidation(config(undefined), logger).invalidateCacheTag(TAG)).toBe('not-configured');
  });

  it('retries a 5xx within its bound, then gives up; never retries a 4xx', async () => {
    const flaky = await routerStub([503]);
    const down = await routerStub([503, 502, 500, 503]);
    const refused = await routerStub([401]);
    try {
      expect(await new RouterInvalidation(config(flaky.url), logger).invalidateCacheTag(TAG)).toBe('sent');
      expect(flaky.received).toHaveLength(2);
      expect(await new RouterInvalidation(config(down.url), logger).invalidateCacheTag(TAG)).toBe('failed');
      expect(down.received).toHaveLength(3);
      expect(await new RouterInvalidation(config(refused.url), logger).invalidateCacheTag(TAG)).toBe('failed');
      expect(refused.received).toHaveLength(1);
    } finally {
      await Promise.all([flaky, down, refused].map((stub) => close(stub.server)));
    }
  });

  it('fails on a port nobody listens on after its bounded retries, without logging the key', async () => {
    const dead = `http://127.0.0.1:${await freePort()}/invalidation`;
    lines.length = 0;
    expect(await new RouterInvalidation(config(dead), logger).invalidateCacheTag(TAG)).toBe('failed');
    const warning = lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.msg === 'router cache invalidation failed');
    expect(warning).toMatchObject({ status: 'network', attempts: 3 });
    expect(lines.join('\n')).not.toContain('shared-key-of-the-router');
  });

  it('gives up on a router that never answers after its per-attempt timeout', async () => {
    let attempts = 0;
    const hung = createServer(() => void (attempts += 1));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(hung.address() as AddressInfo).port}/invalidation`;
      expect(await new RouterInvalidation(config(url, { timeoutMs: 200, maxRetries: 1 }), logger).invalidateCacheTag(TAG)).toBe('failed');
      expect(attempts).toBe(2);
    } finally {
      hung.closeAllConnections();
      await close(hung);
    }
  });
});
