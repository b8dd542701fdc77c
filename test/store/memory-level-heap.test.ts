import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { EntryHeap } from '../../bench/lib/entry-heap';
import { STORED_ENTRY_MAKERS } from '../../bench/lib/stored-entries';

/**
 * Measured in a fresh node process (the built bench script; `npm test` builds first): in a jest worker,
 * what earlier suites of the same worker left behind (sockets closing, timers) allocates and frees
 * meanwhile and moves the heap by megabytes (seen on Node 22 in CI).
 */
function measureInChild(product: string, entries: number, budgetBytes: number): EntryHeap {
  const script = join(__dirname, '..', '..', 'dist', 'bench', 'memory-per-entry.js');
  const child = spawnSync(process.execPath, ['--expose-gc', script, `--product=${product}`, `--entries=${entries}`, `--budget=${budgetBytes}`, '--json'], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`memory-per-entry exited ${child.status}: ${child.stderr}`);
  const [row] = JSON.parse(child.stdout) as EntryHeap[];
  if (!row) throw new Error('memory-per-entry printed no row');
  return row;
}

/**
 * Level 1's byte budget (SIGNALS_MEMORY_CACHE_MAX_BYTES) must be what its entries really hold in V8, or
 * a replica sized by it runs out of memory (accounting too low) or keeps fewer customers than it could
 * (too high). Each product's entries are built from simulator bodies by the vendor's mapper and store
 * descriptor, offered to a level well past its budget, and the heap the level holds after gc is compared
 * with the budget. Measured state (heap after a full gc), not time: a busy machine gives the same figures.
 */
const BUDGET_BYTES = 4 * 1024 * 1024;
/** The accounting may be this far off what V8 holds, either way (measured: within 1.17; see README "Memory model"). */
const TOLERANCE = 0.3;
/** Entries offered per product: about twice what the budget holds, so the level evicts. */
const OFFERED: Readonly<Record<string, number>> = { credeau: 200, 'credeau-sms': 400, finbox: 3000, credolab: 3500, neuroid: 4500 };

describe('level 1 holds what its byte budget says', () => {
  it.each(STORED_ENTRY_MAKERS.map((maker) => [maker.product, maker] as const))('%s: the heap held after gc is the budget, within 30 %%', (product, maker) => {
    const offered = OFFERED[product];
    if (offered === undefined) throw new Error(`no entry count for ${product}: add it to OFFERED`);
    const measured = measureInChild(maker.product, offered, BUDGET_BYTES);

    // The level evicted, and is full to within one entry.
    expect(measured.entries).toBeLessThan(offered);
    expect(measured.levelBytes).toBeLessThanOrEqual(BUDGET_BYTES);
    expect(measured.levelBytes).toBeGreaterThan(BUDGET_BYTES - 2 * measured.accountedBytes);
    // What V8 holds for it: neither far more than the budget nor far less.
    expect(measured.heldBytes).toBeLessThanOrEqual(BUDGET_BYTES * (1 + TOLERANCE));
    expect(measured.heldBytes).toBeGreaterThanOrEqual(BUDGET_BYTES * (1 - TOLERANCE));
  });
});
