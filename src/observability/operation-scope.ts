import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import type { VendorCallEvents } from '../datasources/http/vendor-call-events';

/**
 * What one GraphQL operation accumulates while it runs, for the observers that report on it when it
 * ends: the vendor attempts it caused (the log line) and, with tracing on, its span's context (the
 * parent of its vendor attempt and store lookup spans). Vendor call events come from long-lived
 * clients shared by every operation, so this is how an event finds its operation: the scope is an
 * AsyncLocalStorage store, entered once per HTTP request and inherited by every promise, timer and
 * DataLoader batch the operation starts.
 */
export interface OperationScope {
  /** HTTP attempts sent to vendors for this operation: retries and polls count, single-flight joins do not. */
  vendorCalls: number;
  /** The operation span's context; set by the tracing plugin, undefined with tracing off. */
  traceContext?: Context;
}

const storage = new AsyncLocalStorage<OperationScope>();

/** The scope of the operation the caller runs for; undefined outside one (start-up, token refresh timers). */
export function currentOperation(): OperationScope | undefined {
  return storage.getStore();
}

/**
 * Express middleware entering a fresh scope for the rest of the request. It must sit after
 * `express.json()`: the body parser resumes from a stream event, and a scope entered before it would be
 * the one the parser's callback runs in only by accident of timing. One request is one operation
 * (Apollo's batched requests are off).
 */
export function operationScopeMiddleware(): RequestHandler {
  return (_req, _res, next) => storage.run({ vendorCalls: 0 }, next);
}

/** Counts each vendor attempt against the operation that made it (called once per process). */
export function countVendorCallsPerOperation(events: VendorCallEvents): void {
  events.onAttempt(() => {
    const scope = storage.getStore();
    if (scope) scope.vendorCalls += 1;
  });
}

