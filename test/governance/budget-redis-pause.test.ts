import { Redis } from 'ioredis';
import { simulatorLiveEnv } from '../../bench/lib/vendor-env';
import { startSimulators, stopSimulators, type Simulators } from '../../src/simulators';
import { mostCallsInAnyWindow } from '../support/call-windows';
import { startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '../support/harness';
import { RedisProcess } from '../support/redis-process';
import { newStoreKey, readyRedisState, until } from '../store/redis-support';

/**
 * Issue 20, item 2: a 20/2s budget holds while Redis stalls. Redis is paused 150 ms every 1.5 s
 * (CLIENT PAUSE from a connection of the test's own), longer than the replicas' REDIS_TIMEOUT_MS, so
 * budget reservations time out and run in Redis later, while replicas fall back to their own shares.
 * NeuroID (one simulator, shared by the replicas) must see at most 20 calls in every 2 s window.
 */
const LOAD_MS = 6_000;

const aliases = (ids: string[]) => `{ ${ids.map((id, i) => `c${i}: customerSignals(id: "${id}") { behaviorSignals { status } }`).join(' ')} }`;

describe('a 20/2s budget while Redis pauses 150 ms every 1.5 s', () => {
  let redis: RedisProcess;
  let vendor: Simulators;
  beforeAll(async () => {
    redis = await RedisProcess.start();
    vendor = await startSimulators();
  });
  afterAll(async () => {
    await stopSimulators(vendor);
    await redis.destroy();
  });

  it.each([1, 2])('from %i replica(s): NeuroID sees at most 20 calls in every 2 s window', async (count) => {
    vendor.neuroid.resetCalls();
    const key = newStoreKey();
    const replicas: TestSubgraph[] = [];
    const pauser = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    let pausing = true;
    let pauses = 0;
    try {
      for (let i = 0; i < count; i++) {
        replicas.push(await startTestSubgraph({
          ...simulatorLiveEnv(vendor),
          NEUROID_RATE_LIMIT: '20/2s',
          REDIS_URL: redis.url,
          SIGNALS_STORE_KEY: key,
          // Shorter than the pause: reservations time out while Redis is paused.
          REDIS_TIMEOUT_MS: '50',
          OPERATION_TIMEOUT_MS: '3000',
          LOG_LEVEL: 'warn',
        }));
      }
      for (const replica of replicas) await until(async () => (await readyRedisState(replica.url)) === 'connected', 'replica on redis');

      const pauseLoop = (async () => {
        while (pausing) {
          await pauser.call('CLIENT', 'PAUSE', '150', 'ALL');
          pauses++;
          await new Promise((resolve) => setTimeout(resolve, 1_500));
        }
      })();

      // Far more than the budget: every 100 ms each replica is asked for 4 new customers (about 140 a replica).
      const answers: Array<Promise<GraphQLResponse>> = [];
      const until_ = Date.now() + LOAD_MS;
      for (let round = 0; Date.now() < until_; round++) {
        replicas.forEach((replica, r) => {
          answers.push(replica.query(aliases(Array.from({ length: 4 }, (_, i) => `pause-${count}-${r}-${round}-${i}`))));
        });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const responses = await Promise.all(answers);
      pausing = false;
      await pauseLoop;

      expect(pauses).toBeGreaterThanOrEqual(3);
      const calls = vendor.neuroid.calls;
      // The load exceeded the budget (more than one window's worth went out, some fields were refused) ...
      expect(calls.length).toBeGreaterThan(20);
      const errors = responses.flatMap((response) => response.errors ?? []);
      expect(errors.length).toBeGreaterThan(0);
      // Refused by the budget, or (a machine too busy to keep up) out of operation time while waiting for a slot.
      const coded = new Set(['VENDOR_RATE_LIMITED', 'VENDOR_TIMEOUT']);
      expect(errors.filter((e) => !coded.has(e.extensions?.code as string) || e.extensions?.vendor !== 'NEUROID')).toEqual([]);
      expect(errors.some((e) => e.extensions?.code === 'VENDOR_RATE_LIMITED')).toBe(true);
      // ... and no window of the vendor's arrivals, wherever it starts, holds more than N.
      expect(mostCallsInAnyWindow(calls, 2_000)).toBeLessThanOrEqual(20);
    } finally {
      pausing = false;
      for (const replica of replicas) await replica.stop();
      pauser.disconnect();
    }
  }, 60_000);
});
