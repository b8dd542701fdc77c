import type { z } from 'zod';
import { booleanVar, integerVar, optionalString } from './env-fields';

/** REDIS_DOWN_AFTER_MS when unset. */
export const REDIS_DOWN_AFTER_MS_DEFAULT = 5_000;

/**
 * The Redis connection shared by the signal store, the rate budgets and the Credolab token: one client
 * per process. Without REDIS_URL the process runs alone (in-process store and budgets).
 */
export const redisEnvShape = {
  /**
   * `redis://[user:password@]host:port[/db]` (or `rediss://` for TLS). With REDIS_CLUSTER=true, a
   * comma-separated list of seed nodes of one Redis Cluster. Default unset: no Redis.
   */
  REDIS_URL: optionalString,
  /** `true`: REDIS_URL names Redis Cluster seed nodes and ioredis' Cluster client is used. Default false. */
  REDIS_CLUSTER: booleanVar(false),
  /** Longest wait for one Redis command; slower answers count as a miss, never an error. Default 100. */
  REDIS_TIMEOUT_MS: integerVar(100, 1, 60_000),
  /**
   * How long Redis must have been unreachable (never connected, or lost) before readiness reports
   * `redis: "down"` instead of `"connecting"`. Default 5000.
   */
  REDIS_DOWN_AFTER_MS: integerVar(REDIS_DOWN_AFTER_MS_DEFAULT, 0, 600_000),
  /** AES-256-GCM key for everything written to Redis: 32 bytes, base64. Required with REDIS_URL. */
  SIGNALS_STORE_KEY: optionalString,
};

export interface RedisConfig {
  /** Seed URLs: one for a single Redis, one or more for a cluster. */
  urls: readonly string[];
  cluster: boolean;
  timeoutMs: number;
  /** REDIS_DOWN_AFTER_MS (REDIS_DOWN_AFTER_MS_DEFAULT when a caller builds this without it). */
  downAfterMs?: number;
  /**
   * The store key, base64 (32 bytes once decoded). Kept as text: config is deep-frozen and a frozen
   * Buffer cannot be read by crypto.
   */
  storeKeyBase64: string;
}

type RedisEnv = z.output<z.ZodObject<typeof redisEnvShape>>;

/** Problems no single field can see: the pairing of REDIS_URL with its key, the key's size, the URLs. */
export function redisConfigProblems(env: RedisEnv): string[] {
  const problems: string[] = [];
  if (env.REDIS_URL === undefined) return problems;
  for (const url of splitUrls(env.REDIS_URL)) {
    if (!/^rediss?:\/\/[^\s/]+/.test(url)) problems.push('REDIS_URL: each URL must look like redis://host:port');
  }
  if (env.SIGNALS_STORE_KEY === undefined) {
    problems.push('SIGNALS_STORE_KEY: required when REDIS_URL is set (32 random bytes, base64: openssl rand -base64 32)');
  } else if (Buffer.from(env.SIGNALS_STORE_KEY, 'base64').length !== 32) {
    problems.push('SIGNALS_STORE_KEY: must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  }
  if (!env.REDIS_CLUSTER && splitUrls(env.REDIS_URL).length > 1) {
    problems.push('REDIS_URL: several URLs need REDIS_CLUSTER=true');
  }
  return problems;
}

/** The connection settings, or undefined when REDIS_URL is unset. Call after redisConfigProblems is empty. */
export function toRedisConfig(env: RedisEnv): RedisConfig | undefined {
  if (env.REDIS_URL === undefined || env.SIGNALS_STORE_KEY === undefined) return undefined;
  return {
    urls: splitUrls(env.REDIS_URL),
    cluster: env.REDIS_CLUSTER,
    timeoutMs: env.REDIS_TIMEOUT_MS,
    downAfterMs: env.REDIS_DOWN_AFTER_MS,
    storeKeyBase64: env.SIGNALS_STORE_KEY,
  };
}

function splitUrls(value: string): string[] {
  return value.split(',').map((url) => url.trim()).filter((url) => url.length > 0);
}
