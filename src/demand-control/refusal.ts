import { GraphQLError } from 'graphql';

/**
 * A demand-control refusal: coded, `retryable: false` (the same operation is refused again), HTTP 400
 * until the status is chosen by the caller's Accept header.
 */
export function refusal(code: string, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, retryable: false, http: { status: 400 }, ...extensions } });
}
