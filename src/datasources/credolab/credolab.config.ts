import { z } from 'zod';
import { integerVar, pickVendorHttp, urlVar, vendorHttpShape, type VendorHttpConfig } from '../../config/env-fields';
import { storedProduct, unstoredProduct } from '../../config/store.config';

/** Credolab API v6.0 environment contract (e-mail/password login, bearer tokens). */
export const credolabEnvShape = {
  /** Default https://scoring.credolab.com (production; the trial host is https://scoring-sales.credolab.com). */
  CREDOLAB_BASE_URL: urlVar('https://scoring.credolab.com'),
  /**
   * How long before a token's `.expires` it is refreshed, so no call goes out with a token about to
   * lapse in flight. Default 300000 (5 minutes of Credolab's 60-minute tokens). Capped at half the
   * token's lifetime, so a vendor issuing shorter tokens does not make every call refresh.
   */
  CREDOLAB_TOKEN_REFRESH_MARGIN_MS: integerVar(300_000, 0, 3_000_000),
  /**
   * After Credolab rejects our credentials at login (password_invalid, user_email_invalid,
   * subscription_suspended, profile_inactive), every call fails fast for this long instead of logging
   * in again: a rejected password does not fix itself, and repeated bad logins can lock the account.
   * Default 30000.
   */
  CREDOLAB_LOGIN_FAILURE_COOLDOWN_MS: integerVar(30_000, 0, 3_600_000),
  /**
   * With Redis, the fleet shares one token: the replica logging in or refreshing holds a claim for at
   * most this long (it is released as soon as the new token is stored); if that replica dies, another
   * takes over when the claim lapses. Above a login's own timeout and retries. Default 15000.
   */
  CREDOLAB_TOKEN_CLAIM_MS: integerVar(15_000, 100, 300_000),
  /** How often the other replicas look in Redis for the new token meanwhile. Default 50. */
  CREDOLAB_TOKEN_POLL_MS: integerVar(50, 5, 5_000),
  ...vendorHttpShape('CREDOLAB', {
    timeoutMs: 10_000,
    concurrency: 16,
    maxConnections: 32,
    retryBaseMs: 500,
    maxRetries: 2,
  }),
};

/** Credolab's products: the dataset insight (stored) and the fraud check (an event with e-mail and phone: never stored). */
export const credolabProducts = {
  /** CREDOLAB_CACHE_TTL_MS: Credolab dataset insight freshness window. Default 3600000. */
  score: storedProduct('credolab', 'CREDOLAB_CACHE_TTL_MS', 3_600_000),
  fraudCheck: unstoredProduct('credolab-fraud-check'),
} as const;

export const credolabCredentialVariables = {
  email: 'CREDOLAB_EMAIL',
  password: 'CREDOLAB_PASSWORD',
} as const;

export interface CredolabCredentials {
  email: string;
  password: string;
}

export interface CredolabConfig {
  baseUrl: string;
  /** True when no credentials were given and the embedded simulator serves Credolab. */
  simulated: boolean;
  credentials: CredolabCredentials | null;
  tokenRefreshMarginMs: number;
  loginFailureCooldownMs: number;
  tokenClaimMs: number;
  tokenPollMs: number;
  http: VendorHttpConfig;
}

type CredolabEnv = z.infer<z.ZodObject<typeof credolabEnvShape>>;

export function toCredolabConfig(env: CredolabEnv, credentials: CredolabCredentials | null): CredolabConfig {
  return {
    baseUrl: env.CREDOLAB_BASE_URL,
    simulated: credentials === null,
    credentials,
    tokenRefreshMarginMs: env.CREDOLAB_TOKEN_REFRESH_MARGIN_MS,
    loginFailureCooldownMs: env.CREDOLAB_LOGIN_FAILURE_COOLDOWN_MS,
    tokenClaimMs: env.CREDOLAB_TOKEN_CLAIM_MS,
    tokenPollMs: env.CREDOLAB_TOKEN_POLL_MS,
    http: pickVendorHttp('CREDOLAB', env as unknown as Record<string, unknown>),
  };
}
