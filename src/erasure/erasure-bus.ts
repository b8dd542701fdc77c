import { randomUUID } from 'node:crypto';
import { Cluster, type Redis } from 'ioredis';
import type { Logger } from '../logger';
import type { RedisClient, SharedRedis } from '../store/shared-redis';

/** Where erasures are announced: `{erasureId, customerTag, erasedAt}` as JSON, the customer's keyed hash only. */
export const ERASURES_CHANNEL = 'signals:v2:erasures';
/** Where replicas acknowledge an erasure they applied: `{erasureId, replicaId}` as JSON. */
export const ERASURE_ACKS_CHANNEL = 'signals:v2:erasure-acks';

/** A customer tag as StoreKeys.hide writes it (hex); anything else on the channel is ignored. */
const TAG = /^[0-9a-f]{16,64}$/;

export interface ErasureBusOptions {
  /** Names this replica in acknowledgements (unique per process, e.g. a random UUID). */
  replicaId: string;
  /** ERASURE_ACK_TIMEOUT_MS: longest wait in `broadcast` for every reached replica to acknowledge. */
  ackTimeoutMs: number;
  /**
   * Applies an erasure in this process (drops the customer's memory entries, remembers `erasedAt`);
   * returns how many entries it dropped. A replica acknowledges only once this has resolved; when it
   * throws, the replica does not acknowledge and the receipt shows it.
   */
  onErase(customerTag: string, erasedAt: number): number | Promise<number>;
}

/** What a broadcast achieved. */
export interface ErasureReach {
  /** Replicas (this one included) that applied the erasure and said so within ERASURE_ACK_TIMEOUT_MS. */
  replicasAcknowledged: number;
  /** Replicas subscribed when it was published (this one included). */
  replicasReached: number;
}

interface Pending {
  acks: Set<string>;
  reached: number | undefined;
  settle: () => void;
}

/**
 * Erasures across replicas on Redis pub/sub. Every replica subscribes (this one too), so `broadcast`
 * reaches each replica's `onErase`, this one's included, through one path. What must stay true:
 * - Messages carry the customer's keyed hash (StoreKeys.hide), never a clear id: pub/sub traffic shows in
 *   MONITOR and to any client subscribed to the channel.
 * - Acknowledgements are published on their own channel rather than gathered in a Redis set: no key to
 *   write, expire or clean up, and the broadcaster waits on an event rather than polling. An acknowledgement
 *   published while the broadcaster's subscription is down is lost and counts as missing: the receipt can
 *   understate, never overstate.
 * - The subscription lives on a second connection, the only one besides SharedRedis: ioredis puts a
 *   subscribed connection in subscriber mode, where it refuses every other command (RESP2's rule, kept by
 *   ioredis over RESP3 too), and the shared client fails fast without an offline queue, which a
 *   subscription must not. ioredis subscribes again by itself after a reconnection (autoResubscribe).
 * - Reached replicas are PUBLISH's count of subscribers; on a Redis Cluster PUBLISH counts only the
 *   receiving node's, so there the subscribers of every node are summed (PUBSUB NUMSUB) first.
 */
export class ErasureBus {
  private readonly pending = new Map<string, Pending>();
  private closed = false;

  private constructor(
    private readonly redis: SharedRedis,
    private readonly subscriber: RedisClient,
    private readonly options: ErasureBusOptions,
    private readonly logger: Logger,
  ) {
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === ERASURES_CHANNEL) void this.apply(message);
      else if (channel === ERASURE_ACKS_CHANNEL) this.acknowledged(message);
    });
    subscriber.on('error', (error: Error) => this.redis.warn('erasure bus: subscription connection failed, reconnecting', error));
  }

  /**
   * Subscribes this replica. Resolves once subscribed, or as soon as the first connection attempt fails
   * (Redis down at start-up must not hold the process): the subscription then completes in the background
   * when Redis is reachable.
   */
  static async open(redis: SharedRedis, options: ErasureBusOptions, logger: Logger): Promise<ErasureBus> {
    const bus = new ErasureBus(redis, subscriberOf(redis.client), options, logger);
    const subscribed = bus.subscriber.subscribe(ERASURES_CHANNEL, ERASURE_ACKS_CHANNEL).then(() => true);
    let onReconnecting: (() => void) | undefined;
    const unreachable = new Promise<false>((resolve) => bus.subscriber.once('reconnecting', (onReconnecting = () => resolve(false))));
    const ok = await Promise.race([subscribed, unreachable]).finally(() => {
      if (onReconnecting) bus.subscriber.off('reconnecting', onReconnecting);
    });
    if (!ok) {
      logger.warn('erasure bus: redis unreachable, subscribing when it is back');
      subscribed.catch((error: unknown) => redis.warn('erasure bus: subscription failed', error));
    }
    return bus;
  }

  /**
   * Announces the erasure of `customerTag` (at `erasedAt`, default now) to every subscribed replica and
   * waits until each of them acknowledged it or ackTimeoutMs passed, whichever first.
   */
  async broadcast(customerTag: string, erasedAt: number = Date.now()): Promise<ErasureReach> {
    if (!TAG.test(customerTag)) throw new Error('erasure bus: a customer tag is a keyed hash (hex)');
    const erasureId = randomUUID();
    let settle!: () => void;
    const settled = new Promise<void>((resolve) => (settle = resolve));
    // Registered before publishing: an acknowledgement may arrive before PUBLISH's own reply.
    const pending: Pending = { acks: new Set(), reached: undefined, settle };
    this.pending.set(erasureId, pending);
    let timer: NodeJS.Timeout | undefined;
    try {
      const message = JSON.stringify({ erasureId, customerTag, erasedAt });
      const clusterReach = this.redis.client instanceof Cluster ? await subscribersInCluster(this.redis.client) : undefined;
      const published = await this.redis.client.publish(ERASURES_CHANNEL, message);
      pending.reached = clusterReach ?? published;
      if (pending.acks.size < pending.reached) {
        timer = setTimeout(settle, this.options.ackTimeoutMs);
        await settled;
      }
      return { replicasAcknowledged: Math.min(pending.acks.size, pending.reached), replicasReached: pending.reached };
    } finally {
      clearTimeout(timer);
      this.pending.delete(erasureId);
    }
  }

  /** Stops listening; a broadcast still waiting returns what it has. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.pending.values()) pending.settle();
    // QUIT would wait in the offline queue for a Redis that is down (and hold shutdown with it): only a
    // connected subscriber says goodbye; any other is simply cut.
    if (this.subscriber.status !== 'ready') {
      this.subscriber.disconnect();
      return;
    }
    try {
      await this.subscriber.quit();
    } catch {
      this.subscriber.disconnect();
    }
  }

  private async apply(message: string): Promise<void> {
    const parsed = parse(message);
    const erasureId = typeof parsed?.erasureId === 'string' ? parsed.erasureId : undefined;
    const customerTag = typeof parsed?.customerTag === 'string' ? parsed.customerTag : undefined;
    const erasedAt = typeof parsed?.erasedAt === 'number' ? parsed.erasedAt : undefined;
    if (!erasureId || erasureId.length > 64 || !customerTag || !TAG.test(customerTag) || erasedAt === undefined) {
      this.logger.warn('erasure bus: ignored a malformed erasure message');
      return;
    }
    let dropped: number;
    try {
      dropped = await this.options.onErase(customerTag, erasedAt);
    } catch (error) {
      const { name } = (error ?? {}) as { name?: string };
      this.logger.error({ erasureId, errorName: name }, 'erasure bus: applying an erasure failed; not acknowledged');
      return;
    }
    this.logger.info({ erasureId, memoryEntries: dropped }, 'erasure applied in this replica');
    if (this.closed) return;
    try {
      await this.redis.client.publish(ERASURE_ACKS_CHANNEL, JSON.stringify({ erasureId, replicaId: this.options.replicaId }));
    } catch (error) {
      this.redis.warn('erasure bus: acknowledgement not published', error);
    }
  }

  private acknowledged(message: string): void {
    const parsed = parse(message);
    if (typeof parsed?.erasureId !== 'string' || typeof parsed.replicaId !== 'string') return;
    const pending = this.pending.get(parsed.erasureId);
    if (!pending) return; // another replica's broadcast, or one that gave up waiting
    pending.acks.add(parsed.replicaId);
    if (pending.reached !== undefined && pending.acks.size >= pending.reached) pending.settle();
  }
}

function parse(message: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(message);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The subscription's own connection: the shared client's settings, but with an offline queue and no
 * retry limit, so a SUBSCRIBE sent while Redis is down waits for it instead of failing.
 */
function subscriberOf(client: RedisClient): RedisClient {
  if (client instanceof Cluster) {
    return client.duplicate(undefined, {
      enableOfflineQueue: true,
      redisOptions: { ...client.options.redisOptions, enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined },
    });
  }
  return (client as Redis).duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: null, commandTimeout: undefined });
}

/** Subscribers of the erasures channel on every node of a cluster (PUBLISH counts only its node's). */
async function subscribersInCluster(cluster: Cluster): Promise<number> {
  const counts = await Promise.all(
    cluster.nodes('all').map(async (node) => {
      const reply = (await node.pubsub('NUMSUB', ERASURES_CHANNEL)) as unknown[];
      return Number(reply[1] ?? 0);
    }),
  );
  return counts.reduce((sum, count) => sum + count, 0);
}
