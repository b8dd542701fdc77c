import { Client } from 'pg';
import { chainKeyFor } from '../../src/evidence/keyring';
import { MasterKeys } from '../../src/evidence/master-keys';
import { verifyChain, type EvidenceLedger } from '../../src/evidence';
import { createTestDatabase } from '../support/postgres';
import { draft, FEATURE_JSON, newMasterKey, openLedger, REFERENCE, SMS_TEXT, until } from './evidence-support';

const CUSTOMER = 'cust-UNMISTAKABLE-5521';

describe('evidence ledger on PostgreSQL', () => {
  let db: { url: string; drop(): Promise<void> };
  let ledger: EvidenceLedger;
  const key = newMasterKey();
  let sql: Client;

  beforeEach(async () => {
    db = await createTestDatabase();
    ({ ledger } = await openLedger(db.url, key));
    await until(() => ledger.health() === 'up', 'ledger up');
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterEach(async () => {
    await sql.end();
    await ledger.close();
    await db.drop();
  });

  const verify = async () => verifyChain(sql, await chainKeyFor(sql, MasterKeys.fromBase64(key)));

  it('appends and reads back the body bytes as given, the customer, arguments and request id', async () => {
    const given = draft(CUSTOMER);
    const appended = await ledger.append(given);
    if (!('evidenceId' in appended)) throw new Error('refused');
    expect(appended.evidenceId).toMatch(/^ev_[A-Za-z0-9_-]{22}$/);
    const [view, unknown] = await ledger.read([appended.evidenceId, 'ev_unknown']);
    expect(unknown).toBeNull();
    expect(view).toMatchObject({ id: appended.evidenceId, vendor: 'CREDEAU', product: 'credeau-sms', customerId: CUSTOMER, status: 'AVAILABLE', vendorRequestId: 'req-42', arguments: given.arguments });
    expect(view?.body).toEqual(JSON.parse(given.body.toString('utf8')));
    expect(view?.retrievedAt.getTime()).toBe(given.retrievedAt.getTime());
  });

  it('deflates bodies at EVIDENCE_COMPRESSION_LEVEL before sealing, and reads any level back', async () => {
    const body = Buffer.from(JSON.stringify({ features: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`feature_${i}`, i % 7])) }), 'utf8');
    const stored = await openLedger(db.url, key, { compressionLevel: 0 });
    try {
      await until(() => stored.ledger.health() === 'up', 'second ledger up');
      const deflated = await ledger.append(draft(CUSTOMER, { body }));
      const kept = await stored.ledger.append(draft(CUSTOMER, { body }));
      if (!('evidenceId' in deflated) || !('evidenceId' in kept)) throw new Error('refused');
      const sizes = new Map((await sql.query<{ id: string; size: number }>('SELECT id, octet_length(sealed) AS size FROM evidence_records')).rows.map((row) => [row.id, Number(row.size)]));
      // Level 0 stores the body as it is; the default level 1 deflates this repetitive JSON many times over.
      expect(sizes.get(kept.evidenceId)).toBeGreaterThan(body.length);
      expect(sizes.get(deflated.evidenceId)).toBeLessThan(body.length / 4);
      const views = await ledger.read([deflated.evidenceId, kept.evidenceId]);
      for (const view of views) expect(view?.body).toEqual(JSON.parse(body.toString('utf8')));
    } finally {
      await stored.ledger.close();
    }
  });

  it('groups concurrent appends and keeps one unbroken chain', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => ledger.append(draft(`c-${i % 4}`))));
    expect(results.every((r) => 'evidenceId' in r)).toBe(true);
    expect(await verify()).toEqual({ ok: true, records: 30 });
  });

  it('erasure makes every body of the customer unreadable, keeps the chain, and refuses a fetch started before it', async () => {
    const first = await ledger.append(draft(CUSTOMER));
    const other = await ledger.append(draft('someone-else'));
    const startedBefore = new Date(Date.now() - 1000);
    const erased = await ledger.eraseCustomer(CUSTOMER);
    expect(erased.evidenceRecords).toBe(1);
    const [view, otherView] = await ledger.read(['evidenceId' in first ? first.evidenceId : '', 'evidenceId' in other ? other.evidenceId : '']);
    expect(view).toMatchObject({ status: 'ERASED', body: null, customerId: null, arguments: null, vendorRequestId: null });
    expect(otherView?.status).toBe('AVAILABLE');
    expect(await verify()).toEqual({ ok: true, records: 2 });
    expect(await ledger.append(draft(CUSTOMER, { fetchStartedAt: startedBefore }))).toEqual({ refused: 'erased' });
    // A fetch started after the erasure is evidence again, under a new data key.
    const later = await ledger.append(draft(CUSTOMER, { fetchStartedAt: new Date(erased.erasedAt.getTime() + 1) }));
    const [laterView] = await ledger.read(['evidenceId' in later ? later.evidenceId : '']);
    expect(laterView?.status).toBe('AVAILABLE');
  });

  it('no column of any ledger table holds the customer id, reference, SMS text or feature JSON', async () => {
    await ledger.append(draft(CUSTOMER));
    ledger.recordAccess({ at: new Date(), subject: 'svc-underwriting', customerId: CUSTOMER, field: 'Customer.extractedSms' });
    await ledger.readAccessLog(CUSTOMER);
    const tables = (await sql.query<{ table_name: string }>(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).rows.map((r) => r.table_name);
    expect(tables).toEqual(expect.arrayContaining(['evidence_records', 'evidence_data_keys', 'evidence_access_log', 'evidence_chain', 'evidence_erasures', 'evidence_keyring']));
    const needles = [CUSTOMER, REFERENCE, SMS_TEXT, FEATURE_JSON, 'UNMISTAKABLE'];
    let rowsScanned = 0;
    for (const table of tables) {
      const { rows } = await sql.query(`SELECT * FROM "${table}"`);
      for (const row of rows) {
        rowsScanned += 1;
        for (const value of Object.values(row)) {
          const text = Buffer.isBuffer(value) ? `${value.toString('utf8')} ${value.toString('latin1')}` : JSON.stringify(value);
          for (const needle of needles) expect(text ?? '').not.toContain(needle);
        }
      }
    }
    expect(rowsScanned).toBeGreaterThan(3);
  });

  it('sweeps records and access rows past retention and the chain still verifies', async () => {
    const old = new Date(Date.now() - 401 * 86_400_000);
    await ledger.append(draft('a', { retrievedAt: old }));
    await ledger.append(draft('b', { retrievedAt: old }));
    const kept = await ledger.append(draft('c'));
    ledger.recordAccess({ at: old, subject: 's', customerId: 'a', field: 'Customer.deviceInsights' });
    ledger.recordAccess({ at: new Date(), subject: 's', customerId: 'a', field: 'Customer.deviceInsights' });
    await ledger.readAccessLog('a');
    expect(await ledger.sweep()).toEqual({ evidenceRecords: 2, accessEntries: 1 });
    expect(await verify()).toEqual({ ok: true, records: 1 });
    const [view] = await ledger.read(['evidenceId' in kept ? kept.evidenceId : '']);
    expect(view?.status).toBe('AVAILABLE');
    await ledger.append(draft('d'));
    expect(await verify()).toEqual({ ok: true, records: 2 });
  });

  it('writes the access log in batches and reads it back newest first', async () => {
    const appended = await ledger.append(draft(CUSTOMER));
    const evidenceId = 'evidenceId' in appended ? appended.evidenceId : '';
    const t = Date.now();
    ledger.recordAccess({ at: new Date(t - 2000), subject: 'svc-a', clientName: 'lender-web', clientVersion: '1.2.3', operationName: 'Underwrite', customerId: CUSTOMER, field: 'Customer.extractedSms', evidenceId });
    ledger.recordAccess({ at: new Date(t - 1000), subject: 'anonymous', customerId: CUSTOMER, field: 'Customer.deviceInsights' });
    ledger.recordAccess({ at: new Date(t), subject: 'svc-b', customerId: 'another', field: 'Customer.deviceInsights' });
    await until(async () => (await sql.query('SELECT 1 FROM evidence_access_log')).rowCount === 3, 'access log flushed');
    const log = await ledger.readAccessLog(CUSTOMER);
    expect(log).toEqual([
      { at: new Date(t - 1000), subject: 'anonymous', clientName: null, clientVersion: null, operationName: null, field: 'Customer.deviceInsights', evidenceId: null },
      { at: new Date(t - 2000), subject: 'svc-a', clientName: 'lender-web', clientVersion: '1.2.3', operationName: 'Underwrite', field: 'Customer.extractedSms', evidenceId },
    ]);
    expect(await ledger.readAccessLog(CUSTOMER, new Date(t - 1500))).toHaveLength(1);
  });
});

describe('replicas opening the ledger together on a new database', () => {
  it('all come up: the second waits for the first one migrating instead of starting down', async () => {
    const db = await createTestDatabase();
    const key = newMasterKey();
    const opened: EvidenceLedger[] = [];
    try {
      // Each open runs its first probe (migrate, keyring) before it resolves, as a replica's start-up does.
      const ledgers = await Promise.all(Array.from({ length: 5 }, () => openLedger(db.url, key)));
      opened.push(...ledgers.map(({ ledger }) => ledger));
      expect(opened.map((ledger) => ledger.health())).toEqual(['up', 'up', 'up', 'up', 'up']);
    } finally {
      await Promise.all(opened.map((ledger) => ledger.close()));
      await db.drop();
    }
  });
});
