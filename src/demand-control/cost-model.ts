import {
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  valueFromASTUntyped,
  type ConstDirectiveNode,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLArgument,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';

/**
 * The demand-control facts of the served schema, read once from its `@cost` and `@listSize` directives
 * (IBM cost specification, as Apollo Router's demand control reads them). Nothing here is a hand list:
 * a field's weight and list size live in its directives, in the type-graphql classes.
 */

/** `@listSize` of one field, as the cost specification defines its arguments. */
export interface ListSize {
  assumedSize: number | undefined;
  /** Integer arguments whose value is the list's size (federation only accepts `Int`/`Int!` ones). */
  slicingArguments: readonly string[] | undefined;
  /** Fields of the returned object that are the list, for connection types (`edges`). */
  sizedFields: ReadonlySet<string> | undefined;
  /** The specification's default is true: exactly one slicing argument must be given (defaults count). */
  requireOneSlicingArgument: boolean;
}

export interface FieldCost {
  /** `@cost(weight:)` on the field; undefined: the default (object 1, scalar/enum 0) or the type's weight. */
  weight: number | undefined;
  listSize: ListSize | undefined;
  /** The field's type is a list (at any nesting; a list of lists is sized once, as the router does). */
  isList: boolean;
  /** The named type is an object, interface or union (default weight 1). */
  isComposite: boolean;
  returnType: string;
  /** An explicit `@cost` on the field marks a resolver that calls a vendor: one call per argument set. */
  callsVendor: boolean;
  /** Argument definitions by name, for argument costs and slicing defaults. */
  args: ReadonlyMap<string, GraphQLArgument>;
}

export interface CostModel {
  schema: GraphQLSchema;
  field(typeName: string, fieldName: string): FieldCost | undefined;
  /** `@cost` on a type (objects, scalars, enums, input objects); undefined when absent. */
  typeWeight(typeName: string): number | undefined;
  /** `@cost` on an argument or input field, else on its type. */
  inputWeight(input: GraphQLArgument | GraphQLInputField): number | undefined;
}

const modelCache = new WeakMap<GraphQLSchema, CostModel>();

/** Built once per schema object (the schema is built once per process), then only looked up. */
export function costModelOf(schema: GraphQLSchema): CostModel {
  let model = modelCache.get(schema);
  if (!model) {
    model = buildCostModel(schema);
    modelCache.set(schema, model);
  }
  return model;
}

function buildCostModel(schema: GraphQLSchema): CostModel {
  const fields = new Map<string, FieldCost>();
  const typeWeights = new Map<string, number>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    const weight = costWeight(type.astNode?.directives);
    if (weight !== undefined) typeWeights.set(type.name, weight);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      fields.set(`${type.name}.${field.name}`, fieldCost(type, field));
    }
  }
  return {
    schema,
    field: (typeName, fieldName) => fields.get(`${typeName}.${fieldName}`),
    typeWeight: (typeName) => typeWeights.get(typeName),
    inputWeight: (input) => costWeight(input.astNode?.directives) ?? typeWeights.get(getNamedType(input.type).name),
  };
}

function fieldCost(parent: GraphQLNamedType, field: GraphQLField<unknown, unknown>): FieldCost {
  const directives = field.astNode?.directives;
  // As the router reads it: a field without its own @cost takes its return type's @cost, if any.
  const ownWeight = costWeight(directives);
  const weight = ownWeight ?? costWeight(getNamedType(field.type).astNode?.directives);
  const listSize = listSizeOf(directives);
  const isList = isListOutput(field.type);
  // Every list this subgraph serves must be sized from the schema; `_entities` is sized by its
  // representations, which the analysis counts (federation defines that field, not us).
  if (isList && !listSize && !(parent.name === 'Query' && field.name === '_entities')) {
    throw new Error(`${parent.name}.${field.name} returns a list without @listSize: every list needs a size for demand control`);
  }
  return {
    weight,
    listSize,
    isList,
    isComposite: isCompositeType(getNamedType(field.type)),
    returnType: getNamedType(field.type).name,
    callsVendor: ownWeight !== undefined,
    args: new Map(field.args.map((arg) => [arg.name, arg])),
  };
}

function isListOutput(type: GraphQLType): boolean {
  const inner = isNonNullType(type) ? type.ofType : type;
  return isListType(inner);
}

function directiveArgument(directive: ConstDirectiveNode, name: string): unknown {
  const argument = directive.arguments?.find((arg) => arg.name.value === name);
  return argument ? valueFromASTUntyped(argument.value) : undefined;
}

/** `@cost(weight:)`; also accepts federation's renamed form `@federation__cost`. */
function costWeight(directives: readonly ConstDirectiveNode[] | undefined): number | undefined {
  const directive = directives?.find((d) => d.name.value === 'cost' || d.name.value === 'federation__cost');
  if (!directive) return undefined;
  const weight = Number(directiveArgument(directive, 'weight'));
  if (!Number.isFinite(weight)) throw new Error('@cost(weight:) must be a number');
  return weight;
}

function listSizeOf(directives: readonly ConstDirectiveNode[] | undefined): ListSize | undefined {
  const directive = directives?.find((d) => d.name.value === 'listSize' || d.name.value === 'federation__listSize');
  if (!directive) return undefined;
  const assumed = directiveArgument(directive, 'assumedSize');
  const slicing = directiveArgument(directive, 'slicingArguments');
  const sized = directiveArgument(directive, 'sizedFields');
  const requireOne = directiveArgument(directive, 'requireOneSlicingArgument');
  const sizedFields = Array.isArray(sized) ? sized.map(String) : undefined;
  // Nested sizedFields paths ("page { items }") are part of the router's newer reading of the spec; this
  // schema has none, and refusing them at start-up keeps the analysis exactly what it claims to be.
  if (sizedFields?.some((name) => /[\s{.]/.test(name))) throw new Error('@listSize(sizedFields:) with nested paths is not supported');
  return {
    assumedSize: typeof assumed === 'number' ? assumed : assumed == null ? undefined : Number(assumed),
    slicingArguments: Array.isArray(slicing) ? slicing.map(String) : undefined,
    sizedFields: sizedFields ? new Set(sizedFields) : undefined,
    requireOneSlicingArgument: requireOne === undefined || requireOne === null ? true : requireOne === true,
  };
}

