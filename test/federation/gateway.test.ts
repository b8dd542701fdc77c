import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { printSubgraphSdl } from '../../src/schema-sdl';
import { CUSTOMERS_SDL, startCustomersSubgraph } from '../support/customers-subgraph';
import { composeSupergraph, GATEWAY_KINDS, startGateway, type RunningGateway } from '../support/gateways';
import { startTestSubgraph, type TestSubgraph } from '../support/harness';

describe('federation', () => {
  let signals: TestSubgraph;
  let customers: { url: string; stop(): Promise<void> };
  let signalsSdl: string;
  let supergraphSdl: string;

  beforeAll(async () => {
    signals = await startTestSubgraph();
    signalsSdl = await printSubgraphSdl();
    customers = await startCustomersSubgraph();
    supergraphSdl = composeSupergraph([
      { name: 'customers', url: customers.url, sdl: CUSTOMERS_SDL },
      { name: 'signals', url: `${signals.url}/graphql`, sdl: signalsSdl },
    ]);
  });
  afterAll(async () => {
    await customers?.stop();
    await signals?.stop();
  });
  beforeEach(() => signals.simulators.credeau.resetCalls());

  it('serves Customer @key(fields: "id") with exactly one federation @link in _service.sdl', async () => {
    const res = await signals.query('{ _service { sdl } }');
    const sdl: string = res.data?._service.sdl;
    expect(sdl).toMatch(/type Customer\s+@key\(fields: "id"\)/);
    expect(sdl.match(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/g)).toHaveLength(1);
    // Both freshness arguments, in whichever order type-graphql emits resolver arguments.
    expect(sdl).toMatch(/deviceInsights\((\s*"""[^"]*"""\s*(maxAge|maxStale): Int){2}\s*\): DeviceInsights/);
  });

  it('composes with a customers subgraph owning Customer { id name } and Query.customer', async () => {
    const composition = composeServices([
      { name: 'customers', url: 'http://customers', typeDefs: parse(CUSTOMERS_SDL) },
      { name: 'signals', url: 'http://signals', typeDefs: parse(signalsSdl) },
    ]);
    expect(composition.errors).toBeUndefined();
    const supergraph = composition.supergraphSdl ?? '';
    expect(supergraph).toMatch(/customer\(id: ID!\): Customer @join__field\(graph: CUSTOMERS\)/);
    // The arguments' descriptions contain parentheses: match lazily up to the field's own `): DeviceInsights`.
    const deviceInsights = supergraph.match(/deviceInsights\([\s\S]*?\): DeviceInsights [^\n]*/)?.[0] ?? '';
    expect(deviceInsights).toMatch(/maxAge: Int/);
    expect(deviceInsights).toMatch(/maxStale: Int/);
    expect(deviceInsights).toMatch(/@join__field\(graph: SIGNALS\)/);
    expect(supergraph).toMatch(/customerSignals\(id: ID!\): Customer! @join__field\(graph: SIGNALS\)/);
    // The security directives survive composition, for Apollo Router to enforce.
    expect(supergraph).toMatch(/\): ExtractedSmsConnection [^\n]*@requiresScopes\(scopes: \[\["signals:sms:read"\]\]\)/);
    expect(supergraph).toMatch(/\): CredolabFraudCheck [^\n]*@requiresScopes\(scopes: \[\["signals:fraud:check"\]\]\)/);
    expect(deviceInsights).toMatch(/@authenticated/);
    expect(supergraph).toMatch(/for: SECURITY/);
  });

  describe.each(GATEWAY_KINDS)('behind %s gateway', (kind) => {
    let gateway: RunningGateway;
    beforeAll(async () => {
      gateway = await startGateway(kind, supergraphSdl);
    });
    afterAll(() => gateway?.stop());

    it('answers name (customers subgraph) and deviceInsights (ours) together', async () => {
      const result = await gateway.query(
        `{ customer(id: "gw-1") { id name deviceInsights { status featureCount feature(name: "all_sms_count_nlp") } } }`,
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.customer).toMatchObject({
        id: 'gw-1',
        name: 'Customer gw-1',
        deviceInsights: { status: 'COMPLETE', featureCount: expect.any(Number) },
      });
      expect(signals.simulators.credeau.insightCallsFor('gw-1')).toBe(1);
    });

    it('batches a list of customers into _entities with one Credeau call per distinct id', async () => {
      const ids = ['gw-a', 'gw-b', 'gw-a', 'gw-c', 'gw-b'];
      const result = await gateway.query(
        `query($ids: [ID!]!) { customers(ids: $ids) { id name deviceInsights { status feature(name: "txn_sms_count_nlp") } } }`,
        { ids },
      );
      expect(result.errors).toBeUndefined();
      const list = result.data?.customers as Array<{ id: string; name: string; deviceInsights: { status: string } }>;
      expect(list.map((c) => c.id)).toEqual(ids);
      expect(list.every((c) => c.name === `Customer ${c.id}` && c.deviceInsights.status === 'COMPLETE')).toBe(true);
      expect(signals.simulators.credeau.callsTo('/api/async_insights')).toHaveLength(3);
    });

    it('keeps the rest of the response when Credeau fails for one customer', async () => {
      const result = await gateway.query(`{ customers(ids: ["gw-ok", "sim-unavailable-gw"]) { id name deviceInsights { status } } }`);
      const list = result.data?.customers as Array<{ id: string; name: string; deviceInsights: unknown }>;
      expect(list[0]).toMatchObject({ id: 'gw-ok', name: 'Customer gw-ok', deviceInsights: { status: 'COMPLETE' } });
      expect(list[1]).toEqual({ id: 'sim-unavailable-gw', name: 'Customer sim-unavailable-gw', deviceInsights: null });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'CREDEAU', retryable: expect.any(Boolean) });
    });
  });
});
