import { ErasureBus } from '../../src/erasure/erasure-bus';
import { createLogger } from '../../src/logger';
import { SharedRedis } from '../../src/store/shared-redis';
import { StoreKeys } from '../../src/store/store-keys';
import { newStoreKey, until } from '../store/redis-support';
import { RedisCluster, RedisProcess } from '../support/redis-process';

const STORE_KEY = newStoreKey();
const silent = createLogger('silent', []);
const keys = new StoreKeys(STORE_KEY);

interface Replica {
  redis: SharedRedis;
  bus: ErasureBus;
  erased: Array<{ tag: string; at: number }>;
}

describe('ErasureBus: three replicas on a redis-server the test starts', () => {
  let server: RedisProcess;
  let replicas: Replica[];
  /** Replica 2 fails to apply erasures while this is set. */
  let failingOnReplica2 = false;

  const subscribers = () => Number(server.cli('pubsub', 'numsub', 'signals:v2:erasures').trim().split('\n')[1]);

  beforeAll(async () => {
    server = await RedisProcess.start();
    replicas = [];
    for (let i = 0; i < 3; i += 1) {
      const redis = SharedRedis.open({ urls: [server.url], cluster: false, timeoutMs: 1_000, storeKeyBase64: STORE_KEY }, silent);
      const erased: Replica['erased'] = [];
      const bus = await ErasureBus.open(
        redis,
        {
          replicaId: `replica-${i}`,
          ackTimeoutMs: 500,
          onErase: (tag, at) => {
            if (i === 2 && failingOnReplica2) throw new Error('memory unavailable');
            erased.push({ tag, at });
            return 1;
          },
        },
        silent,
      );
      replicas.push({ redis, bus, erased });
    }
    await until(() => replicas.every((r) => r.redis.state === 'connected'), 'replicas connected');
    expect(subscribers()).toBe(3);
  });
  afterAll(async () => {
    for (const replica of replicas) {
      await replica.bus.close();
      await replica.redis.close();
    }
    await server.destroy();
  });
  beforeEach(() => {
    for (const replica of replicas) replica.erased.length = 0;
  });

  it('reaches every replica (the broadcaster too), runs each one\'s onErase once with the tag, and waits for all three acknowledgements', async () => {
    const tag = keys.hide('customer-on-three');
    const erasedAt = Date.now();
    const reach = await replicas[0]!.bus.broadcast(tag, erasedAt);
    expect(reach).toEqual({ replicasReached: 3, replicasAcknowledged: 3 });
    for (const replica of replicas) expect(replica.erased).toEqual([{ tag, at: erasedAt }]);
  });

  it('counts a replica that failed to apply the erasure as reached but not acknowledged', async () => {
    failingOnReplica2 = true;
    try {
      const reach = await replicas[1]!.bus.broadcast(keys.hide('customer-partly'));
      expect(reach).toEqual({ replicasReached: 3, replicasAcknowledged: 2 });
      expect(replicas[2]!.erased).toEqual([]);
    } finally {
      failingOnReplica2 = false;
    }
  });

  it('refuses to broadcast anything but a keyed hash', async () => {
    await expect(replicas[0]!.bus.broadcast('customer-42')).rejects.toThrow('keyed hash');
  });

  it('keeps working after its subscriber connections are killed (ioredis subscribes again)', async () => {
    server.cli('client', 'kill', 'type', 'pubsub');
    await until(() => subscribers() === 3, 'replicas subscribed again');
    const tag = keys.hide('after-client-kill');
    expect(await replicas[2]!.bus.broadcast(tag)).toEqual({ replicasReached: 3, replicasAcknowledged: 3 });
    for (const replica of replicas) expect(replica.erased.map((e) => e.tag)).toEqual([tag]);
  });

  it('keeps working after Redis restarts', async () => {
    await server.stop();
    await until(() => replicas.every((r) => r.redis.state !== 'connected'), 'replicas lost redis');
    await server.start();
    await until(() => replicas.every((r) => r.redis.state === 'connected') && subscribers() === 3, 'replicas back and subscribed');
    const tag = keys.hide('after-restart');
    expect(await replicas[0]!.bus.broadcast(tag)).toEqual({ replicasReached: 3, replicasAcknowledged: 3 });
    for (const replica of replicas) expect(replica.erased.map((e) => e.tag)).toEqual([tag]);
  });
});

describe('ErasureBus opened while Redis is down', () => {
  it('opens without waiting for Redis, and subscribes once Redis is up', async () => {
    const server = await RedisProcess.start();
    await server.stop();
    const redis = SharedRedis.open({ urls: [server.url], cluster: false, timeoutMs: 1_000, storeKeyBase64: STORE_KEY }, silent);
    const erased: string[] = [];
    const bus = await ErasureBus.open(redis, { replicaId: 'late', ackTimeoutMs: 500, onErase: (tag) => erased.push(tag) }, silent);
    try {
      await server.start();
      await until(() => redis.state === 'connected' && server.cli('pubsub', 'numsub', 'signals:v2:erasures').includes('\n1'), 'subscribed');
      const tag = keys.hide('late-customer');
      expect(await bus.broadcast(tag)).toEqual({ replicasReached: 1, replicasAcknowledged: 1 });
      expect(erased).toEqual([tag]);
    } finally {
      await bus.close();
      await redis.close();
      await server.destroy();
    }
  });
});

describe('ErasureBus: three replicas on a 3-master Redis Cluster the test starts', () => {
  it('counts the subscribers of every node as reached, and each replica acknowledges', async () => {
    const cluster = await RedisCluster.start(3);
    const replicas: Replica[] = [];
    try {
      for (let i = 0; i < 3; i += 1) {
        const redis = SharedRedis.open({ urls: cluster.url.split(','), cluster: true, timeoutMs: 1_000, storeKeyBase64: STORE_KEY }, silent);
        const erased: Replica['erased'] = [];
        await until(() => redis.state === 'connected', 'cluster connected');
        const bus = await ErasureBus.open(redis, { replicaId: `c-${i}`, ackTimeoutMs: 2_000, onErase: (tag, at) => erased.push({ tag, at }) }, silent);
        replicas.push({ redis, bus, erased });
      }
      const numsub = () => cluster.nodes.reduce((sum, node) => sum + Number(node.cli('pubsub', 'numsub', 'signals:v2:erasures').trim().split('\n')[1]), 0);
      await until(() => numsub() === 3, 'three subscribers in the cluster');
      const tag = keys.hide('cluster-customer');
      expect(await replicas[1]!.bus.broadcast(tag)).toEqual({ replicasReached: 3, replicasAcknowledged: 3 });
      for (const replica of replicas) expect(replica.erased.map((e) => e.tag)).toEqual([tag]);
    } finally {
      for (const replica of replicas) {
        await replica.bus.close();
        await replica.redis.close();
      }
      await cluster.destroy();
    }
  }, 60_000);
});
