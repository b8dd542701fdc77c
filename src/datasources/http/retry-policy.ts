/**
 * When to try a vendor call again, and after how long. Vendors differ (Credeau asks for exponential
 * backoff with jitter, FinBox for fixed 2 s then 5 s), so the policy is data handed to the one retry
 * loop in VendorHttpClient rather than a loop per vendor.
 */
export interface RetryPolicy {
  /** HTTP statuses worth another attempt. Connection failures and timeouts are always retried. */
  retryStatuses: ReadonlySet<number>;
  /**
   * Wait before retry number `retry` (0 for the first retry), or undefined when no retries are left.
   * `retryAfterMs` is the vendor's Retry-After, when it sent one.
   */
  delayBeforeRetry(retry: number, retryAfterMs: number | undefined): number | undefined;
}

/** Statuses every vendor treats as transient unless its policy says more. */
export const TRANSIENT_STATUSES: readonly number[] = [429, 502, 503, 504];

export interface ExponentialBackoffOptions {
  baseMs: number;
  capMs: number;
  maxRetries: number;
  /** Fraction of the delay added or removed at random, 0.2 = ±20 %. */
  jitter?: number;
  retryStatuses?: readonly number[];
  random?: () => number;
}

/** base × 2^retry, capped, ±jitter; a Retry-After longer than that wins (also capped). */
export function exponentialBackoff(options: ExponentialBackoffOptions): RetryPolicy {
  const jitter = options.jitter ?? 0.2;
  const random = options.random ?? Math.random;
  return {
    retryStatuses: new Set(options.retryStatuses ?? TRANSIENT_STATUSES),
    delayBeforeRetry(retry, retryAfterMs) {
      if (retry >= options.maxRetries) return undefined;
      const exponential = Math.min(options.baseMs * 2 ** retry, options.capMs);
      const jittered = exponential + exponential * jitter * (random() * 2 - 1);
      return Math.round(Math.min(Math.max(jittered, retryAfterMs ?? 0), options.capMs));
    },
  };
}

export interface FixedDelaysOptions {
  delaysMs: readonly number[];
  capMs: number;
  retryStatuses?: readonly number[];
}

/** One retry per listed delay (FinBox: 2000 then 5000); a longer Retry-After wins, capped. */
export function fixedDelays(options: FixedDelaysOptions): RetryPolicy {
  return {
    retryStatuses: new Set(options.retryStatuses ?? TRANSIENT_STATUSES),
    delayBeforeRetry(retry, retryAfterMs) {
      const delay = options.delaysMs[retry];
      if (delay === undefined) return undefined;
      return Math.min(Math.max(delay, retryAfterMs ?? 0), options.capMs);
    },
  };
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
