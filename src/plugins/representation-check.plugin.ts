import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, valueFromASTUntyped, type FieldNode } from 'graphql';
import type { RequestContext } from '../context';
import { operationVariables } from './operation-variables';
import { walkEntitiesFields } from './entity-limit.plugin';

/** Longest customer id a representation may carry (each vendor then applies its own, stricter id rule). */
export const MAX_REPRESENTATION_ID_LENGTH = 128;

/**
 * Refuses, before any resolver runs, an `_entities` representation that is not
 * `{ __typename: "Customer", id: <1-128 character string> }`. Without it a missing id reached vendors as
 * the customer "undefined", an object id as "[object Object]", and a foreign __typename surfaced as a masked
 * INTERNAL_SERVER_ERROR. The message names the representation's position, never its content.
 */
export function representationCheckPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          // Coerced, so a variable's default value (an operation file's own representations) is checked too;
          // variables that do not coerce fail execution on their own.
          const variables = operationVariables(schema, operation, request.variables);
          const problems: string[] = [];
          walkEntitiesFields(operation, document, (field) => {
            representationsIn(field, variables).forEach((representation, index) => {
              const problem = problemOf(representation);
              if (problem) problems.push(`representation ${index}: ${problem}`);
            });
            return 0;
          });
          if (problems.length > 0) {
            throw new GraphQLError(`_entities: ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? `; and ${problems.length - 5} more` : ''}`, {
              extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

function representationsIn(field: FieldNode, variables: Record<string, unknown>): unknown[] {
  const argument = field.arguments?.find((arg) => arg.name.value === 'representations');
  if (!argument) return [];
  const value = argument.value.kind === Kind.VARIABLE ? variables[argument.value.name.value] : valueFromASTUntyped(argument.value, variables);
  return Array.isArray(value) ? value : [value];
}

function problemOf(representation: unknown): string | undefined {
  if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) return 'must be an object';
  const { __typename, id } = representation as { __typename?: unknown; id?: unknown };
  if (__typename !== 'Customer') return '__typename must be "Customer", the only entity this subgraph resolves';
  if (typeof id !== 'string') return 'id must be a string';
  if (id.trim() === '' || id.length > MAX_REPRESENTATION_ID_LENGTH) return `id must be 1-${MAX_REPRESENTATION_ID_LENGTH} characters, not blank`;
  return undefined;
}
