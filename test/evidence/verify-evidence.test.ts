import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { EvidenceLedger } from '../../src/evidence';
import { createTestDatabase, exitCodeOf } from '../support/postgres';
import { draft, newMasterKey, openLedger, until } from './evidence-support';

const SCRIPT = join(__dirname, '..', '..', 'dist', 'src', 'scripts', 'verify-evidence.js');

/** `npm run evidence:verify` as its script runs it: a real child process (the build is made by `pretest`/below). */
async function runVerify(url: string, key: string): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, [SCRIPT], { env: { ...process.env, EVIDENCE_DATABASE_URL: url, EVIDENCE_MASTER_KEY: key }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (out += d));
  const code = await exitCodeOf(child);
  return { code, out };
}

describe('npm run evidence:verify', () => {
  let db: { url: string; drop(): Promise<void> };
  let ledger: EvidenceLedger;
  let sql: Client;
  const key = newMasterKey();
  let ids: string[];

  beforeAll(() => {
    // Like every test of the built server, this relies on `npm test`'s build (pretest: npm run build).
    if (!existsSync(SCRIPT)) throw new Error(`${SCRIPT} missing: run npm run build first`);
  });

  beforeEach(async () => {
    db = await createTestDatabase();
    ({ ledger } = await openLedger(db.url, key));
    await until(() => ledger.health() === 'up', 'ledger up');
    ids = [];
    for (let i = 0; i < 5; i += 1) {
      const result = await ledger.append(draft(`customer-${i}`));
      if ('evidenceId' in result) ids.push(result.evidenceId);
    }
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterEach(async () => {
    await sql.end();
    await ledger.close();
    await db.drop();
  });

  it('prints ok with the record count for an untouched chain', async () => {
    expect(await runVerify(db.url, key)).toEqual({ code: 0, out: 'ok 5 records\n' });
  });

  it('names the record whose bytes were edited', async () => {
    await sql.query(`UPDATE evidence_records SET sealed = sealed || '\\x00'::bytea WHERE id = $1`, [ids[2]]);
    const { code, out } = await runVerify(db.url, key);
    expect(code).toBe(1);
    expect(out).toContain(`record ${ids[2]} seq 3`);
  });

  it('names the record after a deleted one', async () => {
    await sql.query('DELETE FROM evidence_records WHERE id = $1', [ids[1]]);
    const { code, out } = await runVerify(db.url, key);
    expect(code).toBe(1);
    expect(out).toContain(`record ${ids[2]} seq 3`);
    expect(out).toContain('seq 2');
  });

  it('names the first of two swapped records', async () => {
    await sql.query('UPDATE evidence_records SET seq = -1 WHERE id = $1', [ids[1]]);
    await sql.query('UPDATE evidence_records SET seq = 2 WHERE id = $1', [ids[3]]);
    await sql.query('UPDATE evidence_records SET seq = 4 WHERE id = $1', [ids[1]]);
    const { code, out } = await runVerify(db.url, key);
    expect(code).toBe(1);
    expect(out).toContain(`record ${ids[3]} seq 2`);
  });

  it('reports a record appended behind the ledger\'s back', async () => {
    await sql.query(`INSERT INTO evidence_records SELECT 'ev_forged', seq + 1, vendor, product, customer_hash, key_id, retrieved_at, recorded_at, sealed, hash, hash FROM evidence_records WHERE id = $1`, [ids[4]]);
    const { code, out } = await runVerify(db.url, key);
    expect(code).toBe(1);
    expect(out).toContain('record ev_forged seq 6');
  });
});
