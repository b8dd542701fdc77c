import { encodePayload } from './sealed-payload';
import { randomBytes } from 'node:crypto';
import { chainHash } from './chain-hash';
import { newDataKey, seal, type EvidenceKeys } from './evidence-keys';
import type { AppendResult, EvidenceDraft } from './evidence-types';
import { bytes, int, type SqlSession } from './sql-driver';

/** `ev_` + 16 random bytes, base64url: opaque, says nothing about customer, vendor or time. */
export function newEvidenceId(): string {
  return `ev_${randomBytes(16).toString('base64url')}`;
}

/**
 * Appends a batch of drafts in the caller's transaction (group commit): locks the chain row (every
 * replica's appends serialize there, so seq and prev_hash never fork), refuses drafts of customers
 * erased after their fetch started, seals each payload under its customer's data key (a new one when
 * the customer has none or was erased) and links each record to the one before.
 */
export async function writeBatch(session: SqlSession, keys: EvidenceKeys, drafts: readonly EvidenceDraft[]): Promise<AppendResult[]> {
  const head = (await session.query<Record<string, unknown>>('SELECT head_seq, head_hash FROM evidence_chain WHERE id = 1 FOR UPDATE')).rows[0];
  if (!head) throw new Error('evidence chain row missing');
  let seq = int(head.head_seq);
  let prev = bytes(head.head_hash);
  const dataKeys = new Map<string, { keyId: string; key: Buffer }>();
  const results: AppendResult[] = [];

  for (const draft of drafts) {
    const customerHash = keys.customerHash(draft.customerId);
    const erasure = (await session.query<{ erased_at: Date }>('SELECT erased_at FROM evidence_erasures WHERE customer_hash = $1', [customerHash])).rows[0];
    if (erasure && erasure.erased_at.getTime() > draft.fetchStartedAt.getTime()) {
      results.push({ refused: 'erased' });
      continue;
    }
    const dataKey = dataKeys.get(customerHash.toString('hex')) ?? (await customerKey(session, keys, customerHash));
    dataKeys.set(customerHash.toString('hex'), dataKey);

    const id = newEvidenceId();
    seq += 1;
    const recordedAt = new Date();
    const payload = await encodePayload({
      customerId: draft.customerId,
      arguments: draft.arguments,
      vendorRequestId: draft.vendorRequestId ?? null,
      body: draft.body,
    });
    const sealed = seal(dataKey.key, Buffer.from(id, 'utf8'), payload);
    const record = { id, seq, vendor: draft.vendor, product: draft.product, customerHash, keyId: dataKey.keyId, retrievedAt: draft.retrievedAt, recordedAt, sealed };
    const hash = chainHash(keys.chainKey, prev, record);
    await session.query(
      `INSERT INTO evidence_records (id, seq, vendor, product, customer_hash, key_id, retrieved_at, recorded_at, sealed, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [id, seq, draft.vendor, draft.product, customerHash, dataKey.keyId, draft.retrievedAt, recordedAt, sealed, prev, hash],
    );
    prev = hash;
    results.push({ evidenceId: id });
  }
  if (results.some((r) => 'evidenceId' in r)) {
    await session.query('UPDATE evidence_chain SET head_seq = $1, head_hash = $2 WHERE id = 1', [seq, prev]);
  }
  return results;
}

/** The customer's live data key, or a new one wrapped under the current master (first append, first after an erasure, or a live key no master held here opens). */
async function customerKey(session: SqlSession, keys: EvidenceKeys, customerHash: Buffer): Promise<{ keyId: string; key: Buffer }> {
  const existing = (await session.query<{ key_id: string; wrapped_key: unknown; master_fingerprint: string | null }>(
    `SELECT key_id, wrapped_key, master_fingerprint FROM evidence_data_keys
      WHERE customer_hash = $1 AND wrapped_key IS NOT NULL ORDER BY created_at DESC LIMIT 1`,
    [customerHash],
  )).rows[0];
  if (existing) {
    const key = keys.unwrap(existing.key_id, customerHash, bytes(existing.wrapped_key), existing.master_fingerprint);
    if (key) return { keyId: existing.key_id, key };
  }
  const keyId = `dk_${randomBytes(12).toString('base64url')}`;
  const key = newDataKey();
  const { wrapped, fingerprint } = keys.wrap(keyId, customerHash, key);
  await session.query(
    'INSERT INTO evidence_data_keys (key_id, customer_hash, wrapped_key, master_fingerprint, created_at) VALUES ($1, $2, $3, $4, $5)',
    [keyId, customerHash, wrapped, fingerprint, new Date()],
  );
  return { keyId, key };
}
