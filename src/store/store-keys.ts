import type { StoredProduct } from '../config';

/** Bump when the stored format changes: old entries are then simply never read again. */
const PREFIX = 'signals:v1';

/**
 * `signals:v1:<vendor>:{<customer id>}[:<arguments>]`: readable by an operator, and the `{...}` hash tag
 * keeps one customer's keys (and their claims) on one Redis Cluster slot. Customer ids are validated to
 * safe characters before any loader runs; arguments are those that change the vendor's answer, never
 * personal data.
 */
export function storeKey(product: StoredProduct, customerId: string, args?: string): string {
  // Validated ids are left as they are; anything else (a free-text Credolab id) cannot break the hash tag.
  return `${PREFIX}:${product}:{${encodeURIComponent(customerId)}}${args ? `:${args}` : ''}`;
}

/** The claim a replica holds while it fetches `key` (same hash tag, so same slot). */
export function claimKey(key: string): string {
  return `${key}:claim`;
}

/** A shared name table (Credeau's feature names), stored once for every customer. */
export function nameTableKey(product: StoredProduct, hash: string): string {
  return `${PREFIX}:${product}:names:${hash}`;
}
