import { Redis } from 'ioredis';
import { ALL_FIVE, callsFor, FIELDS, ONE_EACH, times } from './store-calls';
import { dumpRedis, newStoreKey, readyRedisState, storeSettled, until } from './redis-support';
import { CREDEAU_SIMULATOR_CREDENTIALS } from '../../src/simulators/credeau/credeau.simulator';
import { CREDOLAB_SIMULATOR_CREDENTIALS } from '../../src/simulators/credolab/credolab.simulator';
import { FINBOX_SIMULATOR_CREDENTIALS } from '../../src/simulators/finbox/finbox.simulator';
import { NEUROID_SIMULATOR_CREDENTIALS } from '../../src/simulators/neuroid/neuroid.simulator';
import { startTestSubgraph, STORE_ON_ENV, type TestSubgraph } from '../support/harness';
import { RedisCluster, RedisProcess } from '../support/redis-process';

const STORE_KEY = newStoreKey();

function lookups(subgraph: TestSubgraph) {
  const seen: string[] = [];
  subgraph.storeEvents.onLookup((event) => seen.push(`${event.product}:${event.result}`));
  return seen;
}

describe('signal store on a redis-server the test starts', () => {
  let redis: RedisProcess;
  let subgraph: TestSubgraph;
  let client: Redis;
  let seen: string[];
  beforeAll(async () => {
    redis = await RedisProcess.start();
    subgraph = await startTestSubgraph({
      ...STORE_ON_ENV, CREDEAU_INSIGHTS_MODE: 'sync', REDIS_URL: redis.url, SIGNALS_STORE_KEY: STORE_KEY, REDIS_TIMEOUT_MS: '500',
    });
    client = new Redis(redis.url, { maxRetriesPerRequest: 1, enableOfflineQueue: true, retryStrategy: () => 100 });
    client.on('error', () => undefined);
    seen = lookups(subgraph);
    await until(async () => (await readyRedisState(subgraph.url)) === 'connected', 'subgraph connected to redis');
  });
  afterAll(async () => {
    client.disconnect();
    await subgraph.stop();
    await redis.destroy();
  });

  it('serves a customer from Redis once this process has forgotten it, with the first answer\'s retrievedAt', async () => {
    const first = await subgraph.query(ALL_FIVE, { id: 'redis-level-two' });
    await storeSettled(client);
    subgraph.store.memory.clear();
    seen.length = 0;
    const second = await subgraph.query(ALL_FIVE, { id: 'redis-level-two' });
    expect(second.errors).toBeUndefined();
    expect(callsFor(subgraph.simulators, 'redis-level-two')).toEqual(ONE_EACH);
    for (const field of FIELDS) {
      expect(second.data?.customerSignals[field].fromCache).toBe(true);
      expect(second.data?.customerSignals[field].retrievedAt).toBe(first.data?.customerSignals[field].retrievedAt);
    }
    expect(seen.filter((entry) => entry.endsWith(':hit_redis')).sort()).toEqual(
      ['credeau-sms:hit_redis', 'credeau:hit_redis', 'credolab:hit_redis', 'finbox:hit_redis', 'neuroid:hit_redis'],
    );
    expect(second.data?.customerSignals.deviceInsights.featureCount).toBe(first.data?.customerSignals.deviceInsights.featureCount);
    expect(second.data?.customerSignals.extractedSms.edges).toEqual(first.data?.customerSignals.extractedSms.edges);
  });

  it('writes no feature name, SMS body, score or credential into Redis, and no personal data into keys', async () => {
    const full = await subgraph.query(`query { customerSignals(id: "redis-scan") {
      deviceInsights { features { name } } extractedSms(first: 500) { edges { node { body sender } } }
      credolabScore { score fragments { code } } finboxPredictors { predictors { name } } behaviorSignals { signals { model } } } }`);
    expect(full.errors).toBeUndefined();
    const signals = full.data?.customerSignals;
    const featureNames: string[] = signals.deviceInsights.features.map((f: { name: string }) => f.name);
    const smsTexts: string[] = signals.extractedSms.edges.flatMap((e: { node: { body: string | null; sender: string | null } }) => [e.node.body, e.node.sender]).filter(Boolean);
    expect(featureNames.length).toBeGreaterThan(1000);
    expect(smsTexts.length).toBeGreaterThan(10);
    const secrets = [
      ...Object.values(CREDEAU_SIMULATOR_CREDENTIALS), ...Object.values(FINBOX_SIMULATOR_CREDENTIALS),
      ...Object.values(CREDOLAB_SIMULATOR_CREDENTIALS), ...Object.values(NEUROID_SIMULATOR_CREDENTIALS), STORE_KEY,
    ];
    const needles = [
      ...featureNames, ...smsTexts.filter((text) => text.length >= 6), ...secrets.filter((s) => s.length >= 6),
      ...signals.finboxPredictors.predictors.map((p: { name: string }) => p.name),
      ...signals.credolabScore.fragments.map((f: { code: string }) => f.code).filter((code: string) => code.length >= 6),
    ];
    // Three digits turn up by chance in a few hundred kB of ciphertext: the score is looked for in the small Credolab value only.
    const score = String(signals.credolabScore.score);
    await storeSettled(client);
    const dump = await dumpRedis(client);
    expect(dump.size).toBeGreaterThanOrEqual(6); // five products and the shared name table
    for (const [key, value] of dump) {
      // Customers only as keyed hashes; the fleet's Credolab token (sealed like the rest) and the vendors'
      // rate budgets (Credeau's default 1000/60s) name no customer.
      expect(key).toMatch(
        /^(signals:v2:(credeau|credeau-sms|finbox|credolab|neuroid):(\{[0-9a-f]{32}\}(:ref=[0-9a-f]{32})?(:[a-z]+=[A-Za-z0-9_.-]+)?(:claim)?|names:[0-9a-f]+)|signals:v2:index:\{[0-9a-f]{32}\}|signals:v1:credolab:token(:claim)?|signals:v1:budget:[A-Z]+)$/,
      );
      expect(key).not.toContain('redis-scan');
      const raw = value.toString('latin1');
      // A customer's erasure index holds the names of its entries: held to the rule of key names, above.
      if (key.startsWith('signals:v2:index:')) {
        for (const member of raw.split(' ')) expect(member).toMatch(/^signals:v2:(credeau|credeau-sms|finbox|credolab|neuroid):\{[0-9a-f]{32}\}(:ref=[0-9a-f]{32})?(:[a-z]+=[A-Za-z0-9_.-]+)?$/);
        continue;
      }
      for (const needle of needles) {
        if (raw.includes(needle)) throw new Error(`${key} holds a readable "${needle.slice(0, 20)}"`);
      }
      if (key.startsWith('signals:v2:credolab:{') && raw.includes(score)) throw new Error(`${key} holds the readable score`);
    }
  });

  it('treats a value copied onto another customer\'s key as a miss: the vendor is asked and answers for that customer', async () => {
    const victim = await subgraph.query('query { customerSignals(id: "redis-victim") { deviceInsights { requestId } } }');
    await storeSettled(client);
    const sealed = await client.getBuffer(subgraph.store.keys.entry('credeau', { customerId: 'redis-victim' }));
    expect(sealed).not.toBeNull();
    await client.set(subgraph.store.keys.entry('credeau', { customerId: 'redis-thief' }), sealed as Buffer, 'PX', 60_000);
    const answer = await subgraph.query('query { customerSignals(id: "redis-thief") { deviceInsights { requestId fromCache } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.customerSignals.deviceInsights.fromCache).toBe(false);
    expect(answer.data?.customerSignals.deviceInsights.requestId).not.toBe(victim.data?.customerSignals.deviceInsights.requestId);
    expect(callsFor(subgraph.simulators, 'redis-thief').deviceInsights).toBe(1);
  });

  it('treats garbage in Redis as a miss', async () => {
    await client.set(subgraph.store.keys.entry('finbox', { customerId: 'redis-garbage', args: 'version=1' }), 'not a sealed value', 'PX', 60_000);
    const answer = await subgraph.query('query { customerSignals(id: "redis-garbage") { finboxPredictors { status fromCache } } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.customerSignals.finboxPredictors).toEqual({ status: 'COMPLETE', fromCache: false });
  });

  it('answers from the vendors with no error while Redis is killed, and uses Redis again once it is back', async () => {
    await redis.stop();
    await until(async () => (await readyRedisState(subgraph.url)) !== 'connected', 'subgraph sees redis down');
    const warningsBefore = subgraph.logs.filter((line) => line.includes('"level":40') && line.includes('redis')).length;
    for (let i = 0; i < 3; i += 1) {
      const res = await subgraph.query(ALL_FIVE, { id: 'redis-down' });
      expect(res.errors).toBeUndefined();
      subgraph.store.memory.clear();
    }
    expect(callsFor(subgraph.simulators, 'redis-down')).toEqual(times(3));
    // At most one Redis warning a minute, however many lookups failed.
    const warnings = subgraph.logs.filter((line) => line.includes('"level":40') && line.includes('redis')).length;
    expect(warnings).toBeLessThanOrEqual(Math.max(1, warningsBefore));
    const ready = await fetch(`${subgraph.url}/health/ready`);
    expect(ready.status).toBe(200);

    await redis.start();
    await until(async () => (await readyRedisState(subgraph.url)) === 'connected', 'subgraph reconnected to redis');
    await subgraph.query(ALL_FIVE, { id: 'redis-back' });
    await storeSettled(client);
    subgraph.store.memory.clear();
    const again = await subgraph.query(ALL_FIVE, { id: 'redis-back' });
    expect(again.errors).toBeUndefined();
    expect(callsFor(subgraph.simulators, 'redis-back')).toEqual(ONE_EACH);
    for (const field of FIELDS) expect(again.data?.customerSignals[field].fromCache).toBe(true);
  });
});

describe('signal store on a 3-master Redis Cluster (REDIS_CLUSTER=true, comma-separated seeds)', () => {
  let cluster: RedisCluster;
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    cluster = await RedisCluster.start(3);
    subgraph = await startTestSubgraph({
      ...STORE_ON_ENV, CREDEAU_INSIGHTS_MODE: 'sync', REDIS_URL: cluster.url, REDIS_CLUSTER: 'true',
      SIGNALS_STORE_KEY: STORE_KEY, REDIS_TIMEOUT_MS: '500',
    });
    await until(async () => (await readyRedisState(subgraph.url)) === 'connected', 'subgraph connected to the cluster');
  }, 60_000);
  afterAll(async () => {
    await subgraph.stop();
    await cluster.destroy();
  });

  it('stores every product of a customer on one slot and serves them back from the cluster', async () => {
    const first = await subgraph.query(ALL_FIVE, { id: 'cluster-customer' });
    expect(first.errors).toBeUndefined();
    // Kept (and the claims let go) after the answer: wait for it before forgetting this process's copy.
    await until(() => cluster.nodes.every((node) => node.cli('--scan', '--pattern', '*:claim').trim() === ''), 'the store keeping what it fetched');
    subgraph.store.memory.clear();
    const second = await subgraph.query(ALL_FIVE, { id: 'cluster-customer' });
    expect(second.errors).toBeUndefined();
    expect(callsFor(subgraph.simulators, 'cluster-customer')).toEqual(ONE_EACH);
    for (const field of FIELDS) expect(second.data?.customerSignals[field].fromCache).toBe(true);
    const tag = `{${subgraph.store.keys.hide('cluster-customer')}}`;
    const perNode = cluster.nodes.map((node) => node.cli('--scan', '--pattern', `*${tag}*`).split('\n').filter(Boolean).length);
    // Five products and the customer's erasure index, all on the customer's slot.
    expect(perNode.filter((count) => count > 0)).toEqual([6]);
  });
});
