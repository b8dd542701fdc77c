import { randomBytes } from 'node:crypto';
import type { SealedBox } from './sealed-box';
import type { SharedRedis } from './shared-redis';
import { claimKey } from './store-keys';

/** Deletes a claim only if it is still ours: a claim that expired and was taken over is the taker's. */
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
/** Extends a claim only if it is still ours. */
const RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

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

  /** Takes the claim on `key` for `ttlMs`; the token to renew and release it, or undefined when held by another. */
  async claim(key: string, ttlMs: number): Promise<Buffer | undefined> {
    const name = claimKey(key);
    const token = this.box.seal(name, randomBytes(16));
    const taken = await this.redis.client.set(name, token, 'PX', ttlMs, 'NX');
    return taken === 'OK' ? token : undefined;
  }

  async renew(key: string, token: Buffer, ttlMs: number): Promise<void> {
    await this.redis.client.eval(RENEW, 1, claimKey(key), token, ttlMs);
  }

  async release(key: string, token: Buffer): Promise<void> {
    await this.redis.client.eval(RELEASE, 1, claimKey(key), token);
  }

  warn(message: string, error?: unknown): void {
    this.redis.warn(message, error);
  }
}
