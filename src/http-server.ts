import { createServer, type RequestListener, type Server } from 'node:http';
import type { ConnectionLimits } from './config/server.config';

/** Longest wait between two sweeps of the header and request timeouts (Node's default is 30 s). */
const MAX_TIMEOUT_SWEEP_MS = 1000;

/**
 * The node:http server with the connection limits applied. Node enforces headersTimeout and
 * requestTimeout only when it sweeps its connections (every `connectionsCheckingInterval`, 30 s by
 * default), so an idle or half-sent connection could outlive its timeout by half a minute: the sweep
 * here runs at least every second (a quarter of the shorter timeout when that is less), so a connection
 * closes at most about a second late. A connection over `maxConnections` is closed as it is accepted.
 */
export function createHttpServer(limits: ConnectionLimits, app: RequestListener): Server {
  const server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      connectionsCheckingInterval: Math.min(MAX_TIMEOUT_SWEEP_MS, Math.floor(Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) / 4)),
    },
    app,
  );
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.maxConnections = limits.maxConnections;
  return server;
}
