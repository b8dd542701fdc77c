import type { Cluster, Redis } from 'ioredis';

/**
 * A claim in Redis is a key whose value is the holder's random token, with an expiry, so that a holder
 * that dies lets go. Only the holder may extend or delete it: a claim that expired and was taken over
 * belongs to the taker. The store's fill claims, the Credolab fleet token's login claim and the vendor
 * back-off's trial claim all use these.
 */
type RedisClient = Redis | Cluster;

const RELEASE_IF_HELD = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const RENEW_IF_HELD = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

/** Takes the claim when nobody holds it; true when `token` now holds it for `ttlMs`. */
export async function takeClaim(client: RedisClient, key: string, token: Buffer | string, ttlMs: number): Promise<boolean> {
  return (await client.set(key, token, 'PX', Math.max(1, Math.round(ttlMs)), 'NX')) === 'OK';
}

/** Extends the claim to `ttlMs` from now, if `token` still holds it. */
export async function renewClaim(client: RedisClient, key: string, token: Buffer | string, ttlMs: number): Promise<void> {
  await client.eval(RENEW_IF_HELD, 1, key, token, Math.max(1, Math.round(ttlMs)));
}

/** Lets the claim go, if `token` still holds it. */
export async function releaseClaim(client: RedisClient, key: string, token: Buffer | string): Promise<void> {
  await client.eval(RELEASE_IF_HELD, 1, key, token);
}
