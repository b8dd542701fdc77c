import type { NonEmptyArray } from 'type-graphql';
import type { z } from 'zod';
import type { HttpConfig, ProductContract, ServerConfig } from '../config';
import type { VendorHttpConfig } from '../config/env-fields';
import type { Deadline } from '../datasources/http/deadline';
import type { AttemptGuard } from '../datasources/http/attempt-guard';
import type { AuthHook } from '../datasources/http/auth-hook';
import type { RetryPolicy } from '../datasources/http/retry-policy';
import type { VendorCallEvents } from '../datasources/http/vendor-call-events';
import type { VendorHttpClient } from '../datasources/http/vendor-http-client';
import { registerVendorLabel, type VendorName } from '../errors';
import type { Logger } from '../logger';
import type { SimulatorServer } from '../simulators/simulator-server';
import type { SealedBox } from '../store/sealed-box';
import type { SharedRedis } from '../store/shared-redis';
import type { SignalStore } from '../store/signal-store';
import type { EvidenceSink } from '../datasources/evidence-sink';

/** The HTTP settings every vendor has (FinBox replaces backoff by its own fixed waits). */
type VendorHttpShape = Pick<VendorHttpConfig, 'timeoutMs' | 'maxConnections' | 'concurrency'>;

/** Long-lived things every vendor connection may use, built once per process at start-up. */
export interface ProcessServices {
  /** Server-wide settings (the vendor sections are handed to each vendor as its `settings`). */
  server: Readonly<ServerConfig>;
  http: Readonly<HttpConfig>;
  logger: Logger;
  /** Every vendor client reports its attempts and outcomes here (metrics, tracing). */
  events: VendorCallEvents;
  /** Guards wrapped around every attempt of one vendor (budgets, breakers); none by default. */
  guardsFor?(vendor: VendorName): readonly AttemptGuard[];
  /** The process's one Redis connection (store, budgets, Credolab token); undefined without REDIS_URL. */
  redis?: SharedRedis;
  /** Seals what this process writes to Redis (SIGNALS_STORE_KEY); present whenever `redis` is. */
  sealedBox?: SealedBox;
  /** The shared signal store every vendor loader looks in first (memory, and Redis when configured). */
  store: SignalStore;
  /** The evidence ledger every vendor answer is stamped by before it is used (a no-op sink when disabled). */
  evidence: EvidenceSink;
}

/** A vendor's simulator, loaded only when that vendor runs simulated (never in production). */
export interface SimulatorFactory<Credentials, Simulator extends SimulatorServer> {
  create(): Simulator;
  /** The credentials the simulator accepts. */
  credentials: Credentials;
}

/** What a vendor module is handed to build its long-lived connection. */
export interface ConnectionParts<VendorConfig, Credentials, Simulator extends SimulatorServer> {
  client: VendorHttpClient;
  credentials: Credentials;
  settings: VendorConfig;
  services: ProcessServices;
  simulator: Simulator | undefined;
}

/**
 * One vendor, as the rest of the process sees it: its names, environment contract, simulator, how to
 * open its long-lived connection and how to make its datasources for one operation. Config, start-up,
 * context and simulators iterate the registry (src/vendors/registry.ts), so a new vendor is its folders
 * plus its import and entry in the registry.
 */
export interface VendorModule<
  Key extends string,
  Name extends VendorName,
  Products extends Readonly<Record<string, ProductContract>>,
  VendorConfig extends { baseUrl: string; credentials: Credentials | null; http: VendorHttpShape },
  Credentials,
  Connection,
  Simulator extends SimulatorServer,
  DataSources extends object,
> {
  /** Property name in Config, connections and simulators, e.g. `credeau`. */
  key: Key;
  /** As clients see it in `extensions.vendor` and metrics label it, upper case, e.g. `CREDEAU`; the prefix of its variables. */
  name: Name;
  /** How messages spell it, e.g. `Credeau` (error messages, configuration problems). */
  label: string;
  /**
   * Every request header that carries this vendor's credentials (as its datasources write them). The
   * logger redacts them (src/logger.ts, handed in by the composition root); required, so a vendor that
   * forgets them does not compile.
   */
  secretHeaders: readonly string[];
  /**
   * Adds the vendor's credentials to every outgoing attempt (a `willSendRequest`): the one place that
   * writes the headers `secretHeaders` names. Required: a vendor without it does not compile.
   */
  authorize(credentials: Credentials): AuthHook;
  /**
   * `<NAME>_RATE_LIMIT` when unset (`N/<window>`), undefined for unlimited. Its budget and breaker
   * variables are derived from `name` by config (src/config/governance.config.ts).
   */
  defaultRateLimit: string | undefined;
  /**
   * Each kind of answer it gives, by a name its datasources use (`credeauProducts.sms`): a stored one
   * brings its freshness window variable (storedProduct), so the store's windows derive from these.
   */
  products: Products;
  env: {
    shape: z.ZodRawShape;
    /** credential field -> environment variable; all unset means "use the simulator". */
    credentialVariables: Record<string, string>;
    toConfig(env: Record<string, unknown>, credentials: Credentials | null): VendorConfig;
  };
  /**
   * The type-graphql resolver classes of the vendor's fields (src/resolvers/<vendor>/): the schema is built
   * from the registry's, so a vendor's fields are in the schema exactly when the vendor is registered.
   */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  /** Lazily imported, so production never loads simulator code. */
  loadSimulator(): Promise<SimulatorFactory<Credentials, Simulator>>;
  /** The vendor's retry rules. */
  retry(settings: VendorConfig, http: HttpConfig): RetryPolicy;
  /** Base URL when simulated, when it is not the simulator's root (NeuroID serves under /v4.1). */
  simulatorBaseUrl?(simulator: Simulator): string;
  connect(parts: ConnectionParts<VendorConfig, Credentials, Simulator>): { connection: Connection; close?(): void };
  /** Fresh datasources (and so fresh loaders) for one operation. */
  dataSources(connection: Connection, deadline: Deadline): DataSources;
}

/** Any registered vendor module, for code that iterates the registry without knowing which one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyVendorModule = VendorModule<string, string, Readonly<Record<string, ProductContract>>, any, any, any, any, object>;

/**
 * Identity with inference: a vendor file writes `export const x = defineVendor({...})`. It also makes the
 * vendor's label known to error messages (src/errors.ts), which cannot import the descriptors.
 */
export function defineVendor<
  Key extends string,
  const Name extends VendorName,
  const Products extends Readonly<Record<string, ProductContract>>,
  VendorConfig extends { baseUrl: string; credentials: Credentials | null; http: VendorHttpShape },
  Credentials,
  Connection,
  Simulator extends SimulatorServer,
  DataSources extends object,
>(
  module: VendorModule<Key, Name, Products, VendorConfig, Credentials, Connection, Simulator, DataSources>,
): VendorModule<Key, Name, Products, VendorConfig, Credentials, Connection, Simulator, DataSources> {
  registerVendorLabel(module.name, module.label);
  return module;
}

/**
 * A vendor's environment contract from its config file's three exports: the zod shape, the credential
 * variables and the function that builds its config section.
 */
export function vendorEnv<VendorConfig, Credentials, Env>(
  shape: z.ZodRawShape,
  credentialVariables: Record<string, string>,
  toConfig: (env: Env, credentials: Credentials | null) => VendorConfig,
): { shape: z.ZodRawShape; credentialVariables: Record<string, string>; toConfig(env: Record<string, unknown>, credentials: Credentials | null): VendorConfig } {
  // The env object was parsed by the one schema that includes `shape`, so it has this vendor's fields.
  return { shape, credentialVariables, toConfig: (env, credentials) => toConfig(env as Env, credentials) };
}
