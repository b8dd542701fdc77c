import { integerVar } from './env-fields';

/**
 * The shared signal store (src/store/): a byte-bounded level in process memory, and Redis when
 * REDIS_URL is set. One freshness window per vendor product; 0 turns that product's storing off.
 */
export const storeEnvShape = {
  /** Byte budget of the in-process level (estimated sizes; least recently used entries go first). Default 67108864 (64 MiB). */
  SIGNALS_MEMORY_CACHE_MAX_BYTES: integerVar(67_108_864, 1024, 17_179_869_184),
  /** Longest time a "no data" answer (NOT_FOUND, NO_DATA, ...) is kept, whatever its product's window. Default 60000. */
  SIGNALS_NEGATIVE_CACHE_TTL_MS: integerVar(60_000, 0, 86_400_000),
  /** Credeau DeviceInsights freshness window. Default 900000 (15 minutes). */
  CREDEAU_INSIGHTS_CACHE_TTL_MS: integerVar(900_000, 0, 86_400_000),
  /**
   * Credeau SMS list freshness window: long enough to page through one snapshot, short for personal
   * data. Default 120000 (two minutes).
   */
  CREDEAU_SMS_CACHE_TTL_MS: integerVar(120_000, 0, 3_600_000),
  /** FinBox predictors freshness window. Default 900000. */
  FINBOX_CACHE_TTL_MS: integerVar(900_000, 0, 86_400_000),
  /** Credolab dataset insight freshness window. Default 3600000. */
  CREDOLAB_CACHE_TTL_MS: integerVar(3_600_000, 0, 86_400_000),
  /** NeuroID signals freshness window (behaviour moves fast). Default 30000. */
  NEUROID_CACHE_TTL_MS: integerVar(30_000, 0, 86_400_000),
  /**
   * How long a replica's claim on a key lives without being renewed: if the replica fetching a value
   * dies, another takes over this long after. Renewed every third of it while the fetch runs. Default 5000.
   */
  SIGNALS_STORE_CLAIM_TTL_MS: integerVar(5_000, 100, 600_000),
  /** How often a replica waiting for another's fetch looks in Redis for the value. Default 25. */
  SIGNALS_STORE_POLL_INTERVAL_MS: integerVar(25, 1, 10_000),
  /**
   * How long a settled answer is kept past its freshness window (memory and Redis), to be served marked
   * `stale` to a field that asks with `maxStale` while its vendor fails. Never served as fresh. 0 keeps
   * nothing past the window. Default 86400000 (a day). At most six days: with a window of up to a day, an
   * entry never outlives the shared name table it refers to (kept seven days).
   */
  SIGNALS_STALE_RETENTION_MS: integerVar(86_400_000, 0, 518_400_000),
};

/** Products whose answers are stored; credolab-fraud-check (an event with e-mail and phone) is never one. */
export type StoredProduct = 'credeau' | 'credeau-sms' | 'finbox' | 'credolab' | 'neuroid';

export interface StoreConfig {
  memoryMaxBytes: number;
  negativeTtlMs: number;
  /** Freshness window per product; 0 = not stored. */
  ttlMs: Readonly<Record<StoredProduct, number>>;
  claimTtlMs: number;
  pollIntervalMs: number;
  /** How long settled answers are kept past their window for `maxStale` (0: not at all). */
  staleRetentionMs: number;
}

interface StoreEnv {
  SIGNALS_MEMORY_CACHE_MAX_BYTES: number;
  SIGNALS_NEGATIVE_CACHE_TTL_MS: number;
  CREDEAU_INSIGHTS_CACHE_TTL_MS: number;
  CREDEAU_SMS_CACHE_TTL_MS: number;
  FINBOX_CACHE_TTL_MS: number;
  CREDOLAB_CACHE_TTL_MS: number;
  NEUROID_CACHE_TTL_MS: number;
  SIGNALS_STORE_CLAIM_TTL_MS: number;
  SIGNALS_STORE_POLL_INTERVAL_MS: number;
  SIGNALS_STALE_RETENTION_MS: number;
}

export function toStoreConfig(env: StoreEnv): StoreConfig {
  return {
    memoryMaxBytes: env.SIGNALS_MEMORY_CACHE_MAX_BYTES,
    negativeTtlMs: env.SIGNALS_NEGATIVE_CACHE_TTL_MS,
    ttlMs: {
      credeau: env.CREDEAU_INSIGHTS_CACHE_TTL_MS,
      'credeau-sms': env.CREDEAU_SMS_CACHE_TTL_MS,
      finbox: env.FINBOX_CACHE_TTL_MS,
      credolab: env.CREDOLAB_CACHE_TTL_MS,
      neuroid: env.NEUROID_CACHE_TTL_MS,
    },
    claimTtlMs: env.SIGNALS_STORE_CLAIM_TTL_MS,
    pollIntervalMs: env.SIGNALS_STORE_POLL_INTERVAL_MS,
    staleRetentionMs: env.SIGNALS_STALE_RETENTION_MS,
  };
}
