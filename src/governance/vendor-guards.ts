import type { GovernanceConfig } from '../config/governance.config';
import type { AttemptGuard } from '../datasources/http/attempt-guard';
import { circuitBreakerGuard, type BreakerState } from '../datasources/http/circuit-breaker.guard';
import { rateBudgetGuard } from '../datasources/http/rate-budget.guard';
import type { VendorName } from '../errors';
import type { SharedRedis } from '../store/shared-redis';
import { createRateBudget } from './rate-budget';

/** What governance tells the rest of the process (metrics); labels only. */
export interface GovernanceObserver {
  circuitState(vendor: VendorName, state: BreakerState): void;
  rateLimited(vendor: VendorName): void;
}

type Listener<K extends keyof GovernanceObserver> = GovernanceObserver[K];

/** Process-wide fan-out of governance events, like VendorCallEvents: a listener that throws is isolated. */
export class GovernanceEvents implements GovernanceObserver {
  private readonly circuit: Array<Listener<'circuitState'>> = [];
  private readonly limited: Array<Listener<'rateLimited'>> = [];

  onCircuitState(listener: Listener<'circuitState'>): void {
    this.circuit.push(listener);
  }

  onRateLimited(listener: Listener<'rateLimited'>): void {
    this.limited.push(listener);
  }

  circuitState(vendor: VendorName, state: BreakerState): void {
    for (const listener of this.circuit) safely(() => listener(vendor, state));
  }

  rateLimited(vendor: VendorName): void {
    for (const listener of this.limited) safely(() => listener(vendor));
  }
}

function safely(run: () => void): void {
  try {
    run();
  } catch {
    // Observing governance must never fail a call.
  }
}

/**
 * Every vendor's guards, built once per process: the circuit breaker outermost (an open circuit spends
 * no budget), then the rate budget (shared through Redis when there is one). The result is
 * ProcessServices.guardsFor.
 */
export function createVendorGuards(
  governance: GovernanceConfig,
  redis: SharedRedis | undefined,
  observer?: GovernanceObserver,
): (vendor: VendorName) => readonly AttemptGuard[] {
  const guards = new Map<VendorName, readonly AttemptGuard[]>();
  return (vendor) => {
    let made = guards.get(vendor);
    if (!made) {
      const settings = governance.vendors[vendor];
      const breaker = circuitBreakerGuard(vendor, {
        threshold: settings.breakerThreshold,
        cooldownMs: settings.breakerCooldownMs,
        onStateChange: (name, state) => observer?.circuitState(name, state),
      });
      made = settings.rateLimit
        ? [breaker, rateBudgetGuard(vendor, createRateBudget(vendor, settings.rateLimit, redis), (name) => observer?.rateLimited(name))]
        : [breaker];
      guards.set(vendor, made);
    }
    return made;
  };
}
