import type { ApolloServerPlugin } from '@apollo/server';
import { refusalStatus } from '../security/refusal-status';

/**
 * Applies `refusalStatus` to every answer of Apollo's request pipeline: any refusal that set a 4xx
 * status (graphql-js parse and validation, variable coercion, and every plugin that throws a GraphQLError
 * with `extensions.http.status` 4xx) becomes 200 unless the client accepts
 * `application/graphql-response+json`. Generic on purpose: a new refusal needs no entry here.
 */
export function refusalStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response }) {
          const { status } = response.http;
          if (status !== undefined) response.http.status = refusalStatus(status, request.http?.headers.get('accept'));
        },
      };
    },
  };
}
