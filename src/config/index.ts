import { z } from 'zod';
import { resolveCredentials } from './credentials';
import {
  governanceConfigProblems,
  governanceEnvShape,
  governanceVendorsEnvShape,
  toGovernanceConfig,
  type GovernanceConfig,
} from './governance.config';
import { redisConfigProblems, redisEnvShape, toRedisConfig, type RedisConfig } from './redis.config';
import { observabilityEnvShape, toObservabilityConfig, type ObservabilityConfig } from './observability.config';
import { securityConfigProblems, securityEnvShape, toSecurityConfig, type SecurityConfig } from './security.config';
import { productsEnvShape, storeEnvShape, toStoreConfig, type ProductContract, type StoreConfig } from './store.config';
import { erasureConfigProblems, erasureEnvShape, toErasureConfig, type ErasureConfig } from './erasure.config';
import { evidenceConfigProblems, evidenceEnvShape, toEvidenceConfig, type EvidenceConfig } from './evidence.config';
import { serverConfigProblems, serverEnvShape, type HttpConfig, type ServerConfig } from './server.config';

export type { HttpConfig, ServerConfig } from './server.config';
export type { ObservabilityConfig } from './observability.config';
export type { RedisConfig } from './redis.config';
export type { JwtConfig, SecurityConfig } from './security.config';
export type { ProductContract, ProductName, StoreConfig, StoredProduct } from './store.config';
export { storedProduct, unstoredProduct } from './store.config';
export type { ErasureConfig, RouterInvalidationConfig } from './erasure.config';
export type { EvidenceConfig } from './evidence.config';
export type { VendorHttpConfig } from './env-fields';

/**
 * What config needs of a vendor, structurally. The registry's descriptors satisfy it, but config never
 * imports them: config is a leaf of the import graph, and the caller hands the vendors in
 * (src/subgraph-config.ts binds the registry).
 */
export interface VendorEnvContract<Key extends string = string, Section = unknown, Name extends string = string> {
  /** Property of the vendor's section in the config, e.g. `credeau`. */
  readonly key: Key;
  /** The prefix of its budget and breaker variables, upper case. */
  readonly name: Name;
  /** How configuration problems spell the vendor (its credentials). */
  readonly label: string;
  /** `<NAME>_RATE_LIMIT` when unset (`N/<window>`); undefined: unlimited. */
  readonly defaultRateLimit: string | undefined;
  /** Its products, each with its freshness window variable when stored (the store's windows come from these). */
  readonly products: Readonly<Record<string, ProductContract>>;
  readonly env: {
    readonly shape: z.ZodRawShape;
    /** credential field -> environment variable; all unset means "use the simulator". */
    readonly credentialVariables: Readonly<Record<string, string>>;
    /**
     * The vendor's section from the parsed environment and the record resolved from `credentialVariables`
     * (null when simulated). `never`, because each vendor types its own credential fields; only the
     * loader calls it.
     */
    toConfig(env: Record<string, unknown>, credentials: never): Section;
  };
}

/** Each vendor's validated config section, by key (`config.credeau`, ...). */
export type VendorConfigsOf<Vendors extends readonly VendorEnvContract[]> = {
  [Vendor in Vendors[number] as Vendor['key']]: ReturnType<Vendor['env']['toConfig']>;
};

/** The sections every process has, whatever its vendors (`Name`: their names, which governance is keyed by). */
export interface CoreConfig<Name extends string = string> {
  server: ServerConfig;
  http: HttpConfig;
  governance: GovernanceConfig<Name>;
  observability: ObservabilityConfig;
  security: SecurityConfig;
  /** The shared signal store's budgets and freshness windows. */
  store: StoreConfig;
  /** The shared Redis connection; undefined without REDIS_URL. */
  redis?: RedisConfig;
  /** Erasing a customer everywhere: the late-write marker, replica acknowledgements, the router's invalidation. */
  erasure: ErasureConfig;
  /** The sealed evidence ledger and access log (PostgreSQL, or embedded PGlite outside production). */
  evidence: EvidenceConfig;
}

/** Everything a process with these vendors reads from its environment, validated once at start-up. */
export type ConfigFor<Vendors extends readonly VendorEnvContract[]> = CoreConfig<Vendors[number]['name']> & VendorConfigsOf<Vendors>;

/** Thrown when the environment is invalid; the message lists every bad or missing variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const coreEnvShape = {
  ...serverEnvShape,
  ...governanceEnvShape,
  ...observabilityEnvShape,
  ...redisEnvShape,
  ...securityEnvShape,
  ...storeEnvShape,
  ...erasureEnvShape,
  ...evidenceEnvShape,
};

/** Every product of these vendors, in the vendors' order. */
function productsOf(vendors: readonly VendorEnvContract[]): ProductContract[] {
  return vendors.flatMap((vendor) => Object.values(vendor.products));
}

/** The one schema of the environment: the vendors' shapes first, then the core sections', then what the vendors' contracts derive. */
function envSchemaFor(vendors: readonly VendorEnvContract[]) {
  const vendorShape: z.ZodRawShape = Object.assign({}, ...vendors.map((vendor) => vendor.env.shape));
  return z.object({ ...vendorShape, ...coreEnvShape, ...productsEnvShape(productsOf(vendors)), ...governanceVendorsEnvShape(vendors) });
}

/** Every environment variable a process with these vendors reads (the README's configuration table lists each). */
export function configVariablesFor(vendors: readonly VendorEnvContract[]): readonly string[] {
  return [...Object.keys(envSchemaFor(vendors).shape), ...vendors.flatMap((vendor) => Object.values(vendor.env.credentialVariables))];
}

/**
 * The only reader of the process environment. Pure over its arguments so tests pass their own env.
 * Collects every problem before failing, so one start-up attempt shows the operator all of them.
 */
export function loadConfigFor<const Vendors extends readonly VendorEnvContract[]>(
  vendors: Vendors,
  env: Record<string, string | undefined> = process.env,
): Readonly<ConfigFor<Vendors>> {
  assertDistinct(vendors.map((vendor) => vendor.key), (key) => `config key "${key}" is taken twice`);
  // A product's name is its place in the store's keys: two products of one name would read each other's answers.
  assertDistinct(productsOf(vendors).map((product) => product.name), (name) => `product "${name}" is declared twice`);
  const problems: string[] = [];
  const parsed = envSchemaFor(vendors).safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }

  const production = (env.NODE_ENV ?? '').trim() === 'production';
  /** A vendor's credentials when all are set, null for its simulator; anything else is a problem. */
  const credentialsOf = (vendor: VendorEnvContract): Record<string, string> | null => {
    const resolved = resolveCredentials(vendor.label, vendor.env.credentialVariables, env, production);
    if (resolved.kind === 'invalid') problems.push(...resolved.problems);
    return resolved.kind === 'live' ? resolved.values : null;
  };
  const credentials = vendors.map(credentialsOf);

  if (parsed.success) {
    problems.push(
      ...serverConfigProblems(parsed.data),
      ...redisConfigProblems(parsed.data),
      ...securityConfigProblems(parsed.data, production),
      ...governanceConfigProblems(parsed.data, vendors),
      ...erasureConfigProblems(parsed.data),
      ...evidenceConfigProblems(parsed.data, production),
    );
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;

  const core: CoreConfig<Vendors[number]['name']> = {
    server: {
      nodeEnv: e.NODE_ENV,
      production,
      port: e.PORT,
      host: e.HOST,
      logLevel: e.LOG_LEVEL,
      operationTimeoutMs: e.OPERATION_TIMEOUT_MS,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
      maxRequestBytes: e.MAX_REQUEST_BYTES,
      maxEntitiesPerOperation: e.MAX_ENTITIES_PER_OPERATION,
      maxOperationDepth: e.MAX_OPERATION_DEPTH,
      maxResponseBytes: e.MAX_RESPONSE_BYTES,
      maxVariableDepth: e.MAX_VARIABLE_DEPTH,
      connections: {
        headersTimeoutMs: e.SERVER_HEADERS_TIMEOUT_MS,
        requestTimeoutMs: e.SERVER_REQUEST_TIMEOUT_MS,
        keepAliveTimeoutMs: e.SERVER_KEEP_ALIVE_TIMEOUT_MS,
        maxConnections: e.SERVER_MAX_CONNECTIONS,
      },
      graphiqlEnabled:
        e.GRAPHIQL_ENABLED === undefined ? !production : e.GRAPHIQL_ENABLED === 'true' || e.GRAPHIQL_ENABLED === '1',
    },
    http: {
      connectTimeoutMs: e.HTTP_CONNECT_TIMEOUT_MS,
      maxResponseBytes: e.HTTP_MAX_RESPONSE_BYTES,
      retryCapMs: e.HTTP_RETRY_CAP_MS,
    },
    governance: toGovernanceConfig(e, vendors),
    observability: toObservabilityConfig(e, e.HOST),
    redis: toRedisConfig(e),
    security: toSecurityConfig(e, production),
    store: toStoreConfig(e, productsOf(vendors)),
    erasure: toErasureConfig(e),
    evidence: toEvidenceConfig(e),
  };
  return deepFreeze({ ...core, ...vendorConfigs(vendors, e, credentials, core) });
}

/** Registering the same vendor or product twice is a programming error, not a configuration problem. */
function assertDistinct(names: readonly string[], problem: (name: string) => string): void {
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(problem(name));
    seen.add(name);
  }
}

/** Each vendor's config section, from the parsed environment and its resolved credentials. */
function vendorConfigs<Vendors extends readonly VendorEnvContract[]>(
  vendors: Vendors,
  env: Record<string, unknown>,
  credentials: ReadonlyArray<Record<string, string> | null>,
  core: CoreConfig,
): VendorConfigsOf<Vendors> {
  const sections: Record<string, unknown> = {};
  vendors.forEach((vendor, index) => {
    // The sections are spread into one object: a clash would overwrite a section silently.
    if (vendor.key in sections || vendor.key in core) throw new Error(`config key "${vendor.key}" is taken twice`);
    // The resolved record has exactly the fields of the vendor's own `credentialVariables`.
    sections[vendor.key] = vendor.env.toConfig(env, (credentials[index] ?? null) as never);
  });
  // One section per vendor, built by that vendor's own toConfig: the mapped type's promise.
  return sections as VendorConfigsOf<Vendors>;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
