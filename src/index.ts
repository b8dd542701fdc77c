import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { ConfigError, loadConfig, type Config } from './subgraph-config';
import { flushLogs } from './flush-logs';
import { createLogger } from './logger';
import { graphqlOperationMetricsPlugin } from './observability/graphql-operation-metrics';
import { createMetricsRegistry } from './observability/metrics-registry';
import { startMetricsServer } from './observability/metrics-server';
import { knownOperationNames } from './observability/operation-names';
import { serviceVersion } from './observability/service-version';
import { startTracing } from './observability/tracing';
import { registerVendorCallMetrics } from './observability/vendor-call-metrics';
import { registerStoreMetrics } from './observability/store-metrics';
import { startSubgraphServer } from './server';
import { VendorCallEvents } from './datasources/http/vendor-call-events';
import { openSignalStore, openVendorConnections } from './vendor-connections';
import { StoreEvents } from './store/store-events';
import { SharedRedis } from './store/shared-redis';
import { GovernanceEvents } from './governance/vendor-guards';
import { registerGovernanceMetrics } from './observability/governance-metrics';
import { VENDORS } from './vendors/registry';

/** How long the last log lines may take to reach stdout before the process exits without them. */
const LAST_LOGS_FLUSH_MS = 200;

/** Bootstrap only: config, vendors, server, signals. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      startupLogger().fatal({ problems: error.problems }, 'invalid configuration');
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.server.logLevel);
  process.on('unhandledRejection', (reason) => {
    // A stray rejection must not take every customer's requests down with it; log it by name only.
    logger.error({ errorName: (reason as Error)?.name }, 'unhandled promise rejection');
  });

  // One fan-out of vendor call events for the process: metrics and tracing subscribe to it.
  const events = new VendorCallEvents();
  // One Redis client for the process, shared by the store, the rate budgets and the Credolab token.
  const redis = config.redis ? SharedRedis.open(config.redis, logger) : undefined;
  // One signal store for the process: memory, and Redis when configured; lookups fan out like calls.
  const storeEvents = new StoreEvents();
  const store = openSignalStore(config, redis, storeEvents);
  logger.info(`store: ${store.mode === 'memory only' ? 'memory only (no REDIS_URL)' : 'memory + redis'}`);
  // Budgets and breakers tell metrics about refusals and circuit states through this one fan-out.
  const governance = new GovernanceEvents();
  const vendors = await openVendorConnections(config, logger, {}, { events, redis, store, governance });
  const simulated = Object.keys(vendors.simulators);
  if (simulated.length > 0) {
    logger.warn({ simulatedVendors: simulated }, 'no credentials for these vendors: serving them from embedded simulators');
  }
  const registry = createMetricsRegistry();
  registerVendorCallMetrics(events, registry);
  registerGovernanceMetrics(governance, registry, VENDORS.map((vendor) => vendor.name));
  registerStoreMetrics(storeEvents, registry);
  const operationNames = knownOperationNames(config.observability.operationNames);
  // Undefined (and the OpenTelemetry SDK never loaded) unless an OTLP endpoint is configured.
  const tracing = await startTracing(config.observability, operationNames);
  tracing?.observe(events);
  // The store reports lookups as they end; the span starts durationMs before that.
  storeEvents.onLookup((lookup) => tracing?.recordStoreLookupSpan({ ...lookup, startedAt: Date.now() - lookup.durationMs }));
  // The origin only: a collector URL may carry a token in its path or query.
  if (tracing) logger.info({ tracesOrigin: new URL(config.observability.tracesUrl ?? '').origin }, 'exporting traces');
  const server = await startSubgraphServer(
    config,
    vendors,
    logger,
    undefined,
    [graphqlOperationMetricsPlugin(registry, operationNames), ...(tracing ? [tracing.plugin] : [])],
    redis,
  );
  const { metricsPort, metricsHost } = config.observability;
  const metrics = metricsPort === 0 ? undefined : await startMetricsServer(registry, metricsPort, metricsHost);
  if (metrics) logger.info({ url: metrics.url }, 'metrics listening');
  const bound = server.httpServer.address() as AddressInfo;
  logger.info(
    {
      url: `${server.url}/graphql`,
      version: serviceVersion(),
      address: { address: bound.address, port: bound.port, family: bound.family },
      simulated,
      production: config.server.production,
    },
    'customer-signals-subgraph ready',
  );

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'signal received');
      // Whatever hangs in the sequence below, the process is gone 1.5 s after its last step's budget (the
      // aborted operations' answers and the vendor pools' close get 0.5 s each, src/server.ts).
      const { shutdownReadinessDelayMs } = config.governance;
      // Neither exit waits on stdout: the destination registers no exit flush (src/log-destination.ts).
      setTimeout(() => {
        logger.error('shutdown did not finish in time; exiting');
        process.exit(1);
      }, shutdownReadinessDelayMs + config.server.shutdownTimeoutMs + 1_500).unref();
      const exit = (code: number) => flushLogs(logger, LAST_LOGS_FLUSH_MS).then(() => process.exit(code));
      Promise.all([server.stop(), metrics?.close()])
        // After the drain, so the spans of the operations it let finish are sent too.
        .then(() => tracing?.shutdown())
        .then(() => redis?.close()).then(
        () => exit(0),
        () => exit(1),
      );
    });
  }
}

/**
 * Start-up failures (before the configured logger exists, or instead of it) are pino JSON lines like
 * every other log line, so a log pipeline parses why a replica never came up; on stderr, where a
 * terminal and a container runtime both show a failing start. Synchronous, because process.exit follows.
 */
function startupLogger() {
  return createLogger('info', pino.destination({ dest: 2, sync: true }));
}

main().catch((error: unknown) => {
  const { name, code, message } = (error ?? {}) as { name?: string; code?: string; message?: string };
  startupLogger().fatal({ errorName: name, code, error: message ?? String(error) }, 'customer-signals-subgraph failed to start');
  process.exit(1);
});
