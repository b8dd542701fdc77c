import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import type { StoredProduct } from '../config';

/**
 * Bump when the stored format or the key scheme changes: old entries are then simply never read again.
 * v2: customer ids and references appear in key names only as keyed hashes.
 */
const PREFIX = 'signals:v2';

/**
 * HKDF info label of the key-name key: a label of its own, so the key that names entries is never the key
 * that seals them (SIGNALS_STORE_KEY itself), and learning one says nothing about the other.
 */
const KEY_NAMES_INFO = 'customer-signals-subgraph redis key names v1';

/** Hex characters of a keyed hash kept in a key name: 128 bits, no collision between customers in practice. */
const HASH_HEX_CHARS = 32;

/** Where one answer lives in the store: whose it is and the arguments that change the vendor's answer. */
export interface StoreKeyParts {
  /** The customer (or NeuroID profile): only ever in a key as a keyed hash. */
  customerId: string;
  /** Another piece of customer input that names the answer (Credolab's reference number): hashed too. */
  reference?: string;
  /**
   * Arguments that change the vendor's answer and are not about the customer (a FinBox version, a
   * NeuroID site, an SMS threshold): kept readable for operators.
   */
  args?: string;
}

/**
 * The names of everything the store writes, `signals:v2:<product>:{<hash of the customer id>}[:ref=<hash>][:<arguments>]`.
 * What must stay true:
 * - Nothing readable about a customer in a key name (Redis shows names in SCAN, MONITOR, slow logs and
 *   key-space events, none of which the sealing protects): ids and references appear only as
 *   HMAC-SHA256 under a key derived from SIGNALS_STORE_KEY with HKDF, so every replica sharing the store
 *   key names a customer alike, and without it the names cannot be tied to a customer by guessing ids
 *   (phone-number-like ids would fall to a plain hash in minutes).
 * - The `{...}` hash tag holds the customer part only, so one customer's keys and their claims share one
 *   Redis Cluster slot.
 * Without a store key (memory only) the hashing key is random per process: the names never leave it.
 */
export class StoreKeys {
  private readonly namingKey: Buffer;

  constructor(storeKeyBase64?: string) {
    this.namingKey = storeKeyBase64
      ? Buffer.from(hkdfSync('sha256', Buffer.from(storeKeyBase64, 'base64'), Buffer.alloc(0), KEY_NAMES_INFO, 32))
      : randomBytes(32);
  }

  /** The key of one stored answer. */
  entry(product: StoredProduct, parts: StoreKeyParts): string {
    const reference = parts.reference === undefined ? '' : `:ref=${this.hide(parts.reference)}`;
    return `${PREFIX}:${product}:{${this.hide(parts.customerId)}}${reference}${parts.args ? `:${parts.args}` : ''}`;
  }

  /** The keyed hash that stands for `value` in key names. */
  hide(value: string): string {
    return createHmac('sha256', this.namingKey).update(value, 'utf8').digest('hex').slice(0, HASH_HEX_CHARS);
  }
}

/** The claim a replica holds while it fetches `key` (same hash tag, so same slot). */
export function claimKey(key: string): string {
  return `${key}:claim`;
}

/** A shared name table (Credeau's feature names), stored once for every customer. */
export function nameTableKey(product: StoredProduct, hash: string): string {
  return `${PREFIX}:${product}:names:${hash}`;
}

/**
 * The marker an erasure leaves for one customer (`customerTag` = StoreKeys.hide(customerId)): the instant
 * of the erasure, refusing any write whose fetch started before it. Same hash tag as the customer's entries.
 */
export function erasureMarkerKey(customerTag: string): string {
  return `${PREFIX}:erased:{${customerTag}}`;
}

/** The set of one customer's stored entry names, so an erasure finds them without a SCAN. Same hash tag. */
export function customerIndexKey(customerTag: string): string {
  return `${PREFIX}:index:{${customerTag}}`;
}

/** The customer tag of an entry (or claim) name: what its `{...}` hash tag holds; undefined when it has none. */
export function customerTagOf(key: string): string | undefined {
  const open = key.indexOf('{');
  if (open < 0) return undefined;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : undefined;
}
