import type { VendorField } from './vendor-fields';

/** The GraphQL request bodies the scenarios send, built from the vendor field list. */

const selections = (fields: readonly VendorField[]) => fields.map((field) => field.selection).join(' ');

/** One customer through the subgraph's own root field. */
export function oneCustomerBody(customerId: string, fields: readonly VendorField[]): string {
  return JSON.stringify({
    query: `query BenchOneCustomer($id: ID!) { customerSignals(id: $id) { id ${selections(fields)} } }`,
    variables: { id: customerId },
  });
}

/**
 * The same customer asked for twice in one operation (two aliases), so a loader that did not collapse
 * repeated keys would show as extra vendor calls.
 */
export function sameCustomerTwiceBody(customerId: string, fields: readonly VendorField[]): string {
  const customer = `{ id ${selections(fields)} }`;
  return JSON.stringify({
    query: `query BenchBurst($id: ID!) { first: customerSignals(id: $id) ${customer} again: customerSignals(id: $id) ${customer} }`,
    variables: { id: customerId },
  });
}

/** The router's entity fetch, as a gateway sends it for a page of customers. */
export function entitiesQuery(fields: readonly VendorField[]): string {
  return `query BenchEntities($representations: [_Any!]!) { _entities(representations: $representations) { ... on Customer { id ${selections(fields)} } } }`;
}

export function entitiesBody(query: string, customerIds: readonly string[]): string {
  return JSON.stringify({
    query,
    variables: { representations: customerIds.map((id) => ({ __typename: 'Customer', id })) },
  });
}
