import { RateLimiterRedis, RateLimiterRes, type RateLimiterCompatibleAbstract, type RateLimiterRedis as RedisLimiter } from 'rate-limiter-flexible';
import type { RateLimit } from '../config/governance.config';
import type { VendorName } from '../errors';
import type { SharedRedis } from '../store/shared-redis';
import { SlidingLogLimiter } from './sliding-log-limiter';

/**
 * The same sliding-window log as SlidingLogLimiter, atomically in Redis, on one sorted set per vendor
 * (one key, so it lives in one Redis Cluster slot). Time is Redis' own (TIME), so replicas whose clocks
 * differ still share one window. Returns {consumed, msBeforeNext} as rate-limiter-flexible expects from
 * its incr-and-ttl script: consumed above the points means refused, msBeforeNext is when the oldest
 * admitted call leaves the window. ARGV: points to consume, duration (s, floored), points, duration (s).
 */
const SLIDING_LOG_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = math.floor(tonumber(ARGV[4]) * 1000)
local limit = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then
  redis.call('ZADD', KEYS[1], now, t[1] .. '.' .. t[2] .. ':' .. count)
  redis.call('PEXPIRE', KEYS[1], window)
  return {count + 1, window}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {limit + 1, math.max(1, tonumber(oldest[2]) + window - now)}
`;

/** Redis key prefix of the budgets; the vendor name is the key. Versioned like every key we write. */
export const RATE_BUDGET_KEY_PREFIX = 'signals:v1:budget';

/**
 * A call admitted at t reaches the vendor a little later, and not every call equally late (a new
 * connection, a busy event loop): two calls admitted exactly W apart can arrive less than W apart. So a
 * budget of N per W is enforced as N per W plus a margin (a tenth of W, at least 500 ms), and the vendor
 * still never sees more than N in any W. The price: sustained throughput of N per (W + margin).
 */
export const RATE_BUDGET_MIN_MARGIN_MS = 500;

export function enforcedWindowMs(limit: RateLimit): number {
  return limit.windowMs + Math.max(Math.ceil(limit.windowMs / 10), RATE_BUDGET_MIN_MARGIN_MS);
}

/** A vendor's outbound budget: `take()` admits one call now (0) or says how long until a slot frees. */
export interface RateBudget {
  take(): Promise<number>;
}

/**
 * With Redis: one budget for the whole fleet (RateLimiterRedis running the sliding-log script on the
 * process's shared client). If a Redis command fails or is slower than REDIS_TIMEOUT_MS, the
 * insuranceLimiter (this process's own sliding log) answers instead: Redis trouble is never an outage,
 * and while it lasts each replica keeps the whole budget to itself. Without Redis: the in-process log.
 */
export function createRateBudget(vendor: VendorName, limit: RateLimit, redis: SharedRedis | undefined): RateBudget {
  const windowMs = enforcedWindowMs(limit);
  const memory = new SlidingLogLimiter(limit.calls, windowMs);
  const limiter: RedisLimiter | RateLimiterCompatibleAbstract = redis
    ? new RateLimiterRedis({
        storeClient: redis.client,
        keyPrefix: RATE_BUDGET_KEY_PREFIX,
        points: limit.calls,
        duration: windowMs / 1000,
        customIncrTtlLuaScript: SLIDING_LOG_SCRIPT,
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      })
    : memory;
  return {
    async take() {
      try {
        await limiter.consume(vendor);
        return 0;
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes) return Math.max(1, refusal.msBeforeNext);
        // Neither Redis nor the insurance answered (cannot happen with the in-process log): admit.
        return 0;
      }
    },
  };
}
