import { loadConfig } from '../../src/subgraph-config';
import { problemsOf } from '../support/config-problems';

describe('observability configuration', () => {
  it('turns tracing on only with an OTLP endpoint, the traces URL winning over the base URL', () => {
    expect(loadConfig({}).observability.tracesUrl).toBeUndefined();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).observability.tracesUrl).toBe('http://collector:4318/v1/traces');
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/otlp' }).observability.tracesUrl,
    ).toBe('https://traces.example/otlp');
  });

  it('refuses an endpoint that is not an http(s) URL and operation names that are not GraphQL names', () => {
    const problems = problemsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318', METRICS_OPERATION_NAMES: 'Good, not-a-name' });
    expect(problems.some((p) => p.startsWith('OTEL_EXPORTER_OTLP_ENDPOINT'))).toBe(true);
    expect(problems.some((p) => p.startsWith('METRICS_OPERATION_NAMES'))).toBe(true);
  });

  it('reads the allowed operation names and the span export delay', () => {
    const { observability } = loadConfig({ METRICS_OPERATION_NAMES: ' LoanOffer ,RiskPanel', OTEL_BSP_SCHEDULE_DELAY: '250' });
    expect(observability.operationNames).toEqual(['LoanOffer', 'RiskPanel']);
    expect(observability.spanExportDelayMs).toBe(250);
    expect(loadConfig({}).observability).toMatchObject({ operationNames: [], spanExportDelayMs: 5000, serviceName: 'customer-signals-subgraph' });
  });
});
