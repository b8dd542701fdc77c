import { loadConfig } from '../../src/subgraph-config';
import { problemsOf } from '../support/config-problems';

const KEY = Buffer.alloc(32, 7).toString('base64');

describe('Redis configuration', () => {
  it('is absent without REDIS_URL', () => {
    expect(loadConfig({}).redis).toBeUndefined();
  });

  it('REDIS_URL without SIGNALS_STORE_KEY is a start-up error naming the key', () => {
    expect(problemsOf({ REDIS_URL: 'redis://127.0.0.1:6390' })).toEqual([expect.stringContaining('SIGNALS_STORE_KEY')]);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(problemsOf({ REDIS_URL: 'redis://127.0.0.1:6390', SIGNALS_STORE_KEY: Buffer.alloc(16).toString('base64') })).toEqual([
      expect.stringContaining('32 bytes'),
    ]);
  });

  it('takes several seed nodes only for a cluster', () => {
    const urls = 'redis://127.0.0.1:7001,redis://127.0.0.1:7002';
    expect(problemsOf({ REDIS_URL: urls, SIGNALS_STORE_KEY: KEY })).toEqual([expect.stringContaining('REDIS_CLUSTER')]);
    expect(loadConfig({ REDIS_URL: urls, SIGNALS_STORE_KEY: KEY, REDIS_CLUSTER: 'true' }).redis).toEqual({
      urls: ['redis://127.0.0.1:7001', 'redis://127.0.0.1:7002'],
      cluster: true,
      timeoutMs: 100,
      downAfterMs: 5000,
      storeKeyBase64: KEY,
    });
  });
});
