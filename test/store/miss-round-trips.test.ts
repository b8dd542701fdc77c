import { Redis } from 'ioredis';
import type { StoreConfig } from '../../src/config';
import { Deadline } from '../../src/datasources/http/deadline';
import { createLogger } from '../../src/logger';
import { SharedRedis } from '../../src/store/shared-redis';
import { SignalStore, type Fetched, type StoreAnswer } from '../../src/store/signal-store';
import { jsonDescriptor } from '../../src/store/store-descriptor';
import { StoreEvents } from '../../src/store/store-events';
import { claimKey } from '../../src/store/store-keys';
import { RedisProcess } from '../support/redis-process';
import { newStoreKey, until } from './redis-support';

interface Answer {
  status: string;
  score: number;
}

const STORE_KEY = newStoreKey();
const silent = createLogger('silent', []);
const descriptor = jsonDescriptor<Answer>('finbox', 'FINBOX', () => 'settled');
const MINUTE = 60_000;
const CONFIG: StoreConfig = {
  memoryMaxBytes: 1 << 20,
  negativeTtlMs: MINUTE,
  ttlMs: { credeau: MINUTE, 'credeau-sms': MINUTE, finbox: MINUTE, credolab: MINUTE, neuroid: MINUTE },
  claimTtlMs: 10_000,
  pollIntervalMs: 20,
  staleRetentionMs: 0,
};
const FRESH = { maxAgeMs: undefined, maxStaleMs: undefined };

/** One replica's store: its own Redis connection (unhurried: a paused write must wait, not time out). */
function openReplica(url: string): { shared: SharedRedis; store: SignalStore } {
  const shared = SharedRedis.open({ urls: [url], cluster: false, timeoutMs: 30_000, storeKeyBase64: STORE_KEY }, silent);
  const store = new SignalStore({ config: CONFIG, redis: shared, storeKeyBase64: STORE_KEY, events: new StoreEvents(), fetchBudgetMs: MINUTE, erasureMarkerTtlMs: MINUTE });
  return { shared, store };
}

/** A vendor answer with its evidence, as the vendor loader hands it to the store. */
function fetched(score: number): Fetched<Answer> {
  return { value: { status: 'COMPLETE', score }, evidence: { evidenceId: `evidence-${score}` }, fetchStartedAt: Date.now() };
}

/** Loads `key` on `store` with a deadline of its own, disposed once settled. */
async function load(store: SignalStore, key: string, fetch: (budget: Deadline) => Promise<Fetched<Answer>>): Promise<StoreAnswer<Answer>> {
  const deadline = new Deadline(MINUTE);
  try {
    return await store.load(descriptor, key, FRESH, fetch, deadline);
  } finally {
    deadline.dispose();
  }
}

/** The signal store's Redis traffic on a miss, on a redis-server the test starts, seen with MONITOR. */
describe('a store miss on a redis-server the test starts', () => {
  let redis: RedisProcess;
  let first: { shared: SharedRedis; store: SignalStore };
  let second: { shared: SharedRedis; store: SignalStore };
  let raw: Redis;
  let monitor: Redis;
  /** Commands the server ran from clients (not from inside scripts), in order: name and first key. */
  let commands: Array<{ name: string; key: string | undefined }>;

  beforeAll(async () => {
    redis = await RedisProcess.start();
    first = openReplica(redis.url);
    second = openReplica(redis.url);
    raw = new Redis(redis.url);
    await until(() => first.shared.state === 'connected' && second.shared.state === 'connected', 'both replicas connected');
    monitor = await raw.monitor();
    monitor.on('monitor', (_time: string, args: string[], source: string) => {
      if (source !== 'lua') commands.push({ name: (args[0] ?? '').toLowerCase(), key: args[0]?.toLowerCase() === 'eval' ? args[3] : args[1] });
    });
  }, 60_000);
  beforeEach(() => {
    commands = [];
  });
  afterAll(async () => {
    monitor.disconnect();
    raw.disconnect();
    await first.shared.close();
    await second.shared.close();
    await redis.destroy();
  });

  /**
   * The store's commands on `key` the server ran before this marker: the marker goes through another
   * connection once the store is in its vendor call, and the server runs commands one at a time.
   */
  async function commandsBeforeVendorCall(key: string, mark: string): Promise<string[]> {
    await raw.echo(mark);
    await until(() => commands.some((command) => command.name === 'echo'), 'MONITOR showing the vendor call mark');
    const upTo = commands.findIndex((command) => command.name === 'echo');
    return commands.slice(0, upTo).filter((command) => command.key?.startsWith(key)).map((command) => command.name);
  }

  it('asks Redis once before the vendor call on a plain miss: one script looks and takes the claim', async () => {
    const key = first.store.keys.entry('finbox', { customerId: 'round-trips', args: 'v=1' });
    let before: string[] | undefined;
    const answer = await load(first.store, key, async () => {
      before = await commandsBeforeVendorCall(key, 'vendor-call');
      return fetched(1);
    });
    expect(answer.fromCache).toBe(false);
    expect(before).toEqual(['eval']);
    // Kept afterwards, and the claim let go: another replica is answered from Redis without the vendor.
    await until(async () => (await raw.exists(key)) === 1 && (await raw.exists(claimKey(key))) === 0, 'the entry written and the claim released');
    const shared = await load(second.store, key, async () => {
      throw new Error('the second replica must not ask the vendor');
    });
    expect(shared.fromCache).toBe(true);
    expect(shared.entry.value).toEqual({ status: 'COMPLETE', score: 1 });
  });

  it('polls another replica\'s claim with one round trip per poll, and is answered from Redis when the value lands', async () => {
    const key = first.store.keys.entry('finbox', { customerId: 'polling', args: 'v=1' });
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let fetching = false;
    const fetching1 = load(first.store, key, async () => {
      fetching = true;
      await gate;
      return fetched(2);
    });
    await until(() => fetching, 'the first replica calling its vendor');
    commands = [];
    const waiting = load(second.store, key, async () => {
      throw new Error('the waiting replica must not ask the vendor');
    });
    // Several polls, each one script run (the value, or another try at the claim): no separate GET or SET.
    await until(() => commands.filter((command) => command.key === key).length >= 3, 'the second replica polling');
    open();
    const [answered, waited] = await Promise.all([fetching1, waiting]);
    expect(answered.fromCache).toBe(false);
    expect(waited.fromCache).toBe(true);
    expect(waited.entry.value).toEqual({ status: 'COMPLETE', score: 2 });
    const polls = commands.filter((command) => command.key === key && command.name !== 'eval');
    expect(polls).toEqual([]);
  });

  it('hands the answer to its waiters while the Redis write is held, keeps the claim until the entry lands, then a second replica hits it', async () => {
    const key = first.store.keys.entry('finbox', { customerId: 'held-write', args: 'v=1' });
    let answered: StoreAnswer<Answer> | undefined;
    const loading = load(first.store, key, async () => {
      // Writes wait from here on (reads do not): the store's write after this fetch is held until UNPAUSE.
      await raw.client('PAUSE', MINUTE, 'WRITE');
      return fetched(3);
    }).then((answer) => (answered = answer));
    try {
      await until(() => answered !== undefined, 'the answer while Redis holds every write');
      expect(answered?.fromCache).toBe(false);
      expect(answered?.entry.value).toEqual({ status: 'COMPLETE', score: 3 });
      expect(await raw.exists(key)).toBe(0);
      expect(await raw.exists(claimKey(key))).toBe(1);
    } finally {
      await raw.client('UNPAUSE');
    }
    await loading;
    await until(async () => (await raw.exists(key)) === 1 && (await raw.exists(claimKey(key))) === 0, 'the entry written and the claim released');
    const hit = await load(second.store, key, async () => {
      throw new Error('the second replica must not ask the vendor');
    });
    expect(hit.fromCache).toBe(true);
    expect(hit.entry.value).toEqual({ status: 'COMPLETE', score: 3 });
    expect(first.store.memory.get(key)?.value).toEqual({ status: 'COMPLETE', score: 3 });
  });

  it('still keeps nothing, in Redis or memory, of an answer whose customer was erased while it was fetched (but answers it)', async () => {
    const key = first.store.keys.entry('finbox', { customerId: 'erased-meanwhile', args: 'v=1' });
    const answer = await load(first.store, key, async () => {
      const started = fetched(4);
      await second.store.eraseCustomer('erased-meanwhile', Date.now());
      return started;
    });
    expect(answer.entry.value).toEqual({ status: 'COMPLETE', score: 4 });
    // Released once the refused write is done.
    await until(async () => (await raw.exists(claimKey(key))) === 0, 'the claim released');
    expect(await raw.exists(key)).toBe(0);
    expect(first.store.memory.get(key)).toBeUndefined();
  });
});
