import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { EvidenceEvents } from '../evidence/evidence-events';

/**
 * Evidence ledger series, fed by EvidenceEvents. Labels are vendor, product, result and operation names:
 * never an evidence id or customer.
 */
export function registerEvidenceMetrics(events: EvidenceEvents, registry: Registry): void {
  const writes = new Counter({
    name: 'signals_evidence_writes_total',
    help: 'Evidence appends by vendor, product and result: ok (committed), refused (customer erased during the fetch), error (ledger unavailable or timed out).',
    labelNames: ['vendor', 'product', 'result'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'signals_evidence_write_duration_seconds',
    help: 'Time from an evidence append to its commit (or failure), group commit included.',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  events.onWrite((e) => {
    writes.inc({ vendor: e.vendor, product: e.product, result: e.result });
    duration.observe(e.durationMs / 1000);
  });
  const errors = new Counter({
    name: 'signals_evidence_errors_total',
    help: 'Failed evidence ledger calls by operation (append, read, erase, access_log, sweep, migrate, probe, ...).',
    labelNames: ['operation'] as const,
    registers: [registry],
  });
  events.onError((e) => errors.inc({ operation: e.operation }));
  const erasures = new Counter({
    name: 'signals_evidence_erasures_total',
    help: 'Customers erased from the evidence ledger (data keys destroyed).',
    registers: [registry],
  });
  events.onErasure(() => erasures.inc());
  const access = new Counter({
    name: 'signals_access_log_entries_total',
    help: 'Access-log entries by result: written, dropped (queue full or unflushed at close), failed (a flush that did not commit and could not be retried).',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  events.onAccess((e) => access.inc({ result: e.result }, e.count));
  const up = new Gauge({
    name: 'signals_evidence_ledger_up',
    help: '1 while the evidence ledger answers, 0 while it is down (appends fail fast, a probe retries).',
    registers: [registry],
  });
  up.set(0);
  events.onHealth((health) => up.set(health === 'up' ? 1 : 0));
}
