import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import { getVariableValues, GraphQLError, Kind, parse, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { RequestContext } from '../context';
import { analyseOperation, type OperationAnalysis } from './analyse-operation';
import { costModelOf } from './cost-model';
import { operationDepth } from './operation-depth';
import { refusal } from './refusal';

/**
 * Most tokens the parser reads before giving up (Apollo's `parseOptions.maxTokens`): a 1 MB query of
 * repeated fields is refused while parsing, before the depth limit, validation or the analysis.
 */
export const MAX_QUERY_TOKENS = 20_000;

/** The stand-in for a document nested too deep; recognised by its operation name. */
const DEPTH_REFUSED_NAME = 'DemandControlDepthRefused';
const DEPTH_REFUSED = parse(`query ${DEPTH_REFUSED_NAME} { __typename }`);

function isDepthRefused(document: DocumentNode): boolean {
  const [only] = document.definitions;
  return document.definitions.length === 1 && only?.kind === Kind.OPERATION_DEFINITION && only.name?.value === DEPTH_REFUSED_NAME;
}

export interface DemandControlLimits {
  /** MAX_OPERATION_DEPTH: fields, fragment spreads and inline fragments nested in one operation. */
  maxOperationDepth: number;
  /** MAX_ENTITIES_PER_OPERATION */
  maxEntitiesPerOperation: number;
  /** MAX_VENDOR_CALLS_PER_OPERATION */
  maxVendorCallsPerOperation: number;
  /** MAX_ESTIMATED_RESPONSE_ITEMS */
  maxEstimatedResponseItems: number;
}

/**
 * Demand control, before any resolver runs, so a refused operation makes no vendor call:
 * 1. right after parsing, before graphql-js validates it, an operation nested deeper than
 *    MAX_OPERATION_DEPTH (fragment spreads included) is GRAPHQL_VALIDATION_FAILED (an operation named
 *    DemandControlDepthRefused is refused the same way: that name marks the refusal);
 * 2. once the operation is known, one linear analysis (analyse-operation.ts, costs from the schema's
 *    `@cost`/`@listSize`) with the variables coerced once; its one result is checked against
 *    MAX_ENTITIES_PER_OPERATION and the representation rules (BAD_USER_INPUT), then
 *    MAX_VENDOR_CALLS_PER_OPERATION and MAX_ESTIMATED_RESPONSE_ITEMS (COST_ESTIMATED_TOO_EXPENSIVE).
 * Anything the analysis cannot cost is refused too: it fails closed, never a 500.
 */
export function demandControlPlugin(limits: DemandControlLimits): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async validationDidStart(requestContext) {
          const { document } = requestContext;
          if (operationDepth(document, limits.maxOperationDepth) <= limits.maxOperationDepth) return;
          // Apollo validates requestContext.document next. A trivial stand-in that marks the refusal spares
          // graphql-js the deep document, and the refusal then takes Apollo's ordinary error path below
          // (log, metrics, headers). Apollo's document cache keeps the stand-in under this query's hash, so a
          // repeat is refused the same way without being parsed.
          (requestContext as { document: DocumentNode }).document = DEPTH_REFUSED;
        },
        async didResolveOperation({ operation, document, request, schema }) {
          if (isDepthRefused(document)) {
            throw refusal('GRAPHQL_VALIDATION_FAILED', `Operation nested deeper than ${limits.maxOperationDepth} levels (fields and fragment spreads)`);
          }
          if (!operation) return; // Apollo refuses an unknown operationName itself
          const started = performance.now();
          let variables: Record<string, unknown>;
          try {
            variables = coercedVariables(schema, operation, request.variables);
          } catch (error) {
            if (error instanceof GraphQLError) throw error;
            // A value graphql-js cannot even walk (say, nested 100,000 deep): refused, and never echoed.
            throw refusal('BAD_USER_INPUT', 'Variables could not be coerced to their declared types');
          }
          let analysis: OperationAnalysis;
          try {
            analysis = analyseOperation(costModelOf(schema), document, operation, variables, limits.maxVendorCallsPerOperation + 1);
          } catch (error) {
            if (error instanceof GraphQLError) throw error;
            // Unknown shapes, missing slicing arguments, a stack overflow on a hostile value: refused, coded.
            throw refusal('COST_ESTIMATED_TOO_EXPENSIVE', 'Operation could not be costed before execution, so it is not run');
          }
          const analysisMs = Math.round((performance.now() - started) * 1000) / 1000;
          check(analysis, analysisMs, limits);
        },
      };
    },
  };
}

function check(analysis: OperationAnalysis, analysisMs: number, limits: DemandControlLimits): void {
  if (analysis.entities > limits.maxEntitiesPerOperation) {
    throw refusal(
      'BAD_USER_INPUT',
      `_entities accepts at most ${limits.maxEntitiesPerOperation} representations per operation (got ${analysis.entities})`,
    );
  }
  if (analysis.representationProblemCount > 0) {
    const more = analysis.representationProblemCount - analysis.representationProblems.length;
    throw refusal('BAD_USER_INPUT', `_entities: ${analysis.representationProblems.join('; ')}${more > 0 ? `; and ${more} more` : ''}`);
  }
  if (analysis.vendorCalls > limits.maxVendorCallsPerOperation || analysis.responseItems > limits.maxEstimatedResponseItems) {
    throw refusal(
      'COST_ESTIMATED_TOO_EXPENSIVE',
      `Operation too expensive: up to ${analysis.vendorCalls} vendor calls (limit ${limits.maxVendorCallsPerOperation}) ` +
        `and about ${analysis.responseItems} list items (limit ${limits.maxEstimatedResponseItems})`,
      {
        cost: {
          vendorCalls: analysis.vendorCalls,
          estimatedResponseItems: analysis.responseItems,
          estimated: analysis.cost,
          analysisMs,
        },
      },
    );
  }
}

/**
 * The variables as execution will see them, coerced once for the whole analysis, default values filled
 * in (10,000 representations in `$reps: [_Any!]! = [...]` must not slip past). Variables that do not coerce
 * are refused here with graphql-js's own message (BAD_USER_INPUT, as execution would refuse them); the
 * error formatter then drops the value the message quotes (src/plugins/redact-input-values.ts).
 */
function coercedVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  raw: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], raw ?? {}, { maxErrors: 1 });
  if (coerced.errors) throw refusal('BAD_USER_INPUT', coerced.errors[0]?.message ?? 'Variables could not be coerced to their declared types');
  return coerced.coerced;
}
