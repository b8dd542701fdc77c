import { z } from 'zod';
import { integerVar } from './env-fields';

/** `N/<window>`: at most N calls in any window, e.g. `1000/60s`, `20/2s`, `1500/90000ms`, `100/1m`. */
const RATE_LIMIT_PATTERN = /^\s*(\d+)\s*\/\s*(\d+)\s*(ms|s|m)\s*$/;
const UNIT_MS = { ms: 1, s: 1_000, m: 60_000 } as const;

/** A vendor's outbound budget: at most `calls` attempts in any `windowMs`, across every replica. */
export interface RateLimit {
  calls: number;
  windowMs: number;
}

/**
 * `<VENDOR>_RATE_LIMIT`: unset takes the vendor's documented default (unlimited when it has none); empty
 * means unlimited. The window must be at least 1 s: vendors state their limits per second or longer, and
 * a shorter window would mostly measure our clocks. The default is a zod `.default()`, not a fallback in
 * a preprocess: zod 4 never runs the preprocess of an absent key whose schema is optional, so the
 * documented `1000/60s` of Credeau was silently "unlimited".
 */
function rateLimitVar(defaultValue: string | undefined) {
  const limit = z
    .string()
    .regex(RATE_LIMIT_PATTERN, 'must look like N/<window>, e.g. 1000/60s (units ms, s, m)')
    .transform((value): RateLimit => {
      const [, calls, amount, unit] = RATE_LIMIT_PATTERN.exec(value) as RegExpExecArray;
      return { calls: Number(calls), windowMs: Number(amount) * UNIT_MS[unit as keyof typeof UNIT_MS] };
    })
    .refine((limit) => limit.calls >= 1 && limit.calls <= 1_000_000, 'N must be between 1 and 1000000')
    .refine((limit) => limit.windowMs >= 1_000 && limit.windowMs <= 86_400_000, 'the window must be between 1s and 24h');
  // Set but empty is an explicit "unlimited" (null here), not the vendor's default.
  const limitOrUnlimited = z.union([z.null().transform(() => undefined), limit]);
  // `prefault`: the default is an input, parsed like a value the operator gave.
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    defaultValue === undefined ? limitOrUnlimited.optional() : limitOrUnlimited.prefault(defaultValue),
  );
}

/** A fraction within [0, 1], defaulting when unset or empty. */
function shareVar(defaultValue: number) {
  return z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    z.coerce.number().min(0).max(1).default(defaultValue),
  );
}

/**
 * What governance needs of a vendor: its name (the variables' prefix) and its default budget. The
 * caller hands in the registry's descriptors (config imports no vendor code), so every registered
 * vendor has its budget and breaker variables and none can be left out.
 */
export interface GovernedVendor<Name extends string = string> {
  readonly name: Name;
  /** `<VENDOR>_RATE_LIMIT` when unset, `N/<window>`; undefined: unlimited. */
  readonly defaultRateLimit: string | undefined;
}

/** One vendor's budget and breaker variables, e.g. CREDEAU_RATE_LIMIT, CREDEAU_BREAKER_THRESHOLD. */
function vendorGovernanceShape(vendor: GovernedVendor): z.ZodRawShape {
  const prefix = vendor.name;
  return {
    /** Outbound budget of the whole fleet, `N/<window>`; unset = unlimited. */
    [`${prefix}_RATE_LIMIT`]: rateLimitVar(vendor.defaultRateLimit),
    /**
     * Share of N one replica may spend on its own while the shared budget (Redis) does not answer in
     * time; reserved out of N for RATE_LIMIT_FALLBACK_REPLICAS replicas (src/governance/rate-budget.ts).
     * Default 0.1.
     */
    [`${prefix}_RATE_LIMIT_FALLBACK_SHARE`]: shareVar(0.1),
    /** Consecutive failures (5xx, timeouts, connection errors) that open the circuit. Default 5. */
    [`${prefix}_BREAKER_THRESHOLD`]: integerVar(5, 1, 1_000),
    /** How long an open circuit fails fast before one trial call decides. Default 30000. */
    [`${prefix}_BREAKER_COOLDOWN_MS`]: integerVar(30_000, 1, 3_600_000),
  };
}

/** Every vendor's budget and breaker variables, in the vendors' order. */
export function governanceVendorsEnvShape(vendors: readonly GovernedVendor[]): z.ZodRawShape {
  return Object.assign({}, ...vendors.map(vendorGovernanceShape)) as z.ZodRawShape;
}

/** Vendor-call governance: limits checked before an operation runs, budgets, breakers, shutdown. */
export const governanceEnvShape = {
  /** Most vendor calls one operation may be able to cause (fields x customers x argument sets). Default 500. */
  MAX_VENDOR_CALLS_PER_OPERATION: integerVar(500, 1, 1_000_000),
  /** Most list items one operation's response may be estimated to hold. Default 100000. */
  MAX_ESTIMATED_RESPONSE_ITEMS: integerVar(100_000, 1, 100_000_000),
  /**
   * On SIGTERM, how long readiness answers 503 before the listener closes, so a load balancer stops
   * sending first. Default 0 (a Kubernetes deployment sets a few seconds).
   */
  SHUTDOWN_READINESS_DELAY_MS: integerVar(0, 0, 600_000),
  /**
   * The most replicas that share one Redis. Each may spend its `<VENDOR>_RATE_LIMIT_FALLBACK_SHARE` alone
   * when Redis does not answer in time, so Redis grants only N minus that many shares. Default 3.
   */
  RATE_LIMIT_FALLBACK_REPLICAS: integerVar(3, 1, 1_000),
  // Each vendor's budget and breaker: governanceVendorsEnvShape, from the vendors config is handed.
};

/** The budget and breaker of one vendor. */
export interface VendorGovernance {
  /** Undefined: unlimited. */
  rateLimit: RateLimit | undefined;
  /** Share of N one replica may spend alone while Redis does not answer in time. */
  fallbackShare: number;
  breakerThreshold: number;
  breakerCooldownMs: number;
}

export interface GovernanceConfig<Name extends string = string> {
  maxVendorCallsPerOperation: number;
  maxEstimatedResponseItems: number;
  shutdownReadinessDelayMs: number;
  /** The most replicas on one Redis, each with its own fallback share reserved out of every budget. */
  fallbackReplicas: number;
  /** Every governed vendor's, by name: the process's config has exactly its registered vendors' names. */
  vendors: Readonly<Record<Name, VendorGovernance>>;
}

/** The parsed environment, as governance reads it (the vendors' variables are named at run time). */
type GovernanceEnv = z.output<z.ZodObject<typeof governanceEnvShape>>;

export function toGovernanceConfig<Name extends string>(e: GovernanceEnv, governed: readonly GovernedVendor<Name>[]): GovernanceConfig<Name> {
  // The env was parsed by a schema that includes governanceVendorsEnvShape(governed), so each vendor's
  // four variables are there, already validated and defaulted.
  const env = e as unknown as Record<string, unknown>;
  // Filled below for every vendor in `governed`: the record's promise.
  const vendors = {} as Record<Name, VendorGovernance>;
  for (const { name } of governed) {
    vendors[name] = {
      rateLimit: env[`${name}_RATE_LIMIT`] as RateLimit | undefined,
      fallbackShare: env[`${name}_RATE_LIMIT_FALLBACK_SHARE`] as number,
      breakerThreshold: env[`${name}_BREAKER_THRESHOLD`] as number,
      breakerCooldownMs: env[`${name}_BREAKER_COOLDOWN_MS`] as number,
    };
  }
  return {
    maxVendorCallsPerOperation: e.MAX_VENDOR_CALLS_PER_OPERATION,
    maxEstimatedResponseItems: e.MAX_ESTIMATED_RESPONSE_ITEMS,
    shutdownReadinessDelayMs: e.SHUTDOWN_READINESS_DELAY_MS,
    fallbackReplicas: e.RATE_LIMIT_FALLBACK_REPLICAS,
    vendors,
  };
}

/**
 * Calls one replica may make on its own in any window while Redis does not answer in time:
 * floor(share x N), so a small budget may leave none (the replica then waits for Redis).
 */
export function fallbackCalls(limit: RateLimit, share: number): number {
  return Math.floor(limit.calls * share);
}

/** Problems no single variable shows: the fleet's fallback shares must leave Redis something to grant. */
export function governanceConfigProblems<Name extends string>(e: GovernanceEnv, governed: readonly GovernedVendor<Name>[]): string[] {
  const { fallbackReplicas, vendors } = toGovernanceConfig(e, governed);
  const problems: string[] = [];
  for (const { name } of governed) {
    const { rateLimit, fallbackShare } = vendors[name];
    if (rateLimit && fallbackCalls(rateLimit, fallbackShare) * fallbackReplicas >= rateLimit.calls) {
      problems.push(
        `${name}_RATE_LIMIT_FALLBACK_SHARE: ${fallbackReplicas} replicas (RATE_LIMIT_FALLBACK_REPLICAS) x ${fallbackCalls(rateLimit, fallbackShare)} fallback calls leave nothing of ${name}_RATE_LIMIT for Redis to grant`,
      );
    }
  }
  return problems;
}
