import { Client } from 'pg';
import { EvidenceUnavailableError, type EvidenceLedger } from '../../src/evidence';
import { PostgresProcess } from '../support/postgres';
import { draft, newMasterKey, openLedger, until } from './evidence-support';

describe('evidence ledger outage (its own PostgreSQL server)', () => {
  let server: PostgresProcess;
  let ledger: EvidenceLedger | undefined;

  beforeAll(async () => {
    server = await PostgresProcess.start();
    const admin = new Client({ connectionString: server.url });
    await admin.connect();
    await admin.query('CREATE DATABASE evidence');
    await admin.end();
  }, 120_000);

  afterAll(async () => {
    await ledger?.close();
    await server.destroy();
  });

  it('goes down when PostgreSQL stops, fails appends fast, and comes back up without a restart', async () => {
    const url = server.url.replace(/\/postgres$/, '/evidence');
    const opened = await openLedger(url, newMasterKey(), { writeTimeoutMs: 60_000 });
    ledger = opened.ledger;
    const health: string[] = [];
    opened.events.onHealth((h) => health.push(h));
    await until(() => ledger?.health() === 'up', 'ledger up');
    expect('evidenceId' in (await ledger.append(draft('c-1')))).toBe(true);

    await server.stop();
    // The first failing append marks it down (or the pool notices first); either way appends then fail fast.
    await until(async () => {
      try {
        await ledger?.append(draft('c-2'));
        return false;
      } catch (error) {
        expect(error).toBeInstanceOf(EvidenceUnavailableError);
        return ledger?.health() === 'down';
      }
    }, 'ledger down');
    // Down: rejected without waiting for the 60 s write timeout.
    await expect(ledger.append(draft('c-3'))).rejects.toBeInstanceOf(EvidenceUnavailableError);
    await expect(ledger.read(['ev_x'])).rejects.toBeInstanceOf(EvidenceUnavailableError);

    await server.startServer();
    await until(() => ledger?.health() === 'up', 'ledger up again');
    const after = await ledger.append(draft('c-4'));
    if (!('evidenceId' in after)) throw new Error('refused');
    expect((await ledger.read([after.evidenceId]))[0]?.customerId).toBe('c-4');
    expect(health).toEqual(['down', 'up']);
  });
});
