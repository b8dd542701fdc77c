import type { Config } from '../../config';
import type { Logger } from '../../logger';
import { CREDOLAB_SIMULATOR_CREDENTIALS, CredolabSimulator } from '../../simulators/credolab/credolab.simulator';
import { createVendorClient, vendorBackoff } from '../http/create-vendor-client';
import { resolveVendorEndpoint } from '../http/vendor-endpoint';
import type { CredolabConnection } from './credolab.datasource';
import { CredolabTokenManager } from './credolab.token-manager';

/**
 * Opens Credolab for the life of the process: its pool, retry policy and the one token manager every
 * operation shares (so a burst of operations logs in once), or its simulator when no credentials are set.
 * Nothing is sent at start-up: the first call logs in, so a Credolab outage cannot stop the subgraph starting.
 */
export async function openCredolabConnection(config: Config, logger: Logger, existingSimulator?: CredolabSimulator) {
  const endpoint = await resolveVendorEndpoint({
    baseUrl: config.credolab.baseUrl,
    credentials: config.credolab.credentials,
    simulatorCredentials: { ...CREDOLAB_SIMULATOR_CREDENTIALS },
    existingSimulator,
    createSimulator: () => new CredolabSimulator(),
  });
  const client = createVendorClient({
    vendor: 'CREDOLAB',
    baseUrl: endpoint.baseUrl,
    vendorHttp: config.credolab.http,
    http: config.http,
    // Credolab publishes no retry guidance; its 500 ("unexpected condition") and 503 ("availability")
    // are both worth another try, with the usual exponential backoff.
    retry: vendorBackoff(config.credolab.http, config.http, [500]),
    logger,
  });
  const tokens = new CredolabTokenManager({
    client,
    credentials: endpoint.credentials,
    refreshMarginMs: config.credolab.tokenRefreshMarginMs,
    loginFailureCooldownMs: config.credolab.loginFailureCooldownMs,
    flightBudgetMs: config.server.operationTimeoutMs,
    logger,
  });
  const connection: CredolabConnection = { tokens, settings: config.credolab };
  return {
    connection,
    simulator: endpoint.simulator,
    async close() {
      await client.close();
      await endpoint.release();
    },
  };
}
