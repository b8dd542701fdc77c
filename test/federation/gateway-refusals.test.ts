import { printSubgraphSdl } from '../../src/schema-sdl';
import { CUSTOMERS_SDL, startCustomersSubgraph } from '../support/customers-subgraph';
import { composeSupergraph, GATEWAY_KINDS, startGateway, type RunningGateway } from '../support/gateways';
import { startTestSubgraph, type GraphQLResponse, type TestSubgraph } from '../support/harness';

/**
 * Low limits, so a handful of customers is already a refusal. Each test crosses exactly one of them, so
 * the code it expects does not depend on which check runs first.
 */
const MAX_VENDOR_CALLS = 8;
const MAX_ENTITIES = 4;
/** Three vendor fields per customer: MAX_ENTITIES customers are already over MAX_VENDOR_CALLS. */
const THREE_VENDORS = 'deviceInsights { status } finboxPredictors { status } credolabScore { status }';

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

/**
 * A refusal of the subgraph reaches the client through either gateway with its code and
 * `retryable: false`, not as the gateway's own INTERNAL_SERVER_ERROR. @apollo/gateway 2.14 (which sends
 * a wildcard `accept`) turns any non-2xx subgraph answer into INTERNAL_SERVER_ERROR "400: Bad Request",
 * so this holds only once the subgraph answers refusals to such clients with HTTP 200 (issue 19, item 4).
 * Hive Gateway keeps a subgraph's coded errors whatever the status.
 */
describe('refusals through the gateways', () => {
  let signals: TestSubgraph;
  let customers: { url: string; stop(): Promise<void> };
  let supergraphSdl: string;

  beforeAll(async () => {
    signals = await startTestSubgraph({
      MAX_VENDOR_CALLS_PER_OPERATION: String(MAX_VENDOR_CALLS),
      MAX_ENTITIES_PER_OPERATION: String(MAX_ENTITIES),
    });
    customers = await startCustomersSubgraph();
    supergraphSdl = composeSupergraph([
      { name: 'customers', url: customers.url, sdl: CUSTOMERS_SDL },
      { name: 'signals', url: `${signals.url}/graphql`, sdl: await printSubgraphSdl() },
    ]);
  });
  afterAll(async () => {
    await customers?.stop();
    await signals?.stop();
  });
  beforeEach(() => {
    for (const simulator of Object.values(signals.simulators)) simulator.resetCalls();
  });

  const vendorCalls = () => Object.values(signals.simulators).reduce((sum, simulator) => sum + simulator.calls.length, 0);
  const refusal = (result: GraphQLResponse) => {
    const { code, retryable } = result.errors?.[0]?.extensions ?? {};
    return { code, retryable, vendorCalls: vendorCalls() };
  };

  describe.each(GATEWAY_KINDS)('behind %s gateway', (kind) => {
    let gateway: RunningGateway;
    beforeAll(async () => {
      gateway = await startGateway(kind, supergraphSdl);
    });
    afterAll(() => gateway?.stop());

    it('an operation over MAX_VENDOR_CALLS_PER_OPERATION on the root field: COST_ESTIMATED_TOO_EXPENSIVE, retryable false', async () => {
      // One vendor call per alias: MAX_VENDOR_CALLS + 1 of them, all answered by our subgraph alone.
      const aliases = ids(`${kind}-root`, MAX_VENDOR_CALLS + 1).map((id, i) => `c${i}: customerSignals(id: "${id}") { deviceInsights { status } }`);
      const result = await gateway.query(`{ ${aliases.join(' ')} }`);
      expect(refusal(result)).toEqual({ code: 'COST_ESTIMATED_TOO_EXPENSIVE', retryable: false, vendorCalls: 0 });
    });

    it('a page of customers over MAX_VENDOR_CALLS_PER_OPERATION (the _entities fetch): COST_ESTIMATED_TOO_EXPENSIVE, retryable false', async () => {
      // Within the entity limit, over the vendor-call limit: the gateway's _entities fetch is refused.
      const page = ids(`${kind}-page`, MAX_ENTITIES);
      expect(page.length * 3).toBeGreaterThan(MAX_VENDOR_CALLS);
      const result = await gateway.query(`query($ids: [ID!]!) { customers(ids: $ids) { id name ${THREE_VENDORS} } }`, { ids: page });
      expect(refusal(result)).toEqual({ code: 'COST_ESTIMATED_TOO_EXPENSIVE', retryable: false, vendorCalls: 0 });
      // The customers subgraph's part of the answer survives.
      expect(result.data?.customers).toHaveLength(page.length);
    });

    it('a page of customers over MAX_ENTITIES_PER_OPERATION: BAD_USER_INPUT, retryable false', async () => {
      // Over the entity limit, within the vendor-call limit (one vendor field each).
      const page = ids(`${kind}-entities`, MAX_ENTITIES + 1);
      expect(page.length).toBeLessThanOrEqual(MAX_VENDOR_CALLS);
      const result = await gateway.query(`query($ids: [ID!]!) { customers(ids: $ids) { id name credolabScore { status } } }`, { ids: page });
      expect(refusal(result)).toEqual({ code: 'BAD_USER_INPUT', retryable: false, vendorCalls: 0 });
    });
  });
});
