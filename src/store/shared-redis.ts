import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { RedisConfig } from '../config';
import type { Logger } from '../logger';

/** The one Redis client type the store, budgets and token share: a single node or a cluster. */
export type RedisClient = Redis | Cluster;

/** Redis as the readiness probe reports it; never a reason to refuse traffic. */
export type RedisState = 'connected' | 'connecting' | 'down';

/** At most one Redis warning per this window: a Redis outage must not flood the logs. */
const WARNING_INTERVAL_MS = 60_000;

/**
 * The process's one Redis connection. Redis is an accelerator, never a dependency of an answer: commands
 * fail fast while it is down (no offline queue) or slower than REDIS_TIMEOUT_MS, callers treat that as a
 * miss, and ioredis reconnects by itself in the background.
 */
export class SharedRedis {
  private lastWarningAt = Number.NEGATIVE_INFINITY;

  private constructor(
    readonly client: RedisClient,
    private readonly logger: Logger,
  ) {
    client.on('error', (error: Error) => this.warn('redis unavailable: answering from vendors until it is back', error));
    client.on('ready', () => this.logger.info('redis connected'));
  }

  static open(config: RedisConfig, logger: Logger): SharedRedis {
    const node: RedisOptions = {
      commandTimeout: config.timeoutMs,
      connectTimeout: Math.max(config.timeoutMs, 1_000),
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      // Reconnect forever, backing off to 2 s: the store comes back without a restart.
      retryStrategy: (times) => Math.min(times * 100, 2_000),
    };
    if (!config.cluster) return new SharedRedis(new Redis(config.urls[0] as string, node), logger);
    const seeds = config.urls.map((url) => {
      const parsed = new URL(url);
      return { host: parsed.hostname, port: Number(parsed.port || 6379) };
    });
    const first = new URL(config.urls[0] as string);
    const options: ClusterOptions = {
      enableOfflineQueue: false,
      clusterRetryStrategy: (times) => Math.min(times * 100, 2_000),
      redisOptions: {
        ...node,
        username: first.username ? decodeURIComponent(first.username) : undefined,
        password: first.password ? decodeURIComponent(first.password) : undefined,
        tls: first.protocol === 'rediss:' ? {} : undefined,
      },
    };
    return new SharedRedis(new Cluster(seeds, options), logger);
  }

  get state(): RedisState {
    const status = this.client.status;
    if (status === 'ready') return 'connected';
    if (status === 'connecting' || status === 'connect' || status === 'reconnecting' || status === 'wait') return 'connecting';
    return 'down';
  }

  /**
   * Logs a Redis problem by its error name and code only (messages can carry host names and keys), and
   * at most once a minute.
   */
  warn(message: string, error?: unknown): void {
    const now = Date.now();
    if (now - this.lastWarningAt < WARNING_INTERVAL_MS) return;
    this.lastWarningAt = now;
    const { name, code } = (error ?? {}) as { name?: string; code?: string };
    this.logger.warn({ errorName: name, errorCode: code }, message);
  }

  async close(): Promise<void> {
    try {
      await this.client.quit();
    } catch {
      this.client.disconnect();
    }
  }
}
