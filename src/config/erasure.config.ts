import { integerVar, optionalString } from './env-fields';
import { z } from 'zod';

/**
 * Erasing one customer everywhere (src/erasure/): the marker that refuses a late write of a vendor call in
 * flight at the erasure, the wait for every replica's acknowledgement, and Apollo Router's invalidation
 * endpoint. Nothing here is needed to serve an answer: without ROUTER_INVALIDATION_URL the router is not
 * told (its entries then expire by their own max-age).
 */
export const erasureEnvShape = {
  /**
   * Longest wait for every replica that received an erasure to acknowledge it (memory entries dropped);
   * the receipt then says how many did. Default 1000.
   */
  ERASURE_ACK_TIMEOUT_MS: integerVar(1_000, 1, 60_000),
  /**
   * How long a customer's erasure marker stays in Redis, refusing to store any vendor answer whose fetch
   * started before the erasure. Must outlive the longest fetch in flight at the erasure, which runs on the
   * OPERATION_TIMEOUT_MS budget (a dead replica's claim is not a writer). Default 600000 (ten minutes: 20x
   * the default operation timeout, the largest OPERATION_TIMEOUT_MS allowed, a hundred claim TTLs).
   */
  ERASURE_MARKER_TTL_MS: integerVar(600_000, 1_000, 86_400_000),
  /** Apollo Router's response-cache invalidation endpoint (`invalidation.listen` + `path`). Default unset: not told. */
  ROUTER_INVALIDATION_URL: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.url({ protocol: /^https?$/ }).optional(),
  ),
  /** The router's `invalidation.shared_key`, sent as the `Authorization` header. Required with ROUTER_INVALIDATION_URL. */
  ROUTER_INVALIDATION_KEY: optionalString,
  /** Per attempt: connect + answer from the invalidation endpoint. Default 2000. */
  ROUTER_INVALIDATION_TIMEOUT_MS: integerVar(2_000, 1, 60_000),
  /** Retries after the first attempt on a network error or a 5xx (invalidation is idempotent). Default 2. */
  ROUTER_INVALIDATION_MAX_RETRIES: integerVar(2, 0, 10),
  /** First retry delay, doubled per retry. Default 100. */
  ROUTER_INVALIDATION_RETRY_BASE_MS: integerVar(100, 0, 10_000),
  /** This subgraph's name in the supergraph, as the router names it in invalidation requests. Default `signals`. */
  ROUTER_SUBGRAPH_NAME: z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]*$/, 'must be a subgraph name as composed into the supergraph').default('signals'),
  ),
};

/** Where and how to tell Apollo Router to drop a customer's cached answers. */
export interface RouterInvalidationConfig {
  /** undefined: not configured (the invalidation answers `not-configured`). */
  url: string | undefined;
  /** The shared key; set whenever `url` is. Never logged. */
  key: string | undefined;
  timeoutMs: number;
  maxRetries: number;
  retryBaseMs: number;
  subgraphName: string;
}

export interface ErasureConfig {
  ackTimeoutMs: number;
  markerTtlMs: number;
  router: RouterInvalidationConfig;
}

/** Its own variables, and the operation timeout its marker must outlast. */
type ErasureEnv = z.output<z.ZodObject<typeof erasureEnvShape>> & { OPERATION_TIMEOUT_MS: number };

/** Problems no single field can see: the URL without its key, a marker shorter than a fetch. */
export function erasureConfigProblems(env: ErasureEnv): string[] {
  const problems: string[] = [];
  if (env.ROUTER_INVALIDATION_URL !== undefined && env.ROUTER_INVALIDATION_KEY === undefined) {
    problems.push("ROUTER_INVALIDATION_KEY: required when ROUTER_INVALIDATION_URL is set (the router's invalidation shared_key)");
  }
  if (env.ERASURE_MARKER_TTL_MS <= env.OPERATION_TIMEOUT_MS) {
    problems.push('ERASURE_MARKER_TTL_MS: must be greater than OPERATION_TIMEOUT_MS, or a vendor call in flight at an erasure could be stored after it');
  }
  return problems;
}

export function toErasureConfig(env: ErasureEnv): ErasureConfig {
  return {
    ackTimeoutMs: env.ERASURE_ACK_TIMEOUT_MS,
    markerTtlMs: env.ERASURE_MARKER_TTL_MS,
    router: {
      url: env.ROUTER_INVALIDATION_URL,
      key: env.ROUTER_INVALIDATION_KEY,
      timeoutMs: env.ROUTER_INVALIDATION_TIMEOUT_MS,
      maxRetries: env.ROUTER_INVALIDATION_MAX_RETRIES,
      retryBaseMs: env.ROUTER_INVALIDATION_RETRY_BASE_MS,
      subgraphName: env.ROUTER_SUBGRAPH_NAME,
    },
  };
}
