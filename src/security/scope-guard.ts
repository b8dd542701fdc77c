import {
  defaultFieldResolver,
  isObjectType,
  valueFromASTUntyped,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { ForbiddenError } from '../errors';
import type { Principal } from './principal';

/**
 * Enforces, in depth, what the SDL declares for a router: a field marked
 * `@requiresScopes(scopes: [["a", "b"], ["c"]])` resolves only for a caller holding every scope of at least
 * one inner list (federation's meaning: OR of ANDs). Otherwise it is null with FORBIDDEN, and its resolver,
 * hence its vendor call, never runs. The directives are read from the schema itself, so declaring a scope
 * on a field is the whole of protecting it.
 *
 * Enforcement needs a verified caller: when JWT verification is not configured the context carries no
 * principal and nothing is checked here (the router's own enforcement is then the only one).
 * `@authenticated` needs nothing more: with verification on, a request without a valid token never
 * reaches GraphQL (401).
 */
export function guardScopes(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const required = requiredScopesOf(field.astNode?.directives);
      if (!required) continue;
      const resolve: GraphQLFieldResolver<unknown, { principal?: Principal }> = field.resolve ?? defaultFieldResolver;
      const fieldName = `${type.name}.${field.name}`;
      field.resolve = (source, args, context, info) => {
        const principal = context?.principal;
        if (principal && !required.some((all) => all.every((scope) => principal.scopes.has(scope)))) {
          throw new ForbiddenError(`${fieldName} needs the scope ${required.map((all) => all.join(' and ')).join(' or ')}`);
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

type Directives = NonNullable<NonNullable<GraphQLSchema['astNode']>['directives']>;

/** The `scopes` of a field's @requiresScopes, or undefined when it has none. */
function requiredScopesOf(directives: Directives | undefined): string[][] | undefined {
  const directive = directives?.find((d) => d.name.value === 'requiresScopes');
  const argument = directive?.arguments?.find((a) => a.name.value === 'scopes');
  if (!argument) return undefined;
  const scopes = valueFromASTUntyped(argument.value) as unknown;
  if (!Array.isArray(scopes) || !scopes.every((all) => Array.isArray(all) && all.every((s) => typeof s === 'string'))) {
    throw new Error('@requiresScopes(scopes:) must be a list of lists of scope names');
  }
  return scopes as string[][];
}
