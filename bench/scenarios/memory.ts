import type { Figure, SoakReport } from '../lib/figures';
import { resetVendorCalls, setVendorLatency, settle, type BenchContext } from '../lib/bench-context';
import { runLoad } from '../lib/load';
import { MB, slope } from '../lib/stats';
import { readMetrics } from '../lib/server-metrics';
import { storedCredeauSize } from '../lib/stored-credeau-size';
import { coldLoad } from './cold';

/** The targets: RSS settled after the bench (default 64 MiB level 1), and at its peak under load. */
export const RSS_LIMIT_MB = 200;
export const RSS_PEAK_LIMIT_MB = 300;

/**
 * How long memory is watched once the load stops. V8 gives its grown heap back only when its memory
 * reducer runs a full collection after the allocation rate drops, ~10-20 s after the last operation
 * (measured here: ~350 MB at once, ~150 MB 18 s later). A figure taken at once measures that timer, not
 * what the process keeps; the settled figure is the lowest sample within this window.
 */
const SETTLE_WINDOW_SEC = 30;
const SETTLE_SAMPLE_EVERY_MS = 2000;

/** memory: resident size of the server process after every other scenario ran against it. */
export async function memoryAfterRuns(context: BenchContext): Promise<Figure[]> {
  const immediately = context.server.memory();
  let settledBytes = immediately.rssBytes;
  for (let waited = 0; waited < SETTLE_WINDOW_SEC * 1000; waited += SETTLE_SAMPLE_EVERY_MS) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_SAMPLE_EVERY_MS));
    settledBytes = Math.min(settledBytes, context.server.memory().rssBytes);
  }
  const settledMB = settledBytes / MB;
  // How much of the settled RSS is live JavaScript (the store's level 1 included) and how much is heap
  // V8 has not given back.
  const heap = await readMetrics(context.server.metricsUrl, ['nodejs_heap_size_used_bytes', 'nodejs_heap_size_total_bytes'] as const);
  const heapUsedMB = heap.nodejs_heap_size_used_bytes / MB;
  const heapTotalMB = heap.nodejs_heap_size_total_bytes / MB;
  // After the RSS figures: storing one more customer must not move them.
  const stored = await storedCredeauSize(context);
  context.details.storedCredeauCustomer = stored;
  const KB = 1024;
  return [
    { key: 'memory.rssIdle', scenario: 'memory', label: 'server RSS at start, idle', value: context.idleRssBytes / MB, unit: 'MB', better: 'lower' },
    {
      key: 'memory.rssAfterRuns',
      scenario: 'memory',
      label: 'server RSS right after the runs',
      value: immediately.rssBytes / MB,
      unit: 'MB',
      better: 'lower',
    },
    {
      key: 'memory.rssSettled',
      scenario: 'memory',
      label: `server RSS after the runs, settled (low of ${SETTLE_WINDOW_SEC} s idle)`,
      value: settledMB,
      unit: 'MB',
      better: 'lower',
      target: { text: `≤ ${RSS_LIMIT_MB} MB`, pass: settledMB <= RSS_LIMIT_MB },
    },
    { key: 'memory.heapUsedSettled', scenario: 'memory', label: 'server V8 heap used, settled', value: heapUsedMB, unit: 'MB', better: 'lower' },
    { key: 'memory.heapTotalSettled', scenario: 'memory', label: 'server V8 heap total, settled', value: heapTotalMB, unit: 'MB', better: 'lower' },
    {
      key: 'memory.peakRss',
      scenario: 'memory',
      label: 'server peak RSS (VmHWM)',
      value: immediately.peakRssBytes / MB,
      unit: 'MB',
      better: 'lower',
      target: { text: `≤ ${RSS_PEAK_LIMIT_MB} MB`, pass: immediately.peakRssBytes / MB <= RSS_PEAK_LIMIT_MB },
    },
    { key: 'memory.credeauBody', scenario: 'memory', label: 'one Credeau customer: raw vendor body', value: stored.bodyBytes / KB, unit: 'KB' },
    {
      key: 'memory.credeauLevel1',
      scenario: 'memory',
      label: "one stored Credeau customer, level 1 (the store's byte accounting)",
      value: stored.level1Bytes / KB,
      unit: 'KB',
      better: 'lower',
    },
    { key: 'memory.credeauRedisValue', scenario: 'memory', label: 'one stored Credeau customer, Redis value (STRLEN)', value: stored.redisValueBytes / KB, unit: 'KB', better: 'lower' },
    {
      key: 'memory.credeauRedisMemory',
      scenario: 'memory',
      label: 'one stored Credeau customer, Redis MEMORY USAGE',
      value: stored.redisMemoryUsageBytes / KB,
      unit: 'KB',
      better: 'lower',
    },
    { key: 'memory.credeauNameTable', scenario: 'memory', label: 'Credeau name table, once for all customers (STRLEN)', value: stored.nameTableBytes / KB, unit: 'KB' },
  ];
}

/** `--soak` runs this long unless `--soak-minutes=N` says otherwise. */
export const SOAK_DEFAULT_MINUTES = 10;
const SAMPLE_EVERY_SEC = 10;
/** The target: RSS over the soak's second half grows or shrinks by at most this much a minute. */
export const SOAK_SLOPE_LIMIT_MB_PER_MIN = 2;
/** One operation in this many asks for customers the vendors fail on (1 %). */
const MISS_EVERY = 100;
/**
 * The failing customers, alternating: Credeau "user not found" and FinBox `not_found` (answered as data,
 * status NOT_FOUND, no GraphQL error), Credeau 422 and FinBox 400 (VENDOR_BAD_REQUEST errors). All are
 * 4xx or 200 answers, which the breakers do not count, so the other 99 % keep succeeding; each id gets a
 * fresh suffix, so these are store misses too, through the same error, store and ledger paths as in
 * production. Every miss operation therefore carries GraphQL errors.
 */
const MISS_ID_PREFIXES = ['sim-not-found', 'sim-unprocessable', 'sim-finbox-not-found', 'sim-finbox-bad-request'] as const;

/**
 * soak (`npm run bench -- --soak [--soak-minutes=N]`): the cold workload for 10 minutes at the rate cold
 * reached, 1 % of its operations asking for failing customers, sampling the server's RSS every 10 s. The
 * slope is fitted over the second half (the first is the heap growing to its working size). RSS
 * saw-tooths by up to ~±30 % with each major GC, so the fitted slope is noisy (several MB/min of standard
 * error over a short soak); a leak also lifts the floor the saw-tooth returns to, reported beside it as
 * the lowest sample of the first and the last minute.
 */
export async function soak(context: BenchContext, rateOpsPerSec: number, durationSec: number): Promise<{ figures: Figure[]; report: SoakReport }> {
  setVendorLatency(context.simulators, 0);
  await settle(context.simulators);
  const rate = Math.max(1, Math.round(rateOpsPerSec));
  const samples: Array<{ atSec: number; rssMB: number }> = [];
  const started = Date.now();
  const sample = () => {
    samples.push({ atSec: Math.round((Date.now() - started) / 1000), rssMB: context.server.memory().rssBytes / MB });
    // The simulators record every call; over a soak that is the runner's memory, not the server's.
    resetVendorCalls(context.simulators);
  };
  sample();
  const timer = setInterval(sample, SAMPLE_EVERY_SEC * 1000);
  let result;
  try {
    const load = coldLoad(context, 'soak');
    if (load.body.kind !== 'fresh-entities') throw new Error('the soak needs the cold workload\'s fresh ids');
    const body = { ...load.body, misses: { every: MISS_EVERY, idPrefixes: MISS_ID_PREFIXES } };
    result = await runLoad({ ...load, body, durationSec: Math.round(durationSec), overallRate: rate });
  } finally {
    clearInterval(timer);
  }
  sample();

  // The sample at 0 s is taken before the load starts (a settled, idle heap), the last one after it
  // stopped: neither is under the soak's load.
  const underLoad = samples.filter((s) => s.atSec > 0 && s.atSec <= durationSec);
  const secondHalf = underLoad.filter((s) => s.atSec >= durationSec / 2);
  const perMinute = slope(secondHalf.map((s) => ({ x: s.atSec / 60, y: s.rssMB })));
  const minuteFloor = (from: number, to: number) =>
    Math.min(...underLoad.filter((s) => s.atSec >= from && s.atSec < to).map((s) => s.rssMB));
  const firstFloor = minuteFloor(0, 60 + SAMPLE_EVERY_SEC);
  const lastFloor = minuteFloor(durationSec - 60, durationSec + 1);
  const floorGrowth = (lastFloor - firstFloor) / firstFloor;
  const highest = Math.max(...samples.map((s) => s.rssMB));
  const failures = result.graphqlErrors + result.non2xx + result.socketErrors;
  const operations = result.okOperations + result.missOperations;
  const report: SoakReport = {
    durationSec: result.durationSec,
    rateOpsPerSec: rate,
    okOperations: result.okOperations,
    missOperations: result.missOperations,
    missErrors: result.missErrors,
    samples: samples.map((s) => ({ atSec: s.atSec, rssMB: Math.round(s.rssMB * 10) / 10 })),
  };
  context.details.soak = {
    latencyMs: result.latencyMs,
    failures,
    firstGraphqlError: result.firstGraphqlError,
    missEvery: MISS_EVERY,
    missIdPrefixes: MISS_ID_PREFIXES,
    firstMissError: result.firstMissError,
    slopeSamples: secondHalf.length,
  };
  return {
    report,
    figures: [
      { key: 'soak.opsPerSec', scenario: 'soak', label: `operations/s achieved (asked ${rate})`, value: operations / result.durationSec, unit: 'ops/s', better: 'higher' },
      { key: 'soak.failures', scenario: 'soak', label: 'failed operations (misses excepted)', value: failures, unit: '', target: { text: '= 0', pass: failures === 0 } },
      {
        key: 'soak.missErrors',
        scenario: 'soak',
        label: `miss operations (1 in ${MISS_EVERY}) answered with their vendor errors, of ${result.missOperations} answered`,
        value: result.missErrors,
        unit: '',
        // Every miss must carry its errors; a soak too short to send one has no verdict rather than a pass.
        ...(result.missOperations > 0
          ? { target: { text: `= all ${result.missOperations}`, pass: result.missErrors === result.missOperations } }
          : {}),
      },
      { key: 'soak.rssFirstFloor', scenario: 'soak', label: 'server RSS, lowest sample of the first minute', value: firstFloor, unit: 'MB', better: 'lower' },
      { key: 'soak.rssLastFloor', scenario: 'soak', label: 'server RSS, lowest sample of the last minute', value: lastFloor, unit: 'MB', better: 'lower' },
      { key: 'soak.floorGrowth', scenario: 'soak', label: 'RSS floor growth, first → last minute', value: floorGrowth * 100, unit: '%' },
      {
        key: 'soak.rssMax',
        scenario: 'soak',
        label: 'server RSS, highest sample',
        value: highest,
        unit: 'MB',
        better: 'lower',
        target: { text: `≤ ${RSS_PEAK_LIMIT_MB} MB`, pass: highest <= RSS_PEAK_LIMIT_MB },
      },
      {
        key: 'soak.slope',
        scenario: 'soak',
        label: `RSS slope over the second half, least squares (${secondHalf.length} samples)`,
        value: perMinute,
        unit: 'MB/min',
        target: { text: `within ± ${SOAK_SLOPE_LIMIT_MB_PER_MIN} MB/min`, pass: Math.abs(perMinute) <= SOAK_SLOPE_LIMIT_MB_PER_MIN },
      },
    ],
  };
}
