import type { Config } from '../../config';
import type { Logger } from '../../logger';
import { NEUROID_SIMULATOR_CREDENTIALS, NeuroidSimulator } from '../../simulators/neuroid/neuroid.simulator';
import { exponentialBackoff, TRANSIENT_STATUSES } from '../http/retry-policy';
import { resolveVendorEndpoint } from '../http/vendor-endpoint';
import { VendorHttpClient } from '../http/vendor-http-client';
import type { NeuroidConnection } from './neuroid.datasource';

/**
 * Opens NeuroID for the life of the process: its pool, retry policy (500 UNKNOWN_ERROR is transient by
 * NeuroID's own description, so it is retried with the usual ones) and API key, or its simulator when no
 * credentials are set.
 */
export async function openNeuroidConnection(config: Config, logger: Logger, existingSimulator?: NeuroidSimulator) {
  const endpoint = await resolveVendorEndpoint({
    baseUrl: config.neuroid.baseUrl,
    credentials: config.neuroid.credentials,
    simulatorCredentials: { ...NEUROID_SIMULATOR_CREDENTIALS },
    existingSimulator,
    createSimulator: () => new NeuroidSimulator(),
  });
  const client = new VendorHttpClient({
    vendor: 'NEUROID',
    // The simulator serves the API under /v4.1 like the real host, so the same paths work against both.
    baseUrl: endpoint.simulator ? endpoint.simulator.apiBaseUrl : endpoint.baseUrl,
    timeoutMs: config.neuroid.http.timeoutMs,
    connectTimeoutMs: config.http.connectTimeoutMs,
    maxConnections: config.neuroid.http.maxConnections,
    maxResponseBytes: config.http.maxResponseBytes,
    retry: exponentialBackoff({
      baseMs: config.neuroid.http.retryBaseMs,
      capMs: config.http.retryCapMs,
      maxRetries: config.neuroid.http.maxRetries,
      jitter: 0.2,
      retryStatuses: [...TRANSIENT_STATUSES, 500],
    }),
    logger,
  });
  const connection: NeuroidConnection = {
    client,
    apiKey: endpoint.credentials.apiKey,
    defaultSiteId: endpoint.credentials.siteId,
    settings: config.neuroid,
  };
  return {
    connection,
    simulator: endpoint.simulator,
    async close() {
      await client.close();
      await endpoint.release();
    },
  };
}
