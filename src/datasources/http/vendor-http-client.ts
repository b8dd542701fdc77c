import type { AuthHook } from './auth-hook';
import type { IncomingHttpHeaders } from 'node:http';
import { Pool } from 'undici';
import type { Logger } from 'pino';
import { VendorError, type VendorName } from '../../errors';
import { guardAttempt, type AttemptGuard } from './attempt-guard';
import { badResponse, errorForStatus, errorForTransportFailure } from './classify-failure';
import { sleep, type Deadline } from './deadline';
import { noteExchange } from './exchange-capture';
import { runExchange, type HttpExchange } from './http-exchange';
import { parseRetryAfter, type RetryPolicy } from './retry-policy';
import type { VendorCallObserver } from './vendor-call-events';

export interface VendorHttpClientOptions {
  vendor: VendorName;
  /** Origin plus optional path prefix, e.g. https://insights.finbox.in/v2 (no trailing slash). */
  baseUrl: string;
  /** Total time one attempt may take, connect to last body byte. */
  timeoutMs: number;
  connectTimeoutMs: number;
  maxConnections: number;
  maxResponseBytes: number;
  retry: RetryPolicy;
  logger: Logger;
  /** Told of every attempt and every final outcome (metrics, tracing). */
  observer?: VendorCallObserver;
  /** Wrap every attempt, retries and polls included (rate budget, circuit breaker). Outermost first. */
  guards?: readonly AttemptGuard[];
  /** Adds the vendor's credentials to every attempt (its descriptor's `authorize`); none by default. */
  authorize?: AuthHook;
}

export interface VendorRequest {
  method: 'GET' | 'POST';
  /** Path below the base URL, already percent-encoded by the caller. */
  path: string;
  /** Headers besides the credentials (the vendor's auth hook adds those). */
  headers?: Record<string, string>;
  /** A session credential for the auth hook to send (Credolab's access token); see OutgoingRequest. */
  sessionToken?: string;
  json?: unknown;
  deadline: Deadline;
  /**
   * Statuses handed back as data; every other status becomes a VendorError. Default [200]. An accepted
   * error status whose body cannot be read comes back with `body: undefined`.
   */
  acceptStatuses?: readonly number[];
  /** Short label for logs, e.g. "insights". Never the path: it can hold a customer id. */
  operation: string;
  /**
   * False for exchanges that are not a customer's signals (a login): their bodies are never evidence.
   * Default true: an accepted answer is the candidate evidence of the fetch it runs in.
   */
  evidence?: boolean;
}

export interface VendorResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body, or undefined when the body was empty. */
  body: unknown;
}

/**
 * Every vendor call goes through here: one connection pool per vendor origin, a per-attempt timeout,
 * retries per the vendor's policy bounded by the operation deadline, a response size cap, and one
 * classification of failures. Vendor datasources describe requests; they never touch sockets.
 */
export class VendorHttpClient {
  private readonly pool: Pool;
  private readonly basePath: string;

  constructor(private readonly options: VendorHttpClientOptions) {
    const url = new URL(options.baseUrl);
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.pool = new Pool(url.origin, {
      connections: options.maxConnections,
      connect: { timeout: options.connectTimeoutMs },
      // Per-phase limits; the per-attempt AbortSignal in attempt() bounds the whole exchange, body included.
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      // Vendors sit behind load balancers that drop idle sockets; undici's default (4 s) is safe.
      keepAliveTimeout: 4_000,
    });
  }

  get vendor(): VendorName {
    return this.options.vendor;
  }

  async request(request: VendorRequest): Promise<VendorResponse> {
    const started = performance.now();
    let retries = 0;
    try {
      const response = await this.requestWithRetries(request, (retry) => (retries = retry));
      this.options.observer?.outcome({
        vendor: this.options.vendor, operation: request.operation, status: response.status, retries,
        durationMs: performance.now() - started,
      });
      return response;
    } catch (error) {
      const failure = error instanceof VendorError ? error : this.transportFailure(error, request.deadline);
      const fields = {
        vendor: this.options.vendor, operation: request.operation, code: failure.code, status: failure.httpStatus, retries,
      };
      this.options.observer?.outcome({ ...fields, durationMs: performance.now() - started });
      // The one line an operator sees per failed call: labels only, never the path, body or headers.
      this.options.logger.warn({ ...fields, ms: Math.round(performance.now() - started) }, 'vendor call failed');
      throw failure;
    }
  }

  private async requestWithRetries(request: VendorRequest, onRetry: (retry: number) => void): Promise<VendorResponse> {
    const accept = request.acceptStatuses ?? [200];
    for (let retry = 0; ; retry++) {
      onRetry(retry);
      let failure: VendorError;
      let retryAfterMs: number | undefined;
      try {
        const exchange = await this.observedAttempt(request, retry, accept);
        if (accept.includes(exchange.status)) {
          const response = this.parse(exchange);
          if (request.evidence !== false && exchange.text !== undefined) noteExchange(response.status, exchange.text, response.headers, response.body);
          return response;
        }
        retryAfterMs = parseRetryAfter(exchange.headers['retry-after']);
        failure = errorForStatus(this.options.vendor, exchange.status, retryAfterMs);
        if (!this.options.retry.retryStatuses.has(exchange.status)) throw failure;
      } catch (error) {
        if (error instanceof VendorError && (error.httpStatus !== undefined || error.code === 'VENDOR_BAD_RESPONSE')) {
          throw error;
        }
        // A guard's refusal (over budget, circuit open) is final for this call: retrying cannot help.
        if (error instanceof VendorError && error.refusedBeforeSending) throw error;
        failure = error instanceof VendorError ? error : this.transportFailure(error, request.deadline);
        if (request.deadline.expired()) throw failure;
      }

      const delay = this.options.retry.delayBeforeRetry(retry, retryAfterMs);
      if (delay === undefined || delay >= request.deadline.remainingMs()) throw failure;
      this.options.logger.debug(
        { vendor: this.options.vendor, operation: request.operation, code: failure.code, status: failure.httpStatus, retry: retry + 1, delayMs: delay },
        'vendor call failed; retrying',
      );
      try {
        await sleep(delay, request.deadline.signal);
      } catch {
        throw failure;
      }
    }
  }

  /**
   * One attempt, the whole exchange (connect, headers, body), through the guards, reported to the
   * observer whatever its result: a body that stalls or breaks off is reported as the failure it is.
   */
  private async observedAttempt(request: VendorRequest, attempt: number, accept: readonly number[]): Promise<HttpExchange> {
    const startedAt = Date.now();
    const started = performance.now();
    const report = (status: number | undefined, code: VendorError['code'] | undefined) =>
      this.options.observer?.attempt({
        vendor: this.options.vendor, operation: request.operation, attempt, status, code, startedAt,
        durationMs: performance.now() - started,
      });
    try {
      const exchange = await guardAttempt(
        this.options.guards ?? [],
        { vendor: this.options.vendor, operation: request.operation, attempt, deadline: request.deadline },
        () => this.attempt(request, accept),
      );
      report(exchange.status, this.attemptFailureCode(exchange, accept));
      return exchange;
    } catch (error) {
      const failure = error instanceof VendorError ? error : this.transportFailure(error, request.deadline);
      if (!failure.refusedBeforeSending) report(failure.httpStatus, failure.code);
      throw error;
    }
  }

  /** Closes pooled connections; in-flight requests finish first. */
  async close(): Promise<void> {
    await this.pool.close();
  }

  /**
   * Connect, headers and body under one signal: the attempt's timeout or the operation's deadline,
   * whichever comes first. A failure at any phase is a transport failure with no status (a 200 whose
   * body never arrives is no answer), so the retry loop retries it and the breaker counts it.
   */
  private async attempt(request: VendorRequest, accept: readonly number[]): Promise<HttpExchange> {
    const attemptTimeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = AbortSignal.any([request.deadline.signal, attemptTimeout]);
    const started = performance.now();
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(request.json !== undefined ? { 'content-type': 'application/json' } : {}),
      ...request.headers,
    };
    this.options.authorize?.({ operation: request.operation, sessionToken: request.sessionToken, headers });
    try {
      const exchange = await runExchange(
        this.pool,
        {
          method: request.method,
          path: this.basePath + request.path,
          headers,
          body: request.json !== undefined ? JSON.stringify(request.json) : undefined,
        },
        { signal, maxResponseBytes: this.options.maxResponseBytes, wantsBody: (status) => accept.includes(status) },
      );
      this.options.logger.debug(
        { vendor: this.options.vendor, operation: request.operation, status: exchange.status, ms: Math.round(performance.now() - started) },
        'vendor call answered',
      );
      return exchange;
    } catch (error) {
      throw this.transportFailure(error, request.deadline, attemptTimeout);
    }
  }

  /** The code an attempt event carries for a complete exchange: its status' code, or an oversized success. */
  private attemptFailureCode(exchange: HttpExchange, accept: readonly number[]): VendorError['code'] | undefined {
    if (!accept.includes(exchange.status)) return errorForStatus(this.options.vendor, exchange.status).code;
    return exchange.oversized && exchange.status < 400 ? 'VENDOR_BAD_RESPONSE' : undefined;
  }

  /**
   * An accepted success must carry a readable JSON body. An accepted error status (a vendor's documented
   * "no data" answer, say Credolab's 404) is data by its status alone: when its body is not JSON or over
   * the size cap, it comes back with no body and the vendor's mapper decides from the status.
   */
  private parse(exchange: HttpExchange): VendorResponse {
    const { status, headers, text } = exchange;
    if (text === undefined) {
      if (status >= 400) return { status, headers, body: undefined };
      throw badResponse(this.options.vendor, 'response larger than the configured limit', status);
    }
    if (text.trim() === '') return { status, headers, body: undefined };
    try {
      return { status, headers, body: JSON.parse(text) };
    } catch {
      if (status >= 400) return { status, headers, body: undefined };
      throw badResponse(this.options.vendor, 'response is not valid JSON', status);
    }
  }

  private transportFailure(error: unknown, deadline: Deadline, attemptTimeout?: AbortSignal): VendorError {
    if (error instanceof VendorError) return error;
    const kind = deadline.signal.aborted ? 'deadline' : attemptTimeout?.aborted ? 'timeout' : 'other';
    return errorForTransportFailure(this.options.vendor, error, kind);
  }
}
