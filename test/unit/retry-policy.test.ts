import { exponentialBackoff, fixedDelays, parseRetryAfter } from '../../src/datasources/http/retry-policy';

describe('exponentialBackoff', () => {
  it('doubles from the base, stays within ±20 % jitter, caps, and stops after maxRetries', () => {
    const low = exponentialBackoff({ baseMs: 1000, capMs: 60_000, maxRetries: 8, random: () => 0 });
    const high = exponentialBackoff({ baseMs: 1000, capMs: 60_000, maxRetries: 8, random: () => 1 });
    expect([0, 1, 2, 3].map((r) => low.delayBeforeRetry(r, undefined))).toEqual([800, 1600, 3200, 6400]);
    expect([0, 1, 2, 3].map((r) => high.delayBeforeRetry(r, undefined))).toEqual([1200, 2400, 4800, 9600]);
    expect(high.delayBeforeRetry(7, undefined)).toBe(60_000);
    expect(high.delayBeforeRetry(8, undefined)).toBeUndefined();
  });

  it('waits at least as long as Retry-After asks, but never past the cap', () => {
    const policy = exponentialBackoff({ baseMs: 100, capMs: 10_000, maxRetries: 3, random: () => 0.5 });
    expect(policy.delayBeforeRetry(0, 3000)).toBe(3000);
    expect(policy.delayBeforeRetry(0, 99_000)).toBe(10_000);
  });

  it('retries 429, 502, 503 and 504 by default but not 500', () => {
    const policy = exponentialBackoff({ baseMs: 1, capMs: 1, maxRetries: 1 });
    expect([...policy.retryStatuses].sort()).toEqual([429, 502, 503, 504]);
  });
});

describe('fixedDelays', () => {
  it('retries once per listed delay (FinBox: 2 s then 5 s)', () => {
    const policy = fixedDelays({ delaysMs: [2000, 5000], capMs: 60_000 });
    expect([0, 1, 2].map((r) => policy.delayBeforeRetry(r, undefined))).toEqual([2000, 5000, undefined]);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates, and ignores garbage', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('7', now)).toBe(7000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});
