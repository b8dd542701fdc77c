import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '../logger';
import { BadUserInputError, ForbiddenError, VendorError, EvidenceUnavailableError } from '../errors';
import { withoutInputValues } from './redact-input-values';

/**
 * Apollo's own codes for errors about the request itself; their messages come from graphql-js and
 * name the query's own text (input values are removed by `withoutInputValues`), so they are safe to show.
 */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'COST_ESTIMATED_TOO_EXPENSIVE',
]);

/**
 * `formatError` for Apollo Server: our coded errors and refusals pass; anything else (a bug, an
 * unexpected exception that might quote a vendor body) is logged by name only and replaced by a generic
 * INTERNAL_SERVER_ERROR, so nothing unplanned ever reaches a client.
 *
 * A refusal is an error raised outside any resolver with one of the codes above or with
 * `extensions.http.status` 4xx (the convention of every plugin that refuses an operation). Refusals
 * say `retryable: false` (the same request will be refused again) and never quote an input value.
 */
export function maskUnexpectedErrors(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    if (original instanceof VendorError || original instanceof BadUserInputError || original instanceof ForbiddenError || original instanceof EvidenceUnavailableError) return withoutStacktrace(formatted);
    const code = formatted.extensions?.code;
    if (((typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) || hasClientErrorStatus(error)) && !isResolverError(error)) {
      return asRefusal(withoutStacktrace(formatted));
    }
    logger.error({ errorName: (original as Error)?.name, path: formatted.path }, 'unexpected error masked');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

/** A thrown error inside a resolver has a path; request errors (parse, validation, variables) do not. */
function isResolverError(error: unknown): boolean {
  const path = (error as { path?: unknown })?.path;
  return Array.isArray(path) && path.length > 0;
}

/** Apollo moves `extensions.http` out of the formatted error; the original still carries it. */
function hasClientErrorStatus(error: unknown): boolean {
  const status = (error as { extensions?: { http?: { status?: unknown } } })?.extensions?.http?.status;
  return typeof status === 'number' && status >= 400 && status <= 499;
}

function asRefusal(formatted: GraphQLFormattedError): GraphQLFormattedError {
  return {
    ...formatted,
    message: withoutInputValues(formatted.message),
    extensions: { ...formatted.extensions, retryable: formatted.extensions?.retryable ?? false },
  };
}

function withoutStacktrace(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions || !('stacktrace' in formatted.extensions)) return formatted;
  const { stacktrace: _dropped, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
