import { randomUUID } from 'node:crypto';
import type { VendorName } from '../errors';
import { releaseClaim } from '../store/redis-claims';
import type { SharedRedis } from '../store/shared-redis';

/**
 * Redis key prefix of the fleet-wide back-offs: `<prefix>:{<VENDOR>}` closes a vendor (PX = the wait),
 * `<prefix>:{<VENDOR>}:trial` is the one trial after it; the hash tag keeps both in one Cluster slot.
 * Vendor names only, never anything of a customer.
 */
export const BACKOFF_KEY_PREFIX = 'signals:v1:backoff';

/**
 * The trial claim, atomic with the closed check: a replica that read "open" a moment before another
 * replica's trial closed the vendor again must not send a second trial. Returns {0, ms still closed},
 * {1} claimed, or {2} another replica holds the trial. KEYS: back-off, trial; ARGV: token, lease (ms).
 */
const CLAIM_SCRIPT = `
local closed = redis.call('PTTL', KEYS[1])
if closed > 0 then return {0, closed} end
if redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2], 'NX') then return {1, 0} end
return {2, 0}
`;

/** What a replica on probation learns when it asks for the trial. */
export type TrialClaim =
  | { kind: 'claimed'; release(): Promise<void> }
  | { kind: 'held' }
  | { kind: 'closed'; ms: number };

/**
 * One vendor's back-off, as this process and (with Redis) the whole fleet sees it. A vendor that answers
 * 429 or 503 with Retry-After is closed for that long (capped by HTTP_RETRY_CAP_MS) here at once and,
 * through a Redis key that expires with the wait, for every replica on the same Redis. After a back-off
 * the vendor is on probation: one trial call, claimed with SET NX across the fleet, decides whether it
 * closes again. Redis trouble falls back to what this process saw itself.
 */
export class VendorBackoff {
  private closedUntil = 0;
  private probation = false;
  /** The last wait the vendor asked for (capped): how long an unanswered trial keeps the others out. */
  private lastWaitMs = 0;
  private readonly key: string;
  private readonly trialKey: string;

  constructor(
    vendor: VendorName,
    private readonly redis: SharedRedis | undefined,
    private readonly capMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.key = `${BACKOFF_KEY_PREFIX}:{${vendor}}`;
    this.trialKey = `${this.key}:trial`;
  }

  /** Whether the next call must be a trial: a back-off was seen and no answer has ended it since. */
  get onProbation(): boolean {
    return this.probation;
  }

  /** How long the vendor stays closed, here or fleet-wide; 0 when calls may go. */
  async closedForMs(): Promise<number> {
    if (this.localClosedMs() > 0 || !this.redis) return this.localClosedMs();
    let fleet: number;
    try {
      fleet = await this.redis.client.pttl(this.key);
    } catch {
      fleet = 0;
    }
    if (fleet > 0) this.closedFor(fleet);
    // An answer of our own may have closed the vendor while Redis was asked.
    return this.localClosedMs();
  }

  private localClosedMs(): number {
    return Math.max(0, this.closedUntil - this.now());
  }

  private closedFor(ms: number): void {
    this.closedUntil = Math.max(this.closedUntil, this.now() + ms);
    this.lastWaitMs = Math.max(this.lastWaitMs, ms);
    this.probation = true;
  }

  /** The vendor asked for `retryAfterMs` of quiet: close it here, then for the fleet. */
  async close(retryAfterMs: number): Promise<void> {
    const waitMs = Math.min(retryAfterMs, this.capMs);
    if (waitMs <= 0) return;
    this.closedFor(waitMs);
    try {
      await this.redis?.client.set(this.key, String(waitMs), 'PX', waitMs);
    } catch {
      // Redis late or down: this replica still holds back; the others learn from their own 429.
    }
  }

  /**
   * Claims the one trial call of the fleet. The claim lasts the trial's own deadline plus one more wait:
   * a trial that ends without an answer (its operation's deadline, a busy machine) may still have reached
   * the vendor, so the next trial comes no sooner than a back-off later (a replica that dies mid-trial
   * blocks the others no longer either). Release it once the trial has an answer. Without Redis, or when
   * Redis does not answer, the claim is this process's alone.
   */
  async claimTrial(deadlineMs: number): Promise<TrialClaim> {
    const leaseMs = deadlineMs + this.lastWaitMs;
    const redis = this.redis;
    const local: TrialClaim = { kind: 'claimed', release: async () => undefined };
    if (!redis) return local;
    const token = randomUUID();
    let answer: [number, number];
    try {
      answer = (await redis.client.eval(CLAIM_SCRIPT, 2, this.key, this.trialKey, token, Math.max(1, Math.ceil(leaseMs)))) as [number, number];
    } catch {
      return local;
    }
    if (answer[0] === 0) {
      this.closedFor(answer[1]);
      return { kind: 'closed', ms: answer[1] };
    }
    if (answer[0] === 2) return { kind: 'held' };
    return {
      kind: 'claimed',
      release: async () => {
        try {
          await releaseClaim(redis.client, this.trialKey, token);
        } catch {
          // The claim expires with its lease.
        }
      },
    };
  }

  /** A trial (or any call after the back-off) got an answer that asks for no back-off: open again. */
  reopen(): void {
    this.probation = false;
  }
}
