import { chainHash, chainedRecordOf } from './chain-hash';
import { bytes, int, type SqlQueryable } from './sql-driver';

export type ChainVerdict =
  | { ok: true; records: number }
  | { ok: false; id: string | null; seq: number; reason: string };

const PAGE = 1000;

/**
 * Walks the chain from the anchor (the last record the sweep deleted) to the head, recomputing each
 * record's HMAC. Reports the first broken record by id and seq only (never customer data): an edited
 * record fails its own hash, a deleted one leaves a gap in seq, swapped ones fail the hash of the first
 * moved, and records added or removed at the end disagree with the head.
 */
export async function verifyChain(db: SqlQueryable, chainKey: Buffer): Promise<ChainVerdict> {
  const chain = (await db.query<Record<string, unknown>>('SELECT head_seq, head_hash, anchor_seq, anchor_hash FROM evidence_chain WHERE id = 1')).rows[0];
  if (!chain) return { ok: false, id: null, seq: 0, reason: 'the chain row is missing' };
  let expectedSeq = int(chain.anchor_seq) + 1;
  let prev = bytes(chain.anchor_hash);
  let records = 0;
  let lastId: string | null = null;
  for (;;) {
    const { rows } = await db.query<Record<string, unknown>>(
      `SELECT id, seq, vendor, product, customer_hash, key_id, retrieved_at, recorded_at, sealed, prev_hash, hash
         FROM evidence_records WHERE seq >= $1 ORDER BY seq LIMIT ${PAGE}`,
      [expectedSeq],
    );
    for (const row of rows) {
      const id = String(row.id);
      const seq = int(row.seq);
      if (seq !== expectedSeq) {
        return { ok: false, id, seq, reason: `record seq ${expectedSeq} (before this one) is missing` };
      }
      if (!bytes(row.prev_hash).equals(prev)) return { ok: false, id, seq, reason: 'its link to the previous record does not match' };
      const hash = chainHash(chainKey, prev, chainedRecordOf(row));
      if (!hash.equals(bytes(row.hash))) return { ok: false, id, seq, reason: 'its contents do not match its hash (edited or moved)' };
      prev = hash;
      lastId = id;
      expectedSeq += 1;
      records += 1;
    }
    if (rows.length < PAGE) break;
  }
  const headSeq = int(chain.head_seq);
  if (expectedSeq - 1 !== headSeq || !prev.equals(bytes(chain.head_hash))) {
    return { ok: false, id: lastId, seq: expectedSeq - 1, reason: `the chain ends at seq ${expectedSeq - 1} but its head is seq ${headSeq}` };
  }
  return { ok: true, records };
}
