import { seededRandom, stableHash } from '../simulator-server';

/**
 * Deterministic DeviceConnect predictors per (customer id, version). FinBox shares the real list per
 * account at integration time; these names only look the part. Values come from a PRNG seeded by the
 * customer and version, so the same customer always gets the same predictors and different ones differ.
 */
const NUMERIC = [
  'dc_sms_count_30d', 'dc_sms_count_90d', 'dc_salary_credit_count_90d', 'dc_salary_credit_avg_90d',
  'dc_debit_txn_count_30d', 'dc_debit_txn_amount_30d', 'dc_credit_txn_amount_30d', 'dc_loan_app_count',
  'dc_lending_sms_count_60d', 'dc_emi_bounce_count_180d', 'dc_overdue_sms_count_90d', 'dc_balance_latest',
  'dc_balance_min_30d', 'dc_upi_txn_count_30d', 'dc_credit_card_count', 'dc_device_age_days',
  'dc_contacts_count', 'dc_installed_app_count', 'dc_risk_score', 'dc_income_estimate',
] as const;
const FLAGS = ['dc_device_rooted', 'dc_emulator_detected', 'dc_has_salary', 'dc_multiple_accounts'] as const;

export interface SimulatedPredictor {
  name: string;
  value: unknown;
}

export function predictorsFor(customerId: string, version: number): SimulatedPredictor[] {
  const random = seededRandom(stableHash(`${customerId}/${version}`));
  const predictors: SimulatedPredictor[] = [{ name: 'dc_feature_set_version', value: version }];
  for (const name of NUMERIC) {
    const roll = random();
    // FinBox leaves predictors null when the device gave too little to compute them.
    predictors.push({ name, value: roll < 0.05 ? null : Math.round(random() * 1_000_000) / 100 });
  }
  for (const name of FLAGS) predictors.push({ name, value: random() < 0.2 });
  predictors.push({ name: 'dc_primary_bank', value: ['sbi', 'hdfc', 'icici', 'axis', 'pnb'][Math.floor(random() * 5)] });
  // Values are any JSON: one object-valued predictor keeps clients honest about that.
  predictors.push({
    name: 'dc_app_categories',
    value: { lending: Math.floor(random() * 8), gaming: Math.floor(random() * 20), finance: Math.floor(random() * 12) },
  });
  return predictors;
}
