import { startTestSubgraph, type TestSubgraph } from '../support/harness';

/** The structured log lines the server wrote with the given message. */
function linesWith(subgraph: TestSubgraph, msg: string): Array<Record<string, unknown>> {
  return subgraph.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.msg === msg);
}

describe('a vendor call that finally fails', () => {
  let subgraph: TestSubgraph;
  beforeAll(async () => {
    subgraph = await startTestSubgraph();
  });
  afterAll(() => subgraph.stop());

  it('writes exactly one warn line with vendor, operation, code, status and retries, and nothing secret', async () => {
    subgraph.logs.length = 0;
    // FinBox retries every 5xx once per FINBOX_RETRY_DELAYS_MS entry; this one answers 500 every time.
    const res = await subgraph.query('{ customerSignals(id: "sim-finbox-unavailable") { finboxPredictors { status } } }');
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'VENDOR_UNAVAILABLE', vendor: 'FINBOX' });
    const failures = linesWith(subgraph, 'vendor call failed');
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({
      level: 40,
      vendor: 'FINBOX',
      operation: 'risk_predictors',
      code: 'VENDOR_UNAVAILABLE',
      status: 500,
      retries: subgraph.config.finbox.retryDelaysMs.length,
    });
    const line = JSON.stringify(failures[0]);
    expect(line).not.toContain('sim-finbox-unavailable'); // the customer id is in the body, never in the log
    expect(line).not.toContain('sim-finbox-api-key');
    expect(line).not.toContain('/risk/');
  });

  it('writes no failure line for a call that succeeded after a retry', async () => {
    subgraph.logs.length = 0;
    const res = await subgraph.query('{ customerSignals(id: "sim-bad-gateway-once-log") { deviceInsights { status } } }');
    expect(res.errors).toBeUndefined();
    expect(res.data?.customerSignals.deviceInsights.status).toBe('COMPLETE');
    expect(linesWith(subgraph, 'vendor call failed')).toHaveLength(0);
  });
});
