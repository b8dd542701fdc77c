import { startTestSubgraph, type TestSubgraph } from '../support/harness';
import { freePort, RedisProcess } from '../support/redis-process';
import { newStoreKey } from '../store/redis-support';

/** Short enough for a test, long enough that "connecting" is a state the subgraph really passes through. */
const DOWN_AFTER_MS = 1500;

interface Readiness {
  status: number;
  redis?: string;
}

async function readiness(subgraph: TestSubgraph): Promise<Readiness> {
  const response = await fetch(`${subgraph.url}/health/ready`);
  return { status: response.status, redis: ((await response.json()) as { redis?: string }).redis };
}

/** Polls readiness until its `redis` is `wanted`; answers when that was first seen, or fails after `giveUpMs`. */
async function redisStateReached(subgraph: TestSubgraph, wanted: string, giveUpMs: number): Promise<{ at: number; seen: Readiness }> {
  const giveUpAt = Date.now() + giveUpMs;
  let last: Readiness | undefined;
  while (Date.now() < giveUpAt) {
    last = await readiness(subgraph);
    if (last.redis === wanted) return { at: Date.now(), seen: last };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`readiness never said redis "${wanted}" within ${giveUpMs} ms (last: ${JSON.stringify(last)})`);
}

function startWithRedis(url: string): Promise<TestSubgraph> {
  return startTestSubgraph({ REDIS_URL: url, SIGNALS_STORE_KEY: newStoreKey(), REDIS_DOWN_AFTER_MS: String(DOWN_AFTER_MS) });
}

describe('readiness tells the truth about Redis', () => {
  it('REDIS_URL at a closed port: "down" within REDIS_DOWN_AFTER_MS + 1 s, and still ready', async () => {
    const subgraph = await startWithRedis(`redis://127.0.0.1:${await freePort()}`);
    // The Redis client was opened before the server listened: it has been unreachable at least this long.
    const upAt = Date.now();
    try {
      const down = await redisStateReached(subgraph, 'down', DOWN_AFTER_MS + 10_000);
      expect(down.at - upAt).toBeLessThanOrEqual(DOWN_AFTER_MS + 1000);
      expect(down.seen.status).toBe(200);
    } finally {
      await subgraph.stop();
    }
  });

  it('a real redis-server stopped, then restarted: "down", then "connected" again', async () => {
    const redis = await RedisProcess.start();
    let subgraph: TestSubgraph | undefined;
    try {
      subgraph = await startWithRedis(redis.url);
      await redisStateReached(subgraph, 'connected', 20_000);

      await redis.stop();
      const stoppedAt = Date.now();
      const down = await redisStateReached(subgraph, 'down', DOWN_AFTER_MS + 10_000);
      expect(down.at - stoppedAt).toBeLessThanOrEqual(DOWN_AFTER_MS + 1000);
      expect(down.seen.status).toBe(200);

      await redis.start();
      await redisStateReached(subgraph, 'connected', 20_000);
    } finally {
      await subgraph?.stop();
      await redis.destroy();
    }
  });
});
