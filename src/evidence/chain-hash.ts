import { createHash, createHmac } from 'node:crypto';
import { bytes, int } from './sql-driver';

/** The columns of one record the chain covers (everything but prev_hash and hash themselves). */
export interface ChainedRecord {
  id: string;
  seq: number;
  vendor: string;
  product: string;
  customerHash: Buffer;
  keyId: string;
  retrievedAt: Date;
  recordedAt: Date;
  sealed: Buffer;
}

/**
 * hash = HMAC(chain key, prev_hash || canonical bytes). The canonical bytes length-prefix every field so
 * no two different records encode alike, and include the sealed payload's SHA-256: changing a byte,
 * moving a record to another seq, or dropping one breaks the hash of it or of its successor.
 * What must stay true: this encoding never changes for existing records (a new one needs a new version).
 */
export function chainHash(chainKey: Buffer, prevHash: Buffer, record: ChainedRecord): Buffer {
  const hmac = createHmac('sha256', chainKey);
  hmac.update(prevHash);
  const field = (value: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(value.length);
    hmac.update(length);
    hmac.update(value);
  };
  field(Buffer.from('evidence-v1', 'utf8'));
  field(Buffer.from(record.id, 'utf8'));
  field(int64(record.seq));
  field(Buffer.from(record.vendor, 'utf8'));
  field(Buffer.from(record.product, 'utf8'));
  field(record.customerHash);
  field(Buffer.from(record.keyId, 'utf8'));
  field(int64(record.retrievedAt.getTime()));
  field(int64(record.recordedAt.getTime()));
  field(createHash('sha256').update(record.sealed).digest());
  return hmac.digest();
}

function int64(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigInt64BE(BigInt(value));
  return bytes;
}

/** A record's chained columns as a row of `evidence_records` holds them (either driver). */
export function chainedRecordOf(row: Record<string, unknown>): ChainedRecord {
  return {
    id: String(row.id), seq: int(row.seq), vendor: String(row.vendor), product: String(row.product), customerHash: bytes(row.customer_hash),
    keyId: String(row.key_id), retrievedAt: row.retrieved_at as Date, recordedAt: row.recorded_at as Date, sealed: bytes(row.sealed),
  };
}
