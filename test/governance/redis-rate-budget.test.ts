import { Writable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { createRateBudget, type RateBudget } from '../../src/governance/rate-budget';
import { createLogger } from '../../src/logger';
import { SharedRedis } from '../../src/store/shared-redis';
import { RedisCluster, RedisProcess } from '../support/redis-process';

const logger = createLogger('silent', [], new Writable({ write: (_c, _e, done) => done() }));
const open = (url: string, cluster = false) =>
  SharedRedis.open({ urls: url.split(','), cluster, timeoutMs: 500, storeKeyBase64: randomBytes(32).toString('base64') }, logger);

/** Two "replicas" (two clients, two budgets) asking as fast as they can for `ms`; each call ends at once. */
async function admittedBy(budgets: RateBudget[], ms: number): Promise<number> {
  let admitted = 0;
  const until = Date.now() + ms;
  await Promise.all(budgets.map(async (budget) => {
    while (Date.now() < until) {
      const answer = await budget.take(10_000);
      if (answer.admitted) {
        admitted++;
        answer.slot.release();
      }
    }
  }));
  return admitted;
}

describe.each([
  ['one Redis', async () => { const r = await RedisProcess.start(); return { url: r.url, cluster: false, destroy: () => r.destroy(), stop: () => r.stop() }; }],
  ['a 3-master Redis Cluster', async () => { const c = await RedisCluster.start(3); return { url: c.url, cluster: true, destroy: () => c.destroy(), stop: () => Promise.all(c.nodes.map((n) => n.stop())).then(() => undefined) }; }],
])('a rate budget shared through %s', (_label, start) => {
  it('two processes together admit no more than N minus the fallback shares per window; with (single) Redis gone each spends only its share', async () => {
    const redis = await start();
    const clients = [open(redis.url, redis.cluster), open(redis.url, redis.cluster)];
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      // 10/5s, two replicas holding 2 calls each for when Redis is late: Redis grants the other 6.
      const options = { limit: { calls: 10, windowMs: 5000 }, fallbackShare: 0.2, fallbackReplicas: 2 };
      const budgets = clients.map((client) => createRateBudget('NEUROID', options, client));
      // 1.5 s of asking fits in one window: no slot frees up meanwhile.
      expect(await admittedBy(budgets, 1500)).toBe(6);

      if (redis.cluster) return; // the fallback is shown on one Redis (below); the cluster case shows the shared slot
      await redis.stop();
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Redis trouble is never an outage, nor an overshoot: each process spends only its own share meanwhile.
      const fallback = clients.map((client) => createRateBudget('FINBOX', options, client));
      expect(await admittedBy(fallback, 1500)).toBe(4);
    } finally {
      await Promise.all(clients.map((client) => client.close()));
      await redis.destroy();
    }
  });
});
