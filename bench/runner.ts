import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulators, stopSimulators, type Simulators } from '../src/simulators';
import { stableHash } from '../src/simulators/simulator-server';
import { StoreKeys } from '../src/store/store-keys';
import { VENDORS } from '../src/vendors/registry';
import { settle, type BenchContext } from './lib/bench-context';
import type { BenchResults, Figure } from './lib/figures';
import { describeCommit, describeMachine } from './lib/machine';
import { openBenchLedger, type BenchLedger } from './lib/evidence-database';
import { freePort, RedisProcess } from './lib/redis-process';
import { startServerProcess, type ServerProcess } from './lib/server-process';
import { routerSecretEnv } from './lib/router-secret';
import { renderTable } from './lib/table';
import { liveVendorEnv } from './lib/vendor-env';
import { coldFields, VENDOR_FIELDS } from './lib/vendor-fields';
import { burst } from './scenarios/burst';
import { cold } from './scenarios/cold';
import { edge } from './scenarios/edge';
import { fanout } from './scenarios/fanout';
import { memoryAfterRuns, soak, SOAK_DEFAULT_MINUTES } from './scenarios/memory';
import { page } from './scenarios/page';
import { warm } from './scenarios/warm';
import { warmShared } from './scenarios/warm-shared';

/**
 * `npm run bench [-- --soak [--soak-minutes=N]] [-- --only=cold,warm] [-- --cpu-prof] [-- --update-baseline] [-- --no-ledger]`
 *
 * Starts the vendor simulators here, a redis-server of its own on a free port, the server as a child
 * process in LIVE mode against them (its signal store on that Redis, sealed with a key made for this
 * run) and its evidence ledger on a PostgreSQL database made for this run (`--no-ledger`: off), and each
 * load in its own autocannon worker process; prints one table, writes
 * bench/results/latest.json.
 * Targets are informational: the exit code is 0 whenever the bench ran, whatever it measured.
 */
const SCENARIOS = ['fanout', 'page', 'cold', 'warm', 'warm-shared', 'burst', 'memory', 'edge'] as const;
type ScenarioName = (typeof SCENARIOS)[number];

const RESULTS_DIR = join(__dirname, '..', '..', 'bench', 'results');
const LATEST = join(RESULTS_DIR, 'latest.json');
const BASELINE = join(RESULTS_DIR, 'baseline.json');
/** Never-seen customer ids are answered with one of this many cached Credeau bodies (see featuresSeed). */
const DISTINCT_CREDEAU_BODIES = 32;
/** The whole run is bounded even if something hangs. */
const WATCHDOG_MS = 8 * 60_000;

interface Options {
  scenarios: ScenarioName[];
  soak: boolean;
  /** `--soak-minutes=N`: the soak's length (default 10; a fraction shortens it for a quick check). */
  soakMinutes: number;
  cpuProfile: boolean;
  updateBaseline: boolean;
  /** False with `--no-ledger`: the server runs with EVIDENCE_DISABLED=true, to see what the ledger costs. */
  ledger: boolean;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const machine = describeMachine();
  const watchdogMs = WATCHDOG_MS + (options.soak ? options.soakMinutes * 60_000 : 0);
  let cleanup: () => Promise<void> = async () => {};
  const watchdog = setTimeout(() => {
    progress(`gave up after ${watchdogMs / 60_000} minutes`);
    void cleanup().finally(() => process.exit(1));
  }, watchdogMs);
  watchdog.unref();
  process.once('SIGINT', () => void cleanup().finally(() => process.exit(130)));

  const simulators = await startSimulators();
  simulators.credeau.featuresSeed = (userId) => `bench-features-${stableHash(userId) % DISTINCT_CREDEAU_BODIES}`;
  let redis: RedisProcess | undefined;
  let ledger: BenchLedger | undefined;
  let server: ServerProcess | undefined;
  const others: ServerProcess[] = [];
  cleanup = async () => {
    await Promise.all([server, ...others].map((one) => one?.stop()));
    await redis?.destroy();
    await ledger?.drop();
    await stopSimulators(simulators);
  };

  const cpuProfileDir = options.cpuProfile ? join(tmpdir(), `customer-signals-bench-cpu-${Date.now()}`) : undefined;
  try {
    redis = await RedisProcess.start();
    ledger = await openBenchLedger(options.ledger, progress);
    progress(`evidence ledger: ${ledger.mode}`);
    const env = { ...serverEnv(simulators, redis), ...ledger.env };
    // Each server its own metrics port: the default 9464 would let only one of them start.
    server = await startServerProcess({ env: { ...env, METRICS_PORT: String(await freePort()) }, ...(cpuProfileDir ? { cpuProfileDir } : {}) });
    const context: BenchContext = {
      simulators,
      server,
      redis,
      storeKeys: new StoreKeys(env.SIGNALS_STORE_KEY),
      async startServer(extra = {}) {
        // Profiled like the first server: the page scenario runs on a server of its own.
        const other = await startServerProcess({ env: { ...env, METRICS_PORT: String(await freePort()), ...extra }, ...(cpuProfileDir ? { cpuProfileDir } : {}) });
        others.push(other);
        return other;
      },
      fields: VENDOR_FIELDS,
      coldFields: coldFields(),
      idleRssBytes: server.memory().rssBytes,
      details: {},
    };
    const figures = await runScenarios(context, options);
    await cleanup();
    if (cpuProfileDir) progress(`server CPU profile written to ${cpuProfileDir}`);

    const results: BenchResults = {
      date: new Date().toISOString(),
      commit: describeCommit(),
      machine,
      workload: { vendorFields: context.fields.map((f) => f.name), coldFields: context.coldFields.map((f) => f.name), ledger: ledger.mode },
      figures: figures.figures,
      ...(figures.soak ? { soak: figures.soak } : {}),
      details: context.details,
    };
    const baseline = readBaseline();
    process.stdout.write(`\n${renderTable(results, baseline)}\n\n`);
    mkdirSync(RESULTS_DIR, { recursive: true });
    writeFileSync(LATEST, `${JSON.stringify(results, null, 2)}\n`);
    progress(`wrote ${LATEST}${baseline ? '' : ' (no baseline.json to compare with)'}`);
    if (options.updateBaseline) {
      writeFileSync(BASELINE, `${JSON.stringify(results, null, 2)}\n`);
      progress(`wrote ${BASELINE}`);
    }
    progress('targets are informational: this run exits 0 whatever it measured');
  } catch (error) {
    if (server) progress(`server output (tail):\n${server.outputTail()}`);
    await cleanup();
    throw error;
  }
}

async function runScenarios(context: BenchContext, options: Options) {
  const figures: Figure[] = [];
  let coldRate: number | undefined;
  let soakReport: BenchResults['soak'];
  for (const name of options.scenarios) {
    const started = Date.now();
    progress(`${name}...`);
    await settle(context.simulators);
    switch (name) {
      case 'fanout':
        figures.push(...(await fanout(context)));
        break;
      case 'page':
        figures.push(...(await page(context)));
        break;
      case 'cold': {
        const outcome = await cold(context);
        coldRate = outcome.opsPerSec;
        figures.push(...outcome.figures);
        break;
      }
      case 'warm':
        figures.push(...(await warm(context, coldRate)));
        break;
      case 'warm-shared':
        figures.push(...(await warmShared(context, coldRate)));
        break;
      case 'burst':
        figures.push(...(await burst(context)));
        break;
      case 'memory':
        figures.push(...(await memoryAfterRuns(context)));
        break;
      case 'edge':
        figures.push(...(await edge(context)));
        break;
    }
    progress(`${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (options.soak) {
    if (coldRate === undefined) throw new Error('--soak runs at the cold rate: include cold in --only');
    progress(`soak: ${options.soakMinutes} min at ${Math.round(coldRate)} ops/s...`);
    const outcome = await soak(context, coldRate, options.soakMinutes * 60);
    figures.push(...outcome.figures);
    soakReport = outcome.report;
  }
  return { figures, soak: soakReport };
}

function serverEnv(simulators: Simulators, redis: RedisProcess): Record<string, string> {
  return {
    // Production is what ships, and it refuses a vendor without credentials instead of simulating it
    // inside the server process (see vendor-env.ts).
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    // info: the ready line carries the URL; nothing is logged per request at this level.
    LOG_LEVEL: 'info',
    // The router secret on, as in production: every request the bench sends carries it.
    ...routerSecretEnv(),
    // The store as a deployment runs it: both levels, on the bench's own redis-server, with a store key
    // made for this run only (nothing it writes outlives the run, and the key is never printed).
    REDIS_URL: redis.url,
    SIGNALS_STORE_KEY: randomBytes(32).toString('base64'),
    ...liveVendorEnv(simulators),
    // The simulators have no budget to protect: a vendor's contract limit (Credeau's 1000/60s) would
    // measure the budget, not the server. Empty = unlimited, for every registered vendor.
    ...Object.fromEntries(VENDORS.map((vendor) => [`${vendor.name}_RATE_LIMIT`, ''])),
  };
}

function parseOptions(args: string[]): Options {
  const options: Options = { scenarios: [...SCENARIOS], soak: false, soakMinutes: SOAK_DEFAULT_MINUTES, cpuProfile: false, updateBaseline: false, ledger: true };
  for (const arg of args) {
    if (arg === '--soak') options.soak = true;
    else if (arg === '--cpu-prof') options.cpuProfile = true;
    else if (arg === '--update-baseline') options.updateBaseline = true;
    else if (arg === '--no-ledger') options.ledger = false;
    else if (arg.startsWith('--soak-minutes=')) {
      const minutes = Number(arg.slice('--soak-minutes='.length));
      // At least two 10 s samples in the second half, for a slope.
      if (!Number.isFinite(minutes) || minutes < 0.5) throw new Error(`--soak-minutes must be a number of at least 0.5, got ${arg}`);
      options.soakMinutes = minutes;
    }
    else if (arg.startsWith('--only=')) {
      const names = arg.slice('--only='.length).split(',');
      const unknown = names.filter((name) => !(SCENARIOS as readonly string[]).includes(name));
      if (unknown.length > 0) throw new Error(`unknown scenario(s) ${unknown.join(', ')}; known: ${SCENARIOS.join(', ')}`);
      options.scenarios = SCENARIOS.filter((name) => names.includes(name));
    } else throw new Error(`unknown option ${arg}; use --soak, --soak-minutes=N, --only=a,b, --cpu-prof, --update-baseline, --no-ledger`);
  }
  return options;
}

function readBaseline(): BenchResults | undefined {
  if (!existsSync(BASELINE)) return undefined;
  return JSON.parse(readFileSync(BASELINE, 'utf8')) as BenchResults;
}

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
});
