import type { Config } from '../../config';
import type { Logger } from '../../logger';
import { FINBOX_SIMULATOR_CREDENTIALS, FinboxSimulator } from '../../simulators/finbox/finbox.simulator';
import { fixedDelays } from '../http/retry-policy';
import { resolveVendorEndpoint } from '../http/vendor-endpoint';
import { createVendorClient } from '../http/create-vendor-client';
import type { FinboxConnection } from './finbox.datasource';

/** FinBox asks for retries on every 5xx as well as 429 (its page: "5xx ... please retry twice"). */
const FINBOX_RETRY_STATUSES: readonly number[] = [429, ...Array.from({ length: 100 }, (_, i) => 500 + i)];

/**
 * Opens FinBox for the life of the process: its pool, retry policy (FinBox's rule: fixed waits, by
 * default 2 s then 5 s) and credentials, or its simulator when no credentials are set.
 */
export async function openFinboxConnection(config: Config, logger: Logger, existingSimulator?: FinboxSimulator) {
  const endpoint = await resolveVendorEndpoint({
    baseUrl: config.finbox.baseUrl,
    credentials: config.finbox.credentials,
    simulatorCredentials: FINBOX_SIMULATOR_CREDENTIALS,
    existingSimulator,
    createSimulator: () => new FinboxSimulator(),
  });
  const client = createVendorClient({
    vendor: 'FINBOX',
    baseUrl: endpoint.baseUrl,
    vendorHttp: config.finbox.http,
    http: config.http,
    retry: fixedDelays({
      delaysMs: config.finbox.retryDelaysMs,
      capMs: config.http.retryCapMs,
      retryStatuses: FINBOX_RETRY_STATUSES,
    }),
    logger,
  });
  const connection: FinboxConnection = {
    client,
    credentials: endpoint.credentials,
    settings: config.finbox,
    logger,
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
