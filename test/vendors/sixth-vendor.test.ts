import 'reflect-metadata';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigFor } from '../../src/config';
import { VENDORS } from '../../src/vendors/registry';
import { FAST_ENV, startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '../support/harness';
import { AcmeSimulator, ACME_SIMULATOR_CREDENTIALS } from '../fixtures/vendors/acme/acme.simulator';
import { acmeVendor } from '../fixtures/vendors/acme/acme.vendor';

/**
 * A sixth vendor, Acme, that exists only under test/fixtures/vendors/acme/: its descriptor, config,
 * datasource, wire schema, type, resolver and simulator, registered beside the registry's vendors through
 * the same mechanism (`createSubgraph(config, { vendors })`, `loadConfigFor(vendors, env)`). Nothing in
 * src/ names it: everything below is derived from its descriptor.
 */
const WITH_ACME = [...VENDORS, acmeVendor] as const;

const ACME_SCORE = 'query Acme($id: ID!) { customerSignals(id: $id) { acmeScore { score fromCache evidenceId } } }';

async function startWithAcme(env: Record<string, string> = {}): Promise<{ subgraph: TestSubgraph; acme: AcmeSimulator }> {
  const acme = new AcmeSimulator();
  await acme.start();
  try {
    const subgraph = await startTestSubgraph({ ACME_CACHE_TTL_MS: '60000', ...env }, { vendors: WITH_ACME, simulators: { acme } });
    return { subgraph, acme };
  } catch (error) {
    await acme.stop();
    throw error;
  }
}

const callsFor = (acme: AcmeSimulator, id: string) => acme.callsTo(`/scores/${id}`).length;
const acmeError = (response: GraphQLResponse) => response.errors?.find((error) => error.path?.includes('acmeScore'))?.extensions;

describe('a sixth vendor registered from its own folder', () => {
  let subgraph: TestSubgraph;
  let acme: AcmeSimulator;
  beforeAll(async () => {
    ({ subgraph, acme } = await startWithAcme({ LOG_LEVEL: 'trace' }));
  }, 60_000);
  afterAll(async () => {
    await subgraph.stop();
    await acme.stop();
  });

  it('puts acmeScore in the served SDL with its @cost and @authenticated', async () => {
    const response = await subgraph.query('{ _service { sdl } }');
    const sdl = String(response.data?._service?.sdl);
    expect(sdl).toMatch(/acmeScore: AcmeScore @cost\(weight: 1\) @authenticated/);
    // (The published schema.graphql, built from the registry alone, has no acmeScore: the drift test.)
  });

  it('answers from Acme through the loader seam: stored (one call for two operations) and stamped with evidence', async () => {
    const first = await subgraph.query(ACME_SCORE, { id: 'cust-acme-1' });
    const second = await subgraph.query(ACME_SCORE, { id: 'cust-acme-1' });
    expect(first.errors).toBeUndefined();
    expect(first.data?.customerSignals.acmeScore).toMatchObject({ score: 0.1, fromCache: false, evidenceId: expect.stringMatching(/^ev_/) });
    expect(second.data?.customerSignals.acmeScore).toMatchObject({ score: 0.1, fromCache: true, evidenceId: first.data?.customerSignals.acmeScore.evidenceId });
    expect(callsFor(acme, 'cust-acme-1')).toBe(1);
  });

  it('labels its metrics ACME', async () => {
    await subgraph.query(ACME_SCORE, { id: 'cust-acme-metrics' });
    const text = await subgraph.registry.metrics();
    expect(text).toMatch(/signals_vendor_requests_total\{[^}]*vendor="ACME"/);
    expect(text).toMatch(/signals_store_lookups_total\{[^}]*vendor="ACME"[^}]*product="acme"/);
    expect(text).toMatch(/signals_vendor_circuit_state\{vendor="ACME"\} 0/);
  });

  it('keeps its auth header out of trace-level logs: the process redacts the headers its descriptor names', async () => {
    await subgraph.query(ACME_SCORE, { id: 'cust-acme-logs' });
    // A careless line that logs an outgoing request's headers, through the process's own logger.
    const key = ACME_SIMULATOR_CREDENTIALS.apiKey;
    subgraph.subgraph.logger.trace({ 'X-Acme-Key': key, request: { path: '/scores/cust-acme-logs', 'X-Acme-Key': key } }, 'outgoing Acme request');
    expect(subgraph.logs.length).toBeGreaterThan(0);
    expect(subgraph.logs.join('\n')).not.toContain(ACME_SIMULATOR_CREDENTIALS.apiKey);
    expect(subgraph.logs.some((line) => line.includes('outgoing Acme request') && line.includes('[redacted]'))).toBe(true);
  });

  it('is counted by the cost limit: its @cost weight is one vendor call', async () => {
    const { subgraph: limited, acme: limitedAcme } = await startWithAcme({ MAX_VENDOR_CALLS_PER_OPERATION: '2' });
    try {
      const three = '{ a: customerSignals(id: "c-1") { acmeScore { score } } b: customerSignals(id: "c-2") { acmeScore { score } } c: customerSignals(id: "c-3") { acmeScore { score } } }';
      const refused = await limited.query(three);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'COST_ESTIMATED_TOO_EXPENSIVE', cost: { vendorCalls: 3 } });
      expect(limitedAcme.calls).toHaveLength(0);
      const two = '{ a: customerSignals(id: "c-1") { acmeScore { score } } b: customerSignals(id: "c-2") { acmeScore { score } } }';
      expect((await limited.query(two)).errors).toBeUndefined();
    } finally {
      await limited.stop();
      await limitedAcme.stop();
    }
  });
});

describe('the sixth vendor under governance', () => {
  it('is budgeted by ACME_RATE_LIMIT: over it, VENDOR_RATE_LIMITED before anything is sent', async () => {
    const { subgraph, acme } = await startWithAcme({ ACME_RATE_LIMIT: '1/60s' });
    try {
      expect((await subgraph.query(ACME_SCORE, { id: 'cust-budget-1' })).errors).toBeUndefined();
      const over = await subgraph.query(ACME_SCORE, { id: 'cust-budget-2' });
      expect(acmeError(over)).toMatchObject({ code: 'VENDOR_RATE_LIMITED', vendor: 'ACME' });
      expect(callsFor(acme, 'cust-budget-2')).toBe(0);
    } finally {
      await subgraph.stop();
      await acme.stop();
    }
  });

  it('is broken by its breaker (ACME_BREAKER_THRESHOLD): after failures, no call is sent', async () => {
    const { subgraph, acme } = await startWithAcme({ ACME_BREAKER_THRESHOLD: '2', ACME_MAX_RETRIES: '0' });
    try {
      for (const id of ['acme-down-1', 'acme-down-2']) {
        expect(acmeError(await subgraph.query(ACME_SCORE, { id }))).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'ACME' });
      }
      const refused = await subgraph.query(ACME_SCORE, { id: 'cust-after-outage' });
      expect(acmeError(refused)).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'ACME', circuitOpen: true });
      expect(callsFor(acme, 'cust-after-outage')).toBe(0);
    } finally {
      await subgraph.stop();
      await acme.stop();
    }
  });
});

describe('the sixth vendor\'s variables', () => {
  const load = (env: Record<string, string>) => () => loadConfigFor(WITH_ACME, { ...FAST_ENV, ...env });

  it('are validated like every vendor\'s: credentials, timeout, budget, breaker and its product\'s window', () => {
    expect(load({})).not.toThrow();
    expect(load({ ACME_TIMEOUT_MS: 'soon' })).toThrow(/ACME_TIMEOUT_MS/);
    expect(load({ ACME_RATE_LIMIT: 'lots' })).toThrow(/ACME_RATE_LIMIT/);
    expect(load({ ACME_BREAKER_THRESHOLD: '-1' })).toThrow(/ACME_BREAKER_THRESHOLD/);
    expect(load({ ACME_CACHE_TTL_MS: 'forever' })).toThrow(/ACME_CACHE_TTL_MS/);
    expect(load({ ACME_BASE_URL: 'not a url' })).toThrow(/ACME_BASE_URL/);
  });

  it('are read into its own config section, with its credentials', () => {
    const config = load({ ACME_API_KEY: 'k-1', ACME_TIMEOUT_MS: '1234', ACME_CACHE_TTL_MS: '5000' })() as unknown as Record<string, unknown> & { store: { ttlMs: Record<string, number> } };
    expect(config.acme).toMatchObject({ credentials: { apiKey: 'k-1' }, http: { timeoutMs: 1234 } });
    expect(config.store.ttlMs.acme).toBe(5000);
  });
});

describe('the sixth vendor\'s footprint', () => {
  const files = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(folder, entry.name)) : [join(folder, entry.name)]));

  it('is its own files only: no file under src/ names it', () => {
    const naming = files(join(__dirname, '..', '..', 'src')).filter((path) => /acme/i.test(readFileSync(path, 'utf8')));
    expect(naming).toEqual([]);
  });
});

