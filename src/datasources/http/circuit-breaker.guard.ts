import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel';
import { VendorError, type VendorName } from '../../errors';
import type { AttemptContext, AttemptGuard, AttemptResult } from './attempt-guard';

/** What the breaker's state gauge shows: 0 closed, 1 open, 2 half-open (cockatiel's own numbering). */
export type BreakerState = 0 | 1 | 2;

export interface CircuitBreakerOptions {
  /** Consecutive failed attempts that open the circuit (`<VENDOR>_BREAKER_THRESHOLD`). */
  threshold: number;
  /** How long it stays open before one trial attempt decides (`<VENDOR>_BREAKER_COOLDOWN_MS`). */
  cooldownMs: number;
  onStateChange?(vendor: VendorName, state: BreakerState): void;
}

/**
 * One vendor's circuit breaker (cockatiel), in this process, around every attempt. A failure is what
 * says the vendor is down: a 5xx answer, an attempt timeout or a connection error. A 4xx, a "no data"
 * answer or a refusal of ours (over budget) is not; neither is an attempt cut short by its own
 * operation (deadline passed, client gone, shutdown): that says nothing about the vendor.
 * While open, attempts fail fast with VENDOR_UNAVAILABLE and `extensions.circuitOpen: true`, sending
 * nothing; after the cooldown one trial attempt goes out (the others wait for it) and decides.
 */
export function circuitBreakerGuard(vendor: VendorName, options: CircuitBreakerOptions): AttemptGuard {
  /** Errors this guard judged to be the vendor's fault; cockatiel counts only these. */
  const vendorFailures = new WeakSet<object>();
  const breaker = circuitBreaker(
    handleWhen((error) => vendorFailures.has(error)).orWhenResult((result) => (result as AttemptResult).status >= 500),
    { halfOpenAfter: options.cooldownMs, breaker: new ConsecutiveBreaker(options.threshold) },
  );
  breaker.onStateChange((state) => {
    if (state === CircuitState.Isolated) return;
    options.onStateChange?.(vendor, state as BreakerState);
  });

  return {
    async run<R extends AttemptResult>(context: AttemptContext, run: () => Promise<R>): Promise<R> {
      try {
        return await breaker.execute(async () => {
          try {
            return await run();
          } catch (error) {
            if (isVendorDown(error) && !context.deadline.signal.aborted) vendorFailures.add(error as object);
            throw error;
          }
        });
      } catch (error) {
        if (error instanceof BrokenCircuitError) {
          throw new VendorError(vendor, 'VENDOR_UNAVAILABLE', 'circuit open after repeated failures; not calling for now', undefined, {
            refusedBeforeSending: true,
            extensions: { circuitOpen: true },
          });
        }
        throw error;
      }
    },
  };
}

/** A timeout or a connection failure, with no HTTP status (statuses arrive as results). */
function isVendorDown(error: unknown): boolean {
  return (
    error instanceof VendorError &&
    !error.refusedBeforeSending &&
    error.httpStatus === undefined &&
    (error.code === 'VENDOR_UNAVAILABLE' || error.code === 'VENDOR_TIMEOUT')
  );
}
