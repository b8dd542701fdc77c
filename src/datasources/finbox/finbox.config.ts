import { z } from 'zod';
import { delayListVar, integerVar, urlVar } from '../../config/env-fields';
import { storedProduct } from '../../config/store.config';

/**
 * FinBox DeviceConnect environment contract. FinBox prescribes its own retry rule (5xx and 429: retry
 * after 2 s, then after 5 s), so instead of the exponential <PREFIX>_RETRY_BASE_MS/_MAX_RETRIES pair the
 * other vendors have, retries are one list of waits: the number of retries is the length of the list.
 */
export const finboxEnvShape = {
  /** Default https://insights.finbox.in/v2 (production); development is https://insights.finbox.in/staging. */
  FINBOX_BASE_URL: urlVar('https://insights.finbox.in/v2'),
  /** The feature-set version FinBox issues as DC_PREDICTORS_VERSION; `finboxPredictors(version:)` overrides it. Default 1. */
  FINBOX_PREDICTORS_VERSION: integerVar(1, 1, 1_000_000),
  /** Wait between two polls while FinBox answers 202 in_progress. Default 10000 (FinBox asks for >= 10 s). */
  FINBOX_POLL_INTERVAL_MS: integerVar(10_000, 0, 120_000),
  /** Overall budget for polling one customer before answering IN_PROGRESS. Default 25000 (FinBox: <= 120 s). */
  FINBOX_POLL_TIMEOUT_MS: integerVar(25_000, 0, 600_000),
  /** Waits before each retry of a 5xx, 429 or connection failure. Default 2000,5000 (FinBox's rule). */
  FINBOX_RETRY_DELAYS_MS: delayListVar([2000, 5000]),
  /**
   * FinBox timestamps (`2019-01-03T06:37:44:003`) carry no zone and the docs name none. Offset applied
   * when parsing them, e.g. +05:30. Default +00:00.
   */
  FINBOX_TIMESTAMP_OFFSET: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^[+-]\d{2}:\d{2}$/, 'must look like +00:00 or +05:30')
      .default('+00:00'),
  ),
  /** Per HTTP request: connect + headers + body. Default 10000. */
  FINBOX_TIMEOUT_MS: integerVar(10_000, 1, 600_000),
  /** Distinct customers fetched at once by one operation. Default 16. */
  FINBOX_CONCURRENCY: integerVar(16, 1, 1000),
  /** Open connections kept to FinBox by the shared pool. Default 32. */
  FINBOX_MAX_CONNECTIONS: integerVar(32, 1, 1000),
};

/** FinBox's product: DeviceConnect predictors. */
export const finboxProducts = {
  /** FINBOX_CACHE_TTL_MS: FinBox predictors freshness window. Default 900000. */
  predictors: storedProduct('finbox', 'FINBOX_CACHE_TTL_MS', 900_000),
} as const;

export const finboxCredentialVariables = {
  apiKey: 'FINBOX_API_KEY',
  serverHash: 'FINBOX_SERVER_HASH',
} as const;

export interface FinboxConfig {
  baseUrl: string;
  /** True when no credentials were given and the embedded simulator serves FinBox. */
  simulated: boolean;
  credentials: { apiKey: string; serverHash: string } | null;
  predictorsVersion: number;
  pollIntervalMs: number;
  pollTimeoutMs: number;
  retryDelaysMs: readonly number[];
  timestampOffset: string;
  http: { timeoutMs: number; concurrency: number; maxConnections: number };
}

type FinboxEnv = z.infer<z.ZodObject<typeof finboxEnvShape>>;

export function toFinboxConfig(
  env: FinboxEnv,
  credentials: { apiKey: string; serverHash: string } | null,
): FinboxConfig {
  return {
    baseUrl: env.FINBOX_BASE_URL,
    simulated: credentials === null,
    credentials,
    predictorsVersion: env.FINBOX_PREDICTORS_VERSION,
    pollIntervalMs: env.FINBOX_POLL_INTERVAL_MS,
    pollTimeoutMs: env.FINBOX_POLL_TIMEOUT_MS,
    retryDelaysMs: env.FINBOX_RETRY_DELAYS_MS,
    timestampOffset: env.FINBOX_TIMESTAMP_OFFSET,
    http: {
      timeoutMs: env.FINBOX_TIMEOUT_MS,
      concurrency: env.FINBOX_CONCURRENCY,
      maxConnections: env.FINBOX_MAX_CONNECTIONS,
    },
  };
}
