import { z } from 'zod';
import { integerVar, pickVendorHttp, urlVar, vendorHttpShape, type VendorHttpConfig } from '../../config/env-fields';
import { storedProduct } from '../../config/store.config';

/** Credeau environment contract (DeviceInsights and SMS extraction share the host and credentials). */
export const credeauEnvShape = {
  /** Default https://deviceinsights.credeau.com */
  CREDEAU_BASE_URL: urlVar('https://deviceinsights.credeau.com'),
  /** `async` (default) polls /api/async_insights while it answers 202; `sync` calls /api/insights once. */
  CREDEAU_INSIGHTS_MODE: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['async', 'sync']).default('async'),
  ),
  /** Wait between two polls of an in-progress request. Default 2000 (the vendor's sample waits 2-3 s). */
  CREDEAU_POLL_INTERVAL_MS: integerVar(2000, 0, 120_000),
  /** Overall budget for polling one customer before answering IN_PROGRESS. Default 25000. */
  CREDEAU_POLL_TIMEOUT_MS: integerVar(25_000, 0, 600_000),
  /**
   * Credeau timestamps carry no zone; the docs imply UTC. Offset applied when parsing them, e.g. +05:30.
   * Default +00:00.
   */
  CREDEAU_TIMESTAMP_OFFSET: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .string()
      .regex(/^[+-]\d{2}:\d{2}$/, 'must look like +00:00 or +05:30')
      .default('+00:00'),
  ),
  /**
   * Largest `first` accepted by `Customer.extractedSms`; above it the query is BAD_USER_INPUT before any
   * call. Default 500 (a page of SMS bodies stays well under a megabyte).
   */
  CREDEAU_SMS_MAX_PAGE_SIZE: integerVar(500, 1, 10_000),
  ...vendorHttpShape('CREDEAU', {
    timeoutMs: 10_000,
    concurrency: 16,
    maxConnections: 32,
    retryBaseMs: 1000,
    maxRetries: 3,
  }),
};

/** Credeau's products: DeviceInsights and the SMS lists, each stored for its own window. */
export const credeauProducts = {
  /** CREDEAU_INSIGHTS_CACHE_TTL_MS: Credeau DeviceInsights freshness window. Default 900000 (15 minutes). */
  insights: storedProduct('credeau', 'CREDEAU_INSIGHTS_CACHE_TTL_MS', 900_000),
  /**
   * CREDEAU_SMS_CACHE_TTL_MS: Credeau SMS list freshness window: long enough to page through one snapshot,
   * short for personal data. Default 120000 (two minutes).
   */
  sms: storedProduct('credeau-sms', 'CREDEAU_SMS_CACHE_TTL_MS', 120_000, 3_600_000),
} as const;

export const credeauCredentialVariables = {
  clientId: 'CREDEAU_CLIENT_ID',
  authToken: 'CREDEAU_AUTH_TOKEN',
} as const;

export interface CredeauConfig {
  baseUrl: string;
  /** True when no credentials were given and the embedded simulator serves Credeau. */
  simulated: boolean;
  credentials: { clientId: string; authToken: string } | null;
  insightsMode: 'async' | 'sync';
  pollIntervalMs: number;
  pollTimeoutMs: number;
  timestampOffset: string;
  smsMaxPageSize: number;
  http: VendorHttpConfig;
}

type CredeauEnv = z.infer<z.ZodObject<typeof credeauEnvShape>>;

export function toCredeauConfig(
  env: CredeauEnv,
  credentials: { clientId: string; authToken: string } | null,
): CredeauConfig {
  return {
    baseUrl: env.CREDEAU_BASE_URL,
    simulated: credentials === null,
    credentials,
    insightsMode: env.CREDEAU_INSIGHTS_MODE,
    pollIntervalMs: env.CREDEAU_POLL_INTERVAL_MS,
    pollTimeoutMs: env.CREDEAU_POLL_TIMEOUT_MS,
    timestampOffset: env.CREDEAU_TIMESTAMP_OFFSET,
    smsMaxPageSize: env.CREDEAU_SMS_MAX_PAGE_SIZE,
    http: pickVendorHttp('CREDEAU', env as unknown as Record<string, unknown>),
  };
}
