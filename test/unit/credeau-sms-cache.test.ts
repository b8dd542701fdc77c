import { SmsListCache } from '../../src/datasources/credeau/credeau-sms.cache';
import { Deadline } from '../../src/datasources/http/deadline';
import type { ExtractedSms } from '../../src/types/extracted-sms.type';

const options = { fetchBudgetMs: 10_000 };
const deadline = () => new Deadline(10_000);

const list = (n: number, body = 'x'.repeat(100)) => Array.from({ length: n }, (_, i) => ({ id: `m${i}`, body }) as unknown as ExtractedSms);

describe('SmsListCache', () => {
  it('shares one fetch between concurrent callers and serves later callers from the cache', async () => {
    const cache = new SmsListCache({ ttlMs: 60_000, maxBytes: 10_000_000, ...options });
    let fetches = 0;
    const fetch = async () => {
      fetches++;
      await new Promise((resolve) => setImmediate(resolve));
      return list(3);
    };
    const [a, b] = await Promise.all([cache.getOrFetch('k', fetch, deadline()), cache.getOrFetch('k', fetch, deadline())]);
    const c = await cache.getOrFetch('k', fetch, deadline());
    expect(fetches).toBe(1);
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('evicts the least recently used list when the byte budget is exceeded', async () => {
    const cache = new SmsListCache({ ttlMs: 60_000, maxBytes: 40_000, ...options });
    let fetches = 0;
    const fetch = async () => {
      fetches++;
      return list(100);
    };
    await cache.getOrFetch('first', fetch, deadline());
    await cache.getOrFetch('second', fetch, deadline());
    await cache.getOrFetch('first', fetch, deadline());
    expect(fetches).toBe(3);
  });

  it('does not cache when the TTL is 0', async () => {
    const cache = new SmsListCache({ ttlMs: 0, maxBytes: 10_000_000, ...options });
    let fetches = 0;
    const fetch = async () => {
      fetches++;
      return list(1);
    };
    await cache.getOrFetch('k', fetch, deadline());
    await cache.getOrFetch('k', fetch, deadline());
    expect(fetches).toBe(2);
  });

  it('lets a caller that joined a shared fetch get its data after the caller that started it ran out of time', async () => {
    const cache = new SmsListCache({ ttlMs: 60_000, maxBytes: 10_000_000, ...options });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let budgetSeen: Deadline | undefined;
    const fetch = async (budget: Deadline) => {
      budgetSeen = budget;
      await gate;
      return list(2);
    };
    const starter = new Deadline(10_000);
    const first = cache.getOrFetch('k', fetch, starter);
    const second = cache.getOrFetch('k', fetch, new Deadline(10_000));
    // The starter's operation is cut short (its deadline aborts) while the fetch is still under way.
    (starter as unknown as { controller: AbortController }).controller.abort();
    await expect(first).rejects.toMatchObject({ extensions: { code: 'VENDOR_TIMEOUT', vendor: 'CREDEAU' } });
    expect(budgetSeen).not.toBe(starter);
    expect(budgetSeen?.signal.aborted).toBe(false);
    release();
    await expect(second).resolves.toHaveLength(2);
  });
});
