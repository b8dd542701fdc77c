import { Counter, Histogram, type Registry } from 'prom-client';
import type { VendorCallEvents } from '../datasources/http/vendor-call-events';

/**
 * Vendor call series, fed by the process-wide VendorCallEvents: one count per call outcome (`ok` or the
 * final error code), one duration sample per attempt, and the retries made.
 */
export function registerVendorCallMetrics(events: VendorCallEvents, registry: Registry): void {
  const requests = new Counter({
    name: 'signals_vendor_requests_total',
    help: 'Vendor calls by final outcome: ok or the error code (retries not counted separately).',
    labelNames: ['vendor', 'operation', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'signals_vendor_request_duration_seconds',
    help: 'Duration of each vendor HTTP attempt, retries and polls included as their own samples.',
    labelNames: ['vendor', 'operation'] as const,
    buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const retries = new Counter({
    name: 'signals_vendor_retries_total',
    help: 'Retries made after a first vendor attempt failed transiently.',
    labelNames: ['vendor'] as const,
    registers: [registry],
  });
  events.onAttempt((e) => duration.observe({ vendor: e.vendor, operation: e.operation }, e.durationMs / 1000));
  events.onOutcome((e) => {
    requests.inc({ vendor: e.vendor, operation: e.operation, outcome: e.code ?? 'ok' });
    if (e.retries > 0) retries.inc({ vendor: e.vendor }, e.retries);
  });
}
