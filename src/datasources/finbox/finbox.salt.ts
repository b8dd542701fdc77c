import { createHash } from 'node:crypto';

/**
 * FinBox's request salt, exactly as FinBox specifies it (vendor-docs/NOTES.md):
 *   A = MD5(customer_id), hex, UPPER case
 *   B = A + SERVER_HASH (the hash as issued, case unchanged)
 *   salt = Base64(SHA-256(B)), of the raw 32 digest bytes (not their hex), with `=` padding.
 * FinBox rejects a wrong salt with 400, so every detail (upper-case hex, raw digest, padding) matters.
 */
export function finboxSalt(customerId: string, serverHash: string): string {
  const a = createHash('md5').update(customerId, 'utf8').digest('hex').toUpperCase();
  return createHash('sha256').update(a + serverHash, 'utf8').digest('base64');
}
