import { fallbackCalls, type RateLimit } from '../config/governance.config';
import type { VendorName } from '../errors';
import type { SharedRedis } from '../store/shared-redis';
import { SlidingLog, type BudgetAnswer } from './sliding-log';

export type { BudgetAnswer, BudgetSlot } from './sliding-log';

/**
 * SlidingLog's held entries, atomically in Redis, on one sorted set per vendor (one key, so it lives in
 * one Redis Cluster slot): the score is when the call ended, a placeholder (admission + hold) while it
 * is out. Time is Redis' own (TIME), so replicas whose clocks differ still share one window.
 * ARGV: the calls Redis may grant, the window (ms), the hold (ms). Returns {1, member} when admitted,
 * else {0, ms until the earliest-ended call leaves the window}.
 */
const TAKE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local hold = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then
  local member = t[1] .. '.' .. t[2] .. ':' .. count
  redis.call('ZADD', KEYS[1], now + hold, member)
  if redis.call('PTTL', KEYS[1]) < hold + window then redis.call('PEXPIRE', KEYS[1], hold + window) end
  return {1, member}
end
local earliest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, math.max(1, tonumber(earliest[2]) + window - now)}
`;

/** The call of `member` ended: it counts for one window from now (never longer than its placeholder). */
const RELEASE_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and now < tonumber(score) then redis.call('ZADD', KEYS[1], 'XX', now, ARGV[1]) end
return 0
`;

/** Redis key prefix of the budgets; the vendor name ends the key. Versioned like every key we write. */
export const RATE_BUDGET_KEY_PREFIX = 'signals:v1:budget';

/**
 * Redis TIME and Date.now() are whole milliseconds, as are the vendor's clock readings: a call may
 * look up to a millisecond earlier or later than it was. The window is enforced this much longer.
 */
export const RATE_BUDGET_CLOCK_MARGIN_MS = 2;

/** A vendor's outbound budget: a slot for one call now, or how long until one may free up. */
export interface RateBudget {
  /** `holdMs`: the longest the call may stay out (its operation's remaining deadline). */
  take(holdMs: number): Promise<BudgetAnswer>;
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
 * Without Redis: the in-process log (SlidingLog), the whole of N (the process is the fleet).
 *
 * With Redis, the budget is split so that the vendor never sees more than N in any window, whatever
 * Redis does (slow, paused, failing over, gone):
 * - every replica owns a fallback share F = floor(share x N), spent only from its own in-process log and
 *   only when Redis did not answer in time (error, REDIS_TIMEOUT_MS passed, disconnected);
 * - Redis grants at most N - R x F, R = RATE_LIMIT_FALLBACK_REPLICAS, so the shares are reserved up front.
 * In any window the vendor sees what Redis granted and answered (at most N - R x F) plus what each of at
 * most R replicas spent alone (at most F each): at most N. A reservation that timed out may still have
 * been executed by Redis later (a paused Redis runs its queue when it resumes): it then holds a slot of
 * the shared part that no call uses (until its hold passes), and the call, if it is sent, is counted
 * against the local share, so nothing Redis granted is spent twice. A release Redis does not take leaves
 * the placeholder, which is later than the call's end: safe. Redis losing its data (a failover before
 * replication, a restart) forgets what it granted in the current window: the one case this cannot cover.
 */
export function createRateBudget(vendor: VendorName, options: RateBudgetOptions, redis: SharedRedis | undefined): RateBudget {
  const windowMs = options.limit.windowMs + RATE_BUDGET_CLOCK_MARGIN_MS;
  if (!redis) return inProcess(new SlidingLog(options.limit.calls, windowMs));
  const share = fallbackCalls(options.limit, options.fallbackShare);
  const shared = options.limit.calls - share * options.fallbackReplicas;
  const local = inProcess(new SlidingLog(share, windowMs));
  const key = `${RATE_BUDGET_KEY_PREFIX}:${vendor}`;
  return {
    async take(holdMs) {
      const hold = Math.max(1, Math.ceil(holdMs));
      let answer: unknown;
      try {
        answer = await redis.client.eval(TAKE_SCRIPT, 1, key, shared, windowMs, hold);
      } catch {
        options.onFallback?.();
        return local.take(hold);
      }
      const [admitted, detail] = answer as [number, number | string];
      if (admitted !== 1) return { admitted: false, waitMs: Math.max(1, Number(detail)) };
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        // Not awaited: the answer must not wait for Redis; a lost release only keeps the slot longer.
        redis.client.eval(RELEASE_SCRIPT, 1, key, String(detail)).catch(() => undefined);
      };
      return { admitted: true, slot: { release } };
    },
  };
}

function inProcess(log: SlidingLog): RateBudget {
  return { take: (holdMs) => Promise.resolve(log.take(holdMs)) };
}
