import type { Logger } from 'pino';
import type { CredolabCredentials } from './credolab.config';
import { VendorError } from '../../errors';
import { sleep, type Deadline } from '../http/deadline';
import { SingleFlight } from '../single-flight';
import type { VendorHttpClient, VendorRequest, VendorResponse } from '../http/vendor-http-client';
import { loginRejection, toCredolabToken, type CredolabToken } from './credolab.mapper';
import type { SharedCredolabToken } from './credolab.shared-token';
import type { CredolabLoginRequest, CredolabRefreshRequest } from './credolab.wire';

const LOGIN_PATH = '/v6.0/account/login';
const REFRESH_PATH = '/v6.0/account/login/refreshToken';

export interface CredolabTokenManagerOptions {
  client: VendorHttpClient;
  credentials: CredolabCredentials;
  /** Refresh this long before `.expires` (CREDOLAB_TOKEN_REFRESH_MARGIN_MS), at most half the lifetime. */
  refreshMarginMs: number;
  /** After a credential rejection, fail fast this long (CREDOLAB_LOGIN_FAILURE_COOLDOWN_MS). */
  loginFailureCooldownMs: number;
  /**
   * Budget of one login or refresh. It is not the budget of the operation that happened to start it:
   * other operations wait on the same login, and one caller running out of time must not fail them all.
   */
  flightBudgetMs: number;
  logger: Logger;
  /**
   * The fleet's token in Redis (with REDIS_URL): one replica logs in or refreshes, the others use its
   * token. Without it (or while Redis is down) this process logs in on its own.
   */
  shared?: {
    token: SharedCredolabToken;
    /** How long the replica logging in holds the claim (CREDOLAB_TOKEN_CLAIM_MS). */
    claimTtlMs: number;
    /** How often the others look for its token while it does (CREDOLAB_TOKEN_POLL_MS). */
    pollMs: number;
  };
  now?: () => number;
}

/**
 * Credolab's bearer token, shared by every operation of the process (created once, in
 * credolab.vendor.ts when the vendor opens). What must stay true:
 * - At most one login or refresh is in flight (single flight): a burst of operations on a cold start,
 *   or right after expiry, waits on the same one.
 * - A token is refreshed shortly before `.expires`; a failed refresh falls back to a fresh login.
 * - A 401 means "log in again": once, shared, and only if the token that got the 401 is still the
 *   current one (otherwise someone already replaced it); then that call is retried once.
 * - A rejected login is shared by everyone waiting on it and remembered for the cooldown, so queued
 *   callers do not log in again one after another with credentials Credolab just refused.
 * - The password and the tokens appear in no log line and no error.
 * - With Redis (`shared`), the same holds across the fleet: the single flight makes one Redis round per
 *   process, the claim makes one login per fleet, and a 401 re-logs in only if Redis still holds the
 *   token that got it. Redis failing is never an outage: the process then logs in itself.
 */
export class CredolabTokenManager {
  private current: CredolabToken | undefined;
  /** One login or refresh at a time, whatever starts it: every caller joins the same key. */
  private readonly flight: SingleFlight<CredolabToken>;
  private rejected: { error: VendorError; until: number } | undefined;
  private readonly now: () => number;

  constructor(private readonly options: CredolabTokenManagerOptions) {
    this.now = options.now ?? Date.now;
    this.flight = new SingleFlight('CREDOLAB', options.flightBudgetMs);
  }

  /** Sends one request with the bearer token; a 401 leads to one shared re-login and one retry. */
  async send(request: Omit<VendorRequest, 'sessionToken'>): Promise<VendorResponse> {
    const token = await this.validToken(request.deadline);
    try {
      return await this.options.client.request({ ...request, sessionToken: token.accessToken });
    } catch (error) {
      if (!(error instanceof VendorError && error.httpStatus === 401)) throw error;
    }
    this.options.logger.info({ vendor: 'CREDOLAB', operation: request.operation }, 'access token rejected; logging in again');
    const renewed = await this.renewRejected(token, request.deadline);
    // A second 401 propagates as VENDOR_UNAUTHORIZED: a fresh token refused is not fixed by another login.
    return this.options.client.request({ ...request, sessionToken: renewed.accessToken });
  }

  /** A token good for longer than the refresh margin, logging in or refreshing (shared) when needed. */
  private validToken(deadline: Deadline): Promise<CredolabToken> {
    const token = this.current;
    if (token && this.now() < this.refreshAt(token)) return Promise.resolve(token);
    return this.join(
      (budget) => this.obtain(token, false, budget, () => (token ? this.refreshOrLogin(token, budget) : this.login(budget))),
      deadline,
    );
  }

  private renewRejected(rejected: CredolabToken, deadline: Deadline): Promise<CredolabToken> {
    const current = this.current;
    if (current && current !== rejected && this.now() < this.refreshAt(current)) return Promise.resolve(current);
    if (current === rejected) this.current = undefined; // never hand the refused token out again
    return this.join((budget) => this.obtain(rejected, true, budget, () => this.login(budget)), deadline);
  }

  /**
   * A new token for the process: with Redis, the fleet's (whoever wins the claim logs in or refreshes for
   * everyone; the others poll for its token), else `local`. `stale` is the token being replaced:
   * `rejected` when Credolab refused it (401), else it is merely about to lapse.
   */
  private async obtain(
    stale: CredolabToken | undefined,
    rejected: boolean,
    budget: Deadline,
    local: () => Promise<CredolabToken>,
  ): Promise<CredolabToken> {
    const shared = this.options.shared;
    if (!shared) return local();
    let claim: Buffer | undefined;
    try {
      for (;;) {
        const found = await this.usableShared(stale, rejected);
        if (found) return found;
        claim = await shared.token.claim(shared.claimTtlMs);
        if (claim) break;
        if (budget.remainingMs() <= shared.pollMs) break; // give up waiting; log in ourselves below
        await sleep(shared.pollMs, budget.signal);
      }
      if (claim) {
        // Won the claim: another replica may have replaced the token just before we took it.
        const found = await this.usableShared(stale, rejected);
        if (found) return found;
      }
    } catch (error) {
      if (budget.signal.aborted) throw error;
      shared.token.warn('redis unavailable for the Credolab token: this process logs in on its own', error);
      return local();
    }
    try {
      const token = await local();
      await shared.token.write(token).catch((error: unknown) => {
        shared.token.warn('redis unavailable for the Credolab token: this process logs in on its own', error);
      });
      return token;
    } finally {
      // Released on failure too: the others then try themselves instead of waiting out the claim.
      if (claim) await shared.token.release(claim).catch(() => undefined);
    }
  }

  /**
   * Redis's token when this process may use it: not the one Credolab refused (compared by identity),
   * and not itself about to lapse.
   */
  private async usableShared(stale: CredolabToken | undefined, rejected: boolean): Promise<CredolabToken | undefined> {
    const found = await this.options.shared?.token.read();
    if (!found) return undefined;
    if (rejected && stale && found.accessToken === stale.accessToken) return undefined;
    return this.now() < this.refreshAt(found) ? found : undefined;
  }

  private refreshAt(token: CredolabToken): number {
    return token.expiresAt - Math.min(this.options.refreshMarginMs, token.lifetimeMs / 2);
  }

  /** Joins the login/refresh in flight, or starts `start` as the one everybody joins. */
  private join(start: (budget: Deadline) => Promise<CredolabToken>, deadline: Deadline): Promise<CredolabToken> {
    return this.flight.run(
      'token',
      async (budget) => {
        const token = await start(budget);
        this.current = token;
        return token;
      },
      deadline,
    );
  }

  private async refreshOrLogin(token: CredolabToken, budget: Deadline): Promise<CredolabToken> {
    if (token.refreshToken !== null) {
      try {
        return await this.refresh(token.refreshToken, budget);
      } catch (error) {
        this.options.logger.warn(
          { vendor: 'CREDOLAB', code: (error as VendorError).code, status: (error as VendorError).httpStatus },
          'token refresh failed; logging in again',
        );
      }
    }
    return this.login(budget);
  }

  /**
   * Credolab does not say whether refreshToken wants the bearer header too; we send none (the access
   * token may have lapsed), and any refusal falls back to a login, which works either way.
   */
  private async refresh(refreshToken: string, budget: Deadline): Promise<CredolabToken> {
    const body: CredolabRefreshRequest = { refreshToken };
    const response = await this.options.client.request({
      method: 'POST', path: REFRESH_PATH, json: body, deadline: budget, operation: 'refresh_token', evidence: false,
    });
    const token = toCredolabToken(response.body, this.now());
    this.options.logger.info({ vendor: 'CREDOLAB', lifetimeMs: token.lifetimeMs }, 'access token refreshed');
    return token;
  }

  private async login(budget: Deadline): Promise<CredolabToken> {
    const rejected = this.rejected;
    if (rejected && this.now() < rejected.until) throw rejected.error;
    const body: CredolabLoginRequest = { userEmail: this.options.credentials.email, password: this.options.credentials.password };
    try {
      const response = await this.options.client.request({
        method: 'POST', path: LOGIN_PATH, json: body, deadline: budget, acceptStatuses: [200, 400, 404], operation: 'login', evidence: false,
      });
      if (response.status !== 200) throw loginRejection(response.status, response.body);
      const token = toCredolabToken(response.body, this.now());
      this.rejected = undefined;
      this.options.logger.info({ vendor: 'CREDOLAB', lifetimeMs: token.lifetimeMs }, 'logged in');
      return token;
    } catch (error) {
      if (error instanceof VendorError && (error.code === 'VENDOR_UNAUTHORIZED' || error.code === 'VENDOR_BAD_REQUEST')) {
        // Only refusals of what we sent are remembered; an outage or timeout may be over by the next call.
        this.rejected = { error, until: this.now() + this.options.loginFailureCooldownMs };
        this.options.logger.error(
          { vendor: 'CREDOLAB', code: error.code, status: error.httpStatus, cooldownMs: this.options.loginFailureCooldownMs },
          'login rejected; not logging in again until the cooldown ends',
        );
      }
      throw error;
    }
  }
}

