import { errorForTransportFailure } from './http/classify-failure';
import { Deadline, WorkCancelledError } from './http/deadline';
import type { VendorName } from '../errors';

/**
 * Shares one piece of work between every caller that asks for the same key while it runs (an SMS list
 * fetch, a Credolab login, a store fill). What must stay true:
 * - The work runs under its own budget (`budgetMs`), not the deadline of whichever caller started it:
 *   callers that joined later must not fail because the first one ran out of time.
 * - Each caller waits on its own deadline and gives up alone (VENDOR_TIMEOUT); the work goes on for the
 *   others, and its late failure is still handled.
 * - The key is free again as soon as the work settles: results are not kept here (that is a cache's job).
 *   Work that answers early (`answer`) holds the key until it settles, so callers joining meanwhile get
 *   the answer given instead of starting the work again.
 * - When every caller still waiting was cancelled (its client went away), the work is cancelled too: a
 *   disconnect stops its operation's vendor calls, but never a flight another operation still waits on.
 *   A caller that only ran out of time leaves the work going: its answer still fills the store.
 */
export class SingleFlight<T> {
  private readonly flights = new Map<string, Flight<T>>();

  constructor(
    private readonly vendor: VendorName,
    private readonly budgetMs: number,
  ) {}

  /**
   * Joins the work in flight for `key`, or starts `work` as the one every caller of `key` joins. `work`
   * may hand its result to the waiters early with `answer` and go on (keeping what it fetched): the
   * waiters, and whoever joins until the work settles, get that result at once; a later failure of the
   * work is then dropped, never theirs.
   */
  run(key: string, work: (budget: Deadline, answer: (value: T) => void) => Promise<T>, waiterDeadline: Deadline): Promise<T> {
    // A caller already cancelled (a queued loader key of an operation whose client left) starts nothing.
    if (waiterDeadline.signal.aborted) return untilDeadline(new Promise<T>(() => undefined), waiterDeadline, this.vendor);
    let flight = this.flights.get(key);
    if (!flight) {
      const budget = new Deadline(this.budgetMs);
      let answer!: (value: T) => void;
      let fail!: (reason: unknown) => void;
      const promise = new Promise<T>((resolve, reject) => {
        answer = resolve;
        fail = reject;
      });
      // Every waiter may have given up before the work settles; its failure is still handled.
      promise.catch(() => undefined);
      const started: Flight<T> = { budget, waiting: 0, promise };
      this.flights.set(key, started);
      flight = started;
      // Settling an answered promise again does nothing: the first of `answer` and the work's end wins.
      void Promise.resolve()
        .then(() => work(budget, answer))
        .then(answer, fail)
        .finally(() => {
          budget.dispose();
          this.flights.delete(key);
        });
    }
    this.join(flight, waiterDeadline.signal);
    return untilDeadline(flight.promise, waiterDeadline, this.vendor);
  }

  /** Counts a waiter in; the last one leaving by cancellation cancels the work. */
  private join(flight: Flight<T>, signal: AbortSignal): void {
    flight.waiting += 1;
    const leave = () => {
      flight.waiting -= 1;
      if (flight.waiting === 0 && signal.reason instanceof WorkCancelledError) flight.budget.cancel('every caller went away');
    };
    signal.addEventListener('abort', leave, { once: true });
    flight.promise.then(
      () => signal.removeEventListener('abort', leave),
      () => signal.removeEventListener('abort', leave),
    );
  }

  /** Whether work for `key` is under way (tests and diagnostics). */
  inFlight(key: string): boolean {
    return this.flights.has(key);
  }
}

interface Flight<T> {
  /** Settles with the work's first answer (or its failure before any). */
  promise: Promise<T>;
  /** The work's own time budget; cancelled when every waiter was cancelled. */
  budget: Deadline;
  /** Callers still waiting for the work. */
  waiting: number;
}

/** Waits for `promise`, or fails with VENDOR_TIMEOUT as soon as this caller's deadline passes. */
export function untilDeadline<T>(promise: Promise<T>, deadline: Deadline, vendor: VendorName): Promise<T> {
  return Promise.race([promise, whenExpired(deadline.signal, vendor)]);
}

/**
 * One rejection per deadline signal and vendor, shared by all its waiters: a listener per waiter would
 * pile up on the signal (one operation may wait from dozens of loader calls at once).
 */
const expirations = new WeakMap<AbortSignal, Map<VendorName, Promise<never>>>();

function whenExpired(signal: AbortSignal, vendor: VendorName): Promise<never> {
  let byVendor = expirations.get(signal);
  if (!byVendor) expirations.set(signal, (byVendor = new Map()));
  let expired = byVendor.get(vendor);
  if (!expired) {
    expired = new Promise<never>((_resolve, reject) => {
      const fail = () => reject(errorForTransportFailure(vendor, signal.reason, 'deadline'));
      if (signal.aborted) fail();
      else signal.addEventListener('abort', fail, { once: true });
    });
    expired.catch(() => undefined);
    byVendor.set(vendor, expired);
  }
  return expired;
}
