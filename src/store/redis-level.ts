import { randomBytes } from 'node:crypto';
import { releaseClaim, renewClaim, takeClaim } from './redis-claims';
import type { SealedBox } from './sealed-box';
import type { SharedRedis } from './shared-redis';
import { claimKey, customerIndexKey, erasureMarkerKey } from './store-keys';


/**
 * A miss in one round trip: the entry's sealed value when there is one, otherwise the claim taken in the
 * same step (so no other replica can write the value between the look and the claim). KEYS: entry, its
 * claim (one hash tag). ARGV: token, claim ttl ms, '1' to try the claim even when a value is there (the
 * caller could not use it: too old for it, or unreadable). Reply: {value or '', 1 when the claim was taken}.
 */
const LOOKUP_OR_CLAIM = `
local value = redis.call('get', KEYS[1])
if value and ARGV[3] ~= '1' then return {value, 0} end
local taken = redis.call('set', KEYS[2], ARGV[1], 'PX', ARGV[2], 'NX')
return {value or '', taken and 1 or 0}`;

/**
 * Stores one customer's entry unless an erasure came after its fetch started, and indexes it for erasure.
 * KEYS: entry, marker, index (one hash tag). ARGV: sealed value, ttl ms, fetch start (ms since the epoch).
 * 0: refused (erased), 1: stored. The index lives at least as long as its longest entry.
 */
const SET_FOR_CUSTOMER = `
local erased = redis.call('get', KEYS[2])
if erased and tonumber(erased) >= tonumber(ARGV[3]) then return 0 end
redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2])
redis.call('sadd', KEYS[3], KEYS[1])
if redis.call('pttl', KEYS[3]) < tonumber(ARGV[2]) then redis.call('pexpire', KEYS[3], ARGV[2]) end
return 1`;

/**
 * Erases one customer: sets the marker (keeping the later instant of two erasures), then deletes every
 * indexed entry and claim, and the index. KEYS: marker, index, then entry and claim names in pairs (read
 * from the index just before). ARGV: erasure instant, marker ttl ms. When the index holds a name not
 * passed (written between the read and this script), nothing is deleted and -1 tells the caller to read
 * the index again: the marker is set by then, so only fetches started after the erasure can add more.
 * Otherwise: how many entries existed and were deleted.
 */
const ERASE_CUSTOMER = `
local previous = tonumber(redis.call('get', KEYS[1]) or '')
local erasedAt = tonumber(ARGV[1])
if previous and previous > erasedAt then erasedAt = previous end
redis.call('set', KEYS[1], string.format('%d', erasedAt), 'PX', ARGV[2])
local passed = {}
for i = 3, #KEYS, 2 do passed[KEYS[i]] = true end
for _, name in ipairs(redis.call('smembers', KEYS[2])) do
  if not passed[name] then return -1 end
end
local deleted = 0
for i = 3, #KEYS, 2 do
  deleted = deleted + redis.call('del', KEYS[i])
  redis.call('del', KEYS[i + 1])
end
redis.call('del', KEYS[2])
return deleted`;

/** What one `lookupOrClaim` found and took. */
export interface LookupOrClaim {
  /** Redis held a value for the key (usable or not). */
  present: boolean;
  /** The value opened; undefined when absent or not sealed under this key by this store key. */
  plaintext: Buffer | undefined;
  /** The claim, when this call took it. */
  token: Buffer | undefined;
}

/** Reads of the index before giving up on an erasure that keeps racing new writes (practically never more than 2). */
const ERASE_ATTEMPTS = 10;

/**
 * Level 2 of the store: sealed values in the shared Redis, and the claims that make replicas fetch a key
 * once between them. Every value (claims included) is sealed under its own key name, so what Redis holds
 * says nothing and a value moved to another key does not open. Every method may reject when Redis is
 * down or slow (REDIS_TIMEOUT_MS): callers treat that as a miss.
 */
export class RedisLevel {
  constructor(
    private readonly redis: SharedRedis,
    private readonly box: SealedBox,
  ) {}

  /** The opened plaintext, or undefined when absent or not sealed under this key by this store key. */
  async get(key: string): Promise<Buffer | undefined> {
    const sealed = await this.redis.client.getBuffer(key);
    return sealed ? this.box.open(key, sealed) : undefined;
  }

  async set(key: string, plaintext: Buffer, ttlMs: number): Promise<void> {
    await this.redis.client.set(key, this.box.seal(key, plaintext), 'PX', Math.max(1, Math.round(ttlMs)));
  }

  /**
   * Stores one customer's answer like `set`, unless that customer was erased at or after `fetchStartedAt`
   * (ms since the epoch, when the vendor call began): then nothing is written and the answer is `erased`.
   * Check and write are one script, so an erasure is either before it (refused) or after it (deletes it).
   * `customerTag` is the hash tag in `key` (StoreKeys.hide of the customer id, see customerTagOf).
   * Instants come from the replicas' clocks: a clock running ahead of the erasing replica's by d lets a
   * fetch that started up to d before the erasure through, so replicas must keep NTP time.
   */
  async setForCustomer(key: string, plaintext: Buffer, ttlMs: number, customerTag: string, fetchStartedAt: number): Promise<'stored' | 'erased'> {
    const stored = await this.redis.client.eval(
      SET_FOR_CUSTOMER,
      3,
      key,
      erasureMarkerKey(customerTag),
      customerIndexKey(customerTag),
      this.box.seal(key, plaintext),
      Math.max(1, Math.round(ttlMs)),
      Math.floor(fetchStartedAt),
    );
    return stored === 1 ? 'stored' : 'erased';
  }

  /**
   * Erases one customer's entries (stored with setForCustomer) and their claims, and leaves the marker
   * (`erasedAt`, kept `markerTtlMs`) that refuses the late write of a fetch in flight now. Returns how many
   * stored entries were deleted (expired ones are not counted). Entries written with plain `set` are not
   * indexed and so not found: every customer answer must be written with setForCustomer.
   */
  async eraseCustomer(customerTag: string, erasedAt: number, markerTtlMs: number): Promise<number> {
    const marker = erasureMarkerKey(customerTag);
    const index = customerIndexKey(customerTag);
    for (let attempt = 0; attempt < ERASE_ATTEMPTS; attempt += 1) {
      const names = await this.redis.client.smembers(index);
      const keys = names.flatMap((name) => [name, claimKey(name)]);
      const deleted = await this.redis.client.eval(ERASE_CUSTOMER, 2 + keys.length, marker, index, ...keys, Math.ceil(erasedAt), Math.max(1, Math.round(markerTtlMs)));
      if (typeof deleted === 'number' && deleted >= 0) return deleted;
    }
    throw new Error('erasure kept racing new writes to the customer index');
  }

  /** When the customer was last erased (ms since the epoch) while its marker lives; undefined: not erased. */
  async erasedSince(customerTag: string): Promise<number | undefined> {
    const value = await this.redis.client.get(erasureMarkerKey(customerTag));
    if (value === null) return undefined;
    const instant = Number(value);
    return Number.isFinite(instant) ? instant : undefined;
  }

  /**
   * One round trip for a miss: the value of `key` (opened, as `get` gives it) when Redis holds one, else
   * the claim on `key` for `claimTtlMs` taken atomically with the look (`token`: ours to renew and
   * release; undefined: another replica holds it). With `claimEvenIfPresent` (the caller found the value
   * unusable before) the claim is tried whatever Redis holds, and the value is returned beside it.
   * `present` says Redis held a value, even one that does not open (undefined `plaintext`).
   */
  async lookupOrClaim(key: string, claimTtlMs: number, claimEvenIfPresent = false): Promise<LookupOrClaim> {
    const name = claimKey(key);
    const token = this.box.seal(name, randomBytes(16));
    const reply = await this.redis.client.callBuffer('eval', [LOOKUP_OR_CLAIM, 2, key, name, token, Math.max(1, Math.round(claimTtlMs)), claimEvenIfPresent ? '1' : '0']);
    if (!Array.isArray(reply) || !Buffer.isBuffer(reply[0])) throw new Error('unexpected reply to the lookup script');
    const sealed = reply[0];
    const present = sealed.length > 0;
    return { present, plaintext: present ? this.box.open(key, sealed) : undefined, token: reply[1] === 1 ? token : undefined };
  }

  /** Takes the claim on `key` for `ttlMs`; the token to renew and release it, or undefined when held by another. */
  async claim(key: string, ttlMs: number): Promise<Buffer | undefined> {
    const name = claimKey(key);
    const token = this.box.seal(name, randomBytes(16));
    return (await takeClaim(this.redis.client, name, token, ttlMs)) ? token : undefined;
  }

  async renew(key: string, token: Buffer, ttlMs: number): Promise<void> {
    await renewClaim(this.redis.client, claimKey(key), token, ttlMs);
  }

  async release(key: string, token: Buffer): Promise<void> {
    await releaseClaim(this.redis.client, claimKey(key), token);
  }

  warn(message: string, error?: unknown): void {
    this.redis.warn(message, error);
  }
}
