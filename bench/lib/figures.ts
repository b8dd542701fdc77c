/** One measured number, as printed in the table and stored in the results files. */
export interface Figure {
  /** Stable id used to match the baseline, e.g. `cold.opsPerSec`. */
  key: string;
  scenario: string;
  label: string;
  value: number;
  unit: string;
  /** Which way is an improvement; marks a change against the baseline. Unset for counts. */
  better?: 'lower' | 'higher';
  /** The target for this figure, when it has one. Informational: the run never fails on it. */
  target?: { text: string; pass: boolean };
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryTotalGiB: number;
  node: string;
  platform: string;
  /** 1-minute load average before the bench started: above ~0.5, something else competed for the CPUs. */
  loadAverageAtStart: number;
}

export interface SoakReport {
  durationSec: number;
  rateOpsPerSec: number;
  /** Operations that succeeded (the misses not counted)... */
  okOperations: number;
  /** ...operations that asked for failing customers (1 %; absent in results older than the misses)... */
  missOperations?: number;
  /** ...and how many of those were answered with their vendor errors, as expected. */
  missErrors?: number;
  /** RSS samples of the server process, seconds from the soak's start. */
  samples: Array<{ atSec: number; rssMB: number }>;
}

export interface BenchResults {
  date: string;
  commit: string;
  machine: Machine;
  /** The vendor fields selected (fanout/burst) and the cold/warm selection, so runs are comparable. */
  /** `ledger`: where the server kept its evidence (absent in results older than the ledger). */
  workload: { vendorFields: string[]; coldFields: string[]; ledger?: 'postgresql' | 'disabled' };
  figures: Figure[];
  soak?: SoakReport;
  /** Per-scenario raw details (latency spreads, calls per path, errors) for whoever digs deeper. */
  details: Record<string, unknown>;
}

/**
 * p50, p99 and p50 ÷ the vendors' latency, with its target: the figures of a scenario whose vendors
 * answer after `vendorLatencyMs` (fanout, page), keyed `<scenario>.p50`, `.p99`, `.ratio`.
 */
export function latencyFigures(scenario: string, latencyMs: { p50: number; p99: number }, vendorLatencyMs: number, targetRatio: number): Figure[] {
  const ratio = latencyMs.p50 / vendorLatencyMs;
  return [
    { key: `${scenario}.p50`, scenario, label: 'p50 latency', value: latencyMs.p50, unit: 'ms', better: 'lower' },
    { key: `${scenario}.p99`, scenario, label: 'p99 latency', value: latencyMs.p99, unit: 'ms', better: 'lower' },
    {
      key: `${scenario}.ratio`,
      scenario,
      label: `p50 ÷ ${vendorLatencyMs} ms`,
      value: ratio,
      unit: '',
      better: 'lower',
      target: { text: `≤ ${targetRatio}`, pass: ratio <= targetRatio },
    },
  ];
}
