import { RateLimiterCompatibleAbstract, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * An in-process sliding-window log: admits a call only when fewer than `points` were admitted in the
 * last `windowMs`, so no window of that length, wherever it starts, ever holds more than `points`.
 * rate-limiter-flexible's RateLimiterMemory counts fixed windows, which let 2 x points through across a
 * window boundary; this keeps the library's interface (it is the Redis limiter's insuranceLimiter too)
 * with the guarantee the budget promises. Memory: one timestamp per admitted call of the last window.
 */
export class SlidingLogLimiter extends RateLimiterCompatibleAbstract {
  override readonly keyPrefix = 'signals-memory';
  // Set by rate-limiter-flexible when this is an insuranceLimiter; a sliding log has no use for them.
  override blockDuration = 0;
  override execEvenly = false;
  private readonly logs = new Map<string, number[]>();

  constructor(
    private readonly points: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {
    super();
  }

  override consume(key: string | number): Promise<RateLimiterRes> {
    const now = this.now();
    const name = String(key);
    const log = this.logs.get(name) ?? [];
    while (log.length > 0 && (log[0] as number) <= now - this.windowMs) log.shift();
    if (log.length < this.points) {
      log.push(now);
      this.logs.set(name, log);
      return Promise.resolve(new RateLimiterRes(this.points - log.length, (log[0] as number) + this.windowMs - now, log.length, log.length === 1));
    }
    // Rejected like rate-limiter-flexible rejects: with a RateLimiterRes saying when a slot frees up.
    return Promise.reject(new RateLimiterRes(0, (log[0] as number) + this.windowMs - now, this.points + 1, false));
  }

  override penalty(): Promise<RateLimiterRes> {
    return Promise.reject(new Error('not supported'));
  }

  override reward(): Promise<RateLimiterRes> {
    return Promise.reject(new Error('not supported'));
  }

  override get(): Promise<RateLimiterRes | null> {
    return Promise.resolve(null);
  }

  override set(): Promise<RateLimiterRes> {
    return Promise.reject(new Error('not supported'));
  }

  override block(): Promise<RateLimiterRes> {
    return Promise.reject(new Error('not supported'));
  }

  override delete(key: string | number): Promise<boolean> {
    return Promise.resolve(this.logs.delete(String(key)));
  }
}
