import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * Validation rule: an operation whose root type the schema does not define (this subgraph has no Mutation
 * and no Subscription) is invalid. graphql-js 16 validates such a document (its fields have no parent type
 * to check against) and only fails at execution with an uncoded error, which was masked as an
 * INTERNAL_SERVER_ERROR with an error-level log line. As a validation error it is an ordinary
 * GRAPHQL_VALIDATION_FAILED refusal, before any plugin analyses the operation.
 */
export const servedOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    if (context.getSchema().getRootType(node.operation)) return;
    context.reportError(new GraphQLError(`This subgraph serves no ${node.operation} operations`, { nodes: node }));
  },
});
