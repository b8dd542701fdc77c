import type { AuthHook } from './auth-hook';
import type { HttpConfig, VendorHttpConfig } from '../../config';
import type { VendorName } from '../../errors';
import type { Logger } from '../../logger';
import type { AttemptGuard } from './attempt-guard';
import { exponentialBackoff, TRANSIENT_STATUSES, type RetryPolicy } from './retry-policy';
import type { VendorCallObserver } from './vendor-call-events';
import { VendorHttpClient } from './vendor-http-client';

/**
 * One vendor's long-lived client from its config section and the server-wide HTTP settings, so every
 * `<vendor>.vendor.ts` states only what differs: its base URL and its retry policy.
 */
export function createVendorClient(options: {
  vendor: VendorName;
  baseUrl: string;
  vendorHttp: Pick<VendorHttpConfig, 'timeoutMs' | 'maxConnections'>;
  http: HttpConfig;
  retry: RetryPolicy;
  logger: Logger;
  observer?: VendorCallObserver;
  guards?: readonly AttemptGuard[];
  authorize: AuthHook;
}): VendorHttpClient {
  return new VendorHttpClient({
    vendor: options.vendor,
    baseUrl: options.baseUrl,
    timeoutMs: options.vendorHttp.timeoutMs,
    connectTimeoutMs: options.http.connectTimeoutMs,
    maxConnections: options.vendorHttp.maxConnections,
    maxResponseBytes: options.http.maxResponseBytes,
    retry: options.retry,
    logger: options.logger,
    observer: options.observer,
    guards: options.guards,
    authorize: options.authorize,
  });
}

/**
 * Exponential backoff from a vendor's `<VENDOR>_RETRY_BASE_MS` / `_MAX_RETRIES`, capped by
 * HTTP_RETRY_CAP_MS, ±20 % jitter; `alsoRetry` adds statuses to the transient 429/502/503/504.
 */
export function vendorBackoff(vendorHttp: VendorHttpConfig, http: HttpConfig, alsoRetry: readonly number[] = []): RetryPolicy {
  return exponentialBackoff({
    baseMs: vendorHttp.retryBaseMs,
    capMs: http.retryCapMs,
    maxRetries: vendorHttp.maxRetries,
    jitter: 0.2,
    retryStatuses: [...TRANSIENT_STATUSES, ...alsoRetry],
  });
}
