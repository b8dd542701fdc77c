import type { Figure } from './figures';

/**
 * Figures the store scenarios share: throughput as a multiple of cold's (the targets are
 * ratios, so a slower or busier machine moves both sides), and the vendor calls a warm run made.
 */
export function ratioToCold(scenario: string, opsPerSec: number, coldRate: number | undefined, atLeast: number): Figure {
  const ratio = coldRate ? opsPerSec / coldRate : Number.NaN;
  return {
    key: `${scenario}.ratioToCold`,
    scenario,
    label: `${scenario} ÷ cold ops/s`,
    value: ratio,
    unit: '',
    better: 'higher',
    // Without cold in --only there is nothing to divide by: no verdict rather than a wrong one.
    ...(coldRate ? { target: { text: `≥ ${atLeast}`, pass: ratio >= atLeast } } : {}),
  };
}

/** A warm run answers from the store: any vendor call during the measured load is a miss. */
export function warmVendorCalls(scenario: string, calls: number): Figure {
  return {
    key: `${scenario}.vendorCalls`,
    scenario,
    label: 'vendor calls during the measured run',
    value: calls,
    unit: '',
    target: { text: '= 0: every lookup a store hit', pass: calls === 0 },
  };
}
