import type { z } from 'zod';
import { pickVendorHttp, urlVar, vendorHttpShape, type VendorHttpConfig } from '../../config/env-fields';
import { storedProduct } from '../../config/store.config';

/** NeuroID Analytics API v4.1 environment contract. */
export const neuroidEnvShape = {
  /** Default https://api.neuro-id.com/v4.1 (the version is part of the base URL, as NeuroID documents it). */
  NEUROID_BASE_URL: urlVar('https://api.neuro-id.com/v4.1'),
  // NeuroID is meant for real-time decisions: a shorter timeout and quicker retries than the batch vendors.
  ...vendorHttpShape('NEUROID', {
    timeoutMs: 5000,
    concurrency: 16,
    maxConnections: 32,
    retryBaseMs: 250,
    maxRetries: 2,
  }),
};

/** The API key is per site, so the site it was issued for is part of the credentials. */
/** NeuroID's product: behavioural signals. */
export const neuroidProducts = {
  /** NEUROID_CACHE_TTL_MS: NeuroID signals freshness window (behaviour moves fast). Default 30000. */
  signals: storedProduct('neuroid', 'NEUROID_CACHE_TTL_MS', 30_000),
} as const;

export const neuroidCredentialVariables = {
  apiKey: 'NEUROID_API_KEY',
  siteId: 'NEUROID_SITE_ID',
} as const;

export interface NeuroidCredentials {
  apiKey: string;
  /** The site `behaviorSignals` reads when the query names none. */
  siteId: string;
}

export interface NeuroidConfig {
  baseUrl: string;
  /** True when no credentials were given and the embedded simulator serves NeuroID. */
  simulated: boolean;
  credentials: NeuroidCredentials | null;
  http: VendorHttpConfig;
}

type NeuroidEnv = z.infer<z.ZodObject<typeof neuroidEnvShape>>;

export function toNeuroidConfig(env: NeuroidEnv, credentials: NeuroidCredentials | null): NeuroidConfig {
  return {
    baseUrl: env.NEUROID_BASE_URL,
    simulated: credentials === null,
    credentials,
    http: pickVendorHttp('NEUROID', env as unknown as Record<string, unknown>),
  };
}
