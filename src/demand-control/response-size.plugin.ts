import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context';
import type { Logger } from '../logger';
import { jsonExceeds } from './json-size';

/**
 * MAX_RESPONSE_BYTES, the backstop behind the cost estimate: an answer whose JSON would be larger is
 * replaced, before Apollo serializes it, by `RESPONSE_TOO_LARGE` with `data: null`, so the replica never
 * builds the huge string and keeps serving. Must come before the cache-control plugin in the plugin list:
 * the replaced answer is an error and must not be cached.
 */
export function responseSizePlugin(maxResponseBytes: number, logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operationName }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!jsonExceeds(result, maxResponseBytes)) return;
          logger.warn({ operationName, maxResponseBytes }, 'answer larger than MAX_RESPONSE_BYTES replaced by RESPONSE_TOO_LARGE');
          response.body.singleResult = {
            data: null,
            errors: [
              {
                message: `The answer would be larger than ${maxResponseBytes} bytes; ask for fewer fields, items or customers`,
                extensions: { code: 'RESPONSE_TOO_LARGE', retryable: false },
              },
            ],
          };
        },
      };
    },
  };
}
