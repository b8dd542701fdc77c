import { createMetricsRegistry } from '../../src/observability/metrics-registry';
import { registerStoreMetrics } from '../../src/observability/store-metrics';
import { startTestSubgraph, STORE_ON_ENV, type TestSubgraph } from '../support/harness';

describe('signals_store_lookups_total', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph({ ...STORE_ON_ENV, CREDEAU_INSIGHTS_MODE: 'sync' });
  });
  afterAll(() => subgraph.stop());

  it('counts misses and memory hits by vendor, never by customer', async () => {
    const registry = createMetricsRegistry();
    registerStoreMetrics(subgraph.storeEvents, registry);
    const query = 'query { customerSignals(id: "metrics-customer") { deviceInsights { status } behaviorSignals { status } } }';
    await subgraph.query(query);
    await subgraph.query(query);
    const text = await registry.metrics();
    expect(text).toContain('signals_store_lookups_total{vendor="CREDEAU",product="credeau",result="miss"} 1');
    expect(text).toContain('signals_store_lookups_total{vendor="CREDEAU",product="credeau",result="hit_memory"} 1');
    expect(text).toContain('signals_store_lookups_total{vendor="NEUROID",product="neuroid",result="hit_memory"} 1');
    expect(text).not.toContain('metrics-customer');
  });
});
