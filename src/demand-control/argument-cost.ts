import { isInputObjectType, Kind, type GraphQLArgument, type GraphQLInputField, type ValueNode } from 'graphql';
import type { CostModel } from './cost-model';
import { AnalysisError } from './analysis-error';

/**
 * A variable's cost for one argument definition, computed once per operation: a large variable used by
 * many aliases is walked once, not once per alias.
 */
export type VariableCostMemo = (definition: GraphQLArgument | GraphQLInputField, variable: string, compute: () => number) => number;

export function variableCostMemo(): VariableCostMemo {
  const costs = new Map<GraphQLArgument | GraphQLInputField, Map<string, number>>();
  return (definition, variable, compute) => {
    let byVariable = costs.get(definition);
    if (!byVariable) costs.set(definition, (byVariable = new Map()));
    let cost = byVariable.get(variable);
    if (cost === undefined) byVariable.set(variable, (cost = compute()));
    return cost;
  };
}

/**
 * The cost of one argument value, by the router's rules: an input object costs 1 (or its `@cost`) plus
 * its fields, a list the sum of its items, a scalar or enum its `@cost` or 0, null 0. A variable is
 * costed from its (coerced) value.
 */
export function argumentCost(
  model: CostModel,
  value: ValueNode,
  definition: GraphQLArgument | GraphQLInputField,
  variables: Record<string, unknown>,
  memo: VariableCostMemo,
): number {
  switch (value.kind) {
    case Kind.NULL:
      return 0;
    case Kind.VARIABLE:
      return memo(definition, value.name.value, () => variableCost(model, variables[value.name.value], definition));
    case Kind.LIST: {
      let cost = model.inputWeight(definition) ?? 0;
      for (const item of value.values) cost += argumentCost(model, item, definition, variables, memo);
      return cost;
    }
    case Kind.OBJECT: {
      const type = inputObjectOf(definition);
      if (!type) return model.inputWeight(definition) ?? 0;
      let cost = model.inputWeight(definition) ?? 1;
      const fields = type.getFields();
      for (const field of value.fields) {
        const inner = fields[field.name.value];
        if (!inner) throw new AnalysisError(`unknown input field ${field.name.value}`);
        cost += argumentCost(model, field.value, inner, variables, memo);
      }
      return cost;
    }
    default:
      return model.inputWeight(definition) ?? 0;
  }
}

/** The same rules over a variable's JSON value (iterative over lists so a long list cannot deepen the stack). */
function variableCost(model: CostModel, value: unknown, definition: GraphQLArgument | GraphQLInputField): number {
  if (value === null || value === undefined) return 0;
  if (Array.isArray(value)) {
    let cost = model.inputWeight(definition) ?? 0;
    for (const item of value) cost += variableCost(model, item, definition);
    return cost;
  }
  const type = inputObjectOf(definition);
  if (typeof value === 'object' && type) {
    let cost = model.inputWeight(definition) ?? 1;
    const fields = type.getFields();
    for (const [name, inner] of Object.entries(value)) {
      const field = fields[name];
      if (!field) throw new AnalysisError(`unknown input field ${name}`);
      cost += variableCost(model, inner, field);
    }
    return cost;
  }
  return model.inputWeight(definition) ?? 0;
}

function inputObjectOf(definition: GraphQLArgument | GraphQLInputField) {
  let type = definition.type;
  while ('ofType' in type) type = type.ofType;
  return isInputObjectType(type) ? type : undefined;
}
