import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { RedisConfig } from '../config';
import { REDIS_DOWN_AFTER_MS_DEFAULT } from '../config/redis.config';
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
  /**
   * Since when Redis has not been usable: set at open (not yet connected) and whenever the connection is
   * lost, cleared when it is ready. ioredis reconnects for ever and only ever says "connecting"; this is
   * what lets readiness say "down" once that has lasted REDIS_DOWN_AFTER_MS.
   */
  private unreachableSince: number | undefined = Date.now();

  private constructor(
    readonly client: RedisClient,
    private readonly logger: Logger,
    private readonly downAfterMs: number,
  ) {
    const lost = () => (this.unreachableSince ??= Date.now());
    client.on('error', (error: Error) => {
      lost();
      this.warn('redis unavailable: answering from vendors until it is back', error);
    });
    client.on('close', lost);
    client.on('end', lost);
    client.on('ready', () => {
      this.unreachableSince = undefined;
      this.logger.info('redis connected');
    });
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
    const downAfterMs = config.downAfterMs ?? REDIS_DOWN_AFTER_MS_DEFAULT;
    if (!config.cluster) return new SharedRedis(new Redis(config.urls[0] as string, node), logger, downAfterMs);
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
    return new SharedRedis(new Cluster(seeds, options), logger, downAfterMs);
  }

  /** `connecting` while unreachable for less than REDIS_DOWN_AFTER_MS, then `down`; closed for good: `down`. */
  get state(): RedisState {
    const status = this.client.status;
    if (status === 'ready') return 'connected';
    if (status === 'end') return 'down';
    const since = (this.unreachableSince ??= Date.now());
    return Date.now() - since >= this.downAfterMs ? 'down' : 'connecting';
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
