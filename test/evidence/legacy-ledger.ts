import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { runner } from 'node-pg-migrate';
import { Client } from 'pg';
import { chainHash } from '../../src/evidence/chain-hash';
import { MIGRATIONS_TABLE, migrationsDir } from '../../src/evidence/migrate';
import { encodePayload } from '../../src/evidence/sealed-payload';
import { seal } from '../../src/evidence/sealed-box';
import type { EvidenceDraft } from '../../src/evidence';

/**
 * A database as the first version of the ledger left it: the first migration only (no keyring, no
 * fingerprints), records and access-log rows written with the keys that version derived from
 * EVIDENCE_MASTER_KEY. The derivation is written out here as that version had it (salt, purposes), not
 * taken from src/, so a change of the adoption code cannot hide behind the same change here.
 */
export async function writeLegacyLedger(url: string, masterBase64: string, drafts: EvidenceDraft[], accessedBy: string[]): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await runner({
      dbClient: client, dir: migrationsDir(), migrationsTable: MIGRATIONS_TABLE, direction: 'up', count: 1,
      checkOrder: true, singleTransaction: true, log: () => undefined,
      logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
    });
    const columns = (await client.query(`SELECT 1 FROM information_schema.columns WHERE table_name = 'evidence_data_keys' AND column_name = 'master_fingerprint'`)).rowCount;
    const keyring = (await client.query(`SELECT to_regclass('evidence_keyring') AS t`)).rows[0].t;
    if (columns !== 0 || keyring !== null) throw new Error('more than the first migration ran');

    const master = Buffer.from(masterBase64, 'base64');
    const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', master, Buffer.from('customer-signals-evidence/v1'), Buffer.from(purpose), 32));
    const kek = derive('kek');
    const customerKey = derive('customer-hash');
    const chainKey = derive('chain');
    const hash = (customerId: string) => createHmac('sha256', customerKey).update(customerId, 'utf8').digest();

    const ids: string[] = [];
    let prev: Buffer = Buffer.alloc(0);
    let seq = 0;
    const dataKeys = new Map<string, { keyId: string; key: Buffer }>();
    for (const draft of drafts) {
      const customerHash = hash(draft.customerId);
      let dataKey = dataKeys.get(draft.customerId);
      if (!dataKey) {
        dataKey = { keyId: `dk_${randomBytes(12).toString('base64url')}`, key: randomBytes(32) };
        dataKeys.set(draft.customerId, dataKey);
        const wrapped = seal(kek, Buffer.concat([Buffer.from(dataKey.keyId, 'utf8'), customerHash]), dataKey.key);
        await client.query('INSERT INTO evidence_data_keys (key_id, customer_hash, wrapped_key, created_at) VALUES ($1, $2, $3, $4)', [dataKey.keyId, customerHash, wrapped, new Date()]);
      }
      const id = `ev_${randomBytes(16).toString('base64url')}`;
      seq += 1;
      const recordedAt = new Date();
      // zlib's usual level 6, not the ledger's default 1: records of any level read back alike.
      const payload = await encodePayload({ customerId: draft.customerId, arguments: draft.arguments, vendorRequestId: draft.vendorRequestId ?? null, body: draft.body }, 6);
      const sealed = seal(dataKey.key, Buffer.from(id, 'utf8'), payload);
      const link = chainHash(chainKey, prev, { id, seq, vendor: draft.vendor, product: draft.product, customerHash, keyId: dataKey.keyId, retrievedAt: draft.retrievedAt, recordedAt, sealed });
      await client.query(
        `INSERT INTO evidence_records (id, seq, vendor, product, customer_hash, key_id, retrieved_at, recorded_at, sealed, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [id, seq, draft.vendor, draft.product, customerHash, dataKey.keyId, draft.retrievedAt, recordedAt, sealed, prev, link],
      );
      prev = link;
      ids.push(id);
    }
    await client.query('UPDATE evidence_chain SET head_seq = $1, head_hash = $2 WHERE id = 1', [seq, prev]);
    for (const customerId of accessedBy) {
      await client.query(
        `INSERT INTO evidence_access_log (at, subject, customer_hash, field) VALUES ($1, 'svc-legacy', $2, 'Customer.extractedSms')`,
        [new Date(Date.now() - 60_000), hash(customerId)],
      );
    }
    return ids;
  } finally {
    await client.end();
  }
}
