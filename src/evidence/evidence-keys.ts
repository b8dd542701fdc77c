import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = 1;
const SALT = Buffer.from('customer-signals-evidence/v1', 'utf8');

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, SALT, Buffer.from(purpose, 'utf8'), 32));
}

/**
 * The three keys HKDF derives from EVIDENCE_MASTER_KEY, each for one job: wrapping data keys (KEK),
 * hashing customer ids, and the chain's HMAC. Changing the master key changes all three: rotation means
 * re-wrapping the data keys and re-hashing (see the README).
 */
export class EvidenceKeys {
  private readonly kek: Buffer;
  private readonly customerKey: Buffer;
  readonly chainKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('EVIDENCE_MASTER_KEY must be 32 bytes, base64');
    this.kek = derive(masterKey, 'kek');
    this.customerKey = derive(masterKey, 'customer-hash');
    this.chainKey = derive(masterKey, 'chain');
  }

  static fromBase64(masterKeyBase64: string): EvidenceKeys {
    return new EvidenceKeys(Buffer.from(masterKeyBase64, 'base64'));
  }

  /** The customer as it appears in every table: HMAC-SHA256 under its own derived key. */
  customerHash(customerId: string): Buffer {
    return createHmac('sha256', this.customerKey).update(customerId, 'utf8').digest();
  }

  /** A data key sealed under the KEK, bound to its key id and customer (moved to another row it fails to open). */
  wrap(keyId: string, customerHash: Buffer, dataKey: Buffer): Buffer {
    return seal(this.kek, Buffer.concat([Buffer.from(keyId, 'utf8'), customerHash]), dataKey);
  }

  unwrap(keyId: string, customerHash: Buffer, wrapped: Buffer): Buffer | undefined {
    return open(this.kek, Buffer.concat([Buffer.from(keyId, 'utf8'), customerHash]), wrapped);
  }
}

/** A fresh 256-bit data key. */
export function newDataKey(): Buffer {
  return randomBytes(32);
}

/** AES-256-GCM; layout: format (1) | iv (12) | tag (16) | ciphertext. */
export function seal(key: Buffer, aad: Buffer, plaintext: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), ciphertext]);
}

/** The plaintext, or undefined when `sealed` is not what this key sealed with this AAD. */
export function open(key: Buffer, aad: Buffer, sealed: Buffer): Buffer | undefined {
  if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== FORMAT) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + IV_BYTES));
    decipher.setAAD(aad);
    decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  } catch {
    return undefined;
  }
}
