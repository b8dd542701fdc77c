import { Registry } from 'prom-client';
import { registerEvidenceMetrics } from '../../src/observability/evidence-metrics';
import { EvidenceEvents, openEvidenceLedger } from '../../src/evidence';
import { createTestDatabase } from '../support/postgres';
import { draft, ledgerConfig, newMasterKey, silent, until } from './evidence-support';

describe('evidence metrics', () => {
  it('count writes, erasures, access-log entries and show the ledger up', async () => {
    const db = await createTestDatabase();
    const events = new EvidenceEvents();
    const registry = new Registry();
    registerEvidenceMetrics(events, registry);
    const ledger = await openEvidenceLedger(ledgerConfig(db.url, newMasterKey(), { accessLog: { flushIntervalMs: 20, batchMax: 10, queueMax: 1 } }), events, silent);
    try {
      await until(() => ledger.health() === 'up', 'ledger up');
      await ledger.append(draft('m-1'));
      await ledger.eraseCustomer('m-1');
      expect(await ledger.append(draft('m-1', { fetchStartedAt: new Date(0) }))).toEqual({ refused: 'erased' });
      ledger.recordAccess({ at: new Date(), subject: 's', customerId: 'm-1', field: 'Customer.deviceInsights' });
      ledger.recordAccess({ at: new Date(), subject: 's', customerId: 'm-1', field: 'Customer.deviceInsights' }); // queue of 1: dropped
      await ledger.readAccessLog('m-1');
      const text = await registry.metrics();
      expect(text).toContain('signals_evidence_writes_total{vendor="CREDEAU",product="credeau-sms",result="ok"} 1');
      expect(text).toContain('signals_evidence_writes_total{vendor="CREDEAU",product="credeau-sms",result="refused"} 1');
      expect(text).toContain('signals_evidence_write_duration_seconds_count 2');
      expect(text).toContain('signals_evidence_erasures_total 1');
      expect(text).toContain('signals_access_log_entries_total{result="written"} 1');
      expect(text).toContain('signals_access_log_entries_total{result="dropped"} 1');
      expect(text).toContain('signals_evidence_ledger_up 1');
    } finally {
      await ledger.close();
      await db.drop();
    }
  });
});
