import type { Config } from '../../config';
import type { Logger } from '../../logger';
import { CREDEAU_SIMULATOR_CREDENTIALS, CredeauSimulator } from '../../simulators/credeau/credeau.simulator';
import { createVendorClient, vendorBackoff } from '../http/create-vendor-client';
import { resolveVendorEndpoint } from '../http/vendor-endpoint';
import type { CredeauConnection } from './credeau.datasource';
import { SmsListCache } from './credeau-sms.cache';

/**
 * Opens Credeau for the life of the process: its pool, retry policy (the vendor's advice: base 1 s,
 * doubling, ±20 % jitter, capped) and credentials, or its simulator when no credentials are set.
 */
export async function openCredeauConnection(config: Config, logger: Logger, existingSimulator?: CredeauSimulator) {
  const endpoint = await resolveVendorEndpoint({
    baseUrl: config.credeau.baseUrl,
    credentials: config.credeau.credentials,
    simulatorCredentials: CREDEAU_SIMULATOR_CREDENTIALS,
    existingSimulator,
    createSimulator: () => new CredeauSimulator(),
  });
  const client = createVendorClient({
    vendor: 'CREDEAU',
    baseUrl: endpoint.baseUrl,
    vendorHttp: config.credeau.http,
    http: config.http,
    // Credeau's advice: base 1 s, doubling, ±20 % jitter, capped; 429, 502, 503, 504 are transient.
    retry: vendorBackoff(config.credeau.http, config.http),
    logger,
  });
  const connection: CredeauConnection = {
    client,
    credentials: endpoint.credentials,
    settings: config.credeau,
    logger,
    smsCache: new SmsListCache({
      ttlMs: config.credeau.smsCacheTtlMs,
      maxBytes: config.credeau.smsCacheMaxBytes,
      fetchBudgetMs: config.server.operationTimeoutMs,
    }),
  };
  return {
    connection,
    simulator: endpoint.simulator,
    async close() {
      connection.smsCache.clear();
      await client.close();
      await endpoint.release();
    },
  };
}
