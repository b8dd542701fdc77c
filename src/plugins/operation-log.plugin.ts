import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context';
import type { Logger } from '../logger';

const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;

/**
 * One `info` line per operation: its name, duration, error codes and the router's trace id (from
 * `traceparent`). Never variables, arguments or results: they hold customer ids and personal data.
 * `vendorCalls` is filled in once the process-wide vendor call events are attributed per operation.
 */
export function operationLogPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      const traceId = TRACEPARENT.exec(request.http?.headers.get('traceparent') ?? '')?.[1];
      return {
        async willSendResponse({ operationName, errors, response }) {
          const codes = new Set<string>();
          for (const error of errors ?? []) codes.add(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          if (response.body.kind === 'single') {
            for (const error of response.body.singleResult.errors ?? []) codes.add(String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          }
          logger.info(
            { operationName: operationName ?? null, ms: Math.round(performance.now() - started), errorCodes: [...codes], traceId },
            'operation',
          );
        },
      };
    },
  };
}
