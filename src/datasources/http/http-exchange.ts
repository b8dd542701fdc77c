import type { IncomingHttpHeaders } from 'node:http';
import type { Dispatcher } from 'undici';
import { readCappedBody } from './read-capped-body';

/**
 * One whole HTTP exchange, as an attempt sees it: connected, headers received and, when its status is
 * one the caller wants the body of, the body read to its end. Nothing is left to read after the attempt
 * returns, so a body that stalls or is cut off fails the attempt (inside its timeout, its guards and the
 * retry loop) instead of failing the call later, where nothing would retry or count it.
 */
export interface HttpExchange {
  status: number;
  headers: IncomingHttpHeaders;
  /** The whole body as text; undefined when it was not wanted (status) or passed the size cap. */
  text: string | undefined;
  /** True when the body passed `maxResponseBytes` and was dropped unread. */
  oversized: boolean;
}

export interface ExchangeLimits {
  /** Aborts connect, headers and body alike: the attempt's timeout joined with the operation's deadline. */
  signal: AbortSignal;
  maxResponseBytes: number;
  /** Whether the body of this status is data. Other bodies are drained in the background, never waited on. */
  wantsBody(status: number): boolean;
}

export async function runExchange(
  dispatcher: Dispatcher,
  options: Omit<Dispatcher.RequestOptions, 'signal'>,
  limits: ExchangeLimits,
): Promise<HttpExchange> {
  const { statusCode, headers, body } = await dispatcher.request({ ...options, signal: limits.signal });
  if (!limits.wantsBody(statusCode)) {
    // The status alone decides (a 503 is retried, a 400 is not): a slow error body must not hold the
    // attempt. The request's signal still bounds the drain, so the socket is freed or destroyed.
    body.dump().catch(() => undefined);
    return { status: statusCode, headers, text: undefined, oversized: false };
  }
  const text = await readCappedBody(body, headers, limits.maxResponseBytes, limits.signal);
  return { status: statusCode, headers, text, oversized: text === undefined };
}
