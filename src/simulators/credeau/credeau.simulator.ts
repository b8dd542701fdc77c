import { CallCounter, matchScenario, SimulatorServer, type SimulatorRequest, type SimulatorResponse } from '../simulator-server';
import { featuresJsonFragment } from './credeau.features';
import type { CredeauRoute } from './credeau-route';
import { createExtractedSmsRoute, EXTRACTED_SMS_PATH } from './credeau-sms.route';

/** Credentials the simulator accepts; the app uses them when Credeau runs simulated. */
export const CREDEAU_SIMULATOR_CREDENTIALS = { clientId: 'sim-client', authToken: 'sim-token' } as const;

/**
 * Scenario user ids (each may take a `-suffix` for a fresh counter, e.g. `sim-pending-2-case7`):
 * - `sim-pending-<N>`: async answers 202 for the first N calls, then 200 completed
 * - `sim-never-ready`: async always answers 202
 * - `sim-not-found`: 200 "user not found"
 * - `sim-rate-limited-once`: 429 on the first call, then normal
 * - `sim-bad-gateway-once`: 502 on the first call, then normal
 * - `sim-unavailable`: always 500
 * - `sim-malformed`: 200 with a body that is not JSON
 * - `sim-slow`: answers after `slowMs` (default 5000)
 * - `sim-forbidden`: 403 HTML page (as for an IP not allow-listed)
 * - `sim-unprocessable`: 422 FastAPI-style body
 * - `sim-other-user`: 200 completed, but about another user id (a vendor mix-up)
 * Any other id: 200 "featurization completed" with ~3000 deterministic features.
 */
export const CREDEAU_SCENARIOS = [
  'pending',
  'never-ready',
  'not-found',
  'rate-limited-once',
  'bad-gateway-once',
  'unavailable',
  'malformed',
  'slow',
  'forbidden',
  'unprocessable',
  'other-user',
] as const;

export const GROUPINGS = ['sms', 'fraud', 'extracted_sms'];

export interface CredeauSimulatorOptions {
  credentials?: { clientId: string; authToken: string };
  slowMs?: number;
}

export class CredeauSimulator extends SimulatorServer {
  private readonly counter = new CallCounter();
  private readonly fragments = new Map<string, string>();
  private readonly routes = new Map<string, CredeauRoute>();
  private readonly credentials: { clientId: string; authToken: string };
  slowMs: number;
  /**
   * Whose ~3000 features an id is answered with (default: its own). Building them costs ~5 ms per new
   * id, so `npm run bench` maps its never-seen customer ids onto a few cached bodies: otherwise the
   * simulator, not the server under test, would set the pace.
   */
  featuresSeed: (userId: string) => string = (userId) => userId;

  constructor(options: CredeauSimulatorOptions = {}) {
    super('credeau', (request) => this.route(request));
    this.credentials = options.credentials ?? CREDEAU_SIMULATOR_CREDENTIALS;
    this.slowMs = options.slowMs ?? 5000;
    this.routes.set('/api/insights', (request, userId) => this.insights(request, userId, 'sync'));
    this.routes.set('/api/async_insights', (request, userId) => this.insights(request, userId, 'async'));
    this.addRoute(EXTRACTED_SMS_PATH, createExtractedSmsRoute());
  }

  addRoute(path: string, route: CredeauRoute): void {
    this.routes.set(path, route);
  }

  /** Insight calls received for one user id, across both endpoints. */
  insightCallsFor(userId: string): number {
    return this.calls.filter(
      (c) => (c.path === '/api/insights' || c.path === '/api/async_insights') && (c.body as { user_id?: string })?.user_id === userId,
    ).length;
  }

  private async route(request: SimulatorRequest): Promise<SimulatorResponse> {
    const route = request.method === 'POST' ? this.routes.get(request.path) : undefined;
    if (!route) return forbiddenPage(); // Credeau answers a wrong path with its 403 HTML page
    if (
      request.headers['x-client-id'] !== this.credentials.clientId ||
      request.headers['x-auth-token'] !== this.credentials.authToken
    ) {
      return unauthorized();
    }
    const body = (request.body ?? {}) as Record<string, unknown>;
    const missing = ['user_id', 'client_id', 'groupings'].filter((key) => body[key] === undefined);
    if (request.path.endsWith('insights') && missing.length > 0) return unprocessable(missing[0] as string, body);
    if (body.client_id !== this.credentials.clientId) return unauthorized();
    const userId = String(body.user_id);
    return route(request, userId);
  }

  private insights(request: SimulatorRequest, userId: string, mode: 'sync' | 'async'): SimulatorResponse {
    const body = request.body as { groupings?: unknown };
    if (JSON.stringify(body.groupings) !== JSON.stringify(GROUPINGS)) {
      // The real API answers 200 with incomplete features; the simulator is stricter so a bug shows.
      return unprocessable('groupings', body as Record<string, unknown>);
    }
    const scenario = matchScenario(userId, CREDEAU_SCENARIOS);
    const seen = this.counter.next(userId);
    switch (scenario) {
      case 'pending': {
        const pendingCalls = Number(/^sim-pending-(\d+)/.exec(userId)?.[1] ?? '1');
        if (mode === 'async' && seen < pendingCalls) return inProgress(userId);
        return this.completed(userId);
      }
      case 'never-ready':
        return mode === 'async' ? inProgress(userId) : this.completed(userId);
      case 'not-found':
        return { status: 200, json: metadata(userId, 'user not found', true) };
      case 'rate-limited-once':
        return seen === 0 ? { status: 429, json: { error: 'Too Many Requests' } } : this.completed(userId);
      case 'bad-gateway-once':
        return seen === 0 ? { status: 502, text: '<html><body>502 Bad Gateway</body></html>', contentType: 'text/html' } : this.completed(userId);
      case 'unavailable':
        return { status: 500, json: { error: 'Internal Server Error' } };
      case 'malformed':
        return { status: 200, text: '{"user_id": "' + userId + '", "request_id": "req-broken", "all_sms_co' };
      case 'slow':
        return { ...this.completed(userId), delayMs: this.slowMs };
      case 'forbidden':
        return forbiddenPage();
      case 'unprocessable':
        return unprocessable('user_id', body as Record<string, unknown>);
      case 'other-user':
        return this.completed(userId, `${userId}-someone-else`);
      default:
        return this.completed(userId);
    }
  }

  private completed(userId: string, reportedUserId = userId): SimulatorResponse {
    const seed = this.featuresSeed(userId);
    let fragment = this.fragments.get(seed);
    if (fragment === undefined) {
      fragment = featuresJsonFragment(seed);
      // Bounded so a soak over many ids does not grow the simulator without limit.
      if (this.fragments.size >= 2000) this.fragments.delete(this.fragments.keys().next().value as string);
      this.fragments.set(seed, fragment);
    }
    const head = metadata(reportedUserId, 'featurization completed', false);
    const text = `{"user_id":${JSON.stringify(head.user_id)},"request_id":${JSON.stringify(head.request_id)},` +
      `"data_requested_time":${JSON.stringify(head.data_requested_time)},${fragment},` +
      `"message":"featurization completed","data_processed_time":${JSON.stringify(head.data_processed_time)}}`;
    return { status: 200, text };
  }
}

let requestSequence = 0;

function metadata(userId: string, message: string, withProcessedTime: boolean) {
  const now = new Date();
  const stamp = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');
  requestSequence = (requestSequence + 1) % 1_000_000_000;
  return {
    user_id: userId,
    request_id: `req${Date.now().toString(36)}${requestSequence.toString(36)}`,
    data_requested_time: stamp(new Date(now.getTime() - 3000)),
    message,
    data_processed_time: withProcessedTime || message === 'featurization completed' ? stamp(now) : undefined,
  };
}

function inProgress(userId: string): SimulatorResponse {
  const { data_processed_time: _unused, ...head } = metadata(userId, 'featurization in progress', false);
  return { status: 202, json: head };
}

function unauthorized(): SimulatorResponse {
  return {
    status: 401,
    json: {
      error:
        'Could not validate credentials. (request_id=sim-401). It has been logged successfully on our servers. Please contact us with the request_id for assistance.',
    },
  };
}

function forbiddenPage(): SimulatorResponse {
  return {
    status: 403,
    contentType: 'text/html',
    text: '<html>\n    <head><title>403 Forbidden</title></head>\n    <body>\n        <center><h1>403 Forbidden</h1></center>\n    </body>\n</html>',
  };
}

function unprocessable(field: string, input: Record<string, unknown>): SimulatorResponse {
  return {
    status: 422,
    json: { detail: [{ type: 'missing', loc: ['body', field], msg: 'Field required', input }] },
  };
}
