import type { CredeauSimulator } from '../../src/simulators/credeau/credeau.simulator';
import { fetchCredeauBody } from '../lib/credeau-body';
import type { Figure } from '../lib/figures';
import { setVendorLatency, type BenchContext } from '../lib/bench-context';
import { runEntitiesScenario } from '../lib/entities-scenario';
import type { LoadSpec } from '../lib/load';
import { entitiesQuery } from '../lib/operations';
import { median } from '../lib/stats';

export const CUSTOMERS_PER_OPERATION = 20;
export const COLD_CONNECTIONS = 10;
// Long enough that the first operations (JIT, pools, the ledger's first data keys) finish inside it.
const WARMUP_SEC = 6;
const DURATION_SEC = 15;

/**
 * The cold workload: `_entities` of 20 customers the server has never been asked about, fresh ids in
 * every operation, so every lookup misses the store (and the answers are stored, as in production).
 */
export function coldLoad(context: BenchContext, idPrefix: string): Omit<LoadSpec, 'durationSec'> {
  return {
    url: context.server.graphqlUrl,
    connections: COLD_CONNECTIONS,
    body: { kind: 'fresh-entities', query: entitiesQuery(context.coldFields), idPrefix, perOperation: CUSTOMERS_PER_OPERATION },
    timeoutSec: 30,
  };
}

export interface ColdOutcome {
  figures: Figure[];
  opsPerSec: number;
}

/**
 * cold: fresh customers in every operation, vendors answering at once, so what is left is our own cost
 * per customer. Its yardstick is the cost of JSON.parse of one Credeau body, the one thing no
 * implementation can skip: 20 parses per operation bound a single core to 1000 ÷ (20 × parse ms) ops/s.
 */
export async function cold(context: BenchContext): Promise<ColdOutcome> {
  setVendorLatency(context.simulators, 0);
  const parse = await measureCredeauParse(context.simulators.credeau);
  const parseOnlyLimit = 1000 / (CUSTOMERS_PER_OPERATION * parse.ms);

  const { result, figures } = await runEntitiesScenario(context, {
    scenario: 'cold',
    throughputLabel: 'operations/s (20 customers each)',
    load: (phase) => coldLoad(context, phase === 'warm-up' ? 'cold-warmup' : 'cold'),
    warmupSec: WARMUP_SEC,
    durationSec: DURATION_SEC,
    details: {
      customersPerOperation: CUSTOMERS_PER_OPERATION,
      credeauBodyBytes: parse.bytes,
      parseMs: parse.ms,
      parseBatchMeansMs: parse.batchMeansMs,
    },
  });
  const ratio = result.opsPerSec / parseOnlyLimit;
  return {
    opsPerSec: result.opsPerSec,
    figures: [
      ...figures,
      { key: 'cold.parseMs', scenario: 'cold', label: `JSON.parse of one Credeau body (${Math.round(parse.bytes / 1024)} KB)`, value: parse.ms, unit: 'ms', better: 'lower' },
      { key: 'cold.parseOnlyLimit', scenario: 'cold', label: 'parse-only limit 1000 ÷ (20 × parse ms)', value: parseOnlyLimit, unit: 'ops/s' },
      {
        key: 'cold.ratioToParseLimit',
        scenario: 'cold',
        label: 'cold ÷ parse-only limit',
        value: ratio,
        unit: '',
        better: 'higher',
        target: { text: '≥ 0.70', pass: ratio >= 0.7 },
      },
    ],
  };
}

const PARSE_WARMUP = 50;
const PARSE_BATCHES = 15;

/**
 * The cost of JSON.parse of one real simulator body, measured in this process while the server is
 * idle: the median over batches of 20 parses (one operation's worth) of fresh string copies, so
 * garbage collection is paid as the server pays it and one unlucky pause does not set the figure.
 */
async function measureCredeauParse(credeau: CredeauSimulator): Promise<{ ms: number; bytes: number; batchMeansMs: number[] }> {
  const raw = await fetchCredeauBody(credeau, 'bench-parse-probe');

  for (let i = 0; i < PARSE_WARMUP; i++) JSON.parse(raw.toString('utf8'));
  const batchMeansMs: number[] = [];
  for (let batch = 0; batch < PARSE_BATCHES; batch++) {
    const copies = Array.from({ length: CUSTOMERS_PER_OPERATION }, () => raw.toString('utf8'));
    const started = performance.now();
    for (const copy of copies) JSON.parse(copy);
    batchMeansMs.push((performance.now() - started) / CUSTOMERS_PER_OPERATION);
  }
  return { ms: median(batchMeansMs), bytes: raw.length, batchMeansMs: batchMeansMs.map((ms) => Math.round(ms * 1000) / 1000) };
}
