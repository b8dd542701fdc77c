import type { Customer } from '../types/customer.type';

/**
 * Federation entity reference: the router sends `{ __typename: "Customer", id }` for customers another
 * subgraph found. No vendor is called here; each signal field calls its vendor only when selected.
 */
export function resolveCustomerReference(reference: { id: unknown }): Customer {
  return { id: String(reference.id) };
}
