/**
 * The time budget of one GraphQL operation. Every vendor call, retry wait and poll of that operation
 * checks it, so no operation outlives OPERATION_TIMEOUT_MS however many retries its vendors ask for.
 */
export class Deadline {
  private readonly expiresAt: number;
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;

  constructor(budgetMs: number, private readonly now: () => number = Date.now) {
    this.expiresAt = now() + budgetMs;
    this.timer = setTimeout(() => this.controller.abort(new DeadlineExceededError()), budgetMs);
    // The operation may end long before its deadline; a pending timer must not keep the process alive.
    this.timer.unref();
  }

  /** Aborts when the deadline passes. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  remainingMs(): number {
    return Math.max(0, this.expiresAt - this.now());
  }

  expired(): boolean {
    return this.remainingMs() === 0;
  }

  /** Releases the timer once the operation is over. */
  dispose(): void {
    clearTimeout(this.timer);
  }
}

export class DeadlineExceededError extends Error {
  constructor() {
    super('operation deadline exceeded');
    this.name = 'DeadlineExceededError';
  }
}

/** Waits `ms`, or rejects as soon as `signal` aborts (the operation ran out of time). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
