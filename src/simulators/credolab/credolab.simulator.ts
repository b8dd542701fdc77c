import { randomBytes } from 'node:crypto';
import { CallCounter, matchScenario, SimulatorServer, type SimulatorRequest, type SimulatorResponse } from '../simulator-server';
import { androidInsight, fraudCheckResult, iosInsight, webInsight } from './credolab.samples';

/** Credentials the simulator accepts; the app uses them when Credolab runs simulated. */
export const CREDOLAB_SIMULATOR_CREDENTIALS = { email: 'sim@credolab.test', password: 'sim-credolab-password' } as const;

/**
 * Login scenarios, by e-mail `sim-<scenario>@credolab.test`:
 * - `sim-password-invalid@…`: 400 password_invalid (so does a wrong password for sim@credolab.test)
 * - `sim-user-email-invalid@…`: 404 user_email_invalid (so does any unknown e-mail)
 * - `sim-subscription-suspended@…`: 400 subscription_suspended
 * - `sim-profile-inactive@…`: 400 profile_inactive
 * - `sim-login-unavailable@…`: 503 on every login
 * - `sim-refresh-token-invalid@…`, `sim-refresh-subscription-suspended@…`, `sim-refresh-profile-inactive@…`:
 *   login works (with the simulator password); refreshToken answers 404 refresh_token_invalid, 400
 *   subscription_suspended or 400 profile_inactive
 * A login without userEmail or password: 400 validation errors.
 */
export const CREDOLAB_LOGIN_SCENARIOS = [
  'password-invalid',
  'user-email-invalid',
  'subscription-suspended',
  'profile-inactive',
  'login-unavailable',
  'refresh-token-invalid',
  'refresh-subscription-suspended',
  'refresh-profile-inactive',
] as const;

/**
 * Dataset scenarios, by reference number (each may take a `-suffix` for a fresh counter, e.g. `sim-ios-7`):
 * - `sim-ios`: the iOS sample (source 1; `velocity` is an array)
 * - `sim-web`: a web dataset (source 2; two scorecards, a string fragment)
 * - `sim-reference-number-invalid`: 404 reference_number_invalid (insight and fraud check)
 * - `sim-dataset-removed`: 410 dataset_removed (insight and fraud check)
 * - `sim-insights-is-not-configured`: 400 insights_is_not_configured
 * - `sim-validation-error`: 400 with a validation `errors` map
 * - `sim-server-error`: always 500; `sim-server-error-once`: 500 on the first call, then normal
 * - `sim-unavailable`: always 503; `sim-unavailable-once`: 503 on the first call, then normal
 * - `sim-forbidden`: 403
 * - `sim-unauthorized`: 401 whatever the token
 * - `sim-malformed`: 200 with a body that is not JSON
 * - `sim-other-dataset`: 200 about another reference number (a vendor mix-up)
 * - `sim-slow`: answers after `slowMs` (default 5000)
 * - `sim-missing-settings`: fraud check 400 missing_settings
 * - `sim-empty-iovation-metadata`: fraud check 400 empty_iovation_metadata
 * - `sim-fraud-deny`: fraud check result D with two matched rules
 * Fraud-check ruleset ids `default` and `sim-ruleset` exist (any case); any other: 400 ruleset_id_invalid.
 * Any other reference number: the Android sample, with a score derived from the reference number.
 */
export const CREDOLAB_DATASET_SCENARIOS = [
  'ios',
  'web',
  'reference-number-invalid',
  'dataset-removed',
  'insights-is-not-configured',
  'validation-error',
  'server-error',
  'server-error-once',
  'unavailable',
  'unavailable-once',
  'forbidden',
  'unauthorized',
  'malformed',
  'other-dataset',
  'slow',
  'missing-settings',
  'empty-iovation-metadata',
  'fraud-deny',
] as const;

const KNOWN_RULESETS = new Set(['default', 'sim-ruleset']);

export const CREDOLAB_LOGIN_PATH = '/v6.0/account/login';
export const CREDOLAB_REFRESH_PATH = '/v6.0/account/login/refreshToken';

export interface CredolabSimulatorOptions {
  credentials?: { email: string; password: string };
  /** How long an issued access token is accepted. Default 3600000 (Credolab's documented 60 minutes). */
  tokenLifetimeMs?: number;
  slowMs?: number;
}

interface IssuedToken {
  email: string;
  expiresAt: number;
}

export class CredolabSimulator extends SimulatorServer {
  /** Lifetime of tokens issued from now on; tests shorten it to watch tokens really expire. */
  tokenLifetimeMs: number;
  slowMs: number;
  private readonly counter = new CallCounter();
  private readonly credentials: { email: string; password: string };
  private readonly accessTokens = new Map<string, IssuedToken>();
  /** Refresh tokens are single use, as OAuth servers rotate them: a double refresh shows up as a failure. */
  private readonly refreshTokens = new Map<string, string>();

  constructor(options: CredolabSimulatorOptions = {}) {
    super('credolab', (request) => this.route(request));
    this.credentials = options.credentials ?? CREDOLAB_SIMULATOR_CREDENTIALS;
    this.tokenLifetimeMs = options.tokenLifetimeMs ?? 3_600_000;
    this.slowMs = options.slowMs ?? 5000;
  }

  /** Login attempts received (failed ones included) since the last resetCalls(). */
  get loginCount(): number {
    return this.callsTo(CREDOLAB_LOGIN_PATH).length;
  }

  /** Refresh attempts received since the last resetCalls(). */
  get refreshCount(): number {
    return this.callsTo(CREDOLAB_REFRESH_PATH).length;
  }

  /** Dataset insight calls received for one reference number (as decoded from the path). */
  insightCallsFor(referenceNumber: string): number {
    return this.calls.filter((call) => {
      const parts = call.path.split('/');
      return parts[4] === 'datasetinsight' && safeDecode(parts[3] ?? '') === referenceNumber;
    }).length;
  }

  /** Every access token issued so far stops working now (refresh tokens stay valid), as if they had expired. */
  expireAllTokens(): void {
    for (const token of this.accessTokens.values()) token.expiresAt = 0;
  }

  private route(request: SimulatorRequest): SimulatorResponse {
    if (request.method === 'POST' && request.path === CREDOLAB_LOGIN_PATH) return this.login(request.body);
    if (request.method === 'POST' && request.path === CREDOLAB_REFRESH_PATH) return this.refresh(request.body);
    const parts = request.path.split('/');
    // ['', 'v6.0', 'datasets', '{referenceNumber}', 'datasetinsight' | 'iovation', 'fraud', 'checks', '{rulesetId}']
    const isInsight = request.method === 'GET' && parts.length === 5 && parts[4] === 'datasetinsight';
    const isFraud = request.method === 'POST' && parts.length === 8 && parts[4] === 'iovation' && parts[5] === 'fraud' && parts[6] === 'checks';
    if (parts[1] !== 'v6.0' || parts[2] !== 'datasets' || (!isInsight && !isFraud)) {
      return problem(404, 'not_found', 'The requested resource could not be found.');
    }
    const referenceNumber = safeDecode(parts[3] ?? '');
    if (referenceNumber === undefined) return problem(400, 'One or more validation errors occurred.', 'bad reference number');
    const holder = this.bearerHolder(request.headers.authorization);
    const scenario = matchScenario(referenceNumber, CREDOLAB_DATASET_SCENARIOS);
    if (holder === undefined || scenario === 'unauthorized') return unauthorized();
    return isInsight
      ? this.insight(referenceNumber, scenario, holder)
      : this.fraudCheck(referenceNumber, safeDecode(parts[7] ?? '') ?? '', request.body, scenario, holder);
  }

  private login(body: unknown): SimulatorResponse {
    const { userEmail, password } = (body ?? {}) as { userEmail?: unknown; password?: unknown };
    const errors: Record<string, string[]> = {};
    if (typeof password !== 'string' || password === '') errors.password = ['Password is required'];
    if (typeof userEmail !== 'string' || userEmail === '') errors.userEmail = ['Email is required'];
    if (Object.keys(errors).length > 0) return { status: 400, json: { errors, title: 'One or more validation errors occurred.', status: 400 }, contentType: 'application/problem+json' };
    const email = String(userEmail);
    const scenario = matchScenario(email.split('@')[0] ?? '', CREDOLAB_LOGIN_SCENARIOS);
    switch (scenario) {
      case 'password-invalid':
        return problem(400, 'password_invalid', 'Invalid password was entered while logging in.');
      case 'user-email-invalid':
        return problem(404, 'user_email_invalid', 'Invalid email was entered while logging in.');
      case 'subscription-suspended':
        return problem(400, 'subscription_suspended', 'Unable to login to the suspended subscription');
      case 'profile-inactive':
        return problem(400, 'profile_inactive', 'Your profile is inactive. Please contact your subscription administrator.');
      case 'login-unavailable':
        return problem(503, 'service_unavailable', 'An issue with CredoLab server availability.');
      case undefined:
        if (email !== this.credentials.email) return problem(404, 'user_email_invalid', 'Invalid email was entered while logging in.');
        break;
      default:
        break; // the refresh scenarios log in normally
    }
    if (password !== this.credentials.password) return problem(400, 'password_invalid', 'Invalid password was entered while logging in.');
    return { status: 200, json: this.issue(email) };
  }

  private refresh(body: unknown): SimulatorResponse {
    const refreshToken = (body as { refreshToken?: unknown } | undefined)?.refreshToken;
    if (typeof refreshToken !== 'string' || refreshToken === '') {
      return { status: 400, json: { errors: { refreshToken: ['RefreshToken is required'] }, title: 'One or more validation errors occurred.', status: 400 }, contentType: 'application/problem+json' };
    }
    const email = this.refreshTokens.get(refreshToken);
    if (email === undefined) return problem(404, 'refresh_token_invalid', 'The provided refresh token is not registered in the system.');
    switch (matchScenario(email.split('@')[0] ?? '', CREDOLAB_LOGIN_SCENARIOS)) {
      case 'refresh-token-invalid':
        return problem(404, 'refresh_token_invalid', 'The provided refresh token is not registered in the system.');
      case 'refresh-subscription-suspended':
        return problem(400, 'subscription_suspended', 'Unable to refresh token for the suspended subscription.');
      case 'refresh-profile-inactive':
        return problem(400, 'profile_inactive', 'Your profile is inactive. Please contact your subscription administrator.');
      default:
        this.refreshTokens.delete(refreshToken);
        return { status: 200, json: this.issue(email) };
    }
  }

  private issue(email: string) {
    const issued = new Date();
    const expires = new Date(issued.getTime() + this.tokenLifetimeMs);
    const accessToken = randomBytes(24).toString('base64url');
    const refreshToken = randomBytes(24).toString('base64url');
    // Tokens only pile up in a long soak; forget the oldest rather than grow without bound.
    if (this.accessTokens.size >= 10_000) this.accessTokens.delete(this.accessTokens.keys().next().value as string);
    if (this.refreshTokens.size >= 10_000) this.refreshTokens.delete(this.refreshTokens.keys().next().value as string);
    this.accessTokens.set(accessToken, { email, expiresAt: expires.getTime() });
    this.refreshTokens.set(refreshToken, email);
    return {
      access_token: accessToken,
      token_type: 'bearer',
      // Credolab writes 7 fraction digits and an offset; so does the simulator, to exercise the parser.
      '.issued': credolabTime(issued),
      '.expires': credolabTime(expires),
      refresh_token: refreshToken,
    };
  }

  /** The e-mail the bearer token was issued to, or undefined when it is missing, unknown or expired. */
  private bearerHolder(header: string | undefined): string | undefined {
    const match = /^Bearer (.+)$/.exec(header ?? '');
    const token = match ? this.accessTokens.get(match[1] as string) : undefined;
    return token && Date.now() < token.expiresAt ? token.email : undefined;
  }

  private insight(referenceNumber: string, scenario: (typeof CREDOLAB_DATASET_SCENARIOS)[number] | undefined, requestor: string): SimulatorResponse {
    const seen = this.counter.next(`insight:${referenceNumber}`);
    switch (scenario) {
      case 'ios':
        return { status: 200, json: iosInsight(referenceNumber, requestor) };
      case 'web':
        return { status: 200, json: webInsight(referenceNumber, requestor) };
      case 'reference-number-invalid':
        return problem(404, 'reference_number_invalid', 'The specified dataset does not exist on the server.');
      case 'dataset-removed':
        return problem(410, 'dataset_removed', 'The specified dataset has been removed due to retention policies');
      case 'insights-is-not-configured':
        return problem(400, 'insights_is_not_configured', 'Subscription does not have insight configured for the dataset requested.');
      case 'validation-error':
        return { status: 400, json: { errors: { referenceNumber: [`'${referenceNumber}' is not valid`] }, title: 'One or more validation errors occurred.', status: 400 }, contentType: 'application/problem+json' };
      case 'server-error':
        return serverError();
      case 'server-error-once':
        return seen === 0 ? serverError() : { status: 200, json: androidInsight(referenceNumber, requestor) };
      case 'unavailable':
        return unavailable();
      case 'unavailable-once':
        return seen === 0 ? unavailable() : { status: 200, json: androidInsight(referenceNumber, requestor) };
      case 'forbidden':
        return problem(403, 'forbidden', 'The user might not have the necessary permissions for a resource.');
      case 'malformed':
        return { status: 200, text: `{"datasetInfo":{"referenceNumber":"${referenceNumber}"},"scores":[{"code":"SC0` };
      case 'other-dataset':
        return { status: 200, json: androidInsight(`${referenceNumber}-someone-else`, requestor) };
      case 'slow':
        return { status: 200, json: androidInsight(referenceNumber, requestor), delayMs: this.slowMs };
      default:
        return { status: 200, json: androidInsight(referenceNumber, requestor) };
    }
  }

  private fraudCheck(
    referenceNumber: string,
    rulesetId: string,
    body: unknown,
    scenario: (typeof CREDOLAB_DATASET_SCENARIOS)[number] | undefined,
    requestor: string,
  ): SimulatorResponse {
    const params = (body as { iovationRequestParams?: { accountCode?: unknown } } | undefined)?.iovationRequestParams;
    if (typeof params?.accountCode !== 'string' || params.accountCode === '') {
      return { status: 400, json: { errors: { 'iovationRequestParams.accountCode': ['The AccountCode field is required.'] }, title: 'One or more validation errors occurred.', status: 400 }, contentType: 'application/problem+json' };
    }
    switch (scenario) {
      case 'reference-number-invalid':
        return problem(404, 'reference_number_invalid', 'The specified dataset does not exist on the server.');
      case 'dataset-removed':
        return problem(410, 'dataset_removed', 'The specified dataset has been removed due to retention policies.');
      case 'missing-settings':
        return problem(400, 'missing_settings', 'No ruleset settings exist for the subscription.');
      case 'empty-iovation-metadata':
        return problem(400, 'empty_iovation_metadata', 'The dataset does not contain Iovation metadata.');
      default:
        break;
    }
    if (!KNOWN_RULESETS.has(rulesetId.toLowerCase())) {
      return problem(400, 'ruleset_id_invalid', 'The ruleset setting for the provided code was not found in the subscription.');
    }
    return { status: 200, json: fraudCheckResult(referenceNumber, rulesetId, params.accountCode, requestor, scenario === 'fraud-deny') };
  }
}

function problem(status: number, title: string, detail: string): SimulatorResponse {
  return {
    status,
    contentType: 'application/problem+json',
    json: { type: `https://tools.ietf.org/html/rfc7231#section-6.5.${status === 404 ? 4 : 1}`, title, status, detail },
  };
}

function serverError(): SimulatorResponse {
  return problem(500, 'internal_server_error', 'An unexpected condition was encountered on the service.');
}

function unavailable(): SimulatorResponse {
  return problem(503, 'service_unavailable', 'An issue with CredoLab server availability.');
}

function unauthorized(): SimulatorResponse {
  return { status: 401, text: '', headers: { 'www-authenticate': 'Bearer error="invalid_token"' } };
}

function safeDecode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

/** `2018-04-08T11:01:41.9286886+00:00`: 7 fraction digits and an explicit offset. */
function credolabTime(date: Date): string {
  return `${date.toISOString().slice(0, 23)}0000+00:00`;
}
