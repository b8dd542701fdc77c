import { composeServices } from '@apollo/composition';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { parse } from 'graphql';
import { printSubgraphSdl } from '../../src/schema-sdl';
import { CUSTOMERS_SDL, startCustomersSubgraph } from '../support/customers-subgraph';
import { startTestSubgraph, type TestSubgraph } from '../support/harness';

/**
 * @apollo/gateway refuses a supergraph whose `@link(..., for: SECURITY)` features (@authenticated,
 * @requiresScopes) it cannot enforce. Apollo Router enforces them; the subgraph enforces the scopes again
 * itself (src/security/scope-guard.ts). So the in-process gateway gets the supergraph with the
 * SECURITY purpose dropped: the directives stay, only the gateway's refusal goes.
 */
function withoutSecurityPurpose(supergraphSdl: string): string {
  return supergraphSdl.replace(/,\s*for:\s*SECURITY/g, '');
}

describe('federation', () => {
  let signals: TestSubgraph;
  let customers: { url: string; stop(): Promise<void> };
  let gateway: ApolloServer;
  let signalsSdl: string;

  beforeAll(async () => {
    signals = await startTestSubgraph();
    signalsSdl = await printSubgraphSdl();
    customers = await startCustomersSubgraph();
    const composition = composeServices([
      { name: 'customers', url: customers.url, typeDefs: parse(CUSTOMERS_SDL) },
      { name: 'signals', url: `${signals.url}/graphql`, typeDefs: parse(signalsSdl) },
    ]);
    if (composition.errors) throw new Error(composition.errors.map((e) => e.message).join('\n'));
    gateway = new ApolloServer({ gateway: new ApolloGateway({ supergraphSdl: withoutSecurityPurpose(composition.supergraphSdl) }) });
    await gateway.start();
  });
  afterAll(async () => {
    await gateway?.stop();
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
    expect(sdl).toMatch(/deviceInsights\([^)]*maxAge: Int[^)]*\)/);
  });

  it('composes with a customers subgraph owning Customer { id name } and Query.customer', async () => {
    const composition = composeServices([
      { name: 'customers', url: 'http://customers', typeDefs: parse(CUSTOMERS_SDL) },
      { name: 'signals', url: 'http://signals', typeDefs: parse(signalsSdl) },
    ]);
    expect(composition.errors).toBeUndefined();
    const supergraph = composition.supergraphSdl ?? '';
    expect(supergraph).toMatch(/customer\(id: ID!\): Customer @join__field\(graph: CUSTOMERS\)/);
    expect(supergraph).toMatch(/deviceInsights\([^)]*maxAge: Int[^)]*\): DeviceInsights [^\n]*@join__field\(graph: SIGNALS\)/);
    expect(supergraph).toMatch(/customerSignals\(id: ID!\): Customer! @join__field\(graph: SIGNALS\)/);
    // The security directives survive composition, for Apollo Router to enforce.
    expect(supergraph).toMatch(/\): ExtractedSmsConnection [^\n]*@requiresScopes\(scopes: \[\["signals:sms:read"\]\]\)/);
    expect(supergraph).toMatch(/\): CredolabFraudCheck [^\n]*@requiresScopes\(scopes: \[\["signals:fraud:check"\]\]\)/);
    expect(supergraph).toMatch(/deviceInsights\([^)]*\): DeviceInsights [^\n]*@authenticated/);
    expect(supergraph).toMatch(/for: SECURITY/);
  });

  it('answers name (customers subgraph) and deviceInsights (ours) together through a real gateway', async () => {
    const response = await gateway.executeOperation({
      query: `{ customer(id: "gw-1") { id name deviceInsights { status featureCount feature(name: "all_sms_count_nlp") } } }`,
    });
    const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
    expect(result?.errors).toBeUndefined();
    expect(result?.data?.customer).toMatchObject({
      id: 'gw-1',
      name: 'Customer gw-1',
      deviceInsights: { status: 'COMPLETE', featureCount: expect.any(Number) },
    });
    expect(signals.simulators.credeau.insightCallsFor('gw-1')).toBe(1);
  });

  it('batches a list of customers into one _entities call with one Credeau call per distinct id', async () => {
    const ids = ['gw-a', 'gw-b', 'gw-a', 'gw-c', 'gw-b'];
    const response = await gateway.executeOperation({
      query: `query($ids: [ID!]!) { customers(ids: $ids) { id name deviceInsights { status feature(name: "txn_sms_count_nlp") } } }`,
      variables: { ids },
    });
    const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
    expect(result?.errors).toBeUndefined();
    const list = result?.data?.customers as Array<{ id: string; name: string; deviceInsights: { status: string } }>;
    expect(list.map((c) => c.id)).toEqual(ids);
    expect(list.every((c) => c.name === `Customer ${c.id}` && c.deviceInsights.status === 'COMPLETE')).toBe(true);
    expect(signals.simulators.credeau.callsTo('/api/async_insights')).toHaveLength(3);
  });

  it('keeps the rest of a gateway response when Credeau fails for one customer', async () => {
    const response = await gateway.executeOperation({
      query: `{ customers(ids: ["gw-ok", "sim-unavailable-gw"]) { id name deviceInsights { status } } }`,
    });
    const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
    const list = result?.data?.customers as Array<{ id: string; name: string; deviceInsights: unknown }>;
    expect(list[0]).toMatchObject({ id: 'gw-ok', name: 'Customer gw-ok', deviceInsights: { status: 'COMPLETE' } });
    expect(list[1]).toEqual({ id: 'sim-unavailable-gw', name: 'Customer sim-unavailable-gw', deviceInsights: null });
    expect(result?.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'CREDEAU' });
  });
});
