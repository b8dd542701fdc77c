import { randomBytes } from 'node:crypto';
import { Cluster, Redis } from 'ioredis';

/** A fresh store key per test file: 32 random bytes, base64, as SIGNALS_STORE_KEY takes it. */
export function newStoreKey(): string {
  return randomBytes(32).toString('base64');
}

export async function until(check: () => boolean | Promise<boolean>, what: string, attempts = 200): Promise<void> {
  for (let i = 0; i < attempts; i += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/**
 * Until no store claim is left in this (single-node) Redis: a replica answers before it keeps what it
 * fetched, and lets its claim go only once the entry is in Redis and its memory.
 */
export async function storeSettled(client: Redis): Promise<void> {
  await until(async () => (await client.keys('*:claim')).length === 0, 'the store keeping what it fetched (no claim left)');
}

/** The `redis` field of a subgraph's readiness answer. */
export async function readyRedisState(baseUrl: string): Promise<string | undefined> {
  return (await readiness(baseUrl)).redis;
}

async function readiness(baseUrl: string): Promise<{ redis?: string; evidence?: string }> {
  const response = await fetch(`${baseUrl}/health/ready`);
  return (await response.json()) as { redis?: string; evidence?: string };
}

/**
 * Until a spawned replica (GraphQL `url`) is on Redis and its evidence ledger is up. A replica whose
 * ledger is still down (its first probe lost to a starved machine or to other processes migrating the
 * same database) answers without evidence and, rightly, keeps nothing: tests that count vendor calls
 * across replicas must start from replicas that keep what they fetch.
 */
export async function untilReplicaKeeps(url: string): Promise<void> {
  const baseUrl = url.replace(/\/graphql$/, '');
  await until(async () => {
    const state = await readiness(baseUrl);
    return state.redis === 'connected' && (state.evidence === 'up' || state.evidence === 'disabled');
  }, 'replica on redis with its evidence ledger up');
}

/**
 * Every key and raw value in a Redis the test started, read with SCAN + GET; a rate budget's sorted set
 * (a vendor's default budget, e.g. Credeau's 1000/60s) and a set (a customer's erasure index) are read as
 * their members, joined.
 */
export async function dumpRedis(client: Redis | Cluster): Promise<Map<string, Buffer>> {
  const nodes = client instanceof Cluster ? client.nodes('master') : [client];
  const values = new Map<string, Buffer>();
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, keys] = await node.scan(cursor, 'COUNT', 500);
      cursor = next;
      for (const key of keys) {
        const type = await node.type(key);
        if (type === 'zset') {
          values.set(key, Buffer.from((await node.zrange(key, '0', '-1')).join(' '), 'latin1'));
          continue;
        }
        // A customer's index of entry names (for erasure): its members, joined.
        if (type === 'set') {
          values.set(key, Buffer.from((await node.smembers(key)).join(' '), 'latin1'));
          continue;
        }
        const value = await node.getBuffer(key);
        if (value) values.set(key, value);
      }
    } while (cursor !== '0');
  }
  return values;
}
