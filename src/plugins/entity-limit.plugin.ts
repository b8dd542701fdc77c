import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import type { RequestContext } from '../context';

/**
 * Refuses an `_entities` call with more representations than MAX_ENTITIES_PER_OPERATION before any
 * resolver runs: each representation can cost one call per selected vendor.
 */
export function entityLimitPlugin(maxEntities: number): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request }) {
          if (!operation) return;
          const count = countRepresentations(operation, request.variables ?? {});
          if (count > maxEntities) {
            throw new GraphQLError(
              `_entities accepts at most ${maxEntities} representations per operation (got ${count})`,
              { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}

function countRepresentations(operation: OperationDefinitionNode, variables: Record<string, unknown>): number {
  let total = 0;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.name.value !== '_entities') continue;
    const argument = selection.arguments?.find((arg) => arg.name.value === 'representations');
    if (!argument) continue;
    if (argument.value.kind === Kind.LIST) total += argument.value.values.length;
    if (argument.value.kind === Kind.VARIABLE) {
      const value = variables[argument.value.name.value];
      if (Array.isArray(value)) total += value.length;
    }
  }
  return total;
}
