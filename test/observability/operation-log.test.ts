import { startTestSubgraph, type TestSubgraph } from '../support/harness';

describe('one info line per operation', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph();
  });
  afterAll(() => subgraph.stop());

  it('names the operation, its duration and the trace id, and never the variables', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const before = subgraph.logs.length;
    const res = await subgraph.query(
      'query Signals($id: ID!) { customerSignals(id: $id) { deviceInsights { status } } }',
      { id: 'cust-secret-771' },
      { traceparent: `00-${traceId}-00f067aa0ba902b7-01` },
    );
    expect(res.data).toBeDefined();
    const lines = subgraph.logs.slice(before).map((line) => JSON.parse(line) as Record<string, unknown>);
    const operationLines = lines.filter((line) => line.msg === 'operation');
    expect(operationLines).toHaveLength(1);
    expect(operationLines[0]).toMatchObject({ level: 30, operationName: 'Signals', ms: expect.any(Number), vendorCalls: 1, traceId });
    expect(subgraph.logs.slice(before).join('\n')).not.toContain('cust-secret-771');
  });

  it('counts the vendor attempts each operation made, even when operations run at once', async () => {
    const before = subgraph.logs.length;
    const query = 'query $name($id: ID!) { customerSignals(id: $id) { deviceInsights { status } } }';
    // A 429 then 200 (two attempts), one plain call, and no vendor field at all, all in flight together.
    await Promise.all([
      subgraph.query(query.replace('$name', 'Retried'), { id: 'sim-rate-limited-once-log-5521' }),
      subgraph.query(query.replace('$name', 'Plain'), { id: 'cust-log-5521' }),
      subgraph.query('query NoVendor($id: ID!) { customerSignals(id: $id) { id } }', { id: 'cust-log-5522' }),
    ]);
    const lines = subgraph.logs.slice(before).map((line) => JSON.parse(line) as Record<string, unknown>);
    const byName = new Map(lines.filter((line) => line.msg === 'operation').map((line) => [line.operationName, line]));
    expect(byName.size).toBe(3);
    expect(byName.get('Retried')).toMatchObject({ level: 30, vendorCalls: 2, ms: expect.any(Number), errorCodes: [] });
    expect(byName.get('Plain')).toMatchObject({ vendorCalls: 1 });
    expect(byName.get('NoVendor')).toMatchObject({ vendorCalls: 0 });
    expect(subgraph.logs.slice(before).filter((line) => line.includes('"msg":"operation"')).join('\n')).not.toMatch(/log-552[12]/);
  });
});
