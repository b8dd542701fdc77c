import type { ApolloServerPlugin } from '@apollo/server';
import type { ObservabilityConfig } from '../config';
import type { VendorCallEvents } from '../datasources/http/vendor-call-events';
import type { OperationNames } from './operation-names';

/** One store lookup, as the store reports it: which vendor's signal, how it ended, when and how long. */
export interface StoreLookupSpanEvent {
  /** The store product (`credeau`, `credeau-sms`, ...), never a key: keys hold customer ids. */
  vendor: string;
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

/**
 * Tracing is on only when an OTLP traces URL is configured. The OpenTelemetry SDK and exporter are
 * loaded only then, so a process without tracing neither starts an exporter nor loads its modules.
 */
export async function startTracing(config: ObservabilityConfig, names: OperationNames): Promise<Tracing | undefined> {
  if (!config.tracesUrl) return undefined;
  const { startOtlpTracing } = await import('./otlp-tracing');
  return startOtlpTracing({ url: config.tracesUrl, serviceName: config.serviceName, exportDelayMs: config.spanExportDelayMs }, names);
}
