import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type TextMapGetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { VendorCallEvents } from '../datasources/http/vendor-call-events';
import type { OperationNames } from './operation-names';
import { operationOutcome } from './operation-outcome';
import { currentOperation } from './operation-scope';
import { serviceVersion } from './service-version';
import type { Tracing } from './tracing-contract';

/** Apollo's HeaderMap is a Map of lower-cased names. */
const headerGetter: TextMapGetter<Map<string, string>> = {
  get: (carrier, key) => carrier.get(key.toLowerCase()),
  keys: (carrier) => [...carrier.keys()],
};

/**
 * The SDK side of tracing (loaded only when tracing is on): a tracer provider of its own, not the
 * global one, exporting in batches over OTLP/HTTP JSON. Span parents are found through the operation
 * scope (AsyncLocalStorage), so no global context manager or auto-instrumentation is installed, and no
 * span ever carries a URL path, a variable or a header value: paths and variables hold customer ids.
 */
export function startOtlpTracing(
  options: { url: string; serviceName: string; exportDelayMs: number },
  names: OperationNames,
  /** Where finished spans go; OTLP/HTTP JSON to `options.url` unless a test hands in its own. */
  exporter: SpanExporter = new OTLPTraceExporter({ url: options.url }),
): Tracing {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName, 'service.version': serviceVersion() }),
    spanProcessors: [new BatchSpanProcessor(exporter, { scheduledDelayMillis: options.exportDelayMs })],
  });
  const tracer = provider.getTracer('customer-signals-subgraph');
  const propagator = new W3CTraceContextPropagator();
  const parentContext = (): Context => currentOperation()?.traceContext ?? ROOT_CONTEXT;

  return {
    plugin: {
      async requestDidStart({ request }) {
        const incoming = propagator.extract(ROOT_CONTEXT, request.http?.headers ?? new Map<string, string>(), headerGetter);
        const span = tracer.startSpan('graphql operation', { kind: SpanKind.SERVER }, incoming);
        const scope = currentOperation();
        if (scope) scope.traceContext = trace.setSpan(incoming, span);
        return {
          async willSendResponse(ctx) {
            const name = names.label(ctx.operationName ?? ctx.request.operationName);
            const outcome = operationOutcome(ctx);
            span.updateName(`${ctx.operation?.operation ?? 'graphql'} ${name}`);
            span.setAttributes({
              'graphql.operation.name': name,
              'graphql.operation.type': ctx.operation?.operation ?? 'unknown',
              'signals.outcome': outcome,
              'signals.vendor_calls': scope?.vendorCalls ?? 0,
            });
            if (outcome !== 'ok') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
            span.end();
          },
        };
      },
    },

    observe(events: VendorCallEvents) {
      events.onAttempt((event) => {
        const span = tracer.startSpan(
          `${event.vendor} ${event.operation}`,
          {
            kind: SpanKind.CLIENT,
            startTime: event.startedAt,
            attributes: {
              'signals.vendor': event.vendor,
              'signals.vendor.operation': event.operation,
              'signals.attempt': event.attempt,
              'signals.retry': event.attempt > 0,
              ...(event.status === undefined ? {} : { 'http.response.status_code': event.status }),
              ...(event.code === undefined ? {} : { 'error.type': event.code }),
            },
          },
          parentContext(),
        );
        if (event.code) span.setStatus({ code: SpanStatusCode.ERROR, message: event.code });
        span.end(event.startedAt + event.durationMs);
      });
    },

    recordStoreLookupSpan(event) {
      const span = tracer.startSpan(
        `store lookup ${event.product}`,
        {
          kind: SpanKind.INTERNAL,
          startTime: event.startedAt,
          attributes: { 'signals.vendor': event.vendor, 'signals.store.product': event.product, 'signals.store.result': event.result },
        },
        parentContext(),
      );
      if (event.result === 'error') span.setStatus({ code: SpanStatusCode.ERROR, message: 'store error' });
      span.end(event.startedAt + event.durationMs);
    },

    shutdown: () => provider.shutdown(),
  };
}
