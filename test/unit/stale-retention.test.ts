import { loadConfig } from '../../src/subgraph-config';
import { MemoryLevel } from '../../src/store/memory-level';
import { problemsOf } from '../support/config-problems';

describe('SIGNALS_STALE_RETENTION_MS', () => {
  it('defaults to a day, takes 0, and refuses a negative, non-numeric or over six days value at start-up', () => {
    expect(loadConfig({}).store.staleRetentionMs).toBe(86_400_000);
    expect(loadConfig({ SIGNALS_STALE_RETENTION_MS: '0' }).store.staleRetentionMs).toBe(0);
    expect(problemsOf({ SIGNALS_STALE_RETENTION_MS: '-1' }).join('\n')).toContain('SIGNALS_STALE_RETENTION_MS');
    expect(problemsOf({ SIGNALS_STALE_RETENTION_MS: 'a day' }).join('\n')).toContain('SIGNALS_STALE_RETENTION_MS');
    // Longer would let an entry outlive the Credeau name table it refers to.
    expect(problemsOf({ SIGNALS_STALE_RETENTION_MS: '604800000' }).join('\n')).toContain('SIGNALS_STALE_RETENTION_MS');
  });
});

describe('level 1 keeps an entry past its window only for stale serving', () => {
  const entry = (expiresAt: number) => ({ value: { status: 'COMPLETE' }, retrievedAt: expiresAt - 60_000, expiresAt });

  it('a retained entry past its window is a miss for get and found by getStale', () => {
    const memory = new MemoryLevel(1024 * 1024);
    memory.set('past-window', entry(Date.now() - 10), 100, 60_000);
    expect(memory.get('past-window')).toBeUndefined();
    expect(memory.getStale('past-window')?.value).toEqual({ status: 'COMPLETE' });
  });

  it('a fresh entry is found by both', () => {
    const memory = new MemoryLevel(1024 * 1024);
    memory.set('fresh', entry(Date.now() + 60_000), 100, 60_000);
    expect(memory.get('fresh')).toBeDefined();
    expect(memory.getStale('fresh')).toBeDefined();
  });

  it('without retention an entry past its window is not kept at all', () => {
    const memory = new MemoryLevel(1024 * 1024);
    memory.set('not-retained', entry(Date.now() - 10), 100, 0);
    expect(memory.getStale('not-retained')).toBeUndefined();
    expect(memory.size).toBe(0);
  });
});
