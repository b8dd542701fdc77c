import type { GraphQLRequestContextWillSendResponse } from '@apollo/server';

const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;

/**
 * The error codes of a finished operation, in order, without repeats: request-level errors (parse,
 * validation, cost) first, then the response's field errors. A code that is not an upper-case
 * identifier (never ours: masking turns unexpected errors into INTERNAL_SERVER_ERROR) is reported as
 * INTERNAL_SERVER_ERROR, so a log field or metric label can never carry request text.
 */
export function operationErrorCodes(ctx: GraphQLRequestContextWillSendResponse<object>): string[] {
  const codes = new Set<string>();
  const add = (code: unknown) => codes.add(typeof code === 'string' && CODE.test(code) ? code : 'INTERNAL_SERVER_ERROR');
  for (const error of ctx.errors ?? []) add(error.extensions?.code);
  if (ctx.response.body.kind === 'single') {
    for (const error of ctx.response.body.singleResult.errors ?? []) add(error.extensions?.code);
  }
  return [...codes];
}

/** `ok`, or the first error code: the outcome label of metrics and spans. */
export function operationOutcome(ctx: GraphQLRequestContextWillSendResponse<object>): string {
  return operationErrorCodes(ctx)[0] ?? 'ok';
}
