import { measureEntryHeap } from './lib/entry-heap';
import { STORED_ENTRY_MAKERS } from './lib/stored-entries';

/**
 * `npm run build && node --expose-gc dist/bench/memory-per-entry.js [--entries=N]`
 *
 * What one stored customer costs in level 1, per product: the store's byte accounting (what counts
 * against SIGNALS_MEMORY_CACHE_MAX_BYTES) beside the V8 heap a MemoryLevel really holds for it after gc,
 * entries built from simulator bodies by the vendors' own mappers and store descriptors. Measured state,
 * not time: a busy machine gives the same figures.
 */
const DEFAULT_ENTRIES = 1000;
const KB = 1024;

function main(): void {
  const entries = Number(/^--entries=(\d+)$/.exec(process.argv.find((arg) => arg.startsWith('--entries=')) ?? '')?.[1] ?? DEFAULT_ENTRIES);
  const rows = STORED_ENTRY_MAKERS.map((maker) => measureEntryHeap(maker, entries));
  const pad = (text: string, width: number) => text.padStart(width);
  const lines = [`${'product'.padEnd(12)}${pad('accounted KB', 14)}${pad('measured KB', 13)}${pad('measured/accounted', 20)}`];
  for (const row of rows) {
    lines.push(
      `${row.product.padEnd(12)}${pad((row.accountedBytes / KB).toFixed(2), 14)}${pad((row.measuredBytes / KB).toFixed(2), 13)}` +
        pad(row.ratio.toFixed(2), 20),
    );
  }
  lines.push(`(${entries} entries per product, ${process.version}, heap deltas after full gc)`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main();
