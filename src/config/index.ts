import { z } from 'zod';
import { VENDORS, type VendorConfigs } from '../vendors/registry';
import { vendorLabel } from '../errors';
import { resolveCredentials } from './credentials';
import { governanceConfigProblems, governanceEnvShape, toGovernanceConfig, type GovernanceConfig } from './governance.config';
import { redisConfigProblems, redisEnvShape, toRedisConfig, type RedisConfig } from './redis.config';
import { observabilityEnvShape, toObservabilityConfig, type ObservabilityConfig } from './observability.config';
import { securityConfigProblems, securityEnvShape, toSecurityConfig, type SecurityConfig } from './security.config';
import { storeEnvShape, toStoreConfig, type StoreConfig } from './store.config';
import { serverConfigProblems, serverEnvShape, type HttpConfig, type ServerConfig } from './server.config';

export type { CredeauConfig } from './credeau.config';
export type { CredolabConfig } from './credolab.config';
export type { NeuroidConfig } from './neuroid.config';
export type { FinboxConfig } from './finbox.config';
export type { HttpConfig, ServerConfig } from './server.config';
export type { ObservabilityConfig } from './observability.config';
export type { RedisConfig } from './redis.config';
export type { JwtConfig, SecurityConfig } from './security.config';
export type { StoreConfig, StoredProduct } from './store.config';
export type { VendorHttpConfig } from './env-fields';

/** Everything the process reads from its environment, validated once at start-up. */
export interface Config extends VendorConfigs {
  server: ServerConfig;
  http: HttpConfig;
  governance: GovernanceConfig;
  observability: ObservabilityConfig;
  security: SecurityConfig;
  /** The shared signal store's budgets and freshness windows. */
  store: StoreConfig;
  /** The shared Redis connection; undefined without REDIS_URL. */
  redis?: RedisConfig;
}

/** Thrown when the environment is invalid; the message lists every bad or missing variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const envSchema = z.object(
  Object.assign({}, ...VENDORS.map((vendor) => vendor.env.shape), serverEnvShape, governanceEnvShape, observabilityEnvShape, redisEnvShape, securityEnvShape, storeEnvShape) as typeof serverEnvShape &
    typeof governanceEnvShape &
    typeof observabilityEnvShape &
    typeof redisEnvShape &
    typeof securityEnvShape &
    typeof storeEnvShape,
);

/** Every environment variable the process reads (the README's configuration table must list each). */
export const CONFIG_VARIABLES: readonly string[] = [
  ...Object.keys(envSchema.shape),
  ...VENDORS.flatMap((vendor) => Object.values(vendor.env.credentialVariables) as string[]),
];

/**
 * The only reader of the process environment. Pure over its argument so tests pass their own env.
 * Collects every problem before failing, so one start-up attempt shows the operator all of them.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  const problems: string[] = [];
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`);
  }

  const production = (env.NODE_ENV ?? '').trim() === 'production';
  /** A vendor's credentials when all are set, null for its simulator; anything else is a problem. */
  const credentialsOf = <K extends string>(label: string, variables: Record<K, string>): Record<K, string> | null => {
    const resolved = resolveCredentials(label, variables, env, production);
    if (resolved.kind === 'invalid') problems.push(...resolved.problems);
    return resolved.kind === 'live' ? resolved.values : null;
  };
  const credentials = VENDORS.map((vendor) => credentialsOf(vendorLabel(vendor.name), vendor.env.credentialVariables));

  if (parsed.success) {
    problems.push(
      ...serverConfigProblems(parsed.data),
      ...redisConfigProblems(parsed.data),
      ...securityConfigProblems(parsed.data, production),
      ...governanceConfigProblems(parsed.data),
    );
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;

  return deepFreeze<Config>({
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
    ...vendorConfigs(e as Record<string, unknown>, credentials),
    governance: toGovernanceConfig(e),
    observability: toObservabilityConfig(e, e.HOST),
    redis: toRedisConfig(e),
    security: toSecurityConfig(e, production),
    store: toStoreConfig(e),
  });
}

/** Each registered vendor's config section, from the parsed environment and its resolved credentials. */
function vendorConfigs(env: Record<string, unknown>, credentials: Array<Record<string, string> | null>): VendorConfigs {
  const sections: Record<string, unknown> = {};
  VENDORS.forEach((vendor, index) => {
    sections[vendor.key] = (vendor.env.toConfig as (env: Record<string, unknown>, credentials: unknown) => unknown)(env, credentials[index] ?? null);
  });
  return sections as VendorConfigs;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
