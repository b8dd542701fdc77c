import { z } from 'zod';

/**
 * Field builders shared by every config section. Environment values are strings; these coerce and
 * bound them so a typo fails start-up with the variable's name instead of misbehaving at run time.
 */

/** A whole number of milliseconds (or a count) within [min, max], defaulting when unset or empty. */
export function integerVar(defaultValue: number, min = 0, max = 3_600_000) {
  return z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(min).max(max).default(defaultValue),
  );
}

/** An http(s) URL; trailing slashes are trimmed so paths can be joined without doubling them. */
export function urlVar(defaultValue: string) {
  return z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/ })
      .default(defaultValue)
      .transform((url) => url.replace(/\/+$/, '')),
  );
}

/** An optional value (an endpoint, a secret): unset and empty both mean "not given". */
export const optionalString = z.preprocess(emptyToUndefined, z.string().optional());

/** `true`/`false`/`1`/`0`, defaulting when unset. */
export function booleanVar(defaultValue: boolean) {
  return z.preprocess(
    emptyToUndefined,
    z
      .enum(['true', 'false', '1', '0'])
      .default(defaultValue ? 'true' : 'false')
      .transform((v) => v === 'true' || v === '1'),
  );
}

/** A comma-separated list of whole milliseconds, e.g. `2000,5000`. */
export function delayListVar(defaultValue: readonly number[]) {
  return z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^\d+(,\d+)*$/, 'must be a comma-separated list of whole milliseconds, e.g. 2000,5000')
      .default(defaultValue.join(','))
      .transform((v) => v.split(',').map(Number)),
  );
}

function emptyToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/** HTTP settings every vendor has, read under its own prefix (CREDEAU_TIMEOUT_MS, FINBOX_TIMEOUT_MS, ...). */
export interface VendorHttpConfig {
  /** Per HTTP request: connect + headers + body must finish within this. */
  timeoutMs: number;
  /** Distinct customers fetched at once by one operation's loader. */
  concurrency: number;
  /** Open connections kept to the vendor origin by the shared pool. */
  maxConnections: number;
  /** First retry delay; doubles per attempt up to HTTP_RETRY_CAP_MS, with jitter. */
  retryBaseMs: number;
  /** Retries after the first attempt for transient failures (429, 502-504, connection errors). */
  maxRetries: number;
}

export interface VendorHttpDefaults {
  timeoutMs: number;
  concurrency: number;
  maxConnections: number;
  retryBaseMs: number;
  maxRetries: number;
}

/** The zod shape of one vendor's common HTTP variables, e.g. vendorHttpShape('CREDEAU', {...}). */
export function vendorHttpShape<P extends string>(prefix: P, defaults: VendorHttpDefaults) {
  return {
    [`${prefix}_TIMEOUT_MS`]: integerVar(defaults.timeoutMs, 1, 600_000),
    [`${prefix}_CONCURRENCY`]: integerVar(defaults.concurrency, 1, 1000),
    [`${prefix}_MAX_CONNECTIONS`]: integerVar(defaults.maxConnections, 1, 1000),
    [`${prefix}_RETRY_BASE_MS`]: integerVar(defaults.retryBaseMs, 0, 60_000),
    [`${prefix}_MAX_RETRIES`]: integerVar(defaults.maxRetries, 0, 10),
  } as Record<
    `${P}_TIMEOUT_MS` | `${P}_CONCURRENCY` | `${P}_MAX_CONNECTIONS` | `${P}_RETRY_BASE_MS` | `${P}_MAX_RETRIES`,
    ReturnType<typeof integerVar>
  >;
}

export function pickVendorHttp(prefix: string, env: Record<string, unknown>): VendorHttpConfig {
  return {
    timeoutMs: env[`${prefix}_TIMEOUT_MS`] as number,
    concurrency: env[`${prefix}_CONCURRENCY`] as number,
    maxConnections: env[`${prefix}_MAX_CONNECTIONS`] as number,
    retryBaseMs: env[`${prefix}_RETRY_BASE_MS`] as number,
    maxRetries: env[`${prefix}_MAX_RETRIES`] as number,
  };
}
