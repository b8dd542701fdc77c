import type { Config } from '../../config';
import type { Logger } from '../../logger';
import { NEUROID_SIMULATOR_CREDENTIALS, NeuroidSimulator } from '../../simulators/neuroid/neuroid.simulator';
import { createVendorClient, vendorBackoff } from '../http/create-vendor-client';
import { resolveVendorEndpoint } from '../http/vendor-endpoint';
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
  const client = createVendorClient({
    vendor: 'NEUROID',
    // The simulator serves the API under /v4.1 like the real host, so the same paths work against both.
    baseUrl: endpoint.simulator ? endpoint.simulator.apiBaseUrl : endpoint.baseUrl,
    vendorHttp: config.neuroid.http,
    http: config.http,
    retry: vendorBackoff(config.neuroid.http, config.http, [500]),
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
