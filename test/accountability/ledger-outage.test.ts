import { randomBytes } from 'node:crypto';
import { startTestSubgraph, type TestSubgraph } from '../support/harness';
import { PostgresProcess } from '../support/postgres';
import { until } from '../store/redis-support';

const INSIGHTS = `query($id: ID!) { customerSignals(id: $id) { deviceInsights { status featureCount evidenceId } } }`;

async function readiness(subgraph: TestSubgraph): Promise<{ status: string; evidence?: string }> {
  return (await fetch(`${subgraph.url}/health/ready`)).json() as Promise<{ status: string; evidence?: string }>;
}

async function ledgerUp(subgraph: TestSubgraph): Promise<number | undefined> {
  const metric = await subgraph.registry.getSingleMetric('signals_evidence_ledger_up')?.get();
  return metric?.values[0]?.value;
}

/**
 * The ledger's PostgreSQL dies (a server of the test's own, never the machine's): vendor answers are still
 * served, only their `evidenceId` is null with EVIDENCE_UNAVAILABLE, readiness and metrics say so; when it
 * comes back, evidence resumes in the same process.
 */
describe('the evidence ledger while its PostgreSQL is down and after it is back', () => {
  let postgres: PostgresProcess;
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    postgres = await PostgresProcess.start();
    subgraph = await startTestSubgraph({
      EVIDENCE_DATABASE_URL: postgres.url,
      EVIDENCE_MASTER_KEY: randomBytes(32).toString('base64'),
      EVIDENCE_HEALTH_PROBE_MS: '50',
    });
  }, 60_000);
  afterAll(async () => {
    await subgraph?.stop();
    await postgres?.destroy();
  });

  it('serves answers without evidence while down, and evidence again once PostgreSQL is back', async () => {
    const before = await subgraph.query(INSIGHTS, { id: 'outage-before' });
    expect(before.errors).toBeUndefined();
    expect(before.data?.customerSignals.deviceInsights.evidenceId).toEqual(expect.any(String));

    await postgres.stop();
    const during = await subgraph.query(INSIGHTS, { id: 'outage-during' });
    // The vendor data is all there; only its evidence id is missing, with a coded, retryable error on that subfield.
    expect(during.data?.customerSignals.deviceInsights).toMatchObject({ status: 'COMPLETE', evidenceId: null });
    expect(during.data?.customerSignals.deviceInsights.featureCount).toBeGreaterThan(2900);
    expect(during.errors).toHaveLength(1);
    expect(during.errors?.[0]).toMatchObject({
      path: ['customerSignals', 'deviceInsights', 'evidenceId'],
      extensions: { code: 'EVIDENCE_UNAVAILABLE', retryable: true },
    });
    expect(await readiness(subgraph)).toEqual({ status: 'ready', evidence: 'down' });
    expect(await ledgerUp(subgraph)).toBe(0);

    await postgres.startServer();
    await until(async () => (await readiness(subgraph)).evidence === 'up', 'the ledger back up');
    expect(await ledgerUp(subgraph)).toBe(1);
    // The answer served without evidence was not stored: asked again, it is fetched and recorded now.
    const after = await subgraph.query(INSIGHTS, { id: 'outage-during' });
    expect(after.errors).toBeUndefined();
    expect(after.data?.customerSignals.deviceInsights.evidenceId).toEqual(expect.any(String));
  });
});
