import type { IncomingHttpHeaders } from 'node:http';
import type { VendorName } from '../../errors';
import type { Deadline } from './deadline';

/** What a guard knows about one HTTP attempt: labels and the operation's budget, never a path or body. */
export interface AttemptContext {
  vendor: VendorName;
  operation: string;
  /** 0 for the first attempt. */
  attempt: number;
  deadline: Deadline;
}

/** The part of an attempt's result a guard may judge (a breaker counts 5xx, a back-off reads Retry-After). */
export interface AttemptResult {
  status: number;
  headers?: IncomingHttpHeaders;
}

/**
 * Wraps every HTTP attempt of one vendor (retries and polls included), in the order given, outermost
 * first. A guard may wait (a rate budget, within `context.deadline`), or refuse by throwing a
 * VendorError without calling `run` (over budget, circuit open); otherwise it returns what `run` returns.
 * Governance (budgets, breakers) plugs in here, once for every vendor.
 */
export interface AttemptGuard {
  run<R extends AttemptResult>(context: AttemptContext, run: () => Promise<R>): Promise<R>;
}

export function guardAttempt<R extends AttemptResult>(
  guards: readonly AttemptGuard[],
  context: AttemptContext,
  attempt: () => Promise<R>,
): Promise<R> {
  return guards.reduceRight<() => Promise<R>>((inner, guard) => () => guard.run(context, inner), attempt)();
}
