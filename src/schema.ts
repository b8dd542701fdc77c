import 'reflect-metadata';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { parse, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { resolveCustomerReference } from './resolvers/customer.reference';
import { CustomerResolver } from './resolvers/customer.resolver';
import { guardScopes } from './security/scope-guard';
import { resolversOf, VENDORS, type VendorSet } from './vendors/registry';
import { resolveEvidenceIds } from './accountability/evidence-id-fields';
import { EraseCustomerSignalsResolver } from './resolvers/evidence/erase-customer-signals.resolver';
import { SignalAccessLogResolver } from './resolvers/evidence/signal-access-log.resolver';
import { SignalEvidenceResolver } from './resolvers/evidence/signal-evidence.resolver';

/** Every resolver class of a subgraph serving `vendors`: the shared ones and each vendor's (its descriptor names them). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function resolversFor(vendors: VendorSet): NonEmptyArray<Function> {
  return [CustomerResolver, ...resolversOf(vendors), SignalEvidenceResolver, SignalAccessLogResolver, EraseCustomerSignalsResolver];
}

/**
 * One federation `@link`, at v2.9: the first version with demand control's `@cost` and `@listSize`, which
 * publish the weights the cost limit uses (one per vendor call, ~3000 features). `@authenticated` (every
 * vendor field) and `@requiresScopes` (personal data) tell a router what to enforce; the subgraph enforces
 * the scopes again itself (src/security/scope-guard.ts). `@key`: we own no shared fields.
 */
export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize", "@authenticated", "@requiresScopes"])';

/**
 * type-graphql builds the code-first schema; it is printed with its directives (`@key`) and handed to
 * `buildSubgraphSchema`, which adds `_service`, `_entities` and the federation machinery.
 */
export async function buildCustomerSignalsSchema(vendors: VendorSet = VENDORS): Promise<GraphQLSchema> {
  const codeFirst = await buildSchema({ resolvers: resolversFor(vendors), validate: false });
  const resolvers = createResolversMap(codeFirst) as Record<string, object>;
  const customer = { ...resolvers.Customer, __resolveReference: resolveCustomerReference };
  const modules = [
    {
      typeDefs: parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(codeFirst)}`),
      resolvers: { ...resolvers, Customer: customer },
    },
  ] as Parameters<typeof buildSubgraphSchema>[0];
  return guardScopes(resolveEvidenceIds(buildSubgraphSchema(modules)));
}
