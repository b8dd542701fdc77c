import { z } from 'zod';
import { integerVar } from './env-fields';

/** Server-wide environment contract. */
export const serverEnvShape = {
  /** `production` forbids the embedded simulators and turns GraphiQL off unless enabled. */
  NODE_ENV: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('development')),
  /** Default 4001. */
  PORT: integerVar(4001, 0, 65_535),
  /** Default 0.0.0.0 (all interfaces). */
  HOST: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('0.0.0.0')),
  /** pino level: fatal, error, warn, info, debug, trace, silent. Default info. */
  LOG_LEVEL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  /** Deadline for one GraphQL operation, every vendor call, retry and poll included. Default 30000. */
  OPERATION_TIMEOUT_MS: integerVar(30_000, 100, 600_000),
  /** On SIGTERM/SIGINT, how long in-flight operations may finish before connections are cut. Default 10000. */
  SHUTDOWN_TIMEOUT_MS: integerVar(10_000, 0, 600_000),
  /** Largest accepted GraphQL request body, bytes. Default 1048576 (1 MiB). */
  MAX_REQUEST_BYTES: integerVar(1_048_576, 1024, 104_857_600),
  /** Most `_entities` representations accepted in one operation. Default 500. */
  MAX_ENTITIES_PER_OPERATION: integerVar(500, 1, 100_000),
  /** Deepest nesting of fields, fragment spreads and inline fragments, checked before validation. Default 32. */
  MAX_OPERATION_DEPTH: integerVar(32, 2, 512),
  /** Largest serialized answer; larger is RESPONSE_TOO_LARGE. Default 16777216 (16 MiB). */
  MAX_RESPONSE_BYTES: integerVar(16_777_216, 1024, 1_073_741_824),
  /** Most levels of arrays and objects in a request's variables; deeper is BAD_USER_INPUT. Default 32. */
  MAX_VARIABLE_DEPTH: integerVar(32, 2, 1000),
  /** Time a client has to send a request's complete headers (idle new connections included). Default 10000. */
  SERVER_HEADERS_TIMEOUT_MS: integerVar(10_000, 1000, 600_000),
  /** Time a client has to send a whole request; must be >= SERVER_HEADERS_TIMEOUT_MS. Default 30000. */
  SERVER_REQUEST_TIMEOUT_MS: integerVar(30_000, 1000, 3_600_000),
  /**
   * How long an idle keep-alive connection stays open after an answer. Default 65000: longer than every
   * client's own idle timeout (Apollo Router's subgraph pool 5 s, Node/undici 4 s, Hive Router 50 s, a
   * typical load balancer 60 s), so the client closes an idle connection first and never sends a request
   * into one the server is closing.
   */
  SERVER_KEEP_ALIVE_TIMEOUT_MS: integerVar(65_000, 1000, 600_000),
  /** Most open connections; further ones are closed on accept. Default 1024. */
  SERVER_MAX_CONNECTIONS: integerVar(1024, 1, 1_000_000),
  /** Connection timeout for every vendor origin. Default 5000. */
  HTTP_CONNECT_TIMEOUT_MS: integerVar(5000, 1, 120_000),
  /** Largest vendor response body read, bytes; larger is VENDOR_BAD_RESPONSE. Default 16777216 (16 MiB). */
  HTTP_MAX_RESPONSE_BYTES: integerVar(16_777_216, 1024, 1_073_741_824),
  /** Longest single retry wait (exponential backoff cap, and the most Retry-After we honour). Default 60000. */
  HTTP_RETRY_CAP_MS: integerVar(60_000, 0, 600_000),
  /** Serve the GraphiQL IDE. Default: on outside production, off in production. */
  GRAPHIQL_ENABLED: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['true', 'false', '1', '0']).optional()),
};

export interface ServerConfig {
  nodeEnv: string;
  production: boolean;
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  operationTimeoutMs: number;
  shutdownTimeoutMs: number;
  maxRequestBytes: number;
  maxEntitiesPerOperation: number;
  maxOperationDepth: number;
  maxResponseBytes: number;
  maxVariableDepth: number;
  graphiqlEnabled: boolean;
  connections: ConnectionLimits;
}

/** The HTTP server's socket timeouts and connection cap (node:http Server properties of the same names). */
export interface ConnectionLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  maxConnections: number;
}

/** Cross-field rules Node enforces itself (it throws on start), reported with the variables' names. */
export function serverConfigProblems(env: { SERVER_HEADERS_TIMEOUT_MS: number; SERVER_REQUEST_TIMEOUT_MS: number }): string[] {
  return env.SERVER_REQUEST_TIMEOUT_MS < env.SERVER_HEADERS_TIMEOUT_MS
    ? ['SERVER_REQUEST_TIMEOUT_MS: must be at least SERVER_HEADERS_TIMEOUT_MS (a request cannot end before its headers)']
    : [];
}

export interface HttpConfig {
  connectTimeoutMs: number;
  maxResponseBytes: number;
  retryCapMs: number;
}
