import { MemoryLevel } from '../../src/store/memory-level';
import { StoreKeys } from '../../src/store/store-keys';
import type { StoredEntry } from '../../src/store/stored-entry';

const keys = new StoreKeys();
const HOUR = 3_600_000;

function entry(value: string): StoredEntry<string> {
  const now = Date.now();
  return { value, retrievedAt: now, expiresAt: now + HOUR };
}

describe('MemoryLevel.deleteCustomer', () => {
  it("drops every entry of that customer, fresh or kept for stale serving, and no other customer's", () => {
    const memory = new MemoryLevel(1_000_000, HOUR);
    const gone = [
      keys.entry('credeau', { customerId: 'erase-me' }),
      keys.entry('credeau-sms', { customerId: 'erase-me', args: 'threshold=10' }),
      keys.entry('credolab', { customerId: 'erase-me', reference: 'r-1' }),
    ];
    const kept = [keys.entry('credeau', { customerId: 'keep-me' }), keys.entry('finbox', { customerId: 'erase-me-not' })];
    for (const key of [...gone, ...kept]) memory.set(key, entry(key), 10);
    // Past its window, kept for `getStale` only: erased too.
    const stale = keys.entry('neuroid', { customerId: 'erase-me' });
    memory.set(stale, { value: 'old', retrievedAt: Date.now() - 2 * HOUR, expiresAt: Date.now() - 1 }, 10, HOUR);
    expect(memory.getStale(stale)).toBeDefined();

    const erasedAt = Date.now();
    expect(memory.deleteCustomer(keys.hide('erase-me'), erasedAt)).toBe(4);

    for (const key of [...gone, stale]) expect(memory.getStale(key)).toBeUndefined();
    for (const key of kept) expect(memory.get<string>(key)?.value).toBe(key);
    expect(memory.size).toBe(2);
    expect(memory.erasedSince(keys.hide('erase-me'))).toBe(erasedAt);
    expect(memory.erasedSince(keys.hide('keep-me'))).toBeUndefined();
    expect(memory.deleteCustomer(keys.hide('erase-me'), erasedAt - 1)).toBe(0);
    expect(memory.erasedSince(keys.hide('erase-me'))).toBe(erasedAt);
  });

  it('remembers no erasure when built without a marker TTL', () => {
    const memory = new MemoryLevel(1_000_000);
    memory.set(keys.entry('credeau', { customerId: 'c' }), entry('v'), 10);
    expect(memory.deleteCustomer(keys.hide('c'))).toBe(1);
    expect(memory.erasedSince(keys.hide('c'))).toBeUndefined();
  });
});
