import type { ApolloServerPlugin } from '@apollo/server';
import type { VendorCallEvents } from '../datasources/http/vendor-call-events';

// Its own file: tracing.ts loads otlp-tracing.ts lazily and otlp-tracing.ts implements this contract, so
// keeping the contract in tracing.ts would make the two import each other.

/** One store lookup, as the store reports it: which vendor's signal, how it ended, when and how long. */
export interface StoreLookupSpanEvent {
  /** The vendor's name (`CREDEAU`), never a key: keys hold customer ids. */
  vendor: string;
  /** The stored product (`credeau`, `credeau-sms`, ...). */
  product: string;
  result: 'hit_memory' | 'hit_redis' | 'miss' | 'error';
  /** Wall-clock start (epoch ms). */
  startedAt: number;
  durationMs: number;
}

/**
 * OpenTelemetry traces of the process. The shape of one trace: the router's span (from `traceparent`)
 * -> one `query <OperationName>` server span per operation -> one client span per vendor HTTP attempt
 * (retries and polls are their own spans) and one span per store lookup.
 */
export interface Tracing {
  /** Starts the operation span as a child of the incoming `traceparent`, ends it with the response. */
  plugin: ApolloServerPlugin;
  /** Subscribes to the process's vendor call events: one span per attempt (called once). */
  observe(events: VendorCallEvents): void;
  /**
   * The store's subscription point: call once per lookup, inside the operation that made it (the span
   * finds its parent through the operation scope). Wire it to the store's lookup events at start-up.
   */
  recordStoreLookupSpan(event: StoreLookupSpanEvent): void;
  /** Sends the spans still buffered; on shutdown. */
  shutdown(): Promise<void>;
}
