import { measureEntryHeap } from './lib/entry-heap';
import { STORED_ENTRY_MAKERS } from './lib/stored-entries';

/**
 * `npm run build && node --expose-gc dist/bench/memory-per-entry.js [--entries=N] [--product=P --budget=BYTES --json]`
 *
 * What one stored customer costs in level 1, per product: the store's byte accounting (what counts
 * against SIGNALS_MEMORY_CACHE_MAX_BYTES) beside the V8 heap a MemoryLevel really holds for it after gc,
 * entries built from simulator bodies by the vendors' own mappers and store descriptors. Measured state,
 * not time: a busy machine gives the same figures.
 */
const DEFAULT_ENTRIES = 1000;
const KB = 1024;

/** `--name=value` from the command line, or undefined. */
function option(name: string): string | undefined {
  return process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/**
 * `--product=P --budget=BYTES --json`: one product offered to a level with that byte budget, as JSON (what
 * test/store/memory-level-heap.test.ts reads: a fresh process, where nothing else allocates meanwhile).
 */
function main(): void {
  const entries = Number(option('entries') ?? DEFAULT_ENTRIES);
  const budget = option('budget');
  const product = option('product');
  const makers = STORED_ENTRY_MAKERS.filter((maker) => product === undefined || maker.product === product);
  if (makers.length === 0) throw new Error(`no stored product ${product}`);
  const rows = makers.map((maker) => measureEntryHeap(maker, entries, budget === undefined ? undefined : Number(budget), budget === undefined ? 'heap' : `budget-${maker.product}`));
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(rows)}\n`);
    return;
  }
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
