import type { GraphQLSchema } from 'graphql';
import type { Accountability } from './accountability/accountability';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Config } from './subgraph-config';
import { createContextFactory, type RequestContext } from './context';
import { createGraphiqlRouter } from './graphiql/graphiql.router';
import { createHttpServer } from './http-server';
import type { Logger } from './logger';
import { countVendorCallsPerOperation, operationScopeMiddleware } from './observability/operation-scope';
import { cacheHintsPlugin } from './plugins/cache-hints.plugin';
import { demandControlPlugin, MAX_QUERY_TOKENS } from './demand-control/demand-control.plugin';
import { responseSizePlugin } from './demand-control/response-size.plugin';
import { maskUnexpectedErrors } from './plugins/mask-errors';
import { operationDeadlinePlugin } from './plugins/operation-deadline.plugin';
import { operationLogPlugin } from './plugins/operation-log.plugin';
import { refusalStatusPlugin } from './plugins/refusal-status.plugin';
import { servedOperationTypesRule } from './plugins/served-operation-types.rule';
import { graphqlGate } from './security/graphql-gate';
import { bodyParserErrors, unexpectedHttpErrors } from './security/request-body-guard';
import { variableDepthGuard } from './security/variable-depth-guard';
import { buildCustomerSignalsSchema } from './schema';
import type { SharedRedis } from './store/shared-redis';
import type { OpenedVendors } from './vendor-connections';
import { abortAllVendorWork } from './datasources/http/deadline';
import { trackHttpDrain } from './http-drain';

/** Once vendor work is aborted, how long closing the vendor pools may take before stop() returns. */
const VENDOR_CLOSE_GRACE_MS = 500;
/**
 * Once vendor work is aborted, how long the operations still in flight may take to write their coded
 * errors before their sockets are closed anyway. Aborted work fails at once, so this is rarely waited.
 */
const ANSWER_GRACE_MS = 500;

export interface RunningSubgraph {
  /** e.g. http://127.0.0.1:4001 */
  url: string;
  httpServer: Server;
  apollo: ApolloServer<RequestContext>;
  /**
   * Graceful stop: readiness 503 at once; the listener closes after SHUTDOWN_READINESS_DELAY_MS;
   * in-flight operations get SHUTDOWN_TIMEOUT_MS; then all outstanding vendor work is aborted, the
   * operations still in flight write their coded errors, and only then are sockets closed and the
   * vendor connections closed (at most one more second in all).
   */
  stop(): Promise<void>;
}

export interface SubgraphServerOptions {
  config: Config;
  /** Already open; stop() closes them. */
  vendors: OpenedVendors;
  logger: Logger;
  /** Default PORT and HOST. */
  listen?: { port: number; host: string };
  /** The process's operation metrics and tracing plugins. */
  observers?: ReadonlyArray<ApolloServerPlugin<RequestContext>>;
  /** Its state is reported by the readiness probe. */
  redis?: Pick<SharedRedis, 'state'>;
  /** Evidence reads, the access log and erasure; the ledger's health is reported by the readiness probe. */
  accountability: Accountability & { ledgerHealth(): 'up' | 'down' | 'disabled' };
  /** Plugins that need the served schema (the access log, cache tags). */
  schemaPlugins?: ReadonlyArray<(schema: GraphQLSchema) => ApolloServerPlugin<RequestContext>>;
}

/**
 * The HTTP face of the subgraph: GraphQL at /graphql (POST, and GET for queries under Apollo's CSRF
 * rules), the two health probes and, when enabled, GraphiQL (src/graphiql/). Vendors must already be
 * open; stop() closes them. src/subgraph.ts composes it with everything else.
 */
export async function startSubgraphServer(options: SubgraphServerOptions): Promise<RunningSubgraph> {
  const { config, vendors, logger, observers = [], redis, accountability, schemaPlugins = [] } = options;
  const schema = await buildCustomerSignalsSchema(vendors.modules);
  const listen = options.listen ?? { port: config.server.port, host: config.server.host };
  const app = express();
  app.disable('x-powered-by');
  const httpServer = createHttpServer(config.server.connections, app);
  const drain = trackHttpDrain(httpServer);
  let accepting = true;

  const apollo = new ApolloServer<RequestContext>({
    schema,
    logger,
    // Off in production unless INTROSPECTION_ENABLED: neither introspection nor "Did you mean" suggestions
    // map the schema for a stranger. `_service { sdl }` is an ordinary field and keeps serving routers and rover.
    introspection: config.security.introspectionEnabled,
    hideSchemaDetailsFromClientErrors: !config.security.introspectionEnabled,
    parseOptions: { maxTokens: MAX_QUERY_TOKENS },
    // No Mutation or Subscription type: such an operation is a validation error, not an execution failure.
    validationRules: [servedOperationTypesRule],
    includeStacktraceInErrorResponses: false,
    // index.ts owns SIGTERM/SIGINT: Apollo's own handler would re-raise the signal and skip vendor cleanup.
    stopOnTerminationSignals: false,
    formatError: maskUnexpectedErrors(logger),
    plugins: [
      // Apollo's landing page loads from a CDN; GraphiQL is served from node_modules below instead.
      ApolloServerPluginLandingPageDisabled(),
      // Refusals are 200 under application/json (what gateways send), 4xx under graphql-response+json.
      refusalStatusPlugin(),
      operationDeadlinePlugin(),
      demandControlPlugin({
        maxOperationDepth: config.server.maxOperationDepth,
        maxEntitiesPerOperation: config.server.maxEntitiesPerOperation,
        maxVendorCallsPerOperation: config.governance.maxVendorCallsPerOperation,
        maxEstimatedResponseItems: config.governance.maxEstimatedResponseItems,
      }),
      // Before the cache-control plugin: a replaced, too large answer is an error and is never cached.
      responseSizePlugin(config.server.maxResponseBytes, logger),
      ...observers,
      ...schemaPlugins.map((plugin) => plugin(schema)),
      operationLogPlugin(logger),
      // Cache-Control from the store's remaining freshness (no @cacheControl in the SDL: hints are dynamic).
      // Apollo runs willResolveField hooks in reverse order: the structural hints must come first here.
      cacheHintsPlugin(),
      // 'if-cacheable': only a cacheable answer gets a header here; every other keeps the gate's UNCACHEABLE.
      ApolloServerPluginCacheControl({ defaultMaxAge: 0, calculateHttpHeaders: 'if-cacheable' }),
    ],
  });
  await apollo.start();
  countVendorCallsPerOperation(vendors.events);

  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', (_req, res) => {
    // Redis state is reported, never a reason to refuse traffic: the store is an accelerator.
    // So is the evidence ledger's: answers go on without it (their evidenceId errors), and operators see why.
    const dependencies = { ...(redis ? { redis: redis.state } : {}), evidence: accountability.ledgerHealth() };
    if (accepting) res.json({ status: 'ready', ...dependencies });
    else res.status(503).json({ status: 'shutting down', ...dependencies });
  });
  // Before the GraphQL middleware: a browser's GET /graphql must reach the IDE, not Apollo.
  if (config.server.graphiqlEnabled) app.use(createGraphiqlRouter({ graphqlPath: '/graphql', logger }));
  const gate = graphqlGate(config.security, logger);
  const createContext = createContextFactory(vendors.connections, config.server.operationTimeoutMs, accountability, vendors.modules);
  app.use(
    '/graphql',
    ...gate.before,
    express.json({ limit: config.server.maxRequestBytes }),
    bodyParserErrors(),
    variableDepthGuard(config.server.maxVariableDepth),
    // After the body parser (see operationScopeMiddleware): vendor events find their operation here.
    operationScopeMiddleware(),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => ({ ...(await createContext({ req, res })), principal: gate.principalFrom(res) }),
    }),
  );
  app.use(unexpectedHttpErrors(logger));

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
        drain.stopAccepting();
        const drained = await drain.settled(config.server.shutdownTimeoutMs);
        // Whatever is still running (a hung vendor's retries, polls, shared flights) stops now, and the
        // operations waiting on it answer with their coded errors before any socket is closed.
        abortAllVendorWork();
        if (!drained) {
          logger.info('shutting down: vendor work aborted, in-flight operations answering');
          await drain.settled(ANSWER_GRACE_MS);
        }
        drain.closeAll();
        await apollo.stop();
        await Promise.race([vendors.close(), new Promise((resolve) => setTimeout(resolve, VENDOR_CLOSE_GRACE_MS).unref())]);
        logger.info('shut down');
      })();
      return stopping;
    },
  };
}
