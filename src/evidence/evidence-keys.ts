import { createHmac } from 'node:crypto';
import type { MasterKeys } from './master-keys';
import { newKey } from './sealed-box';

export { open, seal } from './sealed-box';

/**
 * The keys a ledger works with once its keyring is loaded (keyring.ts): the customer-hash key and the
 * chain key (random, stored in the database wrapped under the master key, so they outlive a master key
 * rotation), and the master keys that wrap and unwrap customers' data keys. What must stay true: the
 * customer-hash and chain keys never change for a database (every stored hash and link depends on them).
 */
export class EvidenceKeys {
  constructor(
    readonly masters: MasterKeys,
    private readonly customerKey: Buffer,
    readonly chainKey: Buffer,
  ) {}

  /** The customer as it appears in every table: HMAC-SHA256 under the keyring's customer-hash key. */
  customerHash(customerId: string): Buffer {
    return createHmac('sha256', this.customerKey).update(customerId, 'utf8').digest();
  }

  /** A data key sealed under the current master, bound to its key id and customer (moved to another row it fails to open). */
  wrap(keyId: string, customerHash: Buffer, dataKey: Buffer): { wrapped: Buffer; fingerprint: string } {
    return this.masters.wrap(dataKeyAad(keyId, customerHash), dataKey);
  }

  /** The data key, whichever master held here wrapped it; undefined when none did. */
  unwrap(keyId: string, customerHash: Buffer, wrapped: Buffer, fingerprint: string | null): Buffer | undefined {
    return this.masters.unwrap(dataKeyAad(keyId, customerHash), wrapped, fingerprint)?.plain;
  }
}

/** The associated data a data key is wrapped with: its key id and its customer's hash. */
export function dataKeyAad(keyId: string, customerHash: Buffer): Buffer {
  return Buffer.concat([Buffer.from(keyId, 'utf8'), customerHash]);
}

/** A fresh 256-bit data key. */
export function newDataKey(): Buffer {
  return newKey();
}
