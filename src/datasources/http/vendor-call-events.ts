import type { VendorErrorCode, VendorName } from '../../errors';
import { FanOut } from '../../observability/fan-out';

/**
 * What the vendor layer tells the rest of the process about its calls. Events carry labels only: the
 * vendor, a short operation label ("async_insights"), statuses, codes and timings; never a URL path
 * (paths hold customer ids), a body or a header. Metrics, tracing and logs subscribe here, once.
 */
export interface VendorAttemptEvent {
  vendor: VendorName;
  /** Short label of the vendor endpoint, e.g. "insights"; never the path. */
  operation: string;
  /** 0 for the first attempt, 1 for the first retry, ... */
  attempt: number;
  /** HTTP status when the vendor answered. */
  status?: number;
  /** Set when this attempt failed (a status we do not accept, or a transport failure). */
  code?: VendorErrorCode;
  /** Wall-clock start (epoch ms) and duration of the attempt, so a tracer can place a span after the fact. */
  startedAt: number;
  durationMs: number;
}

export interface VendorOutcomeEvent {
  vendor: VendorName;
  operation: string;
  /** HTTP status of the last attempt, when the vendor answered. */
  status?: number;
  /** Undefined when the call succeeded (an accepted status), else the final error code. */
  code?: VendorErrorCode;
  /** Retries made after the first attempt. */
  retries: number;
  /** From the first attempt to the outcome, retry waits included. */
  durationMs: number;
}

export interface VendorCallObserver {
  attempt(event: VendorAttemptEvent): void;
  outcome(event: VendorOutcomeEvent): void;
}

type Listener<E> = (event: E) => void;

/**
 * The process-wide fan-out of vendor call events (one instance, built at start-up). A listener that
 * throws is isolated: observing a call must never fail it.
 */
export class VendorCallEvents implements VendorCallObserver {
  private readonly attempts = new FanOut<[VendorAttemptEvent]>();
  private readonly outcomes = new FanOut<[VendorOutcomeEvent]>();

  onAttempt(listener: Listener<VendorAttemptEvent>): void {
    this.attempts.add(listener);
  }

  onOutcome(listener: Listener<VendorOutcomeEvent>): void {
    this.outcomes.add(listener);
  }

  attempt(event: VendorAttemptEvent): void {
    this.attempts.emit(event);
  }

  outcome(event: VendorOutcomeEvent): void {
    this.outcomes.emit(event);
  }
}
