import { seededRandom, stableHash } from '../simulator-server';

/**
 * NeuroID profiles in the shape of the vendor's own samples (Analytics API v4.1 page), derived from the
 * identity id so the same profile always reads the same. Signals come in a per-id shuffled order, as
 * NeuroID gives them in no fixed order: a client that reads them by position instead of by model breaks.
 */

export type ProfileKind = 'genuine' | 'risky' | 'insufficient';

const LABELS: Record<Exclude<ProfileKind, 'insufficient'>, Record<string, string>> = {
  genuine: { familiarity: 'high', fraud_ring_indicator: 'false', automated_activity: 'false', combined_digital_intent: 'genuine', risky_device: 'false' },
  risky: { familiarity: 'low', fraud_ring_indicator: 'true', automated_activity: 'true', combined_digital_intent: 'risky', risky_device: 'true' },
};

/** Models that need more interaction than a short session gives; the rest still compute. */
const NEEDS_MORE_DATA = new Set(['familiarity', 'combined_digital_intent', 'automated_activity']);

export function neuroidProfile(identityId: string, siteId: string, kind: ProfileKind) {
  const random = seededRandom(stableHash(`${siteId}/${identityId}`));
  const labels = LABELS[kind === 'insufficient' ? 'genuine' : kind];
  const signals = Object.keys(labels).map((model) => {
    if (kind === 'insufficient' && NEEDS_MORE_DATA.has(model)) {
      return { model, label: 'insufficient data', attributes: {}, score: null };
    }
    const score = model === 'familiarity' ? Math.round((kind === 'risky' ? random() * 30 : 70 + random() * 30) * 100) / 100 : kind === 'risky' ? 1 : 0;
    return { model, label: labels[model], attributes: attributesFor(model, random, kind), score };
  });
  shuffle(signals, random);
  return {
    siteId,
    funnel: 'loan_application',
    clientId: `browser-${stableHash(identityId).toString(16)}`,
    interactionAttributes: {
      interaction_time_ms: 5000 + Math.floor(random() * 60_000),
      unique_all_targets_count: 1 + Math.floor(random() * 12),
      client_id_count: kind === 'risky' ? 4 : 1,
      unique_known_targets_count: 5,
      unique_unknown_targets_count: 0,
      session_id_count: 1 + Math.floor(random() * 3),
      elapsed_time_ms: 20_000 + Math.floor(random() * 90_000),
      user_id_count: 1,
    },
    signals,
    id: identityId,
  };
}

function attributesFor(model: string, random: () => number, kind: ProfileKind): Record<string, number | null> {
  if (model === 'familiarity') {
    return {
      other__timing__feature_1: random(),
      other__timing__feature_4: null,
      pii__method_of_entry__feature_3: Math.round(random() * 10) / 10,
      device_type__is_pc: 0,
      all_text__typing_patterns__feature_1: Math.round(random() * 30_000) / 100,
    };
  }
  if (model === 'risky_device') return { risky_application_count: kind === 'risky' ? 2 : 0 };
  return {};
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
}
