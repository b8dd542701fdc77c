import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Format version byte, so a later format can be told apart from this one. */
const FORMAT = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Authenticated encryption of everything this process writes to Redis (AES-256-GCM, Node's crypto).
 * The Redis key name is bound in as associated data: a value copied onto another key (another
 * customer's) fails to open, and the caller treats that as a miss, never as that customer's data.
 * Layout: format (1) | iv (12) | tag (16) | ciphertext.
 */
export class SealedBox {
  private readonly key: Buffer;

  constructor(keyBase64: string) {
    this.key = Buffer.from(keyBase64, 'base64');
    if (this.key.length !== 32) throw new Error('SIGNALS_STORE_KEY must be 32 bytes, base64');
  }

  seal(keyName: string, plaintext: Buffer): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(keyName, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([Buffer.from([FORMAT]), iv, cipher.getAuthTag(), ciphertext]);
  }

  /** The plaintext, or undefined when the value is not one this key sealed under this key name. */
  open(keyName: string, sealed: Buffer): Buffer | undefined {
    if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== FORMAT) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(1, 1 + IV_BYTES));
      decipher.setAAD(Buffer.from(keyName, 'utf8'));
      decipher.setAuthTag(sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      return undefined;
    }
  }
}
