import type { LedgerHealth } from './evidence-types';

/** One append, labels only: never a customer id or body. */
export interface EvidenceWriteEvent {
  vendor: string;
  product: string;
  result: 'ok' | 'refused' | 'error';
  durationMs: number;
}

/** A ledger operation that failed (append, read, erase, access_log, sweep, migrate, probe). */
export interface EvidenceErrorEvent {
  operation: string;
}

/** Access-log entries written, dropped (queue full) or failed (a flush that did not commit). */
export interface AccessLogEvent {
  result: 'written' | 'dropped' | 'failed';
  count: number;
}

type Listener<E> = (event: E) => void;

/**
 * The process-wide fan-out of ledger events (metrics, readiness). A listener that throws is isolated:
 * observing the ledger must never fail it.
 */
export class EvidenceEvents {
  private readonly writeListeners: Listener<EvidenceWriteEvent>[] = [];
  private readonly errorListeners: Listener<EvidenceErrorEvent>[] = [];
  private readonly healthListeners: Listener<LedgerHealth>[] = [];
  private readonly accessListeners: Listener<AccessLogEvent>[] = [];
  private readonly erasureListeners: Listener<Record<string, never>>[] = [];

  onWrite(listener: Listener<EvidenceWriteEvent>): void {
    this.writeListeners.push(listener);
  }
  onError(listener: Listener<EvidenceErrorEvent>): void {
    this.errorListeners.push(listener);
  }
  onHealth(listener: Listener<LedgerHealth>): void {
    this.healthListeners.push(listener);
  }
  onAccess(listener: Listener<AccessLogEvent>): void {
    this.accessListeners.push(listener);
  }
  onErasure(listener: Listener<Record<string, never>>): void {
    this.erasureListeners.push(listener);
  }

  write(event: EvidenceWriteEvent): void {
    notify(this.writeListeners, event);
  }
  error(event: EvidenceErrorEvent): void {
    notify(this.errorListeners, event);
  }
  health(health: LedgerHealth): void {
    notify(this.healthListeners, health);
  }
  access(event: AccessLogEvent): void {
    notify(this.accessListeners, event);
  }
  erasure(): void {
    notify(this.erasureListeners, {});
  }
}

function notify<E>(listeners: ReadonlyArray<Listener<E>>, event: E): void {
  for (const listener of listeners) {
    try {
      listener(event);
    } catch {
      // An observer's fault is its own.
    }
  }
}
