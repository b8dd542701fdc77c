import { randomUUID } from 'node:crypto';
import type { VendorName } from '../errors';
import type { SharedRedis } from '../store/shared-redis';

/**
 * Redis key prefix of the fleet-wide back-offs: `<prefix>:<VENDOR>` closes a vendor (PX = the wait),
 * `<prefix>:<VENDOR>:trial` is the one trial after it. Vendor names only, never anything of a customer.
 */
export const BACKOFF_KEY_PREFIX = 'signals:v1:backoff';

/** Deletes the trial claim only if it is still ours (a claim that outlived its lease may be another's). */
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

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
  private readonly key: string;
  private readonly trialKey: string;

  constructor(
    vendor: VendorName,
    private readonly redis: SharedRedis | undefined,
    private readonly capMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.key = `${BACKOFF_KEY_PREFIX}:${vendor}`;
    this.trialKey = `${this.key}:trial`;
  }

  /** Whether the next call must be a trial: a back-off was seen and no answer has ended it since. */
  get onProbation(): boolean {
    return this.probation;
  }

  /** How long the vendor stays closed, here or fleet-wide; 0 when calls may go. */
  async closedForMs(): Promise<number> {
    const local = this.closedUntil - this.now();
    if (local > 0) return local;
    if (!this.redis) return 0;
    let fleet: number;
    try {
      fleet = await this.redis.client.pttl(this.key);
    } catch {
      return 0;
    }
    if (fleet <= 0) return 0;
    this.closedUntil = this.now() + fleet;
    this.probation = true;
    return fleet;
  }

  /** The vendor asked for `retryAfterMs` of quiet: close it here, then for the fleet. */
  async close(retryAfterMs: number): Promise<void> {
    const waitMs = Math.min(retryAfterMs, this.capMs);
    if (waitMs <= 0) return;
    this.closedUntil = Math.max(this.closedUntil, this.now() + waitMs);
    this.probation = true;
    try {
      await this.redis?.client.set(this.key, String(waitMs), 'PX', waitMs);
    } catch {
      // Redis late or down: this replica still holds back; the others learn from their own 429.
    }
  }

  /**
   * Claims the one trial call of the fleet for at most `leaseMs` (the trial's own deadline, so a replica
   * that dies mid-trial does not block the others longer). Returns a release function, or undefined when
   * another replica holds the trial. Without Redis, or when Redis does not answer, the claim is local.
   */
  async claimTrial(leaseMs: number): Promise<(() => Promise<void>) | undefined> {
    const redis = this.redis;
    if (!redis) return async () => undefined;
    const token = randomUUID();
    try {
      const claimed = await redis.client.set(this.trialKey, token, 'PX', Math.max(1, Math.ceil(leaseMs)), 'NX');
      if (claimed !== 'OK') return undefined;
    } catch {
      return async () => undefined;
    }
    return async () => {
      try {
        await redis.client.eval(RELEASE_SCRIPT, 1, this.trialKey, token);
      } catch {
        // The claim expires with its lease.
      }
    };
  }

  /** A trial (or any call after the back-off) got an answer that asks for no back-off: open again. */
  reopen(): void {
    this.probation = false;
  }
}
