import type { CoreConfig } from '../config';
import type { AttemptGuard } from '../datasources/http/attempt-guard';
import { circuitBreakerGuard, type BreakerState } from '../datasources/http/circuit-breaker.guard';
import { rateBudgetGuard } from '../datasources/http/rate-budget.guard';
import type { VendorName } from '../errors';
import { vendorBackoffGuard } from '../datasources/http/vendor-backoff.guard';
import { FanOut } from '../observability/fan-out';
import type { SharedRedis } from '../store/shared-redis';
import { createRateBudget } from './rate-budget';
import { VendorBackoff } from './vendor-backoff';

/** What governance tells the rest of the process (metrics); labels only. */
export interface GovernanceObserver {
  circuitState(vendor: VendorName, state: BreakerState): void;
  rateLimited(vendor: VendorName): void;
  /** Redis did not answer a budget request in time: the replica's own fallback share decided. */
  budgetFallback(vendor: VendorName): void;
}

type Listener<K extends keyof GovernanceObserver> = GovernanceObserver[K];

/** Process-wide fan-out of governance events, like VendorCallEvents: a listener that throws is isolated. */
export class GovernanceEvents implements GovernanceObserver {
  private readonly circuit = new FanOut<Parameters<Listener<'circuitState'>>>();
  private readonly limited = new FanOut<Parameters<Listener<'rateLimited'>>>();
  private readonly fallback = new FanOut<Parameters<Listener<'budgetFallback'>>>();

  onCircuitState(listener: Listener<'circuitState'>): void {
    this.circuit.add(listener);
  }

  onRateLimited(listener: Listener<'rateLimited'>): void {
    this.limited.add(listener);
  }

  onBudgetFallback(listener: Listener<'budgetFallback'>): void {
    this.fallback.add(listener);
  }

  circuitState(vendor: VendorName, state: BreakerState): void {
    this.circuit.emit(vendor, state);
  }

  rateLimited(vendor: VendorName): void {
    this.limited.emit(vendor);
  }

  budgetFallback(vendor: VendorName): void {
    this.fallback.emit(vendor);
  }
}

/**
 * Every vendor's guards, built once per process: the fleet-wide back-off outermost (a vendor that asked
 * for quiet gets none of our attempts, and they touch neither breaker nor budget), then the circuit
 * breaker (an open circuit spends no budget), then the rate budget (shared through Redis when there is
 * one). The result is ProcessServices.guardsFor.
 */
export function createVendorGuards(
  config: Pick<CoreConfig, 'governance' | 'http'>,
  redis: SharedRedis | undefined,
  observer?: GovernanceObserver,
): (vendor: VendorName) => readonly AttemptGuard[] {
  const guards = new Map<VendorName, readonly AttemptGuard[]>();
  return (vendor) => {
    let made = guards.get(vendor);
    if (!made) {
      const { governance } = config;
      const settings = governance.vendors[vendor];
      // Config has every registered vendor's; a name it lacks is a vendor the process never registered.
      if (!settings) throw new Error(`no budget or breaker is configured for vendor ${vendor}`);
      const backoff = vendorBackoffGuard(vendor, new VendorBackoff(vendor, redis, config.http.retryCapMs));
      const breaker = circuitBreakerGuard(vendor, {
        threshold: settings.breakerThreshold,
        cooldownMs: settings.breakerCooldownMs,
        onStateChange: (name, state) => observer?.circuitState(name, state),
      });
      const budget = settings.rateLimit
        ? createRateBudget(vendor, {
          limit: settings.rateLimit,
          fallbackShare: settings.fallbackShare,
          fallbackReplicas: governance.fallbackReplicas,
          onFallback: () => observer?.budgetFallback(vendor),
        }, redis)
        : undefined;
      made = budget ? [backoff, breaker, rateBudgetGuard(vendor, budget, (name) => observer?.rateLimited(name))] : [backoff, breaker];
      guards.set(vendor, made);
    }
    return made;
  };
}
