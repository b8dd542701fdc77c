import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The one Prometheus registry of the process. Every concern (vendor calls, operations, store, breaker,
 * budget) registers its series here with `registry` as its only register. Labels are bounded sets
 * (vendor, endpoint label, outcome code, operation name): never a customer id or anything from a request.
 */
export function createMetricsRegistry(options: { defaultMetrics?: boolean } = {}): Registry {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  return registry;
}

export type { Registry };
