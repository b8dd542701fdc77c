import { isListType, isNonNullType, Kind, type FieldNode, type ValueNode } from 'graphql';
import type { FieldCost } from './cost-model';
import { AnalysisError } from './analysis-error';

/**
 * The size `@listSize` gives a field occurrence, as Apollo Router reads it: the largest slicing argument
 * (an Int, or since router 2.12 a list's length; the field's default values count), else `assumedSize`.
 * With `requireOneSlicingArgument` (the spec's default) anything but exactly one slicing value cannot be
 * costed: the router refuses such an operation, and so does this analysis.
 */
export function specListSize(definition: FieldCost, node: FieldNode, variables: Record<string, unknown>): number | undefined {
  const listSize = definition.listSize;
  if (!listSize) return undefined;
  if (!listSize.slicingArguments) return listSize.assumedSize;
  const sizes: number[] = [];
  for (const name of listSize.slicingArguments) {
    const size = sizeOf(argumentValue(definition, node, name, variables));
    if (size !== undefined) sizes.push(size);
  }
  if (listSize.requireOneSlicingArgument && sizes.length !== 1) {
    throw new AnalysisError(`exactly one slicing argument is required on ${node.name.value}, found ${sizes.length}`);
  }
  return sizes.length > 0 ? Math.max(...sizes) : listSize.assumedSize;
}

/**
 * Beyond the spec: a list argument that selects items by name (`features(names:)`, `predictors(names:)`)
 * bounds the list to its length. Federation only accepts Int slicing arguments, so the router cannot see
 * this and estimates such a field at its `assumedSize` (README, "Cost limits").
 */
export function selectingArgumentLength(definition: FieldCost, node: FieldNode, variables: Record<string, unknown>): number | undefined {
  if (definition.listSize?.slicingArguments) return undefined;
  for (const [name, argument] of definition.args) {
    const type = isNonNullType(argument.type) ? argument.type.ofType : argument.type;
    if (!isListType(type)) continue;
    const value = argumentValue(definition, node, name, variables);
    if (value === null || value === undefined) continue;
    return Array.isArray(value) ? value.length : 1;
  }
  return undefined;
}

/** An argument's value for this occurrence: given (a variable resolved), else the schema default. */
function argumentValue(definition: FieldCost, node: FieldNode, name: string, variables: Record<string, unknown>): unknown {
  const given = node.arguments?.find((arg) => arg.name.value === name);
  if (given) return literalOrVariable(given.value, variables);
  return definition.args.get(name)?.defaultValue;
}

function literalOrVariable(value: ValueNode, variables: Record<string, unknown>): unknown {
  if (value.kind === Kind.VARIABLE) return variables[value.name.value];
  if (value.kind === Kind.LIST) return value.values;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.NULL) return null;
  // Any other literal is one value (a single name coerces to a one-item list); it is never a size.
  return value;
}

function sizeOf(value: unknown): number | undefined {
  if (Array.isArray(value)) return value.length;
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}
