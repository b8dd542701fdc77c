import { setTimeout as waitFor } from 'node:timers/promises';
import { setMaxListeners } from 'node:events';

/**
 * The process' outstanding vendor work: every Deadline (operations' and shared flights') is linked to
 * it when created. Shutdown aborts it once in-flight operations had their SHUTDOWN_TIMEOUT_MS, so no
 * vendor call, retry or poll outlives the shutdown. It is replaced as it is aborted, so a process (or a
 * test file) that stops one server and starts another does not start the second one cancelled.
 */
let processWork = newProcessWork();

function newProcessWork(): AbortController {
  const controller = new AbortController();
  // One listener per live Deadline: hundreds at once under load are expected, not a leak.
  setMaxListeners(0, controller.signal);
  return controller;
}

/** Aborts every Deadline of the process created so far (shutdown). */
export function abortAllVendorWork(): void {
  const current = processWork;
  processWork = newProcessWork();
  current.abort(new WorkCancelledError('the process is shutting down'));
}

/**
 * The time budget of one GraphQL operation. Every vendor call, retry wait and poll of that operation
 * checks it, so no operation outlives OPERATION_TIMEOUT_MS however many retries its vendors ask for.
 * It also ends early when its operation is cancelled (`cancel()`: the client went away) or the process
 * shuts down; its signal reaches undici, so a cancelled call stops on the wire too.
 */
export class Deadline {
  private readonly expiresAt: number;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly processSignal = processWork.signal;
  private readonly onProcessAbort = () => this.controller.abort(this.processSignal.reason);

  constructor(budgetMs: number, private readonly now: () => number = Date.now) {
    this.expiresAt = now() + budgetMs;
    this.timer = setTimeout(() => this.controller.abort(new DeadlineExceededError()), budgetMs);
    // The operation may end long before its deadline; a pending timer must not keep the process alive.
    this.timer.unref();
    // Every waiter of the operation (retry sleeps, budget waits, attempts) listens: dozens are normal.
    setMaxListeners(0, this.controller.signal);
    this.processSignal.addEventListener('abort', this.onProcessAbort, { once: true });
  }

  /** Aborts when the deadline passes, the operation is cancelled or the process shuts down. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Ends the budget now: whoever is waiting on it gives up, calls in flight are aborted. */
  cancel(reason = 'the operation was cancelled'): void {
    this.controller.abort(new WorkCancelledError(reason));
  }

  remainingMs(): number {
    return Math.max(0, this.expiresAt - this.now());
  }

  /** Out of time, or cancelled. */
  expired(): boolean {
    return this.remainingMs() === 0 || this.controller.signal.aborted;
  }

  /** Releases the timer (and the link to the process' shutdown) once the operation is over. */
  dispose(): void {
    clearTimeout(this.timer);
    this.processSignal.removeEventListener('abort', this.onProcessAbort);
  }
}

/** The reason of a Deadline ended early: its client went away, or the process is shutting down. */
export class WorkCancelledError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'WorkCancelledError';
  }
}

export class DeadlineExceededError extends Error {
  constructor() {
    super('operation deadline exceeded');
    this.name = 'DeadlineExceededError';
  }
}

/**
 * Waits `ms`, or rejects as soon as `signal` aborts (the operation ran out of time) with the signal's own
 * reason (a DeadlineExceededError, a client's abort), which callers classify; node:timers/promises would
 * reject with a generic AbortError instead. The one abortable wait of the process.
 */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  try {
    await waitFor(ms, undefined, signal ? { signal } : undefined);
  } catch (error) {
    throw signal?.aborted ? signal.reason : error;
  }
}
