import type { VendorName } from '../../errors';
import { errorForTransportFailure } from './classify-failure';
import { sleep, type Deadline } from './deadline';

export interface PollOptions<T> {
  vendor: VendorName;
  /** Wait between two polls. */
  intervalMs: number;
  /** Budget for polling one key; the operation deadline bounds it too. */
  timeoutMs: number;
  deadline: Deadline;
  /** One poll: the vendor's answer, and whether it is final. */
  poll: () => Promise<{ value: T; settled: boolean }>;
}

/**
 * Asks again while a vendor says "still working" (Credeau and FinBox answer 202). When the poll budget
 * or the operation would run out before the next poll, it returns the last unsettled answer: callers
 * show that as IN_PROGRESS, a state a client can ask about later, not a fault. Transient HTTP failures
 * inside a poll are retried by VendorHttpClient, not here.
 */
export async function pollUntilSettled<T>(options: PollOptions<T>): Promise<T> {
  const pollUntil = Date.now() + options.timeoutMs;
  for (;;) {
    const { value, settled } = await options.poll();
    if (settled) return value;
    const nextPollAt = Date.now() + options.intervalMs;
    if (nextPollAt >= pollUntil || options.intervalMs >= options.deadline.remainingMs()) return value;
    await sleep(options.intervalMs, options.deadline.signal).catch((cause: unknown) => {
      throw errorForTransportFailure(options.vendor, cause, 'deadline');
    });
  }
}
