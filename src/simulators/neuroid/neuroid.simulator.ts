import { CallCounter, matchScenario, SimulatorServer, type SimulatorRequest, type SimulatorResponse } from '../simulator-server';
import { neuroidProfile, type ProfileKind } from './neuroid.profiles';

/** Credentials the simulator accepts; the app uses them when NeuroID runs simulated. */
export const NEUROID_SIMULATOR_CREDENTIALS = { apiKey: 'sim-neuroid-key', siteId: 'form_neuro100' } as const;

/**
 * Sites and the API key each accepts (NeuroID keys are per site). `form_unconfigured` answers
 * SITE_NOT_CONFIGURED for every profile. A site not listed answers 404 PROFILE_NOT_FOUND.
 */
export const NEUROID_SIMULATOR_SITES: Readonly<Record<string, string>> = {
  form_neuro100: 'sim-neuroid-key',
  form_neuro200: 'sim-neuroid-key',
  form_neuro300: 'sim-neuroid-key',
  form_neuro400: 'sim-neuroid-key-2',
  form_neuro500: 'sim-neuroid-key-2',
  form_unconfigured: 'sim-neuroid-key',
};

/**
 * Scenario identity ids (each may take a `-suffix` for a fresh counter, e.g. `sim-unknown-error-once-3`):
 * - `sim-insufficient-data`: 200 NOT_ENOUGH_INTERACTION_DATA, some signals "insufficient data" with null scores
 * - `sim-site-not-configured`: 200 SITE_NOT_CONFIGURED
 * - `sim-profile-not-found`: 404 PROFILE_NOT_FOUND
 * - `sim-not-found`: 404 NOT_FOUND (the path is unknown)
 * - `sim-bad-request`: 400 BAD_REQUEST; `sim-missing-required-query-parameter`: 400 MISSING_REQUIRED_QUERY_PARAMETER
 * - `sim-missing-api-key`, `sim-unauthorized-access`, `sim-unauthorized-api-key`: 401 with that status
 * - `sim-access-denied`: 403 ACCESS_DENIED
 * - `sim-not-acceptable`: 406 NOT_ACCEPTABLE
 * - `sim-unknown-error`: always 500 UNKNOWN_ERROR; `sim-unknown-error-once`: 500 on the first call, then normal
 * - `sim-risky`: a risky profile (as the vendor fixture `example-response-2`; `example-response-1` is genuine)
 * - `sim-malformed`: 200 with a body that is not JSON
 * - `sim-other-profile`: 200 about another identity (a vendor mix-up)
 * - `sim-slow`: answers after `slowMs` (default 5000)
 * Any other id: a genuine SUCCESS profile. The real checks apply first: no API-KEY header is 401
 * MISSING_API_KEY, an unknown key 401 UNAUTHORIZED_ACCESS, a key of another site 401 UNAUTHORIZED_API_KEY,
 * an Accept header without JSON 406, any other path 404 NOT_FOUND.
 */
export const NEUROID_SCENARIOS = [
  'insufficient-data',
  'site-not-configured',
  'profile-not-found',
  'not-found',
  'bad-request',
  'missing-required-query-parameter',
  'missing-api-key',
  'unauthorized-access',
  'unauthorized-api-key',
  'access-denied',
  'not-acceptable',
  'unknown-error',
  'unknown-error-once',
  'risky',
  'malformed',
  'other-profile',
  'slow',
] as const;

export interface NeuroidSimulatorOptions {
  /** site id -> the API key it accepts. Default NEUROID_SIMULATOR_SITES. */
  sites?: Record<string, string>;
  slowMs?: number;
}

const PROFILE_PATH = /^\/v4\.1\/sites\/([^/]+)\/profiles\/([^/]+)$/;

export class NeuroidSimulator extends SimulatorServer {
  slowMs: number;
  private readonly counter = new CallCounter();
  private readonly sites: Record<string, string>;

  constructor(options: NeuroidSimulatorOptions = {}) {
    super('neuroid', (request) => this.route(request));
    this.sites = { ...(options.sites ?? NEUROID_SIMULATOR_SITES) };
    this.slowMs = options.slowMs ?? 5000;
  }

  /** The API base URL, version included, as NEUROID_BASE_URL would name it. */
  get apiBaseUrl(): string {
    return `${this.url}/v4.1`;
  }

  /** Profile calls received for one identity id (as decoded from the path), on any site. */
  profileCallsFor(identityId: string): number {
    return this.calls.filter((call) => {
      const match = PROFILE_PATH.exec(call.path);
      return match !== null && safeDecode(match[2] as string) === identityId;
    }).length;
  }

  private route(request: SimulatorRequest): SimulatorResponse {
    const match = request.method === 'GET' ? PROFILE_PATH.exec(request.path) : null;
    const siteId = match ? safeDecode(match[1] as string) : undefined;
    const identityId = match ? safeDecode(match[2] as string) : undefined;
    if (siteId === undefined || identityId === undefined) return error(404, 'NOT_FOUND', 'Resource not found');
    if ([...request.query.keys()].length > 0) return error(400, 'BAD_REQUEST', 'This endpoint takes no query parameters');
    const accept = String(request.headers.accept ?? '*/*');
    if (!/json|\*\/\*/.test(accept)) return error(406, 'NOT_ACCEPTABLE', 'Only application/json is available');

    const apiKey = request.headers['api-key'];
    if (apiKey === undefined) return error(401, 'MISSING_API_KEY', 'API key header is missing');
    if (!Object.values(this.sites).includes(String(apiKey))) return error(401, 'UNAUTHORIZED_ACCESS', 'API key is invalid');
    const siteKey = this.sites[siteId];
    if (siteKey === undefined) return error(404, 'PROFILE_NOT_FOUND', 'Profile not found');
    if (siteKey !== apiKey) return error(401, 'UNAUTHORIZED_API_KEY', 'API key is not authorized for this site');
    if (siteId === 'form_unconfigured') return siteNotConfigured();
    return this.profile(siteId, identityId);
  }

  private profile(siteId: string, identityId: string): SimulatorResponse {
    const scenario = matchScenario(identityId, NEUROID_SCENARIOS);
    const seen = this.counter.next(`${siteId}/${identityId}`);
    const ok = (kind: ProfileKind, status = 'SUCCESS', reportedId = identityId): SimulatorResponse => ({
      status: 200,
      json: { status, message: status === 'SUCCESS' ? 'success' : 'not enough interaction data', moreInfo: null, profile: neuroidProfile(reportedId, siteId, kind) },
    });
    switch (scenario) {
      case 'insufficient-data':
        return ok('insufficient', 'NOT_ENOUGH_INTERACTION_DATA');
      case 'site-not-configured':
        return siteNotConfigured();
      case 'profile-not-found':
        return error(404, 'PROFILE_NOT_FOUND', 'Profile not found');
      case 'not-found':
        return error(404, 'NOT_FOUND', 'Resource not found');
      case 'bad-request':
        return error(400, 'BAD_REQUEST', 'The request input is incorrect or malformed');
      case 'missing-required-query-parameter':
        return error(400, 'MISSING_REQUIRED_QUERY_PARAMETER', 'A required parameter is missing');
      case 'missing-api-key':
        return error(401, 'MISSING_API_KEY', 'API key header is missing');
      case 'unauthorized-access':
        return error(401, 'UNAUTHORIZED_ACCESS', 'API key is invalid');
      case 'unauthorized-api-key':
        return error(401, 'UNAUTHORIZED_API_KEY', 'API key is not authorized for this site');
      case 'access-denied':
        return error(403, 'ACCESS_DENIED', 'Not sufficient access');
      case 'not-acceptable':
        return error(406, 'NOT_ACCEPTABLE', 'Only application/json is available');
      case 'unknown-error':
        return error(500, 'UNKNOWN_ERROR', 'An unknown server error has occurred');
      case 'unknown-error-once':
        return seen === 0 ? error(500, 'UNKNOWN_ERROR', 'An unknown server error has occurred') : ok('genuine');
      case 'risky':
        return ok('risky');
      case 'malformed':
        return { status: 200, text: `{"status":"SUCCESS","profile":{"id":"${identityId}","signals":[{"model":"famil` };
      case 'other-profile':
        return ok('genuine', 'SUCCESS', `${identityId}-someone-else`);
      case 'slow':
        return { ...ok('genuine'), delayMs: this.slowMs };
      default:
        return ok(identityId === 'example-response-2' ? 'risky' : 'genuine');
    }
  }
}

function error(status: number, code: string, message: string): SimulatorResponse {
  return { status, json: { status: code, message, moreInfo: 'https://docs.neuro-id.com' } };
}

function siteNotConfigured(): SimulatorResponse {
  return { status: 200, json: { status: 'SITE_NOT_CONFIGURED', message: 'site not configured', moreInfo: 'Contact NeuroID support' } };
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
