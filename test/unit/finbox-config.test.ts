import { loadConfig } from '../../src/subgraph-config';
import { problemsOf as problemListOf } from '../support/config-problems';

const problemsOf = (env: Record<string, string>): string => problemListOf(env).join('\n');

describe('FinBox and Credeau SMS configuration', () => {
  it('defaults to production FinBox, FinBox\'s own retry rule and poll timings, simulated without credentials', () => {
    const config = loadConfig({});
    expect(config.finbox).toEqual({
      baseUrl: 'https://insights.finbox.in/v2',
      simulated: true,
      credentials: null,
      predictorsVersion: 1,
      pollIntervalMs: 10_000,
      pollTimeoutMs: 25_000,
      retryDelaysMs: [2000, 5000],
      timestampOffset: '+00:00',
      http: { timeoutMs: 10_000, concurrency: 16, maxConnections: 32 },
    });
    expect(config.credeau.smsMaxPageSize).toBe(500);
  });

  it('reads every FinBox variable', () => {
    const config = loadConfig({
      FINBOX_API_KEY: 'k', FINBOX_SERVER_HASH: 'h', FINBOX_BASE_URL: 'https://insights.finbox.in/staging/',
      FINBOX_PREDICTORS_VERSION: '7', FINBOX_POLL_INTERVAL_MS: '50', FINBOX_POLL_TIMEOUT_MS: '90',
      FINBOX_RETRY_DELAYS_MS: '1,2,3', FINBOX_TIMESTAMP_OFFSET: '+05:30', FINBOX_TIMEOUT_MS: '900',
      FINBOX_CONCURRENCY: '4', FINBOX_MAX_CONNECTIONS: '8', CREDEAU_SMS_MAX_PAGE_SIZE: '100',
    });
    expect(config.finbox).toEqual({
      baseUrl: 'https://insights.finbox.in/staging', simulated: false, credentials: { apiKey: 'k', serverHash: 'h' },
      predictorsVersion: 7, pollIntervalMs: 50, pollTimeoutMs: 90, retryDelaysMs: [1, 2, 3], timestampOffset: '+05:30',
      http: { timeoutMs: 900, concurrency: 4, maxConnections: 8 },
    });
    expect(config.credeau.smsMaxPageSize).toBe(100);
  });

  it('refuses half-set credentials, and production without them', () => {
    expect(problemsOf({ FINBOX_API_KEY: 'k' })).toMatch(/FINBOX_SERVER_HASH: missing/);
    const production = problemsOf({ NODE_ENV: 'production', CREDEAU_CLIENT_ID: 'c', CREDEAU_AUTH_TOKEN: 't' });
    expect(production).toMatch(/FINBOX_API_KEY: missing/);
    expect(production).toMatch(/FINBOX_SERVER_HASH: missing/);
  });

  it('names malformed values', () => {
    const problems = problemsOf({ FINBOX_RETRY_DELAYS_MS: '2s,5s', FINBOX_PREDICTORS_VERSION: '0', CREDEAU_SMS_MAX_PAGE_SIZE: 'lots' });
    expect(problems).toMatch(/FINBOX_RETRY_DELAYS_MS/);
    expect(problems).toMatch(/FINBOX_PREDICTORS_VERSION/);
    expect(problems).toMatch(/CREDEAU_SMS_MAX_PAGE_SIZE/);
  });
});
