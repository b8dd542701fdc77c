import { loadConfig } from '../../src/subgraph-config';
import { problemsOf } from '../support/config-problems';


describe('loadConfig: Credolab and NeuroID', () => {
  it('defaults to the documented hosts and timings, simulated without credentials', () => {
    const config = loadConfig({});
    expect(config.credolab).toEqual({
      baseUrl: 'https://scoring.credolab.com',
      simulated: true,
      credentials: null,
      tokenRefreshMarginMs: 300_000,
      loginFailureCooldownMs: 30_000,
      tokenClaimMs: 15_000,
      tokenPollMs: 50,
      http: { timeoutMs: 10_000, concurrency: 16, maxConnections: 32, retryBaseMs: 500, maxRetries: 2 },
    });
    expect(config.neuroid).toEqual({
      baseUrl: 'https://api.neuro-id.com/v4.1',
      simulated: true,
      credentials: null,
      http: { timeoutMs: 5000, concurrency: 16, maxConnections: 32, retryBaseMs: 250, maxRetries: 2 },
    });
  });

  it('goes live when every credential is set, reading each variable the issue names', () => {
    const config = loadConfig({
      CREDOLAB_EMAIL: 'api@lender.test', CREDOLAB_PASSWORD: 'pw', CREDOLAB_BASE_URL: 'https://scoring-sales.credolab.com/',
      CREDOLAB_TIMEOUT_MS: '4000', CREDOLAB_RETRY_BASE_MS: '100', CREDOLAB_CONCURRENCY: '4', CREDOLAB_TOKEN_REFRESH_MARGIN_MS: '60000',
      NEUROID_API_KEY: 'k', NEUROID_SITE_ID: 'form_abc', NEUROID_BASE_URL: 'https://api.neuro-id.com/v4',
      NEUROID_TIMEOUT_MS: '1500', NEUROID_RETRY_BASE_MS: '50', NEUROID_CONCURRENCY: '8',
    });
    expect(config.credolab).toMatchObject({
      simulated: false, credentials: { email: 'api@lender.test', password: 'pw' }, baseUrl: 'https://scoring-sales.credolab.com',
      tokenRefreshMarginMs: 60_000, http: { timeoutMs: 4000, retryBaseMs: 100, concurrency: 4 },
    });
    expect(config.neuroid).toMatchObject({
      simulated: false, credentials: { apiKey: 'k', siteId: 'form_abc' }, baseUrl: 'https://api.neuro-id.com/v4',
      http: { timeoutMs: 1500, retryBaseMs: 50, concurrency: 8 },
    });
  });

  it('refuses partly set credentials, and production without them', () => {
    expect(problemsOf({ CREDOLAB_EMAIL: 'api@lender.test' })).toEqual([expect.stringMatching(/^CREDOLAB_PASSWORD: missing \(Credolab credentials are only partly set\)/)]);
    expect(problemsOf({ NEUROID_SITE_ID: 'form_abc' })).toEqual([expect.stringMatching(/^NEUROID_API_KEY: missing \(NeuroID credentials are only partly set\)/)]);
    const production = problemsOf({ NODE_ENV: 'production' }).join('\n');
    for (const name of ['CREDOLAB_EMAIL', 'CREDOLAB_PASSWORD', 'NEUROID_API_KEY', 'NEUROID_SITE_ID']) expect(production).toContain(`${name}: missing`);
  });

  it('names malformed variables without echoing a secret', () => {
    const problems = problemsOf({
      CREDOLAB_PASSWORD: 'hunter2-secret', CREDOLAB_TOKEN_REFRESH_MARGIN_MS: '-5', NEUROID_BASE_URL: 'ftp://x', NEUROID_CONCURRENCY: '0',
    }).join('\n');
    for (const name of ['CREDOLAB_TOKEN_REFRESH_MARGIN_MS', 'NEUROID_BASE_URL', 'NEUROID_CONCURRENCY', 'CREDOLAB_EMAIL']) expect(problems).toContain(name);
    expect(problems).not.toContain('hunter2-secret');
  });
});
