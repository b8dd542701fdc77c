import 'reflect-metadata';
import { Writable } from 'node:stream';
import { loadConfigFor } from '../../src/config';
import type { Config } from '../../src/subgraph-config';
import type { Registry } from '../../src/observability/metrics-registry';
import type { RunningSubgraph } from '../../src/server';
import { startSimulators, stopSimulators, type Simulators } from '../../src/simulators';
import type { SignalStore } from '../../src/store/signal-store';
import type { StoreEvents } from '../../src/store/store-events';
import { createSubgraph, type Subgraph } from '../../src/subgraph';
import type { SimulatorServer } from '../../src/simulators/simulator-server';
import { VENDORS, type VendorSet } from '../../src/vendors/registry';

/** Fast timings for tests: retries and polls in milliseconds, not seconds. */
/** EVIDENCE_DATABASE_URL / EVIDENCE_MASTER_KEY of the run's database; none outside jest's global setup. */
export function suiteEvidenceEnv(): Record<string, string> {
  const url = process.env.SIGNALS_SUITE_EVIDENCE_DATABASE_URL;
  const key = process.env.SIGNALS_SUITE_EVIDENCE_MASTER_KEY;
  // Appends wait up to 15 s, as vendor attempts do in these tests: on a loaded machine a 2 s append can
  // time out, and an answer without evidence is not stored, which tests counting vendor calls would see.
  return url && key ? { EVIDENCE_DATABASE_URL: url, EVIDENCE_MASTER_KEY: key, EVIDENCE_WRITE_TIMEOUT_MS: '15000' } : {};
}

export const FAST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  // The evidence ledger as production runs it, on the jest run's own database (test/support/suite-database.js).
  ...suiteEvidenceEnv(),
  LOG_LEVEL: 'debug',
  CREDEAU_POLL_INTERVAL_MS: '20',
  // Generous budget so polling-to-COMPLETE tests hold on a loaded 2-core machine; tests of the budget set their own.
  CREDEAU_POLL_TIMEOUT_MS: '5000',
  CREDEAU_RETRY_BASE_MS: '5',
  CREDEAU_TIMEOUT_MS: '2000',
  CREDOLAB_RETRY_BASE_MS: '5',
  CREDOLAB_TIMEOUT_MS: '2000',
  NEUROID_RETRY_BASE_MS: '5',
  NEUROID_TIMEOUT_MS: '2000',
  FINBOX_POLL_INTERVAL_MS: '20',
  FINBOX_POLL_TIMEOUT_MS: '300',
  FINBOX_RETRY_DELAYS_MS: '5,10',
  FINBOX_TIMEOUT_MS: '2000',
  // Scenario tests send failing ids on purpose, many in a row; circuits stay closed unless a test opens
  // them (test/governance/circuit-breaker.test.ts sets its own threshold).
  CREDEAU_BREAKER_THRESHOLD: '1000',
  FINBOX_BREAKER_THRESHOLD: '1000',
  CREDOLAB_BREAKER_THRESHOLD: '1000',
  NEUROID_BREAKER_THRESHOLD: '1000',
  // Vendor behaviour tests ask the same scenario ids again and expect the vendor to answer each time:
  // the signal store is off for them (test/store/ turns it on); the SMS list window stays as in production.
  CREDEAU_INSIGHTS_CACHE_TTL_MS: '0',
  FINBOX_CACHE_TTL_MS: '0',
  CREDOLAB_CACHE_TTL_MS: '0',
  NEUROID_CACHE_TTL_MS: '0',
};

/**
 * For tests that count vendor calls exactly and are not about timeouts. An attempt's clock starts before
 * undici queues it for a connection, and the test process runs the server, the simulators and the client
 * on the same starved cores: on a loaded 2-core machine FAST_ENV's 2 s can pass before a healthy answer
 * is read, and the retry that follows is a second call the test did not ask for. 15 s attempts are never
 * retried by load alone.
 */
export const UNHURRIED_ATTEMPTS_ENV: Record<string, string> = {
  CREDEAU_TIMEOUT_MS: '15000',
  CREDOLAB_TIMEOUT_MS: '15000',
  NEUROID_TIMEOUT_MS: '15000',
  FINBOX_TIMEOUT_MS: '15000',
};

/**
 * For tests with a Redis that count vendor calls exactly and are not about Redis failing. Any Redis
 * command slower than REDIS_TIMEOUT_MS is a store miss (and a claim not taken is a fetch of our own), so
 * a starved replica or redis-server turns a shared answer into a second vendor call; a claim that lapses
 * while its fetch runs lets another replica fetch too. Both get seconds, not milliseconds.
 */
export const UNHURRIED_REDIS_ENV: Record<string, string> = {
  REDIS_TIMEOUT_MS: '10000',
  SIGNALS_STORE_CLAIM_TTL_MS: '30000',
};

/** The signal store as production runs it (default windows), for tests of the store. */
export const STORE_ON_ENV: Record<string, string> = {
  // Store tests count vendor calls exactly.
  ...UNHURRIED_ATTEMPTS_ENV,
  CREDEAU_INSIGHTS_CACHE_TTL_MS: '900000',
  FINBOX_CACHE_TTL_MS: '900000',
  CREDOLAB_CACHE_TTL_MS: '3600000',
  NEUROID_CACHE_TTL_MS: '30000',
};

export interface GraphQLResponse {
  data?: Record<string, any> | null; // eslint-disable-line @typescript-eslint/no-explicit-any
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
  extensions?: Record<string, unknown>;
}

export interface TestSubgraph {
  url: string;
  config: Config;
  simulators: Simulators;
  server: RunningSubgraph;
  /** The whole process as createSubgraph built it (the same composition as `npm start`). */
  subgraph: Subgraph;
  /** The process's metrics registry: every `signals_*` family `npm start` serves on /metrics. */
  registry: Registry;
  /** The process's /metrics, on a free port of 127.0.0.1. */
  metricsUrl: string;
  /** The process's signal store (memory, and the test's Redis when REDIS_URL is given). */
  store: SignalStore;
  /** Every store lookup, as the metrics see them. */
  storeEvents: StoreEvents;
  /** Every log line the server wrote, as raw JSON text. */
  logs: string[];
  query(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GraphQLResponse>;
  stop(): Promise<void>;
}

export interface TestSubgraphOptions {
  /** The vendors served; default the registry's. test/vendors/sixth-vendor.test.ts adds a fixture vendor. */
  vendors?: VendorSet;
  /** Simulators of vendors outside the registry, by their key (the registry's are started here). */
  simulators?: Record<string, SimulatorServer>;
}

/**
 * The whole subgraph on real sockets, composed by createSubgraph as `npm start` composes it: simulators on
 * port 0, the server and /metrics on port 0, logs captured.
 * `env` overrides FAST_ENV; credentials stay unset so every vendor runs against its simulator. Pass a
 * function to point a vendor at a simulator in live mode (e.g. with wrong credentials).
 */
export async function startTestSubgraph(
  env: Record<string, string> | ((simulators: Simulators) => Record<string, string>) = {},
  options: TestSubgraphOptions = {},
): Promise<TestSubgraph> {
  const simulators = await startSimulators();
  const overrides = typeof env === 'function' ? env(simulators) : env;
  const vendors = options.vendors ?? VENDORS;
  // A handed-in vendor's section is not in the registry's Config type; the process reads it by the vendor's key.
  const config = loadConfigFor(vendors, { ...FAST_ENV, ...overrides }) as unknown as Config;
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  // The composition `npm start` runs (its logger and redaction included); only the simulators, the
  // listeners, the log destination and, for a fixture vendor, the vendors differ.
  const subgraph = await createSubgraph(config, {
    simulators: { ...simulators, ...options.simulators } as Simulators,
    logDestination: sink,
    vendors,
    listen: { port: 0, host: '127.0.0.1' },
    metrics: { port: 0, host: '127.0.0.1' },
  });
  const { server, metricsUrl } = subgraph;
  if (!metricsUrl) throw new Error('createSubgraph was given a metrics listener but started none');

  return {
    url: server.url,
    config,
    simulators,
    server,
    subgraph,
    registry: subgraph.registry,
    metricsUrl,
    store: subgraph.store,
    storeEvents: subgraph.storeEvents,
    logs,
    async query(query, variables, headers) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLResponse;
    },
    async stop() {
      await subgraph.stop();
      await stopSimulators(simulators);
    },
  };
}

/** The error on one field path, e.g. errorAt(res, ['_entities', 1, 'deviceInsights']). */
export function errorAt(response: GraphQLResponse, path: Array<string | number>) {
  return response.errors?.find((error) => JSON.stringify(error.path) === JSON.stringify(path));
}
