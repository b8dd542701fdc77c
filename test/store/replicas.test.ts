import { liveVendorEnv } from '../../bench/lib/vendor-env';
import { startSimulators, stopSimulators, type Simulators } from '../../src/simulators';
import { FAST_ENV, STORE_ON_ENV, UNHURRIED_REDIS_ENV } from '../support/harness';
import { RedisProcess } from '../support/redis-process';
import { simulatorsSettled } from '../support/settle';
import { spawnSubgraph, type SpawnedSubgraph } from '../support/spawn-subgraph';
import { ALL_FIVE, callsFor, ONE_EACH } from './store-calls';
import { newStoreKey, untilReplicaKeeps } from './redis-support';

async function query(url: string, id: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: ALL_FIVE, variables: { id } }) });
  return (await response.json()) as { data?: { customerSignals: Record<string, { fromCache: boolean }> }; errors?: unknown[] };
}

/** Two built server processes, both live against the same simulators (run here) and one redis-server. */
describe('two server processes on one Redis', () => {
  let redis: RedisProcess;
  let simulators: Simulators;
  let replicas: SpawnedSubgraph[];
  let urls: string[];
  beforeAll(async () => {
    redis = await RedisProcess.start();
    simulators = await startSimulators();
    const env = {
      ...FAST_ENV, ...STORE_ON_ENV, ...liveVendorEnv(simulators), LOG_LEVEL: 'info', PORT: '0', HOST: '127.0.0.1',
      REDIS_URL: redis.url, SIGNALS_STORE_KEY: newStoreKey(), ...UNHURRIED_REDIS_ENV,
    };
    replicas = [spawnSubgraph(env), spawnSubgraph(env)];
    urls = await Promise.all(replicas.map((replica) => replica.ready));
    for (const url of urls) await untilReplicaKeeps(url);
  }, 60_000);
  afterAll(async () => {
    for (const replica of replicas) {
      replica.child.kill('SIGTERM');
      await replica.exited;
    }
    await stopSimulators(simulators);
    await redis.destroy();
  });

  it('logs that the store uses memory and Redis', () => {
    for (const replica of replicas) expect(replica.stdout()).toContain('store: memory + redis');
  });

  it('an operation on the first, then on the second: one vendor call per field', async () => {
    const first = await query(urls[0] as string, 'replica-seq');
    const second = await query(urls[1] as string, 'replica-seq');
    expect(first.errors).toBeUndefined();
    expect(second.errors).toBeUndefined();
    await simulatorsSettled(simulators);
    expect(callsFor(simulators, 'replica-seq')).toEqual(ONE_EACH);
    for (const field of Object.values(second.data?.customerSignals ?? {})) expect(field.fromCache).toBe(true);
  });

  it('50 concurrent operations on each for a new customer: one vendor call per field', async () => {
    for (const simulator of Object.values(simulators)) simulator.latencyMs = 200;
    try {
      const answers = await Promise.all(
        Array.from({ length: 100 }, (_, i) => query(urls[i % 2] as string, 'replica-burst')),
      );
      expect(answers.every((answer) => answer.errors === undefined)).toBe(true);
    } finally {
      for (const simulator of Object.values(simulators)) simulator.latencyMs = 0;
    }
    await simulatorsSettled(simulators);
    expect(callsFor(simulators, 'replica-burst')).toEqual(ONE_EACH);
  });
});
