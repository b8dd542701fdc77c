import { VendorError, type VendorName } from '../../errors';
import type { RateBudget } from '../../governance/rate-budget';
import type { AttemptContext, AttemptGuard, AttemptResult } from './attempt-guard';
import { sleep } from './deadline';

/**
 * Holds every attempt of one vendor (retries and polls included) to its outbound budget. Over budget,
 * the attempt waits for a free slot within its operation's deadline; when the slot would come too late
 * it fails with VENDOR_RATE_LIMITED before anything is sent (not retried, not counted as a call).
 */
export function rateBudgetGuard(
  vendor: VendorName,
  budget: RateBudget,
  onRefused: (vendor: VendorName) => void = () => undefined,
): AttemptGuard {
  return {
    async run<R extends AttemptResult>(context: AttemptContext, run: () => Promise<R>): Promise<R> {
      for (;;) {
        // A cancelled operation must not spend the fleet's budget on a call it will not send.
        if (context.deadline.signal.aborted) throw refused(vendor, 'the operation ended before a slot was free');
        const answer = await budget.take(context.deadline.remainingMs());
        if (answer.admitted) {
          // The slot counts until the call has ended, not from when it was admitted (see SlidingLog).
          try {
            return await run();
          } finally {
            answer.slot.release();
          }
        }
        const { waitMs } = answer;
        if (waitMs >= context.deadline.remainingMs()) {
          onRefused(vendor);
          throw refused(vendor);
        }
        try {
          // Woken waiters race for the freed slots; the losers wait again for the next one.
          await sleep(waitMs, context.deadline.signal);
        } catch {
          throw refused(vendor, 'the operation ended before a slot was free');
        }
      }
    },
  };
}

function refused(vendor: VendorName, problem = 'outbound rate budget exhausted within the operation deadline'): VendorError {
  return new VendorError(vendor, 'VENDOR_RATE_LIMITED', problem, undefined, { refusedBeforeSending: true });
}
