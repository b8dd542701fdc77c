import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context';

/** Releases each operation's deadline timer as soon as its response is ready. */
export function operationDeadlinePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue }) {
          contextValue.deadline.dispose();
        },
      };
    },
  };
}
