import {
  Kind,
  print,
  type DocumentNode,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { AnalysisError } from './analysis-error';
import { argumentCost, variableCostMemo } from './argument-cost';
import { CappedKeySet } from './capped-key-set';
import { fragmentsOf } from './fragments';
import type { CostModel, FieldCost } from './cost-model';
import { selectingArgumentLength, specListSize } from './list-size';
import { representationProblem, representationsOf } from './representations';

/** What one pass over an operation finds; every demand-control limit reads this one result. */
export interface OperationAnalysis {
  /** The static cost estimate of the IBM cost spec as Apollo Router computes it (plus `names:` lengths). */
  cost: number;
  /** Vendor calls the operation can cause: distinct argument sets per vendor field per customer. */
  vendorCalls: number;
  /** List items the response can hold. */
  responseItems: number;
  /** `_entities` representations, once per occurrence. */
  entities: number;
  /** The first few representation problems (position and reason, never content), and how many in all. */
  representationProblems: string[];
  representationProblemCount: number;
}

/** A number that may grow linearly with the size `e` a connection field gives its sized fields: a + b·e. */
interface Linear {
  a: number;
  b: number;
}

/** What a selection set adds up to; under a connection's sized fields each number is linear in its size. */
interface Summary {
  cost: Linear;
  items: Linear;
  calls: Linear;
  entities: Linear;
  /** Distinct vendor-call keys of this scope, not yet multiplied by any list around it. */
  keys: CappedKeySet;
}

/** Which fields the enclosing `@listSize(sizedFields:)` sizes, and with what size. */
interface SizedContext {
  id: string;
  fields: ReadonlySet<string>;
  size: number;
}

const NO_SIZING: SizedContext = { id: '', fields: new Set(), size: 0 };
const MAX_PROBLEMS_LISTED = 5;

const at = (value: Linear, size: number): number => value.a + value.b * size;

/**
 * One linear pass over `operation`. A named fragment is analysed once per (fragment, type condition,
 * sizing context) and its summary reused at every spread, so a fragment spread twice at each of 30 levels
 * costs 31 fragment analyses, not 2^30. Recursion follows the document's nesting, which the depth limit
 * (operation-depth.ts) has bounded before validation. Throws AnalysisError on anything it cannot cost.
 */
export function analyseOperation(
  model: CostModel,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  vendorCallCap: number,
): OperationAnalysis {
  const fragments = fragmentsOf(document);
  const memo = new Map<string, Summary>();
  const inProgress = new Set<string>();
  const problems: string[] = [];
  let problemCount = 0;
  // Per variable, computed once: a large variable that many aliases share is walked once, not per alias.
  const variableCosts = variableCostMemo();
  const variableKeys = new Map<string, string>();
  const variableRepresentations = new Map<string, number>();

  const emptySummary = (): Summary => ({
    cost: { a: 0, b: 0 },
    items: { a: 0, b: 0 },
    calls: { a: 0, b: 0 },
    entities: { a: 0, b: 0 },
    keys: new CappedKeySet(vendorCallCap),
  });

  const merge = (into: Summary, from: Summary): void => {
    for (const name of ['cost', 'items', 'calls', 'entities'] as const) {
      into[name].a += from[name].a;
      into[name].b += from[name].b;
    }
    into.keys.addAll(from.keys);
  };

  const selectionSet = (set: SelectionSetNode, parentType: string, sizing: SizedContext): Summary => {
    const summary = emptySummary();
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) field(selection, parentType, sizing, summary);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        merge(summary, selectionSet(selection.selectionSet, selection.typeCondition?.name.value ?? parentType, sizing));
      } else merge(summary, fragment(selection.name.value, sizing));
    }
    return summary;
  };

  const fragment = (name: string, sizing: SizedContext): Summary => {
    const definition = fragments.get(name);
    if (!definition) throw new AnalysisError(`unknown fragment ${name}`);
    const typeCondition = definition.typeCondition.name.value;
    const key = `${name}\u0000${typeCondition}\u0000${sizing.id}`;
    const known = memo.get(key);
    if (known) return known;
    if (inProgress.has(key)) throw new AnalysisError(`fragment ${name} spreads itself`);
    inProgress.add(key);
    const summary = selectionSet(definition.selectionSet, typeCondition, sizing);
    inProgress.delete(key);
    memo.set(key, summary);
    return summary;
  };

  const field = (node: FieldNode, parentType: string, sizing: SizedContext, summary: Summary): void => {
    const name = node.name.value;
    // __typename is free; introspection (__schema, __type) is served by graphql-js from the schema, bounded
    // by the depth limit, and calls no vendor: the router does not cost it either.
    if (name.startsWith('__') || skipped(node)) return;
    const definition = model.field(parentType, name);
    if (!definition) throw new AnalysisError(`unknown field ${parentType}.${name}`);

    const isEntities = parentType === model.schema.getQueryType()?.name && name === '_entities';
    // The size of this occurrence: symbolic when the enclosing connection sizes it, else a number.
    const sizedByParent = definition.isList && sizing.fields.has(name);
    let count = 1;
    if (definition.isList && !sizedByParent) {
      count = isEntities ? entities(node) : listSize(definition, node);
    }

    // A connection (`@listSize(sizedFields:)`) hands its size to the listed fields below it.
    const listSizeArgs = definition.listSize;
    let childSizing = NO_SIZING;
    if (listSizeArgs?.sizedFields) {
      const size = specListSize(definition, node, variables);
      // The id leaves the size out: a fragment's summary is linear in it, so one analysis serves every page size.
      if (size !== undefined) childSizing = { id: `${parentType}.${name}`, fields: listSizeArgs.sizedFields, size };
    }
    const child = node.selectionSet ? selectionSet(node.selectionSet, definition.returnType, childSizing) : undefined;
    const childCost = child ? at(child.cost, childSizing.size) : 0;
    const childItems = child ? at(child.items, childSizing.size) : 0;
    const childCalls = child ? at(child.calls, childSizing.size) : 0;
    const childEntities = child ? at(child.entities, childSizing.size) : 0;

    const weight = definition.weight ?? (definition.isComposite ? 1 : 0);
    const typeCost = weight + childCost;
    const argsCost = argumentsCost(definition, node);
    const perInstanceItems = (definition.isList ? 1 : 0) + childItems;
    // Built only where a vendor call is keyed: `_entities` and other lists never stringify their arguments.
    const callsKey = () => `${name}(${argumentsKey(node)})`;

    if (sizedByParent) {
      summary.cost.b += typeCost;
      summary.cost.a += argsCost;
      summary.items.b += perInstanceItems;
      summary.entities.b += childEntities;
      summary.calls.b += (child?.keys.size ?? 0) + childCalls;
    } else {
      summary.cost.a += count * typeCost + argsCost;
      summary.items.a += count * perInstanceItems;
      summary.entities.a += count * childEntities + (isEntities ? count : 0);
      if (definition.isList) summary.calls.a += count * ((child?.keys.size ?? 0) + childCalls);
      else {
        // One object per parent: its calls are the parent's, told apart by the path and arguments that lead there.
        summary.calls.a += childCalls;
        if (child && child.keys.size > 0) summary.keys.addAll(child.keys, `${callsKey()}/`);
      }
    }
    if (definition.callsVendor) summary.keys.add(callsKey());
  };

  const listSize = (definition: FieldCost, node: FieldNode): number => {
    const size = selectingArgumentLength(definition, node, variables) ?? specListSize(definition, node, variables);
    if (size === undefined) throw new AnalysisError(`no size for the list ${node.name.value}`);
    return Math.max(0, size);
  };

  const entities = (node: FieldNode): number => {
    const argument = node.arguments?.find((arg) => arg.name.value === 'representations');
    if (argument?.value.kind !== Kind.VARIABLE) return checkRepresentations(node);
    const name = argument.value.name.value;
    let count = variableRepresentations.get(name);
    if (count === undefined) variableRepresentations.set(name, (count = checkRepresentations(node)));
    return count;
  };

  const checkRepresentations = (node: FieldNode): number => {
    const representations = representationsOf(node, variables);
    representations.forEach((representation, index) => {
      const problem = representationProblem(representation);
      if (!problem) return;
      problemCount += 1;
      if (problems.length < MAX_PROBLEMS_LISTED) problems.push(`representation ${index}: ${problem}`);
    });
    return representations.length;
  };

  const argumentsCost = (definition: FieldCost, node: FieldNode): number => {
    let cost = 0;
    for (const argument of node.arguments ?? []) {
      const argumentDefinition = definition.args.get(argument.name.value);
      if (!argumentDefinition) throw new AnalysisError(`unknown argument ${argument.name.value}`);
      cost += argumentCost(model, argument.value, argumentDefinition, variables, variableCosts);
    }
    return cost;
  };

  const argumentsKey = (node: FieldNode): string =>
    (node.arguments ?? [])
      .map((arg) => `${arg.name.value}:${arg.value.kind === Kind.VARIABLE ? variableKey(arg.value.name.value) : intern(print(arg.value))}`)
      .sort()
      .join(',');

  // Argument values become short ids in vendor-call keys: a long value (a 500 KB id in a variable) is
  // hashed once, and keys stay short however many aliases and levels repeat it.
  const valueIds = new Map<string, string>();
  const intern = (text: string): string => {
    let id = valueIds.get(text);
    if (id === undefined) valueIds.set(text, (id = `#${valueIds.size}`));
    return id;
  };
  const variableKey = (name: string): string => {
    let key = variableKeys.get(name);
    if (key === undefined) variableKeys.set(name, (key = intern(JSON.stringify(variables[name] ?? null))));
    return key;
  };

  const rootType = model.schema.getRootType(operation.operation);
  if (!rootType) throw new AnalysisError(`this subgraph serves no ${operation.operation} operations`);
  const root = selectionSet(operation.selectionSet, rootType.name, NO_SIZING);
  return {
    cost: root.cost.a,
    vendorCalls: root.keys.size + root.calls.a,
    responseItems: root.items.a,
    entities: root.entities.a,
    representationProblems: problems,
    representationProblemCount: problemCount,
  };
}

/** `@skip(if: true)` / `@include(if: false)` with a literal, as the router reads them (variables count as included). */
function skipped(node: FieldNode): boolean {
  for (const directive of node.directives ?? []) {
    const condition = directive.arguments?.find((arg) => arg.name.value === 'if')?.value;
    if (condition?.kind !== Kind.BOOLEAN) continue;
    if (directive.name.value === 'skip' && condition.value) return true;
    if (directive.name.value === 'include' && !condition.value) return true;
  }
  return false;
}
