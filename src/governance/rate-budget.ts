import { RateLimiterRes } from 'rate-limiter-flexible';
import { fallbackCalls, type RateLimit } from '../config/governance.config';
import type { VendorName } from '../errors';
import type { SharedRedis } from '../store/shared-redis';
import { SlidingLogLimiter } from './sliding-log-limiter';

/**
 * A sliding-window log, atomically in Redis, on one sorted set per vendor (one key, so it lives in one
 * Redis Cluster slot). Time is Redis' own (TIME), so replicas whose clocks differ still share one
 * window. ARGV: the calls Redis may grant, the window (ms). Returns {1, 0} when admitted, else
 * {0, ms until the oldest admitted call leaves the window}.
 */
const SLIDING_LOG_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then
  redis.call('ZADD', KEYS[1], now, t[1] .. '.' .. t[2] .. ':' .. count)
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, math.max(1, tonumber(oldest[2]) + window - now)}
`;

/** Redis key prefix of the budgets; the vendor name ends the key. Versioned like every key we write. */
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

export interface RateBudgetOptions {
  limit: RateLimit;
  /** `<VENDOR>_RATE_LIMIT_FALLBACK_SHARE`: share of N this replica may spend alone while Redis is late. */
  fallbackShare: number;
  /** RATE_LIMIT_FALLBACK_REPLICAS: the most replicas on one Redis, each holding a fallback share. */
  fallbackReplicas: number;
  /** Told whenever Redis did not answer in time and the replica's own share decided. */
  onFallback?(): void;
}

/**
 * Without Redis: the in-process sliding log, the whole of N (the process is the fleet).
 *
 * With Redis, the budget is split so that the vendor never sees more than N in any window, whatever
 * Redis does (slow, paused, failing over, gone):
 * - every replica owns a fallback share F = floor(share x N), spent only from its own in-process log and
 *   only when Redis did not answer in time (error, REDIS_TIMEOUT_MS passed, disconnected);
 * - Redis grants at most N - R x F, R = RATE_LIMIT_FALLBACK_REPLICAS, so the shares are reserved up front.
 * In any window the vendor sees what Redis granted and answered (at most N - R x F) plus what each of at
 * most R replicas spent alone (at most F each): at most N. A reservation that timed out may still have
 * been executed by Redis later (a paused Redis runs its queue when it resumes): it then holds a slot of
 * the shared part that no call uses, and the call, if it is sent, is counted against the local share, so
 * nothing Redis granted is spent twice. Redis losing its data (a failover before replication, a restart)
 * forgets what it granted in the current window: the one case this cannot cover.
 */
export function createRateBudget(vendor: VendorName, options: RateBudgetOptions, redis: SharedRedis | undefined): RateBudget {
  const windowMs = enforcedWindowMs(options.limit);
  if (!redis) return inProcess(new SlidingLogLimiter(options.limit.calls, windowMs), vendor, windowMs);
  const share = fallbackCalls(options.limit, options.fallbackShare);
  const shared = options.limit.calls - share * options.fallbackReplicas;
  const local = inProcess(new SlidingLogLimiter(share, windowMs), vendor, windowMs);
  const key = `${RATE_BUDGET_KEY_PREFIX}:${vendor}`;
  return {
    async take() {
      let answer: unknown;
      try {
        answer = await redis.client.eval(SLIDING_LOG_SCRIPT, 1, key, shared, windowMs);
      } catch {
        options.onFallback?.();
        return local.take();
      }
      const [admitted, waitMs] = answer as [number, number];
      return admitted === 1 ? 0 : Math.max(1, waitMs);
    },
  };
}

function inProcess(log: SlidingLogLimiter, vendor: VendorName, windowMs: number): RateBudget {
  return {
    async take() {
      try {
        await log.consume(vendor);
        return 0;
      } catch (refusal) {
        if (refusal instanceof RateLimiterRes && Number.isFinite(refusal.msBeforeNext)) return Math.max(1, refusal.msBeforeNext);
        // A share of 0 never admits: ask again in a twentieth of the window (Redis may answer by then).
        return Math.ceil(windowMs / 20);
      }
    },
  };
}
