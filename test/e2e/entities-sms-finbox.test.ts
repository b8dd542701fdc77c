import { smsRecordsFor } from '../../src/simulators/credeau/credeau-sms.records';
import { FINBOX_SIMULATOR_CREDENTIALS } from '../../src/simulators/finbox/finbox.simulator';
import { predictorsFor } from '../../src/simulators/finbox/finbox.predictors';
import { startTestSubgraph, UNHURRIED_ATTEMPTS_ENV, type TestSubgraph } from '../support/harness';
import { simulatorsSettled } from '../support/settle';

const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id
  extractedSms(first: 3) { totalCount edges { node { id body } } }
  finboxPredictors { status predictors { name value } } } } }`;

const IDS = Array.from({ length: 30 }, (_, i) => `fed-cust-${i}`);
const representations = (ids: string[]) => ids.map((id) => ({ __typename: 'Customer', id }));

describe('_entities selecting extractedSms and finboxPredictors', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    // Counted exactly: 60 calls at once from a starved process must not time out into retries.
    subgraph = await startTestSubgraph(UNHURRIED_ATTEMPTS_ENV);
  });
  afterAll(() => subgraph.stop());
  beforeEach(() => {
    subgraph.simulators.credeau.resetCalls();
    subgraph.simulators.finbox.resetCalls();
  });

  it('makes 30 + 30 vendor calls for 30 customers, and each customer gets its own data', async () => {
    const res = await subgraph.query(ENTITIES, { r: representations(IDS) });
    expect(res.errors).toBeUndefined();
    await simulatorsSettled(subgraph.simulators);
    const smsCalls = subgraph.simulators.credeau.callsTo('/api/fetch_extracted_data');
    expect(smsCalls).toHaveLength(30);
    expect(subgraph.simulators.credeau.calls).toHaveLength(30); // no insights call: deviceInsights not selected
    expect(subgraph.simulators.finbox.calls).toHaveLength(30);
    expect(new Set(smsCalls.map((call) => (call.body as { user_id: string }).user_id))).toEqual(new Set(IDS));

    const entities = res.data?._entities as Array<Record<string, any>>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(entities.map((entity) => entity.id)).toEqual(IDS);
    for (const entity of entities) {
      // The data the vendors hold for this id, not a neighbour's.
      const sms = smsRecordsFor(entity.id, 'sim-client', 3).map((record) => ({ id: record._id, body: record.sms_body }));
      expect(entity.extractedSms.edges.map((edge: { node: unknown }) => edge.node)).toEqual(sms);
      expect(entity.finboxPredictors).toEqual({ status: 'COMPLETE', predictors: predictorsFor(entity.id, 1) });
      expect(subgraph.simulators.finbox.predictorCallsFor(entity.id)).toBe(1);
    }
    expect(new Set(entities.map((entity) => JSON.stringify(entity.finboxPredictors))).size).toBe(30);
    expect(new Set(entities.map((entity) => JSON.stringify(entity.extractedSms))).size).toBe(30);
  });

  it('repeated representations of one customer cost one call per vendor', async () => {
    const res = await subgraph.query(ENTITIES, { r: representations(['fed-dup', 'fed-dup', 'fed-dup']) });
    expect(res.errors).toBeUndefined();
    await simulatorsSettled(subgraph.simulators);
    expect(subgraph.simulators.credeau.calls).toHaveLength(1);
    expect(subgraph.simulators.finbox.calls).toHaveLength(1);
  });

  it('makes no vendor call when neither field is selected', async () => {
    const res = await subgraph.query('query($r: [_Any!]!) { _entities(representations: $r) { ... on Customer { id } } }', {
      r: representations(IDS),
    });
    expect(res.data?._entities).toHaveLength(30);
    await simulatorsSettled(subgraph.simulators);
    expect(subgraph.simulators.credeau.calls).toHaveLength(0);
    expect(subgraph.simulators.finbox.calls).toHaveLength(0);
  });

  it('never logs a message body or the FinBox key', async () => {
    subgraph.logs.length = 0;
    const res = await subgraph.query(ENTITIES, { r: representations(IDS.slice(0, 5)) });
    const logs = subgraph.logs.join('\n');
    expect(subgraph.logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(FINBOX_SIMULATOR_CREDENTIALS.apiKey);
    for (const entity of res.data?._entities ?? []) {
      for (const edge of entity.extractedSms.edges) expect(logs).not.toContain(edge.node.body);
    }
  });
});
