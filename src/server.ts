import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Config } from './config';
import { createContextFactory, type RequestContext } from './context';
import { createGraphiqlRouter } from './graphiql/graphiql.router';
import type { Logger } from './logger';
import { costLimitPlugin, MAX_QUERY_TOKENS } from './plugins/cost-limit.plugin';
import { entityLimitPlugin } from './plugins/entity-limit.plugin';
import { maskUnexpectedErrors } from './plugins/mask-errors';
import { operationDeadlinePlugin } from './plugins/operation-deadline.plugin';
import { operationLogPlugin } from './plugins/operation-log.plugin';
import { buildCustomerSignalsSchema } from './schema';
import type { OpenedVendors } from './vendor-connections';
import { abortAllVendorWork } from './datasources/http/deadline';

/** Once vendor work is aborted, how long closing the vendor pools may take before stop() returns. */
const VENDOR_CLOSE_GRACE_MS = 500;

export interface RunningSubgraph {
  /** e.g. http://127.0.0.1:4001 */
  url: string;
  httpServer: Server;
  apollo: ApolloServer<RequestContext>;
  /**
   * Graceful stop: readiness 503 at once; the listener closes after SHUTDOWN_READINESS_DELAY_MS;
   * in-flight operations get SHUTDOWN_TIMEOUT_MS; then all outstanding vendor work is aborted and the
   * vendor connections close (at most one more second).
   */
  stop(): Promise<void>;
}

/**
 * The HTTP face of the subgraph: GraphQL at /graphql (POST, and GET for queries under Apollo's CSRF
 * rules), the two health probes and, when enabled, GraphiQL (src/graphiql/). Vendors must already be
 * open; stop() closes them.
 */
export async function startSubgraphServer(
  config: Config,
  vendors: OpenedVendors,
  logger: Logger,
  listen: { port: number; host: string } = { port: config.server.port, host: config.server.host },
): Promise<RunningSubgraph> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createServer(app);
  let accepting = true;

  const apollo = new ApolloServer<RequestContext>({
    schema: await buildCustomerSignalsSchema(),
    logger,
    introspection: true,
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    includeStacktraceInErrorResponses: false,
    // index.ts owns SIGTERM/SIGINT: Apollo's own handler would re-raise the signal and skip vendor cleanup.
    stopOnTerminationSignals: false,
    formatError: maskUnexpectedErrors(logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.server.shutdownTimeoutMs }),
      // Apollo's landing page loads from a CDN; GraphiQL is served from node_modules below instead.
      ApolloServerPluginLandingPageDisabled(),
      operationDeadlinePlugin(),
      entityLimitPlugin(config.server.maxEntitiesPerOperation),
      costLimitPlugin(config.governance),
      operationLogPlugin(logger),
    ],
  });
  await apollo.start();

  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', (_req, res) => {
    if (accepting) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'shutting down' });
  });
  // Before the GraphQL middleware: a browser's GET /graphql must reach the IDE, not Apollo.
  if (config.server.graphiqlEnabled) app.use(createGraphiqlRouter({ graphqlPath: '/graphql', logger }));
  app.use(
    '/graphql',
    express.json({ limit: config.server.maxRequestBytes }),
    expressMiddleware(apollo, {
      context: createContextFactory(vendors.connections, config.server.operationTimeoutMs),
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(listen.port, listen.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  const host = listen.host === '0.0.0.0' || listen.host === '::' ? '127.0.0.1' : listen.host;

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    httpServer,
    apollo,
    stop() {
      stopping ??= (async () => {
        accepting = false;
        const { shutdownReadinessDelayMs } = config.governance;
        logger.info({ readinessDelayMs: shutdownReadinessDelayMs }, 'shutting down: readiness now 503');
        // Still serving while the load balancer notices the failing readiness probe.
        if (shutdownReadinessDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, shutdownReadinessDelayMs));
        logger.info('shutting down: listener closed, draining in-flight operations');
        await apollo.stop();
        // Whatever is still running (a hung vendor's retries, polls, shared flights) stops now.
        abortAllVendorWork();
        await Promise.race([vendors.close(), new Promise((resolve) => setTimeout(resolve, VENDOR_CLOSE_GRACE_MS).unref())]);
        logger.info('shut down');
      })();
      return stopping;
    },
  };
}
