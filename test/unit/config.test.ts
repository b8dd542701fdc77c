import { loadConfig } from '../../src/subgraph-config';
import { problemsOf } from '../support/config-problems';


describe('loadConfig', () => {
  it('defaults to port 4001, Credeau async mode and the documented timings, simulated without credentials', () => {
    const config = loadConfig({});
    expect(config.server.port).toBe(4001);
    expect(config.server.host).toBe('0.0.0.0');
    expect(config.credeau).toMatchObject({
      baseUrl: 'https://deviceinsights.credeau.com',
      simulated: true,
      credentials: null,
      insightsMode: 'async',
      pollIntervalMs: 2000,
      pollTimeoutMs: 25000,
      http: { retryBaseMs: 1000, concurrency: 16 },
    });
    expect(Object.isFrozen(config.credeau.http)).toBe(true);
  });

  it('uses live Credeau when both credentials are set', () => {
    const config = loadConfig({ CREDEAU_CLIENT_ID: 'c', CREDEAU_AUTH_TOKEN: 't', CREDEAU_BASE_URL: 'https://example.test/' });
    expect(config.credeau).toMatchObject({ simulated: false, credentials: { clientId: 'c', authToken: 't' }, baseUrl: 'https://example.test' });
  });

  it('refuses production without credentials, naming each missing variable', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.join('\n')).toMatch(/CREDEAU_CLIENT_ID: missing/);
    expect(problems.join('\n')).toMatch(/CREDEAU_AUTH_TOKEN: missing/);
  });

  it('refuses partly set credentials even in development', () => {
    const problems = problemsOf({ CREDEAU_CLIENT_ID: 'c' });
    expect(problems).toEqual([expect.stringMatching(/^CREDEAU_AUTH_TOKEN: missing \(Credeau credentials are only partly set\)/)]);
  });

  it('lists every malformed variable at once, by name', () => {
    const problems = problemsOf({ PORT: 'eighty', CREDEAU_INSIGHTS_MODE: 'fast', CREDEAU_POLL_INTERVAL_MS: '-1', CREDEAU_BASE_URL: 'ftp://x' });
    const text = problems.join('\n');
    for (const name of ['PORT', 'CREDEAU_INSIGHTS_MODE', 'CREDEAU_POLL_INTERVAL_MS', 'CREDEAU_BASE_URL']) expect(text).toContain(name);
  });

  it('never echoes a credential value in its errors', () => {
    const error = (() => {
      try {
        loadConfig({ CREDEAU_AUTH_TOKEN: 'secret-value-99', PORT: 'x' });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).not.toContain('secret-value-99');
  });

  it('reads the connection limits, and refuses a request timeout shorter than the headers timeout', () => {
    expect(loadConfig({}).server.connections).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 65_000, maxConnections: 1024 });
    expect(loadConfig({}).server.maxVariableDepth).toBe(32);
    expect(problemsOf({ SERVER_HEADERS_TIMEOUT_MS: '20000', SERVER_REQUEST_TIMEOUT_MS: '10000' }).join('\n')).toMatch(/SERVER_REQUEST_TIMEOUT_MS: must be at least SERVER_HEADERS_TIMEOUT_MS/);
  });
});

describe('rate budget fallback shares', () => {
  it('default to 0.1 of N per vendor and 3 replicas, read per vendor like <VENDOR>_RATE_LIMIT', () => {
    const config = loadConfig({ FINBOX_RATE_LIMIT_FALLBACK_SHARE: '0.25' });
    expect(config.governance.fallbackReplicas).toBe(3);
    expect(config.governance.vendors.CREDEAU.fallbackShare).toBe(0.1);
    expect(config.governance.vendors.NEUROID.fallbackShare).toBe(0.1);
    expect(config.governance.vendors.FINBOX.fallbackShare).toBe(0.25);
  });

  it('refuse a share outside 0..1, and shares that leave Redis nothing of N to grant', () => {
    expect(problemsOf({ NEUROID_RATE_LIMIT_FALLBACK_SHARE: '1.5' }).join('\n')).toContain('NEUROID_RATE_LIMIT_FALLBACK_SHARE');
    // 4 replicas x floor(0.25 x 20) = 20: nothing left for Redis.
    const problems = problemsOf({ NEUROID_RATE_LIMIT: '20/2s', NEUROID_RATE_LIMIT_FALLBACK_SHARE: '0.25', RATE_LIMIT_FALLBACK_REPLICAS: '4' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('NEUROID_RATE_LIMIT_FALLBACK_SHARE');
    expect(() => loadConfig({ NEUROID_RATE_LIMIT: '20/2s', NEUROID_RATE_LIMIT_FALLBACK_SHARE: '0.25', RATE_LIMIT_FALLBACK_REPLICAS: '3' })).not.toThrow();
  });
});
