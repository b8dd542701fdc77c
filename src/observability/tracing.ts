import type { ObservabilityConfig } from '../config';
import type { OperationNames } from './operation-names';
import type { Tracing } from './tracing-contract';

export type { StoreLookupSpanEvent, Tracing } from './tracing-contract';

/**
 * Tracing is on only when an OTLP traces URL is configured. The OpenTelemetry SDK and exporter are
 * loaded only then, so a process without tracing neither starts an exporter nor loads its modules.
 */
export async function startTracing(config: ObservabilityConfig, names: OperationNames): Promise<Tracing | undefined> {
  if (!config.tracesUrl) return undefined;
  const { startOtlpTracing } = await import('./otlp-tracing');
  return startOtlpTracing({ url: config.tracesUrl, serviceName: config.serviceName, exportDelayMs: config.spanExportDelayMs }, names);
}
