import { Cluster, Redis } from 'ioredis';
import { createLogger } from '../../src/logger';
import { RedisLevel } from '../../src/store/redis-level';
import { SealedBox } from '../../src/store/sealed-box';
import { SharedRedis } from '../../src/store/shared-redis';
import { claimKey, customerIndexKey, customerTagOf, erasureMarkerKey, StoreKeys } from '../../src/store/store-keys';
import { newStoreKey, until } from '../store/redis-support';
import { RedisCluster, RedisProcess } from '../support/redis-process';

const STORE_KEY = newStoreKey();
const silent = createLogger('silent', []);
const keys = new StoreKeys(STORE_KEY);
const MINUTE = 60_000;

interface Target {
  url: string[];
  cluster: boolean;
  destroy(): Promise<void>;
}

describe.each([
  ['a single redis-server', async (): Promise<Target> => { const r = await RedisProcess.start(); return { url: [r.url], cluster: false, destroy: () => r.destroy() }; }],
  ['a 3-master Redis Cluster', async (): Promise<Target> => { const c = await RedisCluster.start(3); return { url: c.url.split(','), cluster: true, destroy: () => c.destroy() }; }],
])('erasure in Redis on %s the test starts', (_name, startTarget) => {
  let target: Target;
  let shared: SharedRedis;
  let level: RedisLevel;
  let raw: Redis | Cluster;

  beforeAll(async () => {
    target = await startTarget();
    shared = SharedRedis.open({ urls: target.url, cluster: target.cluster, timeoutMs: 1_000, storeKeyBase64: STORE_KEY }, silent);
    level = new RedisLevel(shared, new SealedBox(STORE_KEY));
    raw = target.cluster
      ? new Cluster(target.url.map((url) => ({ host: '127.0.0.1', port: Number(new URL(url).port) })))
      : new Redis(target.url[0] as string);
    await until(() => shared.state === 'connected', 'connected');
  }, 60_000);
  afterAll(async () => {
    await shared.close();
    raw.disconnect();
    await target.destroy();
  });

  const entriesOf = (customerId: string) => [
    keys.entry('credeau', { customerId }),
    keys.entry('finbox', { customerId, args: 'v=1' }),
    keys.entry('credolab', { customerId, reference: 'ref-1' }),
  ];

  it('deletes every stored entry and claim of the customer, counts them, and leaves other customers alone', async () => {
    const erased = entriesOf('erase-me');
    const kept = entriesOf('keep-me');
    const tag = keys.hide('erase-me');
    const otherTag = keys.hide('keep-me');
    const started = Date.now();
    for (const key of erased) expect(await level.setForCustomer(key, Buffer.from('gone'), MINUTE, tag, started)).toBe('stored');
    for (const key of kept) expect(await level.setForCustomer(key, Buffer.from('kept'), MINUTE, otherTag, started)).toBe('stored');
    expect(await level.claim(erased[0] as string, MINUTE)).toBeDefined();
    expect((await raw.smembers(customerIndexKey(tag))).sort()).toEqual([...erased].sort());

    const erasedAt = Date.now();
    expect(await level.eraseCustomer(tag, erasedAt, MINUTE)).toBe(3);

    for (const key of erased) expect(await level.get(key)).toBeUndefined();
    expect(await raw.exists(claimKey(erased[0] as string))).toBe(0);
    expect(await raw.exists(customerIndexKey(tag))).toBe(0);
    for (const key of kept) expect((await level.get(key))?.toString()).toBe('kept');
    expect(await level.erasedSince(tag)).toBe(erasedAt);
    expect(await level.erasedSince(otherTag)).toBeUndefined();
    // A second erasure finds nothing left.
    expect(await level.eraseCustomer(tag, erasedAt + 1, MINUTE)).toBe(0);
  });

  it('refuses the write of a fetch that started before the erasure, and stores one that started after', async () => {
    const tag = keys.hide('in-flight');
    const [key] = entriesOf('in-flight') as [string];
    const erasedAt = Date.now();
    expect(await level.eraseCustomer(tag, erasedAt, MINUTE)).toBe(0);
    const pttl = await raw.pttl(erasureMarkerKey(tag));
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(MINUTE);

    expect(await level.setForCustomer(key, Buffer.from('late'), MINUTE, tag, erasedAt - 5)).toBe('erased');
    expect(await level.setForCustomer(key, Buffer.from('late'), MINUTE, tag, erasedAt)).toBe('erased');
    expect(await raw.exists(key)).toBe(0);
    expect(await raw.exists(customerIndexKey(tag))).toBe(0);

    expect(await level.setForCustomer(key, Buffer.from('new'), MINUTE, tag, erasedAt + 1)).toBe('stored');
    expect((await level.get(key))?.toString()).toBe('new');
    // The entry written after the erasure is indexed, so the next erasure finds it.
    expect(await level.eraseCustomer(tag, erasedAt + 2, MINUTE)).toBe(1);
    expect(await raw.exists(key)).toBe(0);
  });

  it('keeps the later instant of two erasures in the marker', async () => {
    const tag = keys.hide('erased-twice');
    const later = Date.now();
    await level.eraseCustomer(tag, later, MINUTE);
    await level.eraseCustomer(tag, later - 10_000, MINUTE);
    expect(await level.erasedSince(tag)).toBe(later);
  });

  it('keeps the index at least as long as its longest-lived entry', async () => {
    const tag = keys.hide('index-ttl');
    const [short, long] = entriesOf('index-ttl') as [string, string];
    await level.setForCustomer(long, Buffer.from('x'), 10 * MINUTE, tag, Date.now());
    await level.setForCustomer(short, Buffer.from('x'), 1_000, tag, Date.now());
    expect(await raw.pttl(customerIndexKey(tag))).toBeGreaterThan(9 * MINUTE);
    expect(await raw.pttl(long)).toBeGreaterThan(9 * MINUTE);
  });

  it('names the marker and the index under the customer\'s hash tag, and reads the tag back from an entry name', () => {
    const tag = keys.hide('tagged');
    for (const key of [...entriesOf('tagged'), claimKey(keys.entry('neuroid', { customerId: 'tagged' })), erasureMarkerKey(tag), customerIndexKey(tag)]) {
      expect(customerTagOf(key)).toBe(tag);
    }
    expect(customerTagOf('signals:v2:credeau:names:abc')).toBeUndefined();
  });
});
