import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context';
import type { Logger } from '../logger';
import { operationErrorCodes } from '../observability/operation-outcome';
import { currentOperation } from '../observability/operation-scope';

const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-[\da-f]{16}-[\da-f]{2}$/;

/**
 * One `info` line per operation: its name, duration, the vendor HTTP attempts it made (`vendorCalls`:
 * retries and polls count, so it is the load this operation put on the vendors), error codes and the
 * router's trace id (from `traceparent`). Never variables, arguments or results: they hold customer ids
 * and personal data.
 */
export function operationLogPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      const scope = currentOperation();
      const traceId = TRACEPARENT.exec(request.http?.headers.get('traceparent') ?? '')?.[1];
      return {
        async willSendResponse(ctx) {
          logger.info(
            {
              operationName: ctx.operationName ?? null,
              ms: Math.round(performance.now() - started),
              vendorCalls: scope?.vendorCalls ?? 0,
              errorCodes: operationErrorCodes(ctx),
              traceId,
            },
            'operation',
          );
        },
      };
    },
  };
}
