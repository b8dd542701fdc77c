import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, Histogram, type Registry } from 'prom-client';
import { operationOutcome } from './operation-outcome';
import type { OperationNames } from './operation-names';

/**
 * `signals_graphql_operations_total{operation_name, outcome}` and
 * `signals_graphql_operation_duration_seconds{operation_name}`: one count and one sample per operation,
 * parse and validation failures included. `operation_name` is folded by OperationNames; `outcome` is
 * `ok` or the first error code (a partial answer with a vendor fault counts under that fault's code).
 */
export function graphqlOperationMetricsPlugin(registry: Registry, names: OperationNames): ApolloServerPlugin {
  const operations = new Counter({
    name: 'signals_graphql_operations_total',
    help: 'GraphQL operations by operation name (known names only) and outcome (ok or the first error code).',
    labelNames: ['operation_name', 'outcome'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'signals_graphql_operation_duration_seconds',
    help: 'Duration of each GraphQL operation, from request to response, vendor calls included.',
    labelNames: ['operation_name'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse(ctx) {
          const operationName = names.label(ctx.operationName ?? ctx.request.operationName);
          operations.inc({ operation_name: operationName, outcome: operationOutcome(ctx) });
          duration.observe({ operation_name: operationName }, (performance.now() - started) / 1000);
        },
      };
    },
  };
}
