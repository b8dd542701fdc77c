import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingHttpHeaders } from 'node:http';

/** A vendor answer as it arrived: the evidence ledger keeps exactly these bytes. */
export interface CapturedExchange {
  status: number;
  /** The response body as received (decoded UTF-8, as the JSON was parsed from). */
  text: string;
  /** The vendor's id of this request, when it names one (header or top-level body field). */
  vendorRequestId: string | undefined;
}

interface Capture {
  last: CapturedExchange | undefined;
}

const current = new AsyncLocalStorage<Capture>();

/**
 * Runs one vendor fetch and hands back, beside its value, the last exchange that answered inside it: the
 * one the value was mapped from (a 202 poll's final answer, Credolab's dataset call after its login).
 * Why a context rather than a return value: every vendor's fetch goes through the one HTTP client, so
 * the seam is written once here and in the loader, and no vendor's code can forget to pass its body on.
 */
export async function captureExchange<T>(work: () => Promise<T>): Promise<{ value: T; exchange: CapturedExchange | undefined }> {
  const capture: Capture = { last: undefined };
  try {
    const value = await current.run(capture, work);
    return { value, exchange: capture.last };
  } finally {
    // Everything asynchronous `work` created keeps this store for as long as it lives: a vendor socket
    // for its keep-alive, a deadline timer and its AbortSignal until they are collected. None of them may
    // keep the body (a Credeau answer is ~94 KB): a heap snapshot after a cold run found the last
    // operations' bodies held only through Timeouts' async context.
    capture.last = undefined;
  }
}

/** Called by the HTTP client for every accepted answer; a no-op outside captureExchange. */
export function noteExchange(status: number, text: string, headers: IncomingHttpHeaders, body: unknown): void {
  const capture = current.getStore();
  if (capture) capture.last = { status, text, vendorRequestId: vendorRequestIdOf(headers, body) };
}

const REQUEST_ID_HEADERS = ['x-request-id', 'request-id', 'x-amzn-requestid'] as const;

/** The request id a vendor gives: a response header, or Credeau's and FinBox's top-level `request_id`. */
function vendorRequestIdOf(headers: IncomingHttpHeaders, body: unknown): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string' && value !== '') return value;
  }
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const { request_id: snake, requestId: camel } = body as { request_id?: unknown; requestId?: unknown };
    if (typeof snake === 'string' && snake !== '') return snake;
    if (typeof camel === 'string' && camel !== '') return camel;
  }
  return undefined;
}
