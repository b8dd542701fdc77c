import { setMaxListeners } from 'node:events';
import { setTimeout as waitFor } from 'node:timers/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a simulator route sees of a request. */
export interface SimulatorRequest {
  method: string;
  /** Path without the query string, still percent-encoded as sent. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body; undefined when empty; the raw text when it is not JSON. */
  body: unknown;
}

export interface SimulatorResponse {
  status: number;
  /** Serialised as JSON unless `text` is given. */
  json?: unknown;
  /** Sent as is (HTML error pages, deliberately malformed JSON, pre-serialised bodies). */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Extra wait before answering, on top of the server-wide latency. */
  delayMs?: number;
}

export type SimulatorHandler = (request: SimulatorRequest) => SimulatorResponse | Promise<SimulatorResponse>;

/** One request as the simulator received it, for tests and benchmarks to count calls. */
export interface RecordedCall {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** When the request arrived (epoch ms): budget and cancellation tests compare these. */
  at: number;
}

/**
 * A vendor fake on a real loopback socket (port 0 by default). Vendor simulators supply the handler;
 * this records calls, tracks how many overlap, and adds configurable latency to every answer.
 */
export class SimulatorServer {
  /**
   * The most recent calls, at most `maxRecordedCalls` (oldest dropped first), so a simulator serving
   * `npm start` for days does not grow without bound. Tests and benchmarks stay far below the cap.
   */
  readonly calls: RecordedCall[] = [];
  /** Cap of `calls`. Default 10000. */
  maxRecordedCalls = 10_000;
  /** Added to every response; benchmarks set it to model vendor latency. */
  latencyMs = 0;
  /**
   * Aborted by stop(): a latency wait (a "hung" vendor waits minutes) must not outlive the simulator, or
   * its timer keeps the process that ran it (a jest worker, the dev server) from exiting.
   */
  private waits = unboundedWaits();
  /** While set, every answer waits for it (holdAnswers): a test decides when a call in flight ends. */
  private held: Promise<void> | undefined;
  private inFlightNow = 0;
  private inFlightPeak = 0;
  private server: Server | undefined;
  private baseUrl: string | undefined;

  constructor(
    readonly name: string,
    private readonly handler: SimulatorHandler,
  ) {}

  get url(): string {
    if (!this.baseUrl) throw new Error(`${this.name} simulator is not started`);
    return this.baseUrl;
  }

  /** Requests being answered right now. */
  get inFlight(): number {
    return this.inFlightNow;
  }

  /** The most requests that were being answered at the same moment since the last reset. */
  get maxInFlight(): number {
    return this.inFlightPeak;
  }

  async start(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = createServer((req, res) => {
      // Arrival, not the end of the body: what a vendor's rate limiter would count.
      const at = Date.now();
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void this.answer(req.method ?? 'GET', req.url ?? '/', req.headers, Buffer.concat(chunks).toString('utf8'), res, at);
      });
    });
    // Node's default 5 s, as a typical vendor advertises (stop() closes idle sockets itself). A hint of
    // 2 s or less makes undici (keepAliveTimeoutThreshold 2 s) open a new connection for every call,
    // which no real vendor costs us and which dominated `npm run bench`.
    server.keepAliveTimeout = 5000;
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    this.server = server;
    const { port: actualPort } = server.address() as AddressInfo;
    this.baseUrl = `http://${host}:${actualPort}`;
    return this.baseUrl;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.waits.abort();
    this.waits = unboundedWaits();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /**
   * Holds every answer (calls are recorded as they arrive) until the returned release is called: a test
   * can act while a vendor call is in flight, then let it end. stop() releases too.
   */
  holdAnswers(): () => void {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    this.held = held;
    const releaseOnce = () => {
      if (this.held === held) this.held = undefined;
      release();
    };
    this.waits.signal.addEventListener('abort', releaseOnce, { once: true });
    return releaseOnce;
  }

  /** Forgets recorded calls and the in-flight peak (scenario state is the vendor simulator's own). */
  resetCalls(): void {
    this.calls.length = 0;
    this.inFlightPeak = this.inFlightNow;
  }

  callsTo(path: string): RecordedCall[] {
    return this.calls.filter((call) => call.path === path || call.path.startsWith(`${path}?`));
  }

  private async answer(
    method: string,
    rawUrl: string,
    headers: IncomingHttpHeaders,
    rawBody: string,
    res: import('node:http').ServerResponse,
    at: number,
  ): Promise<void> {
    this.inFlightNow++;
    this.inFlightPeak = Math.max(this.inFlightPeak, this.inFlightNow);
    try {
      const url = new URL(rawUrl, 'http://simulator');
      const body = parseBody(rawBody);
      this.calls.push({ method, path: url.pathname, headers, body, at });
      if (this.calls.length > this.maxRecordedCalls) this.calls.splice(0, this.calls.length - this.maxRecordedCalls);
      const response = await this.handler({ method, path: url.pathname, query: url.searchParams, headers, body });
      if (this.held) await this.held;
      const wait = this.latencyMs + (response.delayMs ?? 0);
      if (wait > 0) {
        try {
          await waitFor(wait, undefined, { signal: this.waits.signal });
        } catch {
          return; // stopped while waiting: its connections are closed, nobody is left to answer
        }
      }
      const payload = response.text ?? (response.json === undefined ? '' : JSON.stringify(response.json));
      if (res.destroyed) return;
      res.writeHead(response.status, {
        'content-type': response.contentType ?? 'application/json',
        'content-length': Buffer.byteLength(payload),
        ...response.headers,
      });
      res.end(payload);
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end('{"error":"simulator failure"}');
    } finally {
      this.inFlightNow--;
    }
  }
}

function parseBody(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Deterministic 32-bit hash (FNV-1a) so simulated data is stable per id across runs. */
export function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A small seeded PRNG (mulberry32): same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Scenario ids look like `sim-<scenario>[-<anything>]`; the free suffix lets tests use a fresh id (and
 * fresh per-id counters) for every case. Returns the scenario name matched, longest first.
 */
export function matchScenario<S extends string>(id: string, scenarios: readonly S[]): S | undefined {
  const sorted = [...scenarios].sort((a, b) => b.length - a.length);
  return sorted.find((scenario) => id === `sim-${scenario}` || id.startsWith(`sim-${scenario}-`));
}

/** Counts calls per key, so "once" and "N times" scenarios know where they are. */
export class CallCounter {
  private readonly counts = new Map<string, number>();
  /** Returns how many calls came before this one for `key` (0 on the first). */
  next(key: string): number {
    const seen = this.counts.get(key) ?? 0;
    this.counts.set(key, seen + 1);
    return seen;
  }
  reset(): void {
    this.counts.clear();
  }
}

/**
 * The controller every waiting answer listens to. A page of 100 customers keeps 100 answers waiting at
 * once, each with its own abort listener: no leak, so Node's 10-listener warning is turned off for it.
 */
function unboundedWaits(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}
