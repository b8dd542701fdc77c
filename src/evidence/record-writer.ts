import { randomBytes } from 'node:crypto';
import { chainHash } from './chain-hash';
import { newDataKey, seal, type EvidenceKeys } from './evidence-keys';
import type { AppendResult, EvidenceDraft } from './evidence-types';
import { encodePayload } from './sealed-payload';
import { bytes, int, type SqlSession } from './sql-driver';

/** `ev_` + 16 random bytes, base64url: opaque, says nothing about customer, vendor or time. */
export function newEvidenceId(): string {
  return `ev_${randomBytes(16).toString('base64url')}`;
}

/** A draft ready to be sealed: its payload encoded (deflated) before the batch takes the chain lock. */
export interface PreparedDraft {
  draft: EvidenceDraft;
  payload: Buffer;
}

/**
 * Encodes a draft's payload as soon as it is appended: the deflate runs on libuv's pool while earlier
 * batches commit, so the chain lock is held only for sealing and one set of statements.
 */
export async function prepareDraft(draft: EvidenceDraft, compressionLevel: number): Promise<PreparedDraft> {
  const payload = await encodePayload({
    customerId: draft.customerId,
    arguments: draft.arguments,
    vendorRequestId: draft.vendorRequestId ?? null,
    body: draft.body,
  }, compressionLevel);
  return { draft, payload };
}

/** Columns of one evidence_records row, in INSERT order. */
const RECORD_COLUMNS = 11;

/**
 * Appends a batch of drafts in the caller's transaction (group commit): locks the chain row (every
 * replica's appends serialize there, so seq and prev_hash never fork), refuses drafts of customers
 * erased after their fetch started, seals each payload under its customer's data key (a new one when
 * the customer has none or was erased) and links each record to the one before. A constant number of
 * statements per batch, whatever its size: the lock is held for milliseconds, not a round trip per record.
 */
export async function writeBatch(session: SqlSession, keys: EvidenceKeys, prepared: readonly PreparedDraft[]): Promise<AppendResult[]> {
  const head = (await session.query<Record<string, unknown>>('SELECT head_seq, head_hash FROM evidence_chain WHERE id = 1 FOR UPDATE')).rows[0];
  if (!head) throw new Error('evidence chain row missing');
  let seq = int(head.head_seq);
  let prev = bytes(head.head_hash);
  const hashes = prepared.map(({ draft }) => keys.customerHash(draft.customerId));
  const distinct = [...new Map(hashes.map((hash) => [hash.toString('hex'), hash])).values()];
  const erasedAt = await erasuresOf(session, distinct);
  const dataKeys = await dataKeysOf(session, keys, distinct.filter((hash) => prepared.some(({ draft }, i) =>
    hashes[i]?.equals(hash) && !refused(erasedAt.get(hash.toString('hex')), draft))));

  const results: AppendResult[] = [];
  const rows: unknown[] = [];
  prepared.forEach(({ draft, payload }, index) => {
    const customerHash = hashes[index] as Buffer;
    const hex = customerHash.toString('hex');
    if (refused(erasedAt.get(hex), draft)) {
      results.push({ refused: 'erased' });
      return;
    }
    const dataKey = dataKeys.get(hex) as { keyId: string; key: Buffer };
    const id = newEvidenceId();
    seq += 1;
    const recordedAt = new Date();
    const sealed = seal(dataKey.key, Buffer.from(id, 'utf8'), payload);
    const record = { id, seq, vendor: draft.vendor, product: draft.product, customerHash, keyId: dataKey.keyId, retrievedAt: draft.retrievedAt, recordedAt, sealed };
    const hash = chainHash(keys.chainKey, prev, record);
    rows.push(id, seq, draft.vendor, draft.product, customerHash, dataKey.keyId, draft.retrievedAt, recordedAt, sealed, prev, hash);
    prev = hash;
    results.push({ evidenceId: id });
  });
  if (rows.length > 0) {
    await session.query(
      `INSERT INTO evidence_records (id, seq, vendor, product, customer_hash, key_id, retrieved_at, recorded_at, sealed, prev_hash, hash)
       VALUES ${placeholders(rows.length / RECORD_COLUMNS, RECORD_COLUMNS)}`,
      rows,
    );
    await session.query('UPDATE evidence_chain SET head_seq = $1, head_hash = $2 WHERE id = 1', [seq, prev]);
  }
  return results;
}

/** A draft whose fetch began before its customer's last erasure is never recorded. */
function refused(erasedAt: number | undefined, draft: EvidenceDraft): boolean {
  return erasedAt !== undefined && erasedAt > draft.fetchStartedAt.getTime();
}

/** Customer hashes as one text[] parameter (both drivers bind text arrays alike), decoded in SQL. */
function hexArray(hashes: readonly Buffer[]): string[] {
  return hashes.map((hash) => hash.toString('hex'));
}

/** The last erasure instant of each customer that has one, by hex hash. */
async function erasuresOf(session: SqlSession, hashes: readonly Buffer[]): Promise<Map<string, number>> {
  if (hashes.length === 0) return new Map();
  const rows = (await session.query<{ customer_hash: unknown; erased_at: Date }>(
    `SELECT customer_hash, erased_at FROM evidence_erasures
      WHERE customer_hash IN (SELECT decode(h, 'hex') FROM unnest($1::text[]) AS h)`,
    [hexArray(hashes)],
  )).rows;
  return new Map(rows.map((row) => [bytes(row.customer_hash).toString('hex'), row.erased_at.getTime()]));
}

/**
 * Each customer's live data key: the newest one not destroyed that a master held here opens, or a new one
 * wrapped under the current master (a customer's first record, the first after an erasure, or a live key no
 * master here opens), all created in one INSERT.
 */
async function dataKeysOf(session: SqlSession, keys: EvidenceKeys, hashes: readonly Buffer[]): Promise<Map<string, { keyId: string; key: Buffer }>> {
  const found = new Map<string, { keyId: string; key: Buffer }>();
  if (hashes.length === 0) return found;
  const rows = (await session.query<{ key_id: string; customer_hash: unknown; wrapped_key: unknown; master_fingerprint: string | null }>(
    `SELECT DISTINCT ON (customer_hash) key_id, customer_hash, wrapped_key, master_fingerprint FROM evidence_data_keys
      WHERE customer_hash IN (SELECT decode(h, 'hex') FROM unnest($1::text[]) AS h) AND wrapped_key IS NOT NULL
      ORDER BY customer_hash, created_at DESC`,
    [hexArray(hashes)],
  )).rows;
  for (const row of rows) {
    const customerHash = bytes(row.customer_hash);
    const key = keys.unwrap(row.key_id, customerHash, bytes(row.wrapped_key), row.master_fingerprint);
    if (key) found.set(customerHash.toString('hex'), { keyId: row.key_id, key });
  }
  const created: unknown[] = [];
  const now = new Date();
  for (const customerHash of hashes) {
    const hex = customerHash.toString('hex');
    if (found.has(hex)) continue;
    const keyId = `dk_${randomBytes(12).toString('base64url')}`;
    const key = newDataKey();
    const { wrapped, fingerprint } = keys.wrap(keyId, customerHash, key);
    created.push(keyId, customerHash, wrapped, fingerprint, now);
    found.set(hex, { keyId, key });
  }
  if (created.length > 0) {
    await session.query(
      `INSERT INTO evidence_data_keys (key_id, customer_hash, wrapped_key, master_fingerprint, created_at) VALUES ${placeholders(created.length / 5, 5)}`,
      created,
    );
  }
  return found;
}

/** `($1, $2, ...), ($n+1, ...)` for `rows` rows of `columns` parameters. */
function placeholders(rows: number, columns: number): string {
  return Array.from({ length: rows }, (_, row) =>
    `(${Array.from({ length: columns }, (_, column) => `$${row * columns + column + 1}`).join(', ')})`).join(', ');
}
