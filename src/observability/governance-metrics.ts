import { Counter, Gauge, type Registry } from 'prom-client';
import type { VendorName } from '../errors';
import type { GovernanceEvents } from '../governance/vendor-guards';

/**
 * Governance series: each vendor's circuit state in this process, the calls its rate budget refused,
 * and the budget requests its own fallback share decided because Redis was late. Fed by the
 * process-wide GovernanceEvents.
 */
export function registerGovernanceMetrics(events: GovernanceEvents, registry: Registry, vendors: readonly VendorName[]): void {
  const circuit = new Gauge({
    name: 'signals_vendor_circuit_state',
    help: 'Circuit breaker state per vendor in this process: 0 closed, 1 open, 2 half-open.',
    labelNames: ['vendor'] as const,
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: 'signals_vendor_rate_limited_total',
    help: 'Vendor calls refused with VENDOR_RATE_LIMITED because the outbound budget had no slot within the deadline.',
    labelNames: ['vendor'] as const,
    registers: [registry],
  });
  const fallback = new Counter({
    name: 'signals_rate_budget_fallback_total',
    help: "Budget requests Redis did not answer within REDIS_TIMEOUT_MS, decided by this replica's own fallback share (<VENDOR>_RATE_LIMIT_FALLBACK_SHARE).",
    labelNames: ['vendor'] as const,
    registers: [registry],
  });
  for (const vendor of vendors) {
    circuit.set({ vendor }, 0);
    rateLimited.inc({ vendor }, 0);
    fallback.inc({ vendor }, 0);
  }
  events.onCircuitState((vendor, state) => circuit.set({ vendor }, state));
  events.onRateLimited((vendor) => rateLimited.inc({ vendor }));
  events.onBudgetFallback((vendor) => fallback.inc({ vendor }));
}
