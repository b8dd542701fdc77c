import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { Logger } from '../logger';
import { findOperationsDir, loadExampleOperations, type ExampleOperation } from './example-operations';
import { graphiqlAssets } from './graphiql-assets';
import { BOOT_SCRIPT } from './graphiql-boot-script';
import { GRAPHIQL_CONTENT_SECURITY_POLICY, PAGE_CSS, pageData, renderGraphiqlPage } from './graphiql-page';

export const GRAPHIQL_PATH = '/graphiql';
export const GRAPHIQL_ASSETS_PATH = `${GRAPHIQL_PATH}/assets`;

export interface GraphiqlRouterOptions {
  /** Where the GraphQL endpoint is mounted; a browser GET there asking for HTML gets the IDE too. */
  graphqlPath: string;
  logger: Logger;
  /** Example tabs; default: every file of the repo's operations/ folder, read once here. */
  examples?: ExampleOperation[];
}

/**
 * GraphiQL served entirely by this process (the IDE must work where no CDN is reachable):
 * `GET /graphiql`, `GET <graphqlPath>` from a browser that prefers HTML, and the assets under
 * /graphiql/assets. Mount it before the GraphQL middleware, and only when GraphiQL is enabled: when it
 * is not mounted, nothing of the IDE is reachable.
 */
export function createGraphiqlRouter(options: GraphiqlRouterOptions): Router {
  const examples = options.examples ?? repoExamples(options.logger);
  // Hash of the examples: a new namespace for the browser's stored tabs whenever they change.
  const namespace = `customer-signals:${createHash('sha256').update(JSON.stringify(examples)).digest('hex').slice(0, 12)}:`;
  const page = renderGraphiqlPage(GRAPHIQL_ASSETS_PATH, pageData(options.graphqlPath, examples, namespace));
  const files = new Map(graphiqlAssets().map((asset) => [asset.name, asset.path]));

  const sendPage = (_req: Request, res: Response) => {
    res
      .set({
        'Content-Security-Policy': GRAPHIQL_CONTENT_SECURITY_POLICY,
        'Cache-Control': 'no-cache',
        'Referrer-Policy': 'no-referrer',
        'X-Content-Type-Options': 'nosniff',
      })
      .type('html')
      .send(page);
  };

  const router = Router();
  router.get(GRAPHIQL_PATH, sendPage);
  router.get(options.graphqlPath, (req, res, next) => (prefersHtml(req) ? sendPage(req, res) : next()));
  router.get(`${GRAPHIQL_ASSETS_PATH}/boot.js`, (_req, res) => {
    res.set('X-Content-Type-Options', 'nosniff').type('text/javascript').send(BOOT_SCRIPT);
  });
  router.get(`${GRAPHIQL_ASSETS_PATH}/page.css`, (_req, res) => {
    res.set('X-Content-Type-Options', 'nosniff').type('text/css').send(PAGE_CSS);
  });
  router.get(`${GRAPHIQL_ASSETS_PATH}/:name`, (req, res, next) => {
    // Only the fixed list is served: the name never becomes part of a filesystem path.
    const path = files.get(String(req.params.name));
    if (!path) return next();
    res.sendFile(path, { headers: { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' } });
  });
  return router;
}

/**
 * A browser navigating to the endpoint (Accept: text/html,...) gets the IDE; API clients asking for
 * JSON, for graphql-response+json or for anything (`*\/*`) still reach GraphQL. The same rule as Apollo's
 * own landing page.
 */
export function prefersHtml(req: Request): boolean {
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

function repoExamples(logger: Logger): ExampleOperation[] {
  const dir = findOperationsDir();
  if (!dir) {
    logger.warn('GraphiQL: no operations/ folder beside the package; the IDE opens without example tabs');
    return [];
  }
  const examples = loadExampleOperations(dir, (file, reason) => logger.warn({ file, reason }, 'GraphiQL: example skipped'));
  logger.info({ examples: examples.length }, 'GraphiQL enabled at /graphiql');
  return examples;
}
