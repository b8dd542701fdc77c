import type { AccessEntry, EvidenceLedger } from '../evidence';
import type { Logger } from '../logger';
import type { Eraser, SignalErasureReceipt } from './accountability';

/** The signal store's side: Redis entries, every replica's memory, and the guard against calls in flight. */
export interface StoreErasure {
  eraseCustomer(customerId: string): Promise<{ storeEntries: number; replicasReached: number; replicasAcknowledged: number }>;
}

/** Apollo Router's response cache (src/erasure/router-invalidation.ts). */
export interface CacheTagInvalidation {
  invalidateCacheTag(tag: string): Promise<'sent' | 'not-configured' | 'failed'>;
}

export interface CustomerErasureParts {
  /** Undefined with EVIDENCE_DISABLED=true. */
  ledger: Pick<EvidenceLedger, 'eraseCustomer' | 'recordAccess'> | undefined;
  store: StoreErasure;
  router: CacheTagInvalidation;
  /** The customer's cache tag, as answers carry it (src/erasure/customer-cache-tags.ts). */
  tagFor(customerId: string): string;
  logger: Logger;
}

const ROUTER_RESULT = { sent: 'SENT', 'not-configured': 'NOT_CONFIGURED', failed: 'FAILED' } as const;

/**
 * Erases one customer everywhere this subgraph keeps their signals. The order matters:
 * 1. the store first (the Redis erasure marker that keeps a call in flight from being stored, the stored
 *    answers, every replica's memory), so nothing this subgraph serves afterwards is the old data;
 * 2. then the router's cache, which would otherwise keep serving what the store no longer has, and which
 *    refetches from a store that is already empty;
 * 3. then the ledger: the customer's data keys destroyed (bodies unreadable for good) and the instant that
 *    refuses evidence of calls still in flight. A ledger outage fails the mutation (retryable) after the
 *    caches are cleared: erasing again is harmless, and the client is told the erasure is not complete;
 * 4. the erasure itself into the access log (the customer only as a keyed hash there).
 */
export class CustomerErasure implements Eraser {
  constructor(private readonly parts: CustomerErasureParts) {}

  async erase(customerId: string, by: Pick<AccessEntry, 'subject' | 'clientName' | 'clientVersion' | 'operationName'>): Promise<SignalErasureReceipt> {
    const erasedAt = new Date();
    const store = await this.parts.store.eraseCustomer(customerId);
    const router = await this.parts.router.invalidateCacheTag(this.parts.tagFor(customerId));
    if (router === 'failed') this.parts.logger.warn('erasure: the router cache invalidation failed; cached answers live until their max-age');
    const ledger = this.parts.ledger ? await this.parts.ledger.eraseCustomer(customerId) : { evidenceRecords: 0 };
    this.parts.ledger?.recordAccess({ ...by, at: erasedAt, customerId, field: 'Mutation.eraseCustomerSignals' });
    this.parts.logger.info(
      { storeEntries: store.storeEntries, evidenceRecords: ledger.evidenceRecords, replicasReached: store.replicasReached, replicasAcknowledged: store.replicasAcknowledged, router },
      'customer signals erased',
    );
    return {
      erasedAt,
      storeEntries: store.storeEntries,
      evidenceRecords: ledger.evidenceRecords,
      replicasReached: store.replicasReached,
      replicasAcknowledged: store.replicasAcknowledged,
      routerInvalidation: ROUTER_RESULT[router],
    };
  }
}
