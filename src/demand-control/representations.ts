import { Kind, valueFromASTUntyped, type FieldNode } from 'graphql';

/** Longest customer id a representation may carry (each vendor then applies its own, stricter id rule). */
export const MAX_REPRESENTATION_ID_LENGTH = 128;

/**
 * The representations of one `_entities` occurrence: a literal list or a variable's (coerced) value. A
 * single value counts as one, as input coercion would make it.
 */
export function representationsOf(field: FieldNode, variables: Record<string, unknown>): unknown[] {
  const argument = field.arguments?.find((arg) => arg.name.value === 'representations');
  if (!argument) return [];
  const value = argument.value.kind === Kind.VARIABLE ? variables[argument.value.name.value] : valueFromASTUntyped(argument.value, variables);
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Why a representation is not `{ __typename: "Customer", id: <1-128 character string> }`, or undefined.
 * Without this a missing id reached vendors as the customer "undefined", an object id as "[object Object]",
 * and a foreign __typename surfaced as a masked INTERNAL_SERVER_ERROR. Names the problem, never the content.
 */
export function representationProblem(representation: unknown): string | undefined {
  if (typeof representation !== 'object' || representation === null || Array.isArray(representation)) return 'must be an object';
  const { __typename, id } = representation as { __typename?: unknown; id?: unknown };
  if (__typename !== 'Customer') return '__typename must be "Customer", the only entity this subgraph resolves';
  if (typeof id !== 'string') return 'id must be a string';
  if (id.trim() === '' || id.length > MAX_REPRESENTATION_ID_LENGTH) return `id must be 1-${MAX_REPRESENTATION_ID_LENGTH} characters, not blank`;
  return undefined;
}
