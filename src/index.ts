import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { ConfigError, loadConfig, type Config } from './subgraph-config';
import { flushLogs } from './flush-logs';
import { createLogger } from './logger';
import { createSubgraph } from './subgraph';
import { VENDOR_SECRET_HEADERS } from './vendors/registry';
import { serviceVersion } from './observability/service-version';

/** How long the last log lines may take to reach stdout before the process exits without them. */
const LAST_LOGS_FLUSH_MS = 200;

/** Bootstrap only: config, logger, the composition root (src/subgraph.ts), signals. */
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
  const logger = createLogger(config.server.logLevel, VENDOR_SECRET_HEADERS);
  process.on('unhandledRejection', (reason) => {
    // A stray rejection must not take every customer's requests down with it; log it by name only.
    logger.error({ errorName: (reason as Error)?.name }, 'unhandled promise rejection');
  });

  const subgraph = await createSubgraph(config, { logger });
  const bound = subgraph.httpServer.address() as AddressInfo;
  logger.info(
    {
      url: `${subgraph.url}/graphql`,
      version: serviceVersion(),
      address: { address: bound.address, port: bound.port, family: bound.family },
      simulated: subgraph.simulated,
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
      // The drain, metrics, tracing and Redis, in that order (src/subgraph.ts).
      subgraph.stop().then(
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
  return createLogger('info', VENDOR_SECRET_HEADERS, pino.destination({ dest: 2, sync: true }));
}

main().catch((error: unknown) => {
  const { name, code, message } = (error ?? {}) as { name?: string; code?: string; message?: string };
  startupLogger().fatal({ errorName: name, code, error: message ?? String(error) }, 'customer-signals-subgraph failed to start');
  process.exit(1);
});
