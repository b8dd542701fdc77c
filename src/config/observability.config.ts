import { z } from 'zod';
import { integerVar, optionalString } from './env-fields';

/** An optional http(s) URL (an OTLP endpoint): unset or empty means off; anything else must parse. */
const optionalHttpUrl = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z.url({ protocol: /^https?$/ }).optional(),
);

/** Metrics and tracing environment contract. */
export const observabilityEnvShape = {
  /** Port of the Prometheus `/metrics` listener, never the GraphQL port; 0 turns it off. Default 9464. */
  METRICS_PORT: integerVar(9464, 0, 65_535),
  /** Interface the metrics listener binds. Default: the value of HOST. */
  METRICS_HOST: optionalString,
  /** OTLP/HTTP base URL (traces go to `<url>/v1/traces`); tracing is off unless this or the next is set. Default unset. */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalHttpUrl,
  /** Full OTLP/HTTP traces URL; wins over OTEL_EXPORTER_OTLP_ENDPOINT. Default unset. */
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: optionalHttpUrl,
  /** `service.name` of the exported spans. Default customer-signals-subgraph. */
  OTEL_SERVICE_NAME: z.preprocess((v) => (v === '' ? undefined : v), z.string().default('customer-signals-subgraph')),
  /** Longest wait before finished spans are sent (the OpenTelemetry variable). Default 5000 ms. */
  OTEL_BSP_SCHEDULE_DELAY: integerVar(5000, 1, 600_000),
  /**
   * Operation names reported as themselves in metric labels and spans, besides those of operations/;
   * any other name is `other`. Comma-separated GraphQL names. Default none.
   */
  METRICS_OPERATION_NAMES: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .regex(/^\s*[_A-Za-z][_0-9A-Za-z]*(\s*,\s*[_A-Za-z][_0-9A-Za-z]*)*\s*$/, 'must be comma-separated GraphQL operation names')
      .optional()
      .transform((v) => (v ? v.split(',').map((name) => name.trim()) : [])),
  ),
};

export interface ObservabilityConfig {
  /** 0: no metrics listener. */
  metricsPort: number;
  metricsHost: string;
  /** Where spans are POSTed; undefined: no exporter starts. */
  tracesUrl?: string;
  serviceName: string;
  /** BatchSpanProcessor's scheduled delay. */
  spanExportDelayMs: number;
  /** Operation names allowed into labels besides the example operations'. */
  operationNames: readonly string[];
}

export function toObservabilityConfig(
  e: z.output<z.ZodObject<typeof observabilityEnvShape>>,
  host: string,
): ObservabilityConfig {
  const base = e.OTEL_EXPORTER_OTLP_ENDPOINT?.replace(/\/+$/, '');
  return {
    metricsPort: e.METRICS_PORT,
    metricsHost: e.METRICS_HOST ?? host,
    tracesUrl: e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? (base ? `${base}/v1/traces` : undefined),
    serviceName: e.OTEL_SERVICE_NAME,
    spanExportDelayMs: e.OTEL_BSP_SCHEDULE_DELAY,
    operationNames: e.METRICS_OPERATION_NAMES,
  };
}
