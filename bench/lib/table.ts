import type { BenchResults, Figure } from './figures';

/** Renders the one table the runner prints: every figure, its ratio to the baseline and its target. */
export function renderTable(results: BenchResults, baseline: BenchResults | undefined): string {
  const header = ['scenario', 'figure', 'value', 'baseline', 'vs baseline', 'target', 'result'];
  const rows = results.figures.map((figure) => {
    const before = baseline?.figures.find((candidate) => candidate.key === figure.key);
    return [
      figure.scenario,
      figure.label,
      formatValue(figure.value, figure.unit),
      before ? formatValue(before.value, before.unit) : '-',
      before ? ratioToBaseline(figure, before.value) : '-',
      figure.target?.text ?? '',
      figure.target ? (figure.target.pass ? 'PASS' : 'FAIL') : '',
    ];
  });
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const m = results.machine;
  return [
    `customer-signals-subgraph bench @ ${results.commit}, ${results.date}`,
    `machine: ${m.cpus} CPUs (${m.cpuModel}), ${m.memoryTotalGiB} GiB, Node ${m.node}, ${m.platform}; load average at start ${m.loadAverageAtStart}`,
    `vendor fields: ${results.workload.vendorFields.join(', ')}; cold/warm: ${results.workload.coldFields.join(' + ')}; evidence ledger: ${results.workload.ledger ?? 'not wired in'}`,
    '',
    line(header),
    rule,
    ...rows.map(line),
    rule,
    targetSummary(results.figures),
  ].join('\n');
}

/** One line under the table: how many of the issue's targets this run met, and which it missed. */
function targetSummary(figures: readonly Figure[]): string {
  const targeted = figures.filter((figure) => figure.target);
  const missed = targeted.filter((figure) => !figure.target?.pass).map((figure) => figure.key);
  return `targets: ${targeted.length - missed.length} of ${targeted.length} met${missed.length > 0 ? `; missed: ${missed.join(', ')}` : ''}`;
}

export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === '' && Number.isInteger(value)) return String(value);
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)}${unit === '' ? '' : ` ${unit}`}`;
}

/** value ÷ baseline, marked `worse` when it moved more than 10 % the wrong way. */
function ratioToBaseline(figure: Figure, baselineValue: number): string {
  // A ratio means something only between two positive numbers (not for a trend that may be negative).
  if (!Number.isFinite(baselineValue) || !Number.isFinite(figure.value) || baselineValue <= 0 || figure.value < 0) return 'n/a';
  const ratio = figure.value / baselineValue;
  const worse = (figure.better === 'lower' && ratio > 1.1) || (figure.better === 'higher' && ratio < 1 / 1.1);
  return `×${ratio.toFixed(2)}${worse ? ' worse' : ''}`;
}
