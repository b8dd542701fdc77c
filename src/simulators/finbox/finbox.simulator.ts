import { createHash } from 'node:crypto';
import { CallCounter, matchScenario, SimulatorServer, type SimulatorRequest, type SimulatorResponse } from '../simulator-server';
import { predictorsFor } from './finbox.predictors';

/**
 * Credentials the simulator accepts; the app uses them when FinBox runs simulated. The server hash is
 * mixed-case on purpose: a client that changed its case would compute a salt this simulator rejects.
 */
export const FINBOX_SIMULATOR_CREDENTIALS = {
  apiKey: 'sim-finbox-api-key',
  serverHash: 'Sim5f8cD80c69a34B9785dc66298eAbe95b',
} as const;

/**
 * Scenario customer ids (each may take a `-suffix` for a fresh counter, e.g. `sim-finbox-in-progress-2-case7`):
 * - `sim-finbox-in-progress-<N>`: 202 in_progress for the first N calls, then 200 complete
 * - `sim-finbox-never-ready`: always 202 in_progress
 * - `sim-finbox-no-data`: 200 no_data, `data: null`
 * - `sim-finbox-not-found`: 200 not_found, `data: null`
 * - `sim-finbox-unavailable-once`: 503 on the first call, then 200 complete
 * - `sim-finbox-unavailable`: always 500
 * - `sim-finbox-rate-limited-once`: 429 on the first call, then 200 complete
 * - `sim-finbox-rate-limited`: always 429
 * - `sim-finbox-forbidden`: 403 "Incorrect API Key" (as for an IP not allow-listed)
 * - `sim-finbox-bad-request`: 400 "Missing Key version"
 * - `sim-finbox-malformed`: 200 with a body that is not JSON
 * - `sim-finbox-other-customer`: 200 complete, but about another customer id (a vendor mix-up)
 * Any other id: 200 complete with ~30 deterministic predictors for (id, version).
 * Whatever the id, a wrong `x-api-key` is 403 and a missing key or wrong salt is 400, as FinBox does.
 */
export const FINBOX_SCENARIOS = [
  'finbox-in-progress',
  'finbox-never-ready',
  'finbox-no-data',
  'finbox-not-found',
  'finbox-unavailable-once',
  'finbox-unavailable',
  'finbox-rate-limited-once',
  'finbox-rate-limited',
  'finbox-forbidden',
  'finbox-bad-request',
  'finbox-malformed',
  'finbox-other-customer',
] as const;

/** Production (`/v2`), staging (`/staging`) and a bare simulator URL all reach the one endpoint. */
const PREDICTORS_PATHS = new Set(['/risk/predictors', '/v2/risk/predictors', '/staging/risk/predictors']);

export interface FinboxSimulatorOptions {
  credentials?: { apiKey: string; serverHash: string };
}

export class FinboxSimulator extends SimulatorServer {
  private readonly counter = new CallCounter();
  private readonly credentials: { apiKey: string; serverHash: string };

  constructor(options: FinboxSimulatorOptions = {}) {
    super('finbox', (request) => this.route(request));
    this.credentials = options.credentials ?? FINBOX_SIMULATOR_CREDENTIALS;
  }

  /** Predictor calls received for one customer id. */
  predictorCallsFor(customerId: string): number {
    return this.calls.filter((c) => PREDICTORS_PATHS.has(c.path) && (c.body as { customer_id?: string })?.customer_id === customerId).length;
  }

  private route(request: SimulatorRequest): SimulatorResponse {
    if (request.method !== 'POST' || !PREDICTORS_PATHS.has(request.path)) return error(404, 'Not Found');
    if (request.headers['x-api-key'] !== this.credentials.apiKey) return error(403, 'Incorrect API Key');
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    const missing = ['customer_id', 'version', 'salt'].find((key) => body[key] === undefined || body[key] === null);
    if (missing) return error(400, `Missing Key ${missing}`, body);
    if (typeof body.customer_id !== 'string' || !Number.isInteger(body.version)) return error(400, 'Invalid request body', body);
    const customerId = body.customer_id;
    const version = body.version as number;
    if (body.salt !== expectedFinboxSalt(customerId, this.credentials.serverHash)) return error(400, 'Invalid salt', body);

    const seen = this.counter.next(customerId);
    switch (matchScenario(customerId, FINBOX_SCENARIOS)) {
      case 'finbox-in-progress': {
        const pendingCalls = Number(/^sim-finbox-in-progress-(\d+)/.exec(customerId)?.[1] ?? '1');
        return seen < pendingCalls ? inProgress(customerId) : complete(customerId, version);
      }
      case 'finbox-never-ready':
        return inProgress(customerId);
      case 'finbox-no-data':
        return finished(customerId, 'no_data', 'No data available for user', true);
      case 'finbox-not-found':
        return finished(customerId, 'not_found', 'User not found', false);
      case 'finbox-unavailable-once':
        return seen === 0 ? error(503, 'Service Unavailable. Please retry.') : complete(customerId, version);
      case 'finbox-unavailable':
        return error(500, 'Internal Server Error. Please retry. If issue persists, please contact support');
      case 'finbox-rate-limited-once':
        return seen === 0 ? error(429, 'Rate limit exceeded') : complete(customerId, version);
      case 'finbox-rate-limited':
        return error(429, 'Rate limit exceeded');
      case 'finbox-forbidden':
        return error(403, 'Incorrect API Key');
      case 'finbox-bad-request':
        return error(400, 'Missing Key version', body);
      case 'finbox-malformed':
        return { status: 200, text: `{"customer_id": "${customerId}", "status": "complete", "data": [{"name": "dc_sms_co` };
      case 'finbox-other-customer':
        return complete(`${customerId}-someone-else`, version);
      default:
        return complete(customerId, version);
    }
  }
}

/**
 * The salt FinBox expects (NOTES.md), computed here on its own rather than by importing the client's
 * finbox.salt.ts: a fake that reuses the client's code can never catch the client's mistake.
 */
export function expectedFinboxSalt(customerId: string, serverHash: string): string {
  const upperHexMd5 = createHash('md5').update(Buffer.from(customerId, 'utf8')).digest('hex').toUpperCase();
  const rawSha256 = createHash('sha256').update(Buffer.from(`${upperHexMd5}${serverHash}`, 'utf8')).digest();
  return rawSha256.toString('base64');
}

let requestSequence = 0;

/** `2019-01-03T06:37:44:003`: FinBox's own format, milliseconds after a colon, UTC. */
function finboxStamp(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 19)}:${iso.slice(20, 23)}`;
}

function head(customerId: string) {
  requestSequence = (requestSequence + 1) % 1_000_000_000;
  return {
    customer_id: customerId,
    request_id: `fbx${Date.now().toString(36)}${requestSequence.toString(36)}`.slice(0, 32),
    date_requested: finboxStamp(new Date(Date.now() - 3000)),
  };
}

function inProgress(customerId: string): SimulatorResponse {
  return {
    status: 202,
    json: { ...head(customerId), status: 'in_progress', message: 'Featurization in Progress, please try again in 10 Seconds' },
  };
}

function complete(customerId: string, version: number): SimulatorResponse {
  return {
    status: 200,
    json: {
      ...head(customerId),
      date_processed: finboxStamp(new Date()),
      status: 'complete',
      message: 'data processed successfully',
      data: predictorsFor(customerId, version),
    },
  };
}

function finished(customerId: string, status: 'no_data' | 'not_found', message: string, processed: boolean): SimulatorResponse {
  return {
    status: 200,
    json: { ...head(customerId), date_processed: processed ? finboxStamp(new Date()) : null, status, message, data: null },
  };
}

function error(status: number, message: string, body?: Record<string, unknown>): SimulatorResponse {
  const about = body && typeof body.customer_id === 'string' ? head(body.customer_id) : {};
  return { status, json: { ...about, status: 'error', message } };
}
