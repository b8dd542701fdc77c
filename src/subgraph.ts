import type { Server } from 'node:http';
import type { DestinationStream } from 'pino';
import type { Config } from './subgraph-config';
import { VendorCallEvents } from './datasources/http/vendor-call-events';
import { GovernanceEvents } from './governance/vendor-guards';
import { createLogger, type Logger } from './logger';
import { registerGovernanceMetrics } from './observability/governance-metrics';
import { graphqlOperationMetricsPlugin } from './observability/graphql-operation-metrics';
import { createMetricsRegistry, type Registry } from './observability/metrics-registry';
import { startMetricsServer } from './observability/metrics-server';
import { knownOperationNames } from './observability/operation-names';
import { registerStoreMetrics } from './observability/store-metrics';
import { startTracing } from './observability/tracing';
import { registerVendorCallMetrics } from './observability/vendor-call-metrics';
import { startSubgraphServer, type RunningSubgraph } from './server';
import { SharedRedis } from './store/shared-redis';
import type { SignalStore } from './store/signal-store';
import { StoreEvents } from './store/store-events';
import { openSignalStore, openVendorConnections, type OpenedVendors } from './vendor-connections';
import { secretHeadersOf, VENDORS, type VendorSet, type VendorSimulators } from './vendors/registry';
import { openAccountability, type OpenedAccountability } from './accountability/open-accountability';

export interface ListenAddress {
  port: number;
  host: string;
}

/**
 * What a caller other than `npm start` may replace, by name. Everything else is built from config
 * exactly as the shipped process builds it, so a test server runs what ships.
 */
export interface SubgraphOverrides {
  /** Simulators the caller started and wants to inspect; vendors without one still start their own. */
  simulators?: Partial<VendorSimulators>;
  /** Where GraphQL listens; default PORT and HOST. */
  listen?: ListenAddress;
  /** Where /metrics listens, or false for no listener (the registry is still filled); default METRICS_PORT (0: none). */
  metrics?: ListenAddress | false;
  /** Default: pino on stdout at LOG_LEVEL, redacting the served vendors' secret headers. */
  logger?: Logger;
  /** Where the default logger writes instead of stdout (tests read what the process logs). */
  logDestination?: DestinationStream;
  /**
   * The vendors to serve; default the registry's (src/vendors/registry.ts). `config` must have been
   * loaded for the same vendors (`loadConfigFor(vendors, env)`).
   */
  vendors?: VendorSet;
}

/** A running subgraph process: createSubgraph has started everything by the time it resolves. */
export interface Subgraph {
  /** The GraphQL server's origin, e.g. http://127.0.0.1:4001 (GraphQL is at `${url}/graphql`). */
  url: string;
  /** e.g. http://127.0.0.1:9464/metrics; undefined without a metrics listener. */
  metricsUrl?: string;
  httpServer: Server;
  server: RunningSubgraph;
  /** Every `signals_*` series of the process (and the default process metrics), whether or not it is served. */
  registry: Registry;
  config: Config;
  logger: Logger;
  vendors: OpenedVendors;
  /** The process's signal store (memory, and Redis when REDIS_URL is set). */
  store: SignalStore;
  /** Every store lookup, as the metrics and traces see them. */
  storeEvents: StoreEvents;
  /** The vendors served by a simulator (none with credentials configured). */
  simulated: string[];
  /** The evidence ledger (undefined with EVIDENCE_DISABLED=true), the erasure bus and the router's invalidation. */
  accountability: OpenedAccountability;
  /**
   * The graceful sequence of a SIGTERM: the server's drain (src/server.ts) and the metrics listener's
   * close together, then the tracing exporter (after the drain, so the spans of the operations it let
   * finish are sent too), then Redis. Idempotent.
   */
  stop(): Promise<void>;
}

/**
 * The one composition root: builds and starts the whole process (Redis, store, vendors, governance,
 * metrics, tracing, plugins, HTTP and metrics listeners) from config. `src/index.ts` calls it for
 * `npm start`, every in-process test through test/support/harness.ts.
 */
export async function createSubgraph(config: Config, overrides: SubgraphOverrides = {}): Promise<Subgraph> {
  const served = overrides.vendors ?? VENDORS;
  const logger = overrides.logger ?? createLogger(config.server.logLevel, secretHeadersOf(served), overrides.logDestination);
  // One fan-out of vendor call events for the process: metrics and tracing subscribe to it.
  const events = new VendorCallEvents();
  // One Redis client for the process, shared by the store, the rate budgets and the Credolab token.
  const redis = config.redis ? SharedRedis.open(config.redis, logger) : undefined;
  // One signal store for the process: memory, and Redis when configured; lookups fan out like calls.
  const storeEvents = new StoreEvents();
  const store = openSignalStore(config, redis, storeEvents);
  logger.info(`store: ${store.mode === 'memory only' ? 'memory only (no REDIS_URL)' : 'memory + redis'}`);
  const registry = createMetricsRegistry();
  // The evidence ledger, the access log and erasure: every vendor answer is stamped through the loader seam.
  const accountability = await openAccountability(config, { store, redis, registry, logger });
  // Budgets and breakers tell metrics about refusals and circuit states through this one fan-out.
  const governance = new GovernanceEvents();
  const vendors = await openVendorConnections(config, logger, overrides.simulators ?? {}, {
    events, redis, store, governance, evidence: accountability.evidence,
  }, served);
  const simulated = Object.keys(vendors.simulators);
  if (simulated.length > 0) {
    logger.warn({ simulatedVendors: simulated }, 'no credentials for these vendors: serving them from embedded simulators');
  }
  registerVendorCallMetrics(events, registry);
  registerGovernanceMetrics(governance, registry, served.map((vendor) => vendor.name));
  registerStoreMetrics(storeEvents, registry);
  const operationNames = knownOperationNames(config.observability.operationNames);
  // Undefined (and the OpenTelemetry SDK never loaded) unless an OTLP endpoint is configured.
  const tracing = await startTracing(config.observability, operationNames);
  tracing?.observe(events);
  // The store reports lookups as they end; the span starts durationMs before that.
  storeEvents.onLookup((lookup) => tracing?.recordStoreLookupSpan({ ...lookup, startedAt: Date.now() - lookup.durationMs }));
  // The origin only: a collector URL may carry a token in its path or query.
  if (tracing) logger.info({ tracesOrigin: new URL(config.observability.tracesUrl ?? '').origin }, 'exporting traces');
  const server = await startSubgraphServer({
    config,
    vendors,
    logger,
    listen: overrides.listen,
    observers: [graphqlOperationMetricsPlugin(registry, operationNames), ...(tracing ? [tracing.plugin] : [])],
    redis,
    accountability: accountability.services,
    schemaPlugins: accountability.schemaPlugins,
  });
  const metricsAt = metricsAddress(config, overrides.metrics);
  const metrics = metricsAt ? await startMetricsServer(registry, metricsAt.port, metricsAt.host) : undefined;
  if (metrics) logger.info({ url: metrics.url }, 'metrics listening');

  let stopping: Promise<void> | undefined;
  return {
    url: server.url,
    metricsUrl: metrics?.url,
    httpServer: server.httpServer,
    server,
    registry,
    config,
    logger,
    vendors,
    store,
    storeEvents,
    simulated,
    accountability,
    stop() {
      stopping ??= Promise.all([server.stop(), metrics?.close()])
        .then(async () => {
          await tracing?.shutdown();
          // After the drain: the access log of the last operations is flushed, then Redis goes.
          await accountability.close();
          await redis?.close();
        });
      return stopping;
    },
  };
}

/** METRICS_PORT 0 means no listener in production; an override's port 0 means any free port. */
function metricsAddress(config: Config, override: SubgraphOverrides['metrics']): ListenAddress | undefined {
  if (override !== undefined) return override === false ? undefined : override;
  const { metricsPort, metricsHost } = config.observability;
  return metricsPort === 0 ? undefined : { port: metricsPort, host: metricsHost };
}
