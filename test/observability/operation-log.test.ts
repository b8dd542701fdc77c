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
    expect(operationLines[0]).toMatchObject({ level: 30, operationName: 'Signals', ms: expect.any(Number), traceId });
    expect(subgraph.logs.slice(before).join('\n')).not.toContain('cust-secret-771');
  });
});
