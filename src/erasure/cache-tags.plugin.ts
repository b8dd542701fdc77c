import type { ApolloServerPlugin } from '@apollo/server';
import { valueFromASTUntyped, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql';
import { fieldsThroughFragments, fragmentsOf } from '../demand-control/fragments';
import { representationsOf } from '../demand-control/representations';
import type { CustomerCacheTags } from './customer-cache-tags';

/** The root field that answers one customer by id (src/resolvers/customer.resolver.ts). */
const CUSTOMER_ROOT_FIELD = 'customerSignals';
const ENTITIES_FIELD = '_entities';

/**
 * Tags every answer with its customer's cache tag, so an erasure can make Apollo Router's response cache
 * drop it (RouterInvalidation). The router reads two response extensions:
 * - `apolloEntityCacheTags` for `_entities`: one inner array per representation, in order (the router
 *   caches each entity on its own): `[tag]` for a `Customer`, `[]` for anything else;
 * - `apolloCacheTags` for root fields (the whole root answer is one entry): every `customerSignals(id:)`'s tag.
 * What must stay true: tags are keyed hashes (CustomerCacheTags), never ids; the pass reads the top-level
 * selection only (fields, inline fragments, fragment spreads), never walks the whole operation; entity
 * tags are added only when the `_entities` answer lines up with its representations, since a shifted
 * array would file one customer's entity under another's tag.
 */
export function cacheTagsPlugin(tags: CustomerCacheTags): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operation, document, request }) {
          if (response.body.kind !== 'single' || !operation || !document || operation.operation !== 'query') return;
          const result = response.body.singleResult;
          const variables = request.variables ?? {};
          const data = result.data as Record<string, unknown> | null | undefined;
          const rootTags = new Set<string>();
          let entityTags: string[][] | undefined;
          for (const field of topLevelFields(operation, document)) {
            const responseKey = field.alias?.value ?? field.name.value;
            if (field.name.value === CUSTOMER_ROOT_FIELD) {
              const id = customerIdOf(field, variables);
              if (id !== undefined) rootTags.add(tags.tagFor(id));
            } else if (field.name.value === ENTITIES_FIELD && entityTags === undefined) {
              const representations = representationsOf(field, variables);
              const entities = data?.[responseKey];
              if (Array.isArray(entities) && entities.length === representations.length) {
                entityTags = representations.map((representation) => entityTagsOf(tags, representation));
              }
            }
          }
          if (entityTags === undefined && rootTags.size === 0) return;
          result.extensions = {
            ...result.extensions,
            ...(entityTags ? { apolloEntityCacheTags: entityTags } : {}),
            ...(rootTags.size > 0 ? { apolloCacheTags: [...rootTags] } : {}),
          };
        },
      };
    },
  };
}

function entityTagsOf(tags: CustomerCacheTags, representation: unknown): string[] {
  if (typeof representation !== 'object' || representation === null) return [];
  const { __typename, id } = representation as { __typename?: unknown; id?: unknown };
  return __typename === 'Customer' && typeof id === 'string' ? [tags.tagFor(id)] : [];
}

/** The `id` argument as the resolver receives it (an ID: a string, or an integer coerced to one). */
function customerIdOf(field: FieldNode, variables: Record<string, unknown>): string | undefined {
  const argument = field.arguments?.find((arg) => arg.name.value === 'id');
  if (!argument) return undefined;
  const value = valueFromASTUntyped(argument.value, variables);
  return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value)) ? String(value) : undefined;
}

/** The fields of the operation's top level, through inline fragments and fragment spreads (each once). */
function topLevelFields(operation: OperationDefinitionNode, document: DocumentNode): FieldNode[] {
  return fieldsThroughFragments(operation.selectionSet, fragmentsOf(document));
}
