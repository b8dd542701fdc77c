import { Client } from 'pg';
import { EvidenceUnavailableError, type EvidenceLedger } from '../../src/evidence';
import { MasterKey } from '../../src/evidence/master-keys';
import { createTestDatabase } from '../support/postgres';
import { draft, newMasterKey, openLedger, runEvidenceScript, until } from './evidence-support';
import { writeLegacyLedger } from './legacy-ledger';

const A = newMasterKey();
const B = newMasterKey();
const C = newMasterKey();
const fp = (key: string) => MasterKey.fromBase64(key).fingerprint;

/** Opens a ledger and waits for it to come up (keyring loaded). */
async function openUp(url: string, current: string, previous?: string): Promise<EvidenceLedger> {
  const { ledger } = await openLedger(url, current, previous ? { previousMasterKeyBase64: previous } : {});
  await until(() => ledger.health() === 'up', 'ledger up');
  return ledger;
}

async function idOf(ledger: EvidenceLedger, customerId: string): Promise<string> {
  const result = await ledger.append(draft(customerId));
  if (!('evidenceId' in result)) throw new Error('refused');
  return result.evidenceId;
}

const env = (url: string, current: string, previous?: string) => ({
  EVIDENCE_DATABASE_URL: url, EVIDENCE_MASTER_KEY: current, ...(previous ? { EVIDENCE_MASTER_KEY_PREVIOUS: previous } : {}),
});

describe('rotating EVIDENCE_MASTER_KEY', () => {
  let db: { url: string; drop(): Promise<void> };
  let sql: Client;
  const opened: EvidenceLedger[] = [];

  beforeEach(async () => {
    db = await createTestDatabase();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((ledger) => ledger.close()));
    await sql.end();
    await db.drop();
  });

  const track = (ledger: EvidenceLedger) => (opened.push(ledger), ledger);
  const fingerprints = async (table: 'evidence_data_keys' | 'evidence_keyring') =>
    (await sql.query<{ f: string | null }>(`SELECT master_fingerprint AS f FROM ${table} WHERE wrapped_key IS NOT NULL ORDER BY 1`)).rows.map((r) => r.f);

  it('old records stay readable under NEW + PREVIOUS, the script re-wraps every key, then NEW alone reads and verifies everything', async () => {
    // Written under A.
    const underA = track(await openUp(db.url, A));
    const old1 = await idOf(underA, 'cust-1');
    const old2 = await idOf(underA, 'cust-2');
    await idOf(underA, 'cust-erased');
    await underA.eraseCustomer('cust-erased');
    underA.recordAccess({ at: new Date(Date.now() - 5_000), subject: 'svc-before', customerId: 'cust-1', field: 'Customer.extractedSms', evidenceId: old1 });
    await underA.readAccessLog('cust-1');
    await underA.close();
    expect(await fingerprints('evidence_keyring')).toEqual([fp(A), fp(A)]);
    expect(await fingerprints('evidence_data_keys')).toEqual([fp(A), fp(A)]);

    // Deployed with B, A as previous: old bodies read, appends work, the access log finds the old entries.
    const rotating = track(await openUp(db.url, B, A));
    const [view1, view2] = await rotating.read([old1, old2]);
    expect(view1).toMatchObject({ status: 'AVAILABLE', customerId: 'cust-1' });
    expect((view1?.body as { user_id: string }).user_id).toBe('cust-1');
    expect(view2).toMatchObject({ status: 'AVAILABLE', customerId: 'cust-2' });
    const during1 = await idOf(rotating, 'cust-1');
    const during3 = await idOf(rotating, 'cust-3');
    rotating.recordAccess({ at: new Date(), subject: 'svc-during', customerId: 'cust-1', field: 'Customer.extractedSms', evidenceId: during1 });
    expect((await rotating.readAccessLog('cust-1')).map((entry) => entry.subject)).toEqual(['svc-during', 'svc-before']);
    // A new customer's key is wrapped under B at once; cust-1 and cust-2 keep theirs (under A) until the script.
    expect(await fingerprints('evidence_data_keys')).toEqual([fp(A), fp(A), fp(B)].sort());

    // The script, while that replica still runs.
    const rotated = await runEvidenceScript('rotate-evidence-key', env(db.url, B, A));
    expect(rotated).toEqual({ code: 0, out: `re-wrapped 4 keys under master key ${fp(B)}: 2 keyring keys, 2 data keys\n`, err: '' });
    expect(await fingerprints('evidence_keyring')).toEqual([fp(B), fp(B)]);
    expect(await fingerprints('evidence_data_keys')).toEqual([fp(B), fp(B), fp(B)]);
    // The erased customer's key stays destroyed.
    expect((await sql.query('SELECT 1 FROM evidence_data_keys WHERE wrapped_key IS NULL')).rowCount).toBe(1);
    expect((await rotating.read([old1]))[0]?.status).toBe('AVAILABLE');
    // Again: nothing left to do.
    expect(await runEvidenceScript('rotate-evidence-key', env(db.url, B, A))).toEqual({ code: 0, out: `re-wrapped 0 keys under master key ${fp(B)}: 0 keyring keys, 0 data keys\n`, err: '' });
    await rotating.close();

    // Deployed with B alone.
    const underB = track(await openUp(db.url, B));
    const views = await underB.read([old1, old2, during1, during3]);
    expect(views.map((view) => view?.status)).toEqual(['AVAILABLE', 'AVAILABLE', 'AVAILABLE', 'AVAILABLE']);
    expect(views.map((view) => view?.customerId)).toEqual(['cust-1', 'cust-2', 'cust-1', 'cust-3']);
    expect((await underB.readAccessLog('cust-1')).map((entry) => entry.subject)).toEqual(['svc-during', 'svc-before']);
    await idOf(underB, 'cust-2');
    expect(await runEvidenceScript('verify-evidence', env(db.url, B))).toEqual({ code: 0, out: 'ok 6 records\n', err: '' });
    await underB.close();

    // A key that is neither: nothing readable, nothing verified, nothing re-wrapped, no key printed.
    const { ledger: underC, events } = await openLedger(db.url, C);
    track(underC);
    const failures: string[] = [];
    events.onError((event) => failures.push(event.operation));
    await until(() => failures.includes('keyring'), 'the keyring refused');
    expect(underC.health()).toBe('down');
    await expect(underC.read([old1])).rejects.toBeInstanceOf(EvidenceUnavailableError);
    await expect(underC.append(draft('cust-1'))).rejects.toBeInstanceOf(EvidenceUnavailableError);
    const verified = await runEvidenceScript('verify-evidence', env(db.url, C));
    expect(verified.code).not.toBe(0);
    expect(verified.err).toContain('opens under neither');
    const refused = await runEvidenceScript('rotate-evidence-key', env(db.url, C, A));
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`nothing re-wrapped: the evidence keyring`);
    for (const output of [verified.out + verified.err, refused.out + refused.err]) {
      for (const key of [A, B, C]) expect(output).not.toContain(key);
    }
    expect(await fingerprints('evidence_keyring')).toEqual([fp(B), fp(B)]);
  });

  it('a data key neither master opens reads ERASED-like, and the script re-wraps the rest and exits 1 naming it', async () => {
    const underA = track(await openUp(db.url, A));
    const good = await idOf(underA, 'cust-good');
    const lost = await idOf(underA, 'cust-lost');
    await underA.close();
    // As a replica running on a key that is neither would leave it: cust-lost's data key wrapped under C.
    const row = (await sql.query<{ key_id: string; customer_hash: Buffer; wrapped_key: Buffer }>(
      'SELECT k.key_id, k.customer_hash, k.wrapped_key FROM evidence_data_keys k JOIN evidence_records r ON r.key_id = k.key_id WHERE r.id = $1', [lost],
    )).rows[0];
    if (!row) throw new Error('no key row');
    const aad = Buffer.concat([Buffer.from(row.key_id, 'utf8'), row.customer_hash]);
    const plain = MasterKey.fromBase64(A).unwrap(aad, row.wrapped_key);
    if (!plain) throw new Error('A did not open its own key');
    await sql.query('UPDATE evidence_data_keys SET wrapped_key = $2, master_fingerprint = $3 WHERE key_id = $1', [row.key_id, MasterKey.fromBase64(C).wrap(aad, plain), fp(C)]);

    const rotated = await runEvidenceScript('rotate-evidence-key', env(db.url, B, A));
    expect(rotated.code).toBe(1);
    expect(rotated.out).toBe(`re-wrapped 3 keys under master key ${fp(B)}: 2 keyring keys, 1 data keys\n`);
    expect(rotated.err).toBe(`1 data keys open under neither EVIDENCE_MASTER_KEY nor EVIDENCE_MASTER_KEY_PREVIOUS (first: ${row.key_id}); left as they are\n`);

    const underB = track(await openUp(db.url, B));
    const [goodView, lostView] = await underB.read([good, lost]);
    expect(goodView?.status).toBe('AVAILABLE');
    expect(lostView).toMatchObject({ status: 'ERASED', body: null, customerId: null, arguments: null, vendorRequestId: null });
    expect(await runEvidenceScript('verify-evidence', env(db.url, B))).toEqual({ code: 0, out: 'ok 2 records\n', err: '' });
  });

  it('a database the first version wrote (no keyring) gets one that keeps its hashes and chain, also when opened mid-rotation', async () => {
    const drafts = [draft('legacy-1'), draft('legacy-2'), draft('legacy-1')];
    const ids = await writeLegacyLedger(db.url, A, drafts, ['legacy-1']);
    // Verify reads a database without a keyring with the derived chain key.
    expect(await runEvidenceScript('verify-evidence', env(db.url, A))).toEqual({ code: 0, out: 'ok 3 records\n', err: '' });

    // Upgrade and rotation at once: B current, A previous. The keyring is adopted from A's derivation.
    const rotating = track(await openUp(db.url, B, A));
    expect((await sql.query('SELECT name, origin, master_fingerprint FROM evidence_keyring ORDER BY name')).rows).toEqual([
      { name: 'chain', origin: 'legacy', master_fingerprint: fp(B) },
      { name: 'customer-hash', origin: 'legacy', master_fingerprint: fp(B) },
    ]);
    expect((await rotating.read(ids)).map((view) => view?.status)).toEqual(['AVAILABLE', 'AVAILABLE', 'AVAILABLE']);
    expect((await rotating.read(ids))[1]?.customerId).toBe('legacy-2');
    expect((await rotating.readAccessLog('legacy-1')).map((entry) => entry.subject)).toEqual(['svc-legacy']);
    const after = await idOf(rotating, 'legacy-2');
    expect(await runEvidenceScript('verify-evidence', env(db.url, B, A))).toEqual({ code: 0, out: 'ok 4 records\n', err: '' });

    // The old data keys (no fingerprint) are re-wrapped; the keyring already is under B.
    expect(await runEvidenceScript('rotate-evidence-key', env(db.url, B, A))).toEqual({
      code: 0, out: `re-wrapped 2 keys under master key ${fp(B)}: 0 keyring keys, 2 data keys\n`, err: '',
    });
    await rotating.close();
    const underB = track(await openUp(db.url, B));
    expect((await underB.read([...ids, after])).map((view) => view?.status)).toEqual(['AVAILABLE', 'AVAILABLE', 'AVAILABLE', 'AVAILABLE']);
    expect(await runEvidenceScript('verify-evidence', env(db.url, B))).toEqual({ code: 0, out: 'ok 4 records\n', err: '' });
  });

  it('a database the first version wrote, opened with its own key: adopted in place, the chain continues', async () => {
    const ids = await writeLegacyLedger(db.url, A, [draft('legacy-1'), draft('legacy-2')], ['legacy-2']);
    const underA = track(await openUp(db.url, A));
    expect((await sql.query('SELECT origin, master_fingerprint FROM evidence_keyring')).rows).toEqual([
      { origin: 'legacy', master_fingerprint: fp(A) }, { origin: 'legacy', master_fingerprint: fp(A) },
    ]);
    expect((await underA.read(ids)).map((view) => view?.customerId)).toEqual(['legacy-1', 'legacy-2']);
    expect((await underA.readAccessLog('legacy-2')).map((entry) => entry.subject)).toEqual(['svc-legacy']);
    await idOf(underA, 'legacy-1');
    expect(await runEvidenceScript('verify-evidence', env(db.url, A))).toEqual({ code: 0, out: 'ok 3 records\n', err: '' });
  });

  it('a new database gets random keyring keys: the customer hashes are not the ones the master key derives', async () => {
    const underA = track(await openUp(db.url, A));
    await idOf(underA, 'fresh-1');
    expect((await sql.query('SELECT origin FROM evidence_keyring')).rows).toEqual([{ origin: 'random' }, { origin: 'random' }]);
    const legacyHash = (await import('node:crypto')).createHmac('sha256', MasterKey.fromBase64(A).legacyKeys().customerKey).update('fresh-1').digest();
    expect((await sql.query('SELECT 1 FROM evidence_records WHERE customer_hash = $1', [legacyHash])).rowCount).toBe(0);
    expect((await sql.query('SELECT 1 FROM evidence_records')).rowCount).toBe(1);
  });
});
