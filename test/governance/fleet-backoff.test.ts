import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simulatorLiveEnv } from '../../bench/lib/vendor-env';
import { startSimulators, stopSimulators, type Simulators } from '../../src/simulators';
import { mostCallsInAnyWindow } from '../support/call-windows';
import { startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '../support/harness';
import { RedisProcess } from '../support/redis-process';
import { newStoreKey, readyRedisState, until } from '../store/redis-support';

/**
 * Issue 20, item 3: NeuroID answers every call with 429 and `Retry-After: 3`, asked 20 operations a second
 * through two replicas on one Redis. The fleet backs off together: at most one call per replica before
 * the shared back-off lands, none for the rest of the 3 s, then one trial for the whole fleet; every
 * operation gets VENDOR_RATE_LIMITED with `retryAfter`. Counts from the stub's arrival times, no latencies.
 */
const RETRY_AFTER_S = 3;
const LOAD_MS = 9_500;

/**
 * A NeuroID that, once armed, says "too many requests, come back in 3 s" to every call, recording when
 * each arrived. Before that it answers 404 (NeuroID's "no profile"), so the replicas' connections and
 * code paths are warm when the test starts counting.
 */
async function startThrottlingVendor(): Promise<{ url: string; arrivals: number[]; arm(): void; stop(): Promise<void> }> {
  const arrivals: number[] = [];
  let armed = false;
  const server: Server = createServer((request, response) => {
    request.resume();
    if (!armed) {
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{}');
      return;
    }
    arrivals.push(Date.now());
    response.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(RETRY_AFTER_S) });
    response.end('{"error":"rate limited"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    arrivals,
    arm: () => {
      armed = true;
    },
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

const behaviorOf = (id: string) => `{ customerSignals(id: "${id}") { behaviorSignals { status } } }`;

describe('a vendor answering 429 with Retry-After, two replicas on one Redis', () => {
  let redis: RedisProcess;
  let simulators: Simulators;
  let vendor: Awaited<ReturnType<typeof startThrottlingVendor>>;
  const replicas: TestSubgraph[] = [];
  beforeAll(async () => {
    redis = await RedisProcess.start();
    simulators = await startSimulators();
    vendor = await startThrottlingVendor();
    const key = newStoreKey();
    for (let i = 0; i < 2; i++) {
      replicas.push(await startTestSubgraph({
        ...simulatorLiveEnv(simulators),
        NEUROID_BASE_URL: vendor.url,
        REDIS_URL: redis.url,
        SIGNALS_STORE_KEY: key,
        REDIS_TIMEOUT_MS: '1000',
        // Shorter than the back-off: operations fail fast instead of waiting it out.
        OPERATION_TIMEOUT_MS: '2000',
        LOG_LEVEL: 'warn',
      }));
    }
    for (const replica of replicas) await until(async () => (await readyRedisState(replica.url)) === 'connected', 'replica on redis');
  });
  afterAll(async () => {
    for (const replica of replicas) await replica.stop();
    await vendor.stop();
    await stopSimulators(simulators);
    await redis.destroy();
  });

  it('20 operations/s: at most 2 calls in the first 3 s, then one trial; every operation VENDOR_RATE_LIMITED with retryAfter', async () => {
    // Warm: every replica has pooled connections to the vendor before it starts throttling.
    await Promise.all(replicas.flatMap((replica, r) => Array.from({ length: 4 }, (_, i) => replica.query(behaviorOf(`warm-${r}-${i}`)))));
    vendor.arm();
    const answers: Array<Promise<GraphQLResponse>> = [];
    const end = Date.now() + LOAD_MS;
    for (let i = 0; Date.now() < end; i++) {
      answers.push((replicas[i % 2] as TestSubgraph).query(behaviorOf(`backoff-${i}`)));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const responses = await Promise.all(answers);

    const [first] = vendor.arrivals;
    expect(first).toBeDefined();
    const start = first as number;
    const closure = RETRY_AFTER_S * 1_000;
    const inFirstWait = vendor.arrivals.filter((at) => at < start + closure);
    // One per replica at most: the one that got the 429, and the other's call sent before the key landed.
    expect(inFirstWait.length).toBeGreaterThanOrEqual(1);
    expect(inFirstWait.length).toBeLessThanOrEqual(2);
    // After it, operations kept coming, yet the vendor saw one trial per back-off: every trial was refused
    // again, so no two later calls are less than 3 s apart (a trial cut short by a busy machine may delay
    // the next one, never double it).
    const trials = vendor.arrivals.filter((at) => at >= start + closure);
    expect(trials.length).toBeGreaterThanOrEqual(1);
    expect(mostCallsInAnyWindow(trials.map((at) => ({ at })), closure)).toBe(1);

    expect(responses.length).toBeGreaterThan(100);
    for (const response of responses) {
      expect(response.errors?.map((e) => e.extensions?.code)).toEqual(['VENDOR_RATE_LIMITED']);
      const extensions = response.errors?.[0]?.extensions ?? {};
      expect(extensions).toMatchObject({ code: 'VENDOR_RATE_LIMITED', vendor: 'NEUROID', retryable: true });
      expect(Number.isInteger(extensions.retryAfter)).toBe(true);
      expect(extensions.retryAfter as number).toBeGreaterThanOrEqual(1);
      expect(extensions.retryAfter as number).toBeLessThanOrEqual(RETRY_AFTER_S);
    }
  }, 60_000);
});
