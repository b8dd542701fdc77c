import { FanOut } from '../observability/fan-out';
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
  private readonly writes = new FanOut<[EvidenceWriteEvent]>();
  private readonly errors = new FanOut<[EvidenceErrorEvent]>();
  private readonly healths = new FanOut<[LedgerHealth]>();
  private readonly accesses = new FanOut<[AccessLogEvent]>();
  private readonly erasures = new FanOut<[Record<string, never>]>();

  onWrite(listener: Listener<EvidenceWriteEvent>): void {
    this.writes.add(listener);
  }
  onError(listener: Listener<EvidenceErrorEvent>): void {
    this.errors.add(listener);
  }
  onHealth(listener: Listener<LedgerHealth>): void {
    this.healths.add(listener);
  }
  onAccess(listener: Listener<AccessLogEvent>): void {
    this.accesses.add(listener);
  }
  onErasure(listener: Listener<Record<string, never>>): void {
    this.erasures.add(listener);
  }

  write(event: EvidenceWriteEvent): void {
    this.writes.emit(event);
  }
  error(event: EvidenceErrorEvent): void {
    this.errors.emit(event);
  }
  health(health: LedgerHealth): void {
    this.healths.emit(health);
  }
  access(event: AccessLogEvent): void {
    this.accesses.emit(event);
  }
  erasure(): void {
    this.erasures.emit({});
  }
}
