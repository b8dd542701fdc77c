import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  print,
  type ArgumentNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { RequestContext } from '../context';
import type { GovernanceConfig } from '../config/governance.config';
import { countRepresentations } from './entity-limit.plugin';
import { operationVariables } from './operation-variables';

/** Customer fields that each cost one vendor call per customer and distinct argument set. */
const VENDOR_FIELDS = new Set(['deviceInsights', 'behaviorSignals', 'credolabScore', 'extractedSms', 'finboxPredictors']);
/** Vendor calls nested under a vendor field (one more call per distinct argument set). */
const NESTED_VENDOR_FIELDS = new Set(['fraudCheck']);
/** Credeau DeviceInsights carries about this many features; `features` without `names` lists them all. */
export const ALL_FEATURES_ESTIMATE = 3000;
const DEFAULT_SMS_PAGE = 50;
/**
 * Most tokens the parser reads before giving up (Apollo's `parseOptions.maxTokens`): a 1 MB query of
 * repeated fields is refused while parsing, before validation or the cost walk. Introspection and a
 * page of `_entities` with variables stay far below it.
 */
export const MAX_QUERY_TOKENS = 20_000;

export interface OperationCost {
  vendorCalls: number;
  responseItems: number;
}

/**
 * Refuses, before any resolver runs, an operation that could cause more than MAX_VENDOR_CALLS_PER_OPERATION
 * vendor calls or build more than MAX_ESTIMATED_RESPONSE_ITEMS list items, with Apollo's demand-control code
 * COST_ESTIMATED_TOO_EXPENSIVE.
 */
export function costLimitPlugin(limits: GovernanceConfig): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          const cost = estimateOperationCost(operation, document, operationVariables(schema, operation, request.variables));
          if (cost.vendorCalls > limits.maxVendorCallsPerOperation || cost.responseItems > limits.maxEstimatedResponseItems) {
            throw new GraphQLError(
              `Operation too expensive: up to ${cost.vendorCalls} vendor calls (limit ${limits.maxVendorCallsPerOperation}) ` +
                `and about ${cost.responseItems} list items (limit ${limits.maxEstimatedResponseItems})`,
              {
                extensions: {
                  code: 'COST_ESTIMATED_TOO_EXPENSIVE',
                  http: { status: 400 },
                  cost: { vendorCalls: cost.vendorCalls, estimatedResponseItems: cost.responseItems },
                },
              },
            );
          }
        },
      };
    },
  };
}

export function estimateOperationCost(
  operation: OperationDefinitionNode,
  document: DocumentNode,
  variables: Record<string, unknown>,
): OperationCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const cost: OperationCost = { vendorCalls: 0, responseItems: 0 };

  /** Every field node under a selection set, fragments flattened (a cycle is already invalid GraphQL). */
  const fieldsOf = (selectionSet: SelectionSetNode, seen = new Set<string>()): FieldNode[] => {
    const out: FieldNode[] = [];
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) out.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) out.push(...fieldsOf(selection.selectionSet, seen));
      else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(selection.name.value)) continue;
        out.push(...fieldsOf(fragment.selectionSet, new Set(seen).add(selection.name.value)));
      }
    }
    return out;
  };

  const argumentKey = (field: FieldNode): string =>
    (field.arguments ?? [])
      .map((arg) => `${arg.name.value}:${valueKey(arg.value, variables)}`)
      .sort()
      .join(',');

  /** One Customer selection, applying to `customers` customers. */
  const priceCustomer = (selectionSet: SelectionSetNode, customers: number): void => {
    const calls = new Set<string>();
    for (const field of fieldsOf(selectionSet)) {
      if (!VENDOR_FIELDS.has(field.name.value)) continue;
      calls.add(`${field.name.value}(${argumentKey(field)})`);
      if (field.name.value === 'extractedSms') {
        cost.responseItems += customers * (intArgument(field.arguments, 'first', variables) ?? DEFAULT_SMS_PAGE);
      }
      if (!field.selectionSet) continue;
      for (const inner of fieldsOf(field.selectionSet)) {
        if (NESTED_VENDOR_FIELDS.has(inner.name.value)) calls.add(`${field.name.value}.${inner.name.value}(${argumentKey(inner)})`);
        if (inner.name.value === 'features') {
          const names = listArgumentLength(inner.arguments, 'names', variables);
          cost.responseItems += customers * (names ?? ALL_FEATURES_ESTIMATE);
        }
      }
    }
    cost.vendorCalls += customers * calls.size;
  };

  for (const field of fieldsOf(operation.selectionSet)) {
    if (!field.selectionSet) continue;
    if (field.name.value === 'customerSignals') priceCustomer(field.selectionSet, 1);
    if (field.name.value === '_entities') {
      const single: OperationDefinitionNode = { ...operation, selectionSet: { kind: Kind.SELECTION_SET, selections: [field] } };
      const customers = countRepresentations(single, document, variables);
      cost.responseItems += customers;
      priceCustomer(field.selectionSet, customers);
    }
  }
  return cost;
}

function valueKey(value: ValueNode, variables: Record<string, unknown>): string {
  if (value.kind === Kind.VARIABLE) return JSON.stringify(variables[value.name.value] ?? null);
  return print(value);
}

function argumentValue(args: readonly ArgumentNode[] | undefined, name: string, variables: Record<string, unknown>): unknown {
  const argument = args?.find((arg) => arg.name.value === name);
  if (!argument) return undefined;
  const value = argument.value;
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.LIST) return value.values;
  if (value.kind === Kind.NULL) return null;
  return value;
}

function intArgument(args: readonly ArgumentNode[] | undefined, name: string, variables: Record<string, unknown>): number | undefined {
  const value = argumentValue(args, name, variables);
  return typeof value === 'number' ? value : undefined;
}

/** Length of a list argument; undefined when absent or null (all items). A single value counts as 1. */
function listArgumentLength(args: readonly ArgumentNode[] | undefined, name: string, variables: Record<string, unknown>): number | undefined {
  const value = argumentValue(args, name, variables);
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.length : 1;
}
