import { LRUCache } from 'lru-cache';
import type { ExtractedSms } from '../../types/extracted-sms.type';
import type { Deadline } from '../http/deadline';
import { SingleFlight, untilDeadline } from '../single-flight';

export interface SmsListCacheOptions {
  /** How long a fetched list serves later operations; 0 turns the cache off. */
  ttlMs: number;
  /** Upper bound on the (estimated) memory the cached lists may hold. */
  maxBytes: number;
  /** Budget of one shared fetch, independent of the operation that started it (OPERATION_TIMEOUT_MS). */
  fetchBudgetMs: number;
}

/**
 * A customer's extracted SMS list, kept briefly so that paging through it (one operation per page) costs
 * one Credeau call, and every page is cut from the same snapshot so cursors stay consistent. Concurrent
 * operations for the same (customer, threshold) share one fetch in flight.
 *
 * What must stay true: the lists hold message bodies (personal data), so they live only in this
 * process's memory, for at most the TTL, within a byte budget, keyed by customer id and threshold;
 * failures are never cached; nothing here logs.
 */
export class SmsListCache {
  private readonly lists: LRUCache<string, ExtractedSms[]> | undefined;
  private readonly flights: SingleFlight<ExtractedSms[]>;

  constructor(options: SmsListCacheOptions) {
    this.lists =
      options.ttlMs > 0
        ? new LRUCache<string, ExtractedSms[]>({
            ttl: options.ttlMs,
            // Expired lists must not linger until the next lookup happens to touch them.
            ttlAutopurge: true,
            maxSize: options.maxBytes,
            sizeCalculation: estimateBytes,
          })
        : undefined;
    this.flights = new SingleFlight('CREDEAU', options.fetchBudgetMs);
  }

  /**
   * The cached list for `key`, the fetch already under way for it, or a new fetch. The fetch runs on its
   * own budget; `deadline` bounds only this caller's wait.
   */
  getOrFetch(key: string, fetch: (budget: Deadline) => Promise<ExtractedSms[]>, deadline: Deadline): Promise<ExtractedSms[]> {
    if (!this.lists) return untilDeadline(fetch(deadline), deadline, 'CREDEAU');
    const cached = this.lists.get(key);
    if (cached) return Promise.resolve(cached);
    return this.flights.run(
      key,
      async (budget) => {
        const list = await fetch(budget);
        this.lists?.set(key, list);
        return list;
      },
      deadline,
    );
  }

  clear(): void {
    this.lists?.clear();
  }
}

/** Rough heap size of a list: two bytes per string character plus a per-field overhead; at least 1. */
function estimateBytes(list: ExtractedSms[]): number {
  let bytes = 64;
  for (const record of list) {
    for (const value of Object.values(record)) bytes += typeof value === 'string' ? 32 + value.length * 2 : 16;
  }
  return Math.max(1, bytes);
}
