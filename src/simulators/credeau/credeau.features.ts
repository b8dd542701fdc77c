import { seededRandom, stableHash } from '../simulator-server';

/**
 * ~3000 deterministic DeviceInsights features per user id. The names are built once; values come from a
 * PRNG seeded by the user id, so the same user always gets the same features and different users differ.
 */
const NAMED_FEATURES = ['all_sms_count_nlp', 'txn_sms_count_nlp', 'credit_sms_count_nlp'] as const;
const SUBJECTS = ['all_sms', 'txn_sms', 'credit_sms', 'debit_sms', 'loan_sms', 'emi_sms', 'salary_sms', 'upi_sms',
  'bounce_sms', 'otp_sms', 'bill_sms', 'wallet_sms', 'card_sms', 'insurance_sms', 'fraud_flag', 'device_app',
  'contact', 'call_log', 'battery', 'network'] as const;
const METRICS = ['count', 'amount_sum', 'amount_max', 'amount_avg', 'distinct_senders', 'ratio', 'days_active',
  'first_seen_days', 'last_seen_days', 'stddev', 'median', 'count_nlp', 'velocity', 'trend', 'share'] as const;
const WINDOWS = ['1d', '3d', '7d', '15d', '30d', '60d', '90d', '120d', '180d', '365d'] as const;

export const FEATURE_NAMES: readonly string[] = buildNames();

function buildNames(): string[] {
  const names = new Set<string>(NAMED_FEATURES);
  for (const subject of SUBJECTS) {
    for (const metric of METRICS) {
      for (const window of WINDOWS) names.add(`${subject}_${metric}_${window}`);
    }
  }
  return [...names];
}

/**
 * The features as a JSON fragment (`"name":value,...` without braces), so the simulator can splice in
 * per-request metadata without re-serialising 3000 keys per call.
 */
export function featuresJsonFragment(userId: string): string {
  const random = seededRandom(stableHash(userId));
  const parts: string[] = [];
  for (const name of FEATURE_NAMES) {
    parts.push(`${JSON.stringify(name)}:${JSON.stringify(featureValue(name, random, NAMED.has(name)))}`);
  }
  return parts.join(',');
}

const NAMED = new Set<string>(NAMED_FEATURES);

function featureValue(name: string, random: () => number, documented: boolean): number | string | boolean | null {
  const roll = random();
  // Vendors leave some features empty for thin-file users; the documented ones are always filled.
  if (roll < 0.03 && !documented) return null;
  if (name.includes('fraud_flag')) return roll < 0.1;
  if (name.includes('ratio') || name.includes('share') || name.includes('trend')) return Math.round(random() * 10_000) / 10_000;
  if (name.includes('amount')) return Math.round(random() * 25_000_000) / 100;
  if (name.includes('network')) return roll < 0.5 ? '4G' : 'WIFI';
  return Math.floor(random() * 500);
}
