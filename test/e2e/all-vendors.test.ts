import type { SimulatorServer } from '../../src/simulators/simulator-server';
import { startTestSubgraph, type TestSubgraph } from '../support/harness';

const ALL_FIVE = `query($id: ID!) { customerSignals(id: $id) {
  deviceInsights { status featureCount }
  extractedSms(first: 5) { totalCount }
  finboxPredictors { status }
  credolabScore { status score }
  behaviorSignals { status }
} }`;

/**
 * Samples how many calls each simulator is answering at once while `work` runs. Sampling every few
 * milliseconds against 300 ms of simulated latency sees any overlap; it asserts ordering, not speed.
 */
async function sampleOverlap(simulators: SimulatorServer[], work: Promise<unknown>) {
  let done = false;
  let best = { busySimulators: 0, totalInFlight: 0 };
  const sampler = (async () => {
    while (!done) {
      const inFlight = simulators.map((s) => s.inFlight);
      const sample = { busySimulators: inFlight.filter((n) => n > 0).length, totalInFlight: inFlight.reduce((a, b) => a + b, 0) };
      if (sample.totalInFlight > best.totalInFlight) best = sample;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  })();
  await work;
  done = true;
  await sampler;
  return best;
}

describe('one query selecting all five vendor fields', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({ CREDEAU_INSIGHTS_MODE: 'sync' });
    for (const simulator of Object.values(subgraph.simulators)) simulator.latencyMs = 300;
  });
  afterAll(() => subgraph.stop());

  it('resolves every field for the customer', async () => {
    const res = await subgraph.query(ALL_FIVE, { id: 'five-ok' });
    expect(res.errors).toBeUndefined();
    expect(res.data?.customerSignals).toMatchObject({
      deviceInsights: { status: 'COMPLETE' },
      extractedSms: { totalCount: expect.any(Number) },
      finboxPredictors: { status: 'COMPLETE' },
      credolabScore: { status: 'COMPLETE' },
      behaviorSignals: { status: 'COMPLETE' },
    });
  });

  it('calls the five vendor endpoints concurrently: all are in flight at the same moment', async () => {
    const simulators = Object.values(subgraph.simulators);
    const overlap = await sampleOverlap(simulators, subgraph.query(ALL_FIVE, { id: 'five-overlap' }));
    // Four simulator hosts (Credeau serves two fields); five calls in flight together means nothing waited
    // for another vendor. Run one after another, at most one call would ever be in flight.
    expect(overlap).toEqual({ busySimulators: 4, totalInFlight: 5 });
  });

  it('keeps the fields of the vendors that answer when others are down', async () => {
    const res = await subgraph.query(
      `query { customerSignals(id: "sim-unavailable") {
        deviceInsights { status } finboxPredictors { status } credolabScore { status } behaviorSignals { status } } }`,
    );
    // sim-unavailable is a Credeau and Credolab scenario; FinBox and NeuroID answer normally for it.
    const signals = res.data?.customerSignals;
    expect(signals.deviceInsights).toBeNull();
    expect(signals.credolabScore).toBeNull();
    expect(signals.finboxPredictors).toMatchObject({ status: 'COMPLETE' });
    expect(signals.behaviorSignals).toMatchObject({ status: 'COMPLETE' });
    const vendors = (res.errors ?? []).map((e) => e.extensions?.vendor);
    expect(vendors).toContain('CREDEAU');
    expect(vendors).toContain('CREDOLAB');
    expect(vendors).not.toContain('FINBOX');
    expect(vendors).not.toContain('NEUROID');
  });
});
