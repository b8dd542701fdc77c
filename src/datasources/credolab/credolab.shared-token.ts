import { randomBytes } from 'node:crypto';
import { releaseClaim, takeClaim } from '../../store/redis-claims';
import type { SealedBox } from '../../store/sealed-box';
import type { SharedRedis } from '../../store/shared-redis';
import type { CredolabToken } from './credolab.mapper';

/** The fleet's one Credolab token (sealed: the value in Redis is unreadable without SIGNALS_STORE_KEY). */
export const CREDOLAB_TOKEN_KEY = 'signals:v1:credolab:token';
/** Held by the one replica logging in or refreshing for the fleet. */
export const CREDOLAB_TOKEN_CLAIM_KEY = `${CREDOLAB_TOKEN_KEY}:claim`;

/**
 * Redis side of the fleet token: read, write and the login claim. Every method may reject when Redis is
 * down or slow; the token manager then behaves as a lone process (it logs in itself), never fails a call.
 */
export class SharedCredolabToken {
  constructor(
    private readonly redis: SharedRedis,
    private readonly box: SealedBox,
    private readonly now: () => number,
  ) {}

  /** The token another replica (or we) stored, or undefined when absent, lapsed or not sealed by our key. */
  async read(): Promise<CredolabToken | undefined> {
    const sealed = await this.redis.client.getBuffer(CREDOLAB_TOKEN_KEY);
    const opened = sealed ? this.box.open(CREDOLAB_TOKEN_KEY, sealed) : undefined;
    if (!opened) return undefined;
    const token = parseToken(opened);
    return token && this.now() < token.expiresAt ? token : undefined;
  }

  /** Stores the token until it lapses (PX), so Redis never hands out a token Credolab no longer takes. */
  async write(token: CredolabToken): Promise<void> {
    const ttlMs = Math.round(token.expiresAt - this.now());
    if (ttlMs <= 0) return;
    await this.redis.client.set(CREDOLAB_TOKEN_KEY, this.box.seal(CREDOLAB_TOKEN_KEY, Buffer.from(JSON.stringify(token))), 'PX', ttlMs);
  }

  /** The claim's value to release it with, or undefined when another replica holds it. */
  async claim(ttlMs: number): Promise<Buffer | undefined> {
    const value = randomBytes(16);
    return (await takeClaim(this.redis.client, CREDOLAB_TOKEN_CLAIM_KEY, value, ttlMs)) ? value : undefined;
  }

  async release(claim: Buffer): Promise<void> {
    await releaseClaim(this.redis.client, CREDOLAB_TOKEN_CLAIM_KEY, claim);
  }

  warn(message: string, error?: unknown): void {
    this.redis.warn(message, error);
  }
}

function parseToken(plaintext: Buffer): CredolabToken | undefined {
  try {
    const value = JSON.parse(plaintext.toString('utf8')) as Partial<CredolabToken>;
    if (typeof value.accessToken !== 'string' || value.accessToken === '') return undefined;
    if (typeof value.expiresAt !== 'number' || typeof value.lifetimeMs !== 'number') return undefined;
    const refreshToken = typeof value.refreshToken === 'string' ? value.refreshToken : null;
    return { accessToken: value.accessToken, refreshToken, expiresAt: value.expiresAt, lifetimeMs: value.lifetimeMs };
  } catch {
    return undefined;
  }
}
