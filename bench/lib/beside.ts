import { routerSecretHeaders } from './router-secret';
import { quantile } from './stats';

/** What one request got: the HTTP status and first GraphQL error code, or that it got nothing in time. */
export interface Answer {
  /** HTTP status, or `timeout` (nothing within the cap) / `error` (the connection failed). */
  status: number | 'timeout' | 'error';
  /** `extensions.code` of the first GraphQL error; `data` when the answer had no errors. */
  code?: string;
  ms: number;
  /** Size of the answer's body. */
  bytes?: number;
}

/** POSTs one GraphQL body and classifies the answer; never throws, never waits longer than `timeoutMs`. */
export async function post(url: string, body: string, timeoutMs: number): Promise<Answer> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...routerSecretHeaders() },
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
    return { status: response.status, code: firstCode(text), ms: elapsed(), bytes: Buffer.byteLength(text) };
  } catch (error) {
    const name = (error as Error)?.name;
    return { status: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'error', ms: elapsed() };
  }
}

function firstCode(text: string): string | undefined {
  try {
    const parsed = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: unknown } }> };
    const code = parsed.errors?.[0]?.extensions?.code;
    return parsed.errors ? (typeof code === 'string' ? code : 'no code') : 'data';
  } catch {
    return 'not JSON';
  }
}

/** The cheap operation's latencies over a stretch of time. */
export interface CheapLatencies {
  operations: number;
  /** Operations that got no answer within the cap (the server's event loop was blocked). */
  timeouts: number;
  /** Operations answered with something other than 200 and `data`. */
  failures: number;
  p50: number;
  p99: number;
  max: number;
}

/**
 * Sends the cheap operation back to back, one at a time, until stopped: each one's latency is the
 * server's event-loop delay at that moment plus a small constant. `stop()` waits for the one in flight.
 */
export function startCheapLoop(url: string, body: string, timeoutMs: number): { stop(): Promise<CheapLatencies> } {
  const answers: Answer[] = [];
  let running = true;
  const loop = (async () => {
    while (running) answers.push(await post(url, body, timeoutMs));
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const latencies = answers.map((answer) => answer.ms);
      return {
        operations: answers.length,
        timeouts: answers.filter((answer) => answer.status === 'timeout').length,
        failures: answers.filter((answer) => answer.status !== 200 || answer.code !== 'data').length,
        p50: quantile(latencies, 0.5),
        p99: quantile(latencies, 0.99),
        max: latencies.length > 0 ? Math.max(...latencies) : Number.NaN,
      };
    },
  };
}

/** Runs `work` while the cheap operation runs beside it; answers what `work` returned and the latencies. */
export async function besideCheap<T>(url: string, body: string, timeoutMs: number, work: () => Promise<T>): Promise<{ result: T; cheap: CheapLatencies }> {
  const cheap = startCheapLoop(url, body, timeoutMs);
  try {
    const result = await work();
    return { result, cheap: await cheap.stop() };
  } catch (error) {
    await cheap.stop();
    throw error;
  }
}
