import { SharedRedis } from '../../src/store/shared-redis';
import { createLogger } from '../../src/logger';
import { RedisCluster, RedisProcess } from '../support/redis-process';

const KEY = Buffer.alloc(32, 1).toString('base64');
const silent = createLogger('silent', []);

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('SharedRedis on a redis-server the test starts', () => {
  let redis: RedisProcess;
  beforeAll(async () => {
    redis = await RedisProcess.start();
  });
  afterAll(async () => {
    await redis.destroy();
  });

  it('fails commands fast while Redis is down and reconnects by itself when it is back', async () => {
    const shared = SharedRedis.open({ urls: [redis.url], cluster: false, timeoutMs: 100, storeKeyBase64: KEY }, silent);
    try {
      await until(() => shared.state === 'connected', 'connect');
      await shared.client.set('probe', '1');
      await redis.stop();
      await until(() => shared.state !== 'connected', 'disconnect');
      await expect(shared.client.get('probe')).rejects.toThrow();
      await redis.start();
      await until(() => shared.state === 'connected', 'reconnect');
      // The process was killed and keeps nothing on disk: a fresh, empty Redis.
      expect(await shared.client.get('probe')).toBeNull();
    } finally {
      await shared.close();
    }
  });
});

describe('SharedRedis on a 3-master Redis Cluster the test starts', () => {
  let cluster: RedisCluster;
  beforeAll(async () => {
    cluster = await RedisCluster.start(3);
  }, 30_000);
  afterAll(async () => {
    await cluster.destroy();
  });

  it('uses the Cluster client for REDIS_CLUSTER and spreads keys over the masters', async () => {
    const shared = SharedRedis.open({ urls: cluster.url.split(','), cluster: true, timeoutMs: 500, storeKeyBase64: KEY }, silent);
    try {
      await until(() => shared.state === 'connected', 'cluster ready');
      for (let i = 0; i < 30; i += 1) await shared.client.set(`k:{customer-${i}}`, String(i));
      const perNode = cluster.nodes.map((node) => Number(node.cli('dbsize').trim()));
      expect(perNode.every((count) => count > 0)).toBe(true);
      expect(perNode.reduce((a, b) => a + b, 0)).toBe(30);
    } finally {
      await shared.close();
    }
  });
});
