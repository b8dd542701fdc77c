import 'reflect-metadata';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger } from './logger';
import { createMetricsRegistry } from './observability/metrics-registry';
import { startMetricsServer } from './observability/metrics-server';
import { registerVendorCallMetrics } from './observability/vendor-call-metrics';
import { startSubgraphServer } from './server';
import { VendorCallEvents } from './datasources/http/vendor-call-events';
import { openVendorConnections } from './vendor-connections';
import { SharedRedis } from './store/shared-redis';
import { GovernanceEvents } from './governance/vendor-guards';
import { registerGovernanceMetrics } from './observability/governance-metrics';
import { VENDORS } from './vendors/registry';

/** Bootstrap only: config, vendors, server, signals. */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
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
  // Budgets and breakers tell metrics about refusals and circuit states through this one fan-out.
  const governance = new GovernanceEvents();
  const vendors = await openVendorConnections(config, logger, {}, { events, redis, governance });
  const simulated = Object.keys(vendors.simulators);
  if (simulated.length > 0) {
    logger.warn({ simulatedVendors: simulated }, 'no credentials for these vendors: serving them from embedded simulators');
  }
  const server = await startSubgraphServer(config, vendors, logger);
  const registry = createMetricsRegistry();
  registerVendorCallMetrics(events, registry);
  registerGovernanceMetrics(governance, registry, VENDORS.map((vendor) => vendor.name));
  const { metricsPort, metricsHost } = config.observability;
  const metrics = metricsPort === 0 ? undefined : await startMetricsServer(registry, metricsPort, metricsHost);
  if (metrics) logger.info({ url: metrics.url }, 'metrics listening');
  logger.info({ url: `${server.url}/graphql`, production: config.server.production }, 'customer-signals-subgraph ready');

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'signal received');
      // Whatever hangs in the sequence below, the process is gone one second after its last step's budget.
      const { shutdownReadinessDelayMs } = config.governance;
      setTimeout(() => {
        logger.error('shutdown did not finish in time; exiting');
        process.exit(1);
      }, shutdownReadinessDelayMs + config.server.shutdownTimeoutMs + 1_000).unref();
      Promise.all([server.stop(), metrics?.close()])
        .then(() => redis?.close()).then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`customer-signals-subgraph failed to start: ${(error as Error)?.message ?? error}\n`);
  process.exit(1);
});
