import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  type ArgumentNode,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { RequestContext } from '../context';
import { operationVariables } from './operation-variables';

/**
 * Refuses an operation with more `_entities` representations than MAX_ENTITIES_PER_OPERATION before any
 * resolver runs: each representation can cost one call per selected vendor. Representations are counted
 * wherever `_entities` appears, including inside `... on Query { }` and named fragments, and once per
 * occurrence (aliases included).
 */
export function entityLimitPlugin(maxEntities: number): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          const count = countRepresentations(operation, document, operationVariables(schema, operation, request.variables));
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

export function countRepresentations(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  variables: Record<string, unknown>,
): number {
  return walkEntitiesFields(operation, document, (field) => representationsOf(field.arguments, variables));
}

/**
 * Calls `measure` on every `_entities` field the operation selects (inline fragments and named fragments
 * included, each fragment walked once) and sums what it returns, counting a fragment once per spread.
 * The one walk behind both the entity limit and the representation check.
 */
export function walkEntitiesFields(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  measure: (field: FieldNode) => number,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  // A fragment spread several times counts each time; its count is memoised so nested spreads cannot make
  // the walk exponential, and `visiting` only stops cycles (already invalid GraphQL).
  const memo = new Map<string, number>();
  const visiting = new Set<string>();
  const walk = (selectionSet: SelectionSetNode): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '_entities') total += measure(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += walk(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        let count = memo.get(name);
        if (count === undefined) {
          visiting.add(name);
          count = walk(fragment.selectionSet);
          visiting.delete(name);
          memo.set(name, count);
        }
        total += count;
      }
    }
    return total;
  };
  return walk(operation.selectionSet);
}

function representationsOf(
  args: readonly ArgumentNode[] | undefined,
  variables: Record<string, unknown>,
): number {
  const argument = args?.find((arg) => arg.name.value === 'representations');
  if (!argument) return 0;
  if (argument.value.kind === Kind.LIST) return argument.value.values.length;
  if (argument.value.kind === Kind.VARIABLE) {
    const value = variables[argument.value.name.value];
    if (Array.isArray(value)) return value.length;
  }
  return 0;
}
