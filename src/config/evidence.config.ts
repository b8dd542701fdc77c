import { z } from 'zod';
import { booleanVar, integerVar, optionalString } from './env-fields';

/**
 * The sealed evidence ledger and access log (src/evidence/): PostgreSQL with EVIDENCE_DATABASE_URL, an
 * embedded in-memory PostgreSQL (PGlite) without it outside production.
 */
export const evidenceEnvShape = {
  /** `postgres://user:password@host:port/db`. Default unset: embedded PGlite in memory (not in production). */
  EVIDENCE_DATABASE_URL: optionalString,
  /**
   * 32 random bytes, base64 (openssl rand -base64 32): wraps every customer's data key and keys the
   * customer hashes and the hash chain. Required with EVIDENCE_DATABASE_URL and in production; unset
   * otherwise: a random key per process (the embedded ledger dies with the process anyway).
   */
  EVIDENCE_MASTER_KEY: optionalString,
  /**
   * The master key being rotated away from, 32 bytes base64, only during a rotation: keys it wrapped are
   * still unwrapped, nothing new is wrapped under it (`npm run evidence:rotate-key` re-wraps its keys under
   * EVIDENCE_MASTER_KEY; then deploy without it). Default unset.
   */
  EVIDENCE_MASTER_KEY_PREVIOUS: optionalString,
  /** `true`: no ledger at all (answers carry no evidence id); the only way to run production without one. Default false. */
  EVIDENCE_DISABLED: booleanVar(false),
  /** Days evidence records and access-log rows are kept before the sweep deletes them. Default 400. */
  EVIDENCE_RETENTION_DAYS: integerVar(400, 1, 36_500),
  /** Longest wait for one evidence append to commit; past it the append fails as unavailable. Default 2000. */
  EVIDENCE_WRITE_TIMEOUT_MS: integerVar(2_000, 1, 600_000),
  /** Connections to PostgreSQL per process. Default 10. */
  EVIDENCE_POOL_MAX: integerVar(10, 1, 1000),
  /** How often the retention sweep runs. Default 3600000 (an hour). */
  EVIDENCE_SWEEP_INTERVAL_MS: integerVar(3_600_000, 1_000, 604_800_000),
  /** How often a ledger marked down tries PostgreSQL again. Default 1000. */
  EVIDENCE_HEALTH_PROBE_MS: integerVar(1_000, 10, 600_000),
  /** How often queued access-log entries are written. Default 200. */
  ACCESS_LOG_FLUSH_INTERVAL_MS: integerVar(200, 1, 600_000),
  /** Most access-log entries written by one INSERT. Default 500. */
  ACCESS_LOG_BATCH_MAX: integerVar(500, 1, 10_000),
  /** Most access-log entries waiting in memory; past it new entries are dropped and counted. Default 10000. */
  ACCESS_LOG_QUEUE_MAX: integerVar(10_000, 1, 1_000_000),
  /** Most evidence ids one `signalEvidence` query reads (more is BAD_USER_INPUT). Default 100. */
  EVIDENCE_READ_MAX_IDS: integerVar(100, 1, 1_000),
  /**
   * zlib level (0-9) the evidence bodies are deflated at before sealing. Default 1: a Credeau answer
   * deflates in ~0.9 ms to 21 KB, against 3.5 ms to 17 KB at zlib's usual 6 (more CPU than parsing the
   * body, on every miss). Records of any level read back alike.
   */
  EVIDENCE_COMPRESSION_LEVEL: integerVar(1, 0, 9),
};

export interface EvidenceConfig {
  /** EVIDENCE_DISABLED: no ledger is opened. */
  disabled: boolean;
  /** Undefined: the embedded PGlite ledger (never in production). */
  databaseUrl?: string;
  /**
   * EVIDENCE_MASTER_KEY, base64 (32 bytes once decoded); undefined: a random key per process (embedded
   * only). Kept as text: config is deep-frozen and a frozen Buffer cannot be read by crypto.
   */
  masterKeyBase64?: string;
  /** EVIDENCE_MASTER_KEY_PREVIOUS, base64: still unwraps, never wraps. Only with masterKeyBase64. */
  previousMasterKeyBase64?: string;
  retentionDays: number;
  writeTimeoutMs: number;
  poolMax: number;
  sweepIntervalMs: number;
  healthProbeMs: number;
  accessLog: { flushIntervalMs: number; batchMax: number; queueMax: number };
  /** EVIDENCE_READ_MAX_IDS. */
  readMaxIds: number;
  /** EVIDENCE_COMPRESSION_LEVEL. */
  compressionLevel: number;
}

type EvidenceEnv = z.output<z.ZodObject<typeof evidenceEnvShape>>;

/**
 * Problems no single field can see. A database without a fixed master key would hold records no later
 * process can open, so the URL needs the key everywhere; production needs both, or EVIDENCE_DISABLED.
 */
export function evidenceConfigProblems(env: EvidenceEnv, production: boolean): string[] {
  const problems: string[] = [];
  if (env.EVIDENCE_DISABLED) return problems;
  if (production && env.EVIDENCE_DATABASE_URL === undefined) {
    problems.push('EVIDENCE_DATABASE_URL: required in production (or EVIDENCE_DISABLED=true)');
  }
  if (env.EVIDENCE_DATABASE_URL !== undefined && !/^postgres(ql)?:\/\/\S+$/.test(env.EVIDENCE_DATABASE_URL)) {
    problems.push('EVIDENCE_DATABASE_URL: must look like postgres://user@host:port/database');
  }
  if (env.EVIDENCE_MASTER_KEY === undefined) {
    if (production) problems.push('EVIDENCE_MASTER_KEY: required in production (or EVIDENCE_DISABLED=true)');
    else if (env.EVIDENCE_DATABASE_URL !== undefined) {
      problems.push('EVIDENCE_MASTER_KEY: required when EVIDENCE_DATABASE_URL is set (32 random bytes, base64: openssl rand -base64 32)');
    }
  } else if (Buffer.from(env.EVIDENCE_MASTER_KEY, 'base64').length !== 32) {
    problems.push('EVIDENCE_MASTER_KEY: must be 32 bytes, base64-encoded (openssl rand -base64 32)');
  }
  problems.push(...previousKeyProblems(env.EVIDENCE_MASTER_KEY, env.EVIDENCE_MASTER_KEY_PREVIOUS));
  return problems;
}

/** The previous master key is a rotation's old key: 32 bytes, beside a current key, and not the same key. */
function previousKeyProblems(current: string | undefined, previous: string | undefined): string[] {
  if (previous === undefined) return [];
  const bytes = Buffer.from(previous, 'base64');
  if (bytes.length !== 32) return ['EVIDENCE_MASTER_KEY_PREVIOUS: must be 32 bytes, base64-encoded (the master key being rotated away from)'];
  if (current === undefined) return ['EVIDENCE_MASTER_KEY_PREVIOUS: only with EVIDENCE_MASTER_KEY (the new key)'];
  if (bytes.equals(Buffer.from(current, 'base64'))) return ['EVIDENCE_MASTER_KEY_PREVIOUS: must differ from EVIDENCE_MASTER_KEY'];
  return [];
}

/** The ledger's settings. Call after evidenceConfigProblems is empty. */
export function toEvidenceConfig(env: EvidenceEnv): EvidenceConfig {
  return {
    disabled: env.EVIDENCE_DISABLED,
    ...(env.EVIDENCE_DATABASE_URL === undefined ? {} : { databaseUrl: env.EVIDENCE_DATABASE_URL }),
    ...(env.EVIDENCE_MASTER_KEY === undefined ? {} : { masterKeyBase64: env.EVIDENCE_MASTER_KEY }),
    ...(env.EVIDENCE_MASTER_KEY_PREVIOUS === undefined ? {} : { previousMasterKeyBase64: env.EVIDENCE_MASTER_KEY_PREVIOUS }),
    retentionDays: env.EVIDENCE_RETENTION_DAYS,
    writeTimeoutMs: env.EVIDENCE_WRITE_TIMEOUT_MS,
    poolMax: env.EVIDENCE_POOL_MAX,
    sweepIntervalMs: env.EVIDENCE_SWEEP_INTERVAL_MS,
    healthProbeMs: env.EVIDENCE_HEALTH_PROBE_MS,
    readMaxIds: env.EVIDENCE_READ_MAX_IDS,
    compressionLevel: env.EVIDENCE_COMPRESSION_LEVEL,
    accessLog: {
      flushIntervalMs: env.ACCESS_LOG_FLUSH_INTERVAL_MS,
      batchMax: env.ACCESS_LOG_BATCH_MAX,
      queueMax: env.ACCESS_LOG_QUEUE_MAX,
    },
  };
}

/**
 * What the command-line tools (`npm run evidence:verify`, `npm run evidence:rotate-key`) read: they run
 * beside the servers, not as one, so they validate only these.
 */
const evidenceToolEnvShape = {
  EVIDENCE_DATABASE_URL: optionalString,
  EVIDENCE_MASTER_KEY: optionalString,
  EVIDENCE_MASTER_KEY_PREVIOUS: optionalString,
  /** Data keys `npm run evidence:rotate-key` re-wraps per statement. Default 500. */
  EVIDENCE_ROTATE_BATCH_SIZE: integerVar(500, 1, 10_000),
};

export interface EvidenceToolConfig {
  databaseUrl: string;
  masterKeyBase64: string;
  previousMasterKeyBase64?: string;
  /** EVIDENCE_ROTATE_BATCH_SIZE. */
  rotateBatchSize: number;
}

/** The tools' settings, or every problem with them (named by variable, never showing a value). */
export function loadEvidenceToolConfig(env: Record<string, string | undefined>): { config: EvidenceToolConfig } | { problems: string[] } {
  const parsed = z.object(evidenceToolEnvShape).safeParse(env);
  if (!parsed.success) return { problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
  const e = parsed.data;
  const problems: string[] = [];
  if (e.EVIDENCE_DATABASE_URL === undefined || !/^postgres(ql)?:\/\/\S+$/.test(e.EVIDENCE_DATABASE_URL)) {
    problems.push('EVIDENCE_DATABASE_URL: required, postgres://user@host:port/database');
  }
  if (e.EVIDENCE_MASTER_KEY === undefined || Buffer.from(e.EVIDENCE_MASTER_KEY, 'base64').length !== 32) {
    problems.push('EVIDENCE_MASTER_KEY: required, 32 bytes, base64-encoded');
  }
  problems.push(...previousKeyProblems(e.EVIDENCE_MASTER_KEY, e.EVIDENCE_MASTER_KEY_PREVIOUS));
  if (problems.length > 0 || e.EVIDENCE_DATABASE_URL === undefined || e.EVIDENCE_MASTER_KEY === undefined) return { problems };
  return {
    config: {
      databaseUrl: e.EVIDENCE_DATABASE_URL,
      masterKeyBase64: e.EVIDENCE_MASTER_KEY,
      ...(e.EVIDENCE_MASTER_KEY_PREVIOUS === undefined ? {} : { previousMasterKeyBase64: e.EVIDENCE_MASTER_KEY_PREVIOUS }),
      rotateBatchSize: e.EVIDENCE_ROTATE_BATCH_SIZE,
    },
  };
}
