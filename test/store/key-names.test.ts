import { createHmac } from 'node:crypto';
import { Redis } from 'ioredis';
import { newStoreKey, readyRedisState, until } from './redis-support';
import { startTestSubgraph, STORE_ON_ENV, type TestSubgraph } from '../support/harness';
import { RedisProcess } from '../support/redis-process';

const STORE_KEY = newStoreKey();

/** Phone-number-like ids (what many lenders use as a customer id) beside ordinary ones. */
const CUSTOMERS = ['919876543210', '447700900123', 'cust-plain-77', 'Alice_Smith-1984'];
/** Credolab reference numbers, one per customer (the default reference is the customer id itself). */
const REFERENCES = ['REF-7731-ALPHA', 'loan.2024.000981', 'app:55102', 'dataset-x9'];

const FIVE_FIELDS = `query($id: ID!, $ref: String) { customerSignals(id: $id) {
  deviceInsights { status }
  extractedSms(first: 2) { totalCount }
  finboxPredictors { status }
  credolabScore(referenceNumber: $ref) { status }
  behaviorSignals { status }
} }`;

/** A Credolab lookup under the default reference (the customer id), for ids Credolab accepts as references. */
const DEFAULT_REFERENCE = 'query($id: ID!) { customerSignals(id: $id) { credolabScore { status } } }';

/** Every spelling of a value that could appear in a key name. */
function spellings(value: string): string[] {
  return [...new Set([value, encodeURIComponent(value), value.toLowerCase(), Buffer.from(value).toString('hex'), Buffer.from(value).toString('base64').replace(/=+$/, '')])];
}

describe('Redis key names: customer ids and Credolab references only as keyed hashes', () => {
  let redis: RedisProcess;
  let subgraph: TestSubgraph;
  let client: Redis;
  beforeAll(async () => {
    redis = await RedisProcess.start();
    subgraph = await startTestSubgraph({
      ...STORE_ON_ENV, CREDEAU_INSIGHTS_MODE: 'sync', REDIS_URL: redis.url, SIGNALS_STORE_KEY: STORE_KEY, REDIS_TIMEOUT_MS: '2000',
      // Budgets on, so their keys are in Redis too (generous: no call is ever refused here).
      CREDEAU_RATE_LIMIT: '100000/60s', FINBOX_RATE_LIMIT: '100000/60s', CREDOLAB_RATE_LIMIT: '100000/60s', NEUROID_RATE_LIMIT: '100000/60s',
    });
    client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    client.on('error', () => undefined);
    await until(async () => (await readyRedisState(subgraph.url)) === 'connected', 'subgraph connected to redis');
  });
  afterAll(async () => {
    client.disconnect();
    await subgraph.stop();
    await redis.destroy();
  });

  it('SCAN finds no customer id or reference number in any key, claims included, and one hash tag per customer', async () => {
    // A slow Credeau keeps one fetch (and its claim) in Redis long enough to be seen.
    subgraph.simulators.credeau.latencyMs = 1500;
    const slow = subgraph.query('query($id: ID!) { customerSignals(id: $id) { deviceInsights { status } } }', { id: '15550001111' });
    const claims = new Set<string>();
    await until(async () => {
      for (const key of (await dumpRedisKeys(client))) if (key.endsWith(':claim')) claims.add(key);
      return [...claims].some((key) => key.startsWith('signals:v2:credeau:{'));
    }, 'a claim of the slow Credeau fetch');
    expect((await slow).errors).toBeUndefined();
    subgraph.simulators.credeau.latencyMs = 0;

    for (const [i, id] of CUSTOMERS.entries()) {
      const answer = await subgraph.query(FIVE_FIELDS, { id, ref: REFERENCES[i] });
      expect(answer.errors).toBeUndefined();
    }
    for (const id of CUSTOMERS.filter((one) => /[A-Za-z]/.test(one))) {
      expect((await subgraph.query(DEFAULT_REFERENCE, { id })).errors).toBeUndefined();
    }

    const keys = [...(await dumpRedisKeys(client)), ...claims];
    expect(keys).toContain('signals:v1:credolab:token');
    expect(keys.filter((key) => key.startsWith('signals:v1:budget:'))).not.toHaveLength(0);
    const needles = [...CUSTOMERS, '15550001111', ...REFERENCES].flatMap(spellings);
    // A hash under the raw SIGNALS_STORE_KEY would mean the sealing key also names the keys: it must not.
    const underSealingKey = [...CUSTOMERS, ...REFERENCES].map((value) =>
      createHmac('sha256', Buffer.from(STORE_KEY, 'base64')).update(value, 'utf8').digest('hex').slice(0, 32));
    for (const key of keys) {
      for (const needle of [...needles, ...underSealingKey]) {
        if (key.toLowerCase().includes(needle.toLowerCase())) throw new Error(`key ${key} contains "${needle}"`);
      }
    }

    for (const [i, id] of CUSTOMERS.entries()) {
      const tag = `{${subgraph.store.keys.hide(id)}}`;
      const own = keys.filter((key) => key.includes(tag));
      // Five products and the customer's erasure index, each under the customer's one hash tag (one Redis Cluster slot).
      expect(new Set(own.map((key) => key.split(':')[2]))).toEqual(new Set(['credeau', 'credeau-sms', 'finbox', 'credolab', 'neuroid', 'index']));
      for (const key of own) expect(key.indexOf('{')).toBe(key.lastIndexOf('{'));
      const credolab = own.find((key) => key.startsWith('signals:v2:credolab:') && key.includes(':ref='));
      expect(credolab).toBe(`signals:v2:credolab:${tag}:ref=${subgraph.store.keys.hide(REFERENCES[i] as string)}`);
    }
  });
});

async function dumpRedisKeys(client: Redis): Promise<string[]> {
  const keys: string[] = [];
  let cursor = '0';
  do {
    const [next, batch] = await client.scan(cursor, 'COUNT', 500);
    cursor = next;
    keys.push(...batch);
  } while (cursor !== '0');
  return keys;
}
