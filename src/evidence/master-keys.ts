import { createHmac, hkdfSync } from 'node:crypto';
import { open, seal } from './sealed-box';

const SALT = Buffer.from('customer-signals-evidence/v1', 'utf8');
const FINGERPRINT_BYTES = 8;

/** What the key derivation of the first version called each key: it must never change (legacy databases). */
type Purpose = 'kek' | 'customer-hash' | 'chain';

function derive(master: Buffer, purpose: Purpose): Buffer {
  return Buffer.from(hkdfSync('sha256', master, SALT, Buffer.from(purpose, 'utf8'), 32));
}

/**
 * One EVIDENCE_MASTER_KEY: the KEK HKDF derives from it wraps every key the database holds (customer data
 * keys, the keyring). Its fingerprint (first 8 bytes of HMAC(KEK, 'fingerprint'), hex) is stored beside
 * each wrapped key to say which master wrapped it; it reveals nothing of the key and is safe to log.
 * What must stay true: the master bytes never leave this object except through the legacy derivation.
 */
export class MasterKey {
  readonly fingerprint: string;
  private readonly kek: Buffer;

  private constructor(private readonly master: Buffer) {
    this.kek = derive(master, 'kek');
    this.fingerprint = createHmac('sha256', this.kek).update('fingerprint', 'utf8').digest().subarray(0, FINGERPRINT_BYTES).toString('hex');
  }

  static fromBytes(master: Buffer): MasterKey {
    if (master.length !== 32) throw new Error('an evidence master key must be 32 bytes, base64');
    return new MasterKey(Buffer.from(master));
  }

  static fromBase64(masterBase64: string): MasterKey {
    return MasterKey.fromBytes(Buffer.from(masterBase64, 'base64'));
  }

  wrap(aad: Buffer, plaintext: Buffer): Buffer {
    return seal(this.kek, aad, plaintext);
  }

  unwrap(aad: Buffer, wrapped: Buffer): Buffer | undefined {
    return open(this.kek, aad, wrapped);
  }

  /**
   * The customer-hash and chain keys the first version derived from this master. Only the keyring uses
   * them, once, to adopt a database written before the keyring existed (its hashes and chain stay valid).
   */
  legacyKeys(): { customerKey: Buffer; chainKey: Buffer } {
    return { customerKey: derive(this.master, 'customer-hash'), chainKey: derive(this.master, 'chain') };
  }
}

/**
 * The master keys a process holds: EVIDENCE_MASTER_KEY (current: wraps everything new) and, during a
 * rotation, EVIDENCE_MASTER_KEY_PREVIOUS (still unwraps what it wrapped, never wraps anything).
 */
export class MasterKeys {
  constructor(readonly current: MasterKey, readonly previous?: MasterKey) {
    if (previous && previous.fingerprint === current.fingerprint) throw new Error('the previous evidence master key is the current one');
  }

  static fromBase64(currentBase64: string, previousBase64?: string): MasterKeys {
    return new MasterKeys(MasterKey.fromBase64(currentBase64), previousBase64 ? MasterKey.fromBase64(previousBase64) : undefined);
  }

  /** Current first: the order legacy rows (no fingerprint) are tried in. */
  get all(): MasterKey[] {
    return this.previous ? [this.current, this.previous] : [this.current];
  }

  /** Sealed under the current master, with the fingerprint to store beside it. */
  wrap(aad: Buffer, plaintext: Buffer): { wrapped: Buffer; fingerprint: string } {
    return { wrapped: this.current.wrap(aad, plaintext), fingerprint: this.current.fingerprint };
  }

  /**
   * The plaintext and the master that opened it; undefined when no master held here wrapped it. A
   * fingerprint picks the master; a row without one (written before fingerprints) tries each.
   */
  unwrap(aad: Buffer, wrapped: Buffer, fingerprint: string | null): { plain: Buffer; by: MasterKey } | undefined {
    for (const master of this.all) {
      if (fingerprint !== null && master.fingerprint !== fingerprint) continue;
      const plain = master.unwrap(aad, wrapped);
      if (plain) return { plain, by: master };
    }
    return undefined;
  }
}
