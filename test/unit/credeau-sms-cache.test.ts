import { SmsListCache } from '../../src/datasources/credeau/credeau-sms.cache';
import type { ExtractedSms } from '../../src/types/extracted-sms.type';

const list = (n: number, body = 'x'.repeat(100)) => Array.from({ length: n }, (_, i) => ({ id: `m${i}`, body }) as unknown as ExtractedSms);

describe('SmsListCache', () => {
  it('shares one fetch between concurrent callers and serves later callers from the cache', async () => {
    const cache = new SmsListCache({ ttlMs: 60_000, maxBytes: 10_000_000 });
    let fetches = 0;
    const fetch = async () => {
      fetches++;
      await new Promise((resolve) => setImmediate(resolve));
      return list(3);
    };
    const [a, b] = await Promise.all([cache.getOrFetch('k', fetch), cache.getOrFetch('k', fetch)]);
    const c = await cache.getOrFetch('k', fetch);
    expect(fetches).toBe(1);
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('evicts the least recently used list when the byte budget is exceeded', async () => {
    const cache = new SmsListCache({ ttlMs: 60_000, maxBytes: 40_000 });
    let fetches = 0;
    const fetch = async () => {
      fetches++;
      return list(100);
    };
    await cache.getOrFetch('first', fetch);
    await cache.getOrFetch('second', fetch);
    await cache.getOrFetch('first', fetch);
    expect(fetches).toBe(3);
  });

  it('does not cache when the TTL is 0', async () => {
    const cache = new SmsListCache({ ttlMs: 0, maxBytes: 10_000_000 });
    let fetches = 0;
    const fetch = async () => {
      fetches++;
      return list(1);
    };
    await cache.getOrFetch('k', fetch);
    await cache.getOrFetch('k', fetch);
    expect(fetches).toBe(2);
  });
});
