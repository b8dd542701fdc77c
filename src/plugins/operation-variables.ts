import { getVariableValues, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/**
 * The operation's variables as execution will see them: coerced, with each variable's default value
 * filled in. Limits and checks that read variables must use these, or a default value (say, 10,000
 * representations in `$reps: [_Any!]! = [...]`) would slip past them. Variables that do not coerce fail
 * execution on their own; the raw values are returned for those.
 */
export function operationVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  raw: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], raw ?? {});
  return coerced.errors ? (raw ?? {}) : coerced.coerced;
}
