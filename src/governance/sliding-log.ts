/** One call the budget let through: release it when the call has ended (answer, failure or abort). */
export interface BudgetSlot {
  release(): void;
}

/** A budget's answer: a slot now, or how long until one may free up. */
export type BudgetAnswer = { admitted: true; slot: BudgetSlot } | { admitted: false; waitMs: number };

/**
 * An in-process sliding-window log whose entries are held while their call is out: a call counts from
 * its admission until `windowMs` after it ended, and a new one is admitted only when fewer than `limit`
 * count. Why held, not stamped at admission: a call reaches the vendor somewhere between its admission
 * and its end, and on a busy machine that can be long after admission. If call j is admitted at s_j
 * after call i ended at e_i <= s_j - W, then j arrives at or after s_j >= e_i + W >= (i's arrival) + W;
 * so N + 1 arrivals in any window W would need the last-admitted one to have seen the other N still
 * counted, and it would have been refused. No margin for lag is needed, and none would be enough.
 * A slot never released (a bug) still frees `holdMs` after admission. Memory: one entry per call counted.
 */
export class SlidingLog {
  private readonly ends: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Admits one call if the window has room; `holdMs` bounds how long it may stay out (its deadline). */
  take(holdMs: number): BudgetAnswer {
    const now = this.now();
    let oldest = Number.POSITIVE_INFINITY;
    for (let i = this.ends.length - 1; i >= 0; i--) {
      const end = this.ends[i] as number;
      if (end <= now - this.windowMs) this.ends.splice(i, 1);
      else oldest = Math.min(oldest, end);
    }
    if (this.ends.length >= this.limit) {
      // A limit of 0 (a fallback share too small to hold a call) never admits: look again in a window.
      return { admitted: false, waitMs: Number.isFinite(oldest) ? Math.max(1, oldest + this.windowMs - now) : this.windowMs };
    }
    const placeholder = now + Math.max(0, holdMs);
    this.ends.push(placeholder);
    const ends = this.ends;
    let released = false;
    return {
      admitted: true,
      slot: {
        release: () => {
          if (released) return;
          released = true;
          // Entries move as earlier ones expire: find one by its placeholder (equal ones are interchangeable).
          const index = ends.indexOf(placeholder);
          if (index >= 0) ends[index] = Math.min(placeholder, this.now());
        },
      },
    };
  }
}
