import { loadConfig } from '../../src/subgraph-config';
import { problemsOf } from '../support/config-problems';

describe('config.erasure', () => {
  it('has the documented defaults, and no router to tell without ROUTER_INVALIDATION_URL', () => {
    expect(loadConfig({}).erasure).toEqual({
      ackTimeoutMs: 1_000,
      markerTtlMs: 600_000,
      router: { url: undefined, key: undefined, timeoutMs: 2_000, maxRetries: 2, retryBaseMs: 100, subgraphName: 'signals' },
    });
  });

  it('reads the router endpoint, its key and the subgraph name', () => {
    const config = loadConfig({
      ROUTER_INVALIDATION_URL: 'http://router:4000/invalidation',
      ROUTER_INVALIDATION_KEY: 'k',
      ROUTER_INVALIDATION_TIMEOUT_MS: '500',
      ROUTER_SUBGRAPH_NAME: 'customer-signals',
      ERASURE_ACK_TIMEOUT_MS: '250',
    });
    expect(config.erasure).toMatchObject({
      ackTimeoutMs: 250,
      router: { url: 'http://router:4000/invalidation', key: 'k', timeoutMs: 500, subgraphName: 'customer-signals' },
    });
  });

  it('refuses the URL without its key, a marker that does not outlive an operation, and a malformed URL', () => {
    expect(problemsOf({ ROUTER_INVALIDATION_URL: 'http://router:4000/invalidation' })).toEqual([expect.stringMatching(/^ROUTER_INVALIDATION_KEY: required/)]);
    expect(problemsOf({ ERASURE_MARKER_TTL_MS: '30000', OPERATION_TIMEOUT_MS: '30000' })).toEqual([expect.stringMatching(/^ERASURE_MARKER_TTL_MS: must be greater than OPERATION_TIMEOUT_MS/)]);
    expect(problemsOf({ ROUTER_INVALIDATION_URL: 'router:4000', ROUTER_INVALIDATION_KEY: 'k' }).join('\n')).toMatch(/ROUTER_INVALIDATION_URL/);
  });
});
