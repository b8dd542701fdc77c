import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from '../logger';
import { sendGraphQLError } from './graphql-error-response';

/**
 * A POST to /graphql must be JSON (GraphQL over HTTP): anything else is 415 before the body is read.
 * `text/plain` and form bodies are what a cross-site page can send without a preflight, so they are
 * refused outright rather than left to Apollo's CSRF check.
 */
export function requireJsonBody(): RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST' || req.is('application/json')) {
      next();
      return;
    }
    sendGraphQLError(res, 415, 'BAD_REQUEST', 'POST requests must have content-type application/json');
  };
}

/**
 * Express's body parser fails with an HTML page carrying a stack trace and absolute paths outside
 * production. This answers its failures (malformed JSON 400, over MAX_REQUEST_BYTES 413, unsupported
 * charset or encoding 415) as GraphQL JSON errors instead, in every environment.
 */
export function bodyParserErrors(): ErrorRequestHandler {
  return (error: { type?: string; status?: number }, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    switch (error.type) {
      case 'entity.parse.failed':
        sendGraphQLError(res, 400, 'BAD_REQUEST', 'The request body is not valid JSON');
        return;
      case 'entity.too.large':
        sendGraphQLError(res, 413, 'BAD_REQUEST', 'The request body is larger than this server accepts');
        return;
      case 'charset.unsupported':
      case 'encoding.unsupported':
        sendGraphQLError(res, 415, 'BAD_REQUEST', 'The request body must be utf-8 JSON, uncompressed or gzip/deflate');
        return;
      default:
        next(error);
    }
  };
}

/** Last handler of the app: whatever else went wrong is a 500 in JSON, logged by name only. */
export function unexpectedHttpErrors(logger: Logger): ErrorRequestHandler {
  return (error: { name?: string; status?: number }, _req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ errorName: error.name }, 'unexpected HTTP error');
    sendGraphQLError(res, status, status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', status === 500 ? 'Internal server error' : 'Bad request');
  };
}
