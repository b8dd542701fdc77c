import { VendorError, type VendorName } from '../../errors';
import type { VendorBackoff } from '../../governance/vendor-backoff';
import type { AttemptContext, AttemptGuard, AttemptResult } from './attempt-guard';
import { sleep } from './deadline';
import { parseRetryAfter } from './retry-policy';

/** Statuses whose Retry-After closes the vendor for everyone, not only for the operation that got it. */
const BACKOFF_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/**
 * Honours a vendor's Retry-After for every operation of the fleet. While the vendor is closed an attempt
 * waits when its deadline comfortably outlasts the back-off, and otherwise fails at once with VENDOR_RATE_LIMITED
 * and `extensions.retryAfter` (whole seconds), sending nothing. After the back-off exactly one trial goes
 * out (one per fleet, see VendorBackoff.claimTrial; the process's other attempts wait for it, other
 * replicas' attempts are refused meanwhile) and its answer decides: closed again, or open.
 */
export function vendorBackoffGuard(vendor: VendorName, backoff: VendorBackoff): AttemptGuard {
  let localTrial: Promise<unknown> | undefined;

  /** Closes on a back-off answer; only a trial's other answers reopen (a call sent before it may be late). */
  const observe = async <R extends AttemptResult>(run: () => Promise<R>, trial: boolean): Promise<R> => {
    const result = await run();
    const retryAfterMs = BACKOFF_STATUSES.has(result.status) ? parseRetryAfter(result.headers?.['retry-after']) : undefined;
    if (retryAfterMs !== undefined && retryAfterMs > 0) await backoff.close(retryAfterMs);
    else if (trial) backoff.reopen();
    return result;
  };

  return {
    async run<R extends AttemptResult>(context: AttemptContext, run: () => Promise<R>): Promise<R> {
      for (;;) {
        const closedMs = await backoff.closedForMs();
        if (closedMs > 0) {
          await waitOrRefuse(vendor, context, closedMs);
          continue;
        }
        if (!backoff.onProbation) return observe(run, false);
        if (localTrial) {
          // This process already sends the trial: its answer decides for this attempt too.
          await waitFor(localTrial, vendor, context);
          continue;
        }
        const claim = await backoff.claimTrial(context.deadline.remainingMs());
        if (claim.kind === 'closed') {
          await waitOrRefuse(vendor, context, claim.ms);
          continue;
        }
        if (claim.kind === 'held') throw closed(vendor, 1_000, 'another replica is sending the trial call after a back-off');
        const trial = observe(run, true);
        localTrial = trial.catch(() => undefined);
        try {
          const result = await trial;
          await claim.release();
          return result;
        } finally {
          // A trial without an answer keeps its claim until the lease ends (see VendorBackoff.claimTrial).
          localTrial = undefined;
        }
      }
    },
  };
}

/**
 * Waits out the back-off only when at least as much of the deadline is left after it as the wait takes:
 * the first attempts to wake become the trial, and a trial with no time left would be cut short by its
 * own deadline, leaving the fleet no answer and the vendor a call all the same.
 */
async function waitOrRefuse(vendor: VendorName, context: AttemptContext, closedMs: number): Promise<void> {
  if (closedMs * 2 > context.deadline.remainingMs()) throw closed(vendor, closedMs);
  try {
    await sleep(closedMs, context.deadline.signal);
  } catch {
    throw closed(vendor, closedMs, 'the operation ended while the vendor was backing off');
  }
}

async function waitFor(trial: Promise<unknown>, vendor: VendorName, context: AttemptContext): Promise<void> {
  const { signal } = context.deadline;
  await new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(closed(vendor, 1_000, 'the operation ended while a trial call was out'));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    void trial.then(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    });
  });
}

function closed(vendor: VendorName, waitMs: number, problem = 'the vendor asked us to back off (Retry-After); not calling until then'): VendorError {
  return new VendorError(vendor, 'VENDOR_RATE_LIMITED', problem, undefined, {
    refusedBeforeSending: true,
    extensions: { retryAfter: Math.max(1, Math.ceil(waitMs / 1_000)) },
  });
}
