import { createHmac, hkdfSync, randomBytes } from 'node:crypto';

/** HKDF info label: a key of its own, so a cache tag never equals the customer's store key name hash. */
const CACHE_TAGS_INFO = 'customer-signals-subgraph router cache tags v1';
const TAG_PREFIX = 'signals-customer-';
/** Hex characters of the keyed hash: 128 bits. */
const HASH_HEX_CHARS = 32;

/**
 * The cache tag Apollo Router files a customer's answers under (`apolloEntityCacheTags`,
 * `apolloCacheTags`), and that an erasure invalidates: `signals-customer-<32 hex>`, HMAC-SHA256 of the
 * customer id under a key derived with HKDF from the given key material. What must stay true:
 * - No readable id in a tag: the router stores tags in its Redis and shows them in its own telemetry.
 * - Every replica must compute the same tag for a customer, or an erasure on one replica would not
 *   invalidate what another one tagged: give every replica the same key material (the composition root
 *   passes SIGNALS_STORE_KEY). Without key material the key is random per process: right for a single
 *   process only.
 * - A tag is not the store's key-name hash (a different HKDF label): knowing one does not give the other.
 */
export class CustomerCacheTags {
  private readonly key: Buffer;

  constructor(keyMaterialBase64?: string) {
    this.key = keyMaterialBase64
      ? Buffer.from(hkdfSync('sha256', Buffer.from(keyMaterialBase64, 'base64'), Buffer.alloc(0), CACHE_TAGS_INFO, 32))
      : randomBytes(32);
  }

  tagFor(customerId: string): string {
    return `${TAG_PREFIX}${createHmac('sha256', this.key).update(customerId, 'utf8').digest('hex').slice(0, HASH_HEX_CHARS)}`;
  }
}
