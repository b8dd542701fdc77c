import { finboxCredentialVariables, finboxEnvShape, finboxProducts, toFinboxConfig } from './finbox.config';
import { CustomerFinboxPredictorsResolver, FinboxPredictorsValuesResolver } from '../../resolvers/finbox/finbox-predictors.resolver';
import { defineVendor, vendorEnv } from '../../vendors/vendor-module';
import { fixedDelays } from '../http/retry-policy';
import { FinboxDatasource, type FinboxConnection } from './finbox.datasource';

/** FinBox asks for retries on every 5xx as well as 429 (its page: "5xx ... please retry twice"). */
const FINBOX_RETRY_STATUSES: readonly number[] = [429, ...Array.from({ length: 100 }, (_, i) => 500 + i)];

/** FinBox DeviceConnect risk predictors: salted requests, 202 polling, fixed retry waits. */
export const finboxVendor = defineVendor({
  key: 'finbox',
  name: 'FINBOX',
  label: 'FinBox',
  authorize: ({ apiKey }) => (request) => {
    request.headers['x-api-key'] = apiKey;
  },
  secretHeaders: ['x-api-key'],
  defaultRateLimit: undefined,
  products: finboxProducts,
  env: vendorEnv(finboxEnvShape, finboxCredentialVariables, toFinboxConfig),
  resolvers: [CustomerFinboxPredictorsResolver, FinboxPredictorsValuesResolver],
  loadSimulator: async () => {
    const { FinboxSimulator, FINBOX_SIMULATOR_CREDENTIALS } = await import('../../simulators/finbox/finbox.simulator');
    return { create: () => new FinboxSimulator(), credentials: FINBOX_SIMULATOR_CREDENTIALS };
  },
  // FinBox's rule: fixed waits, by default 2 s then 5 s.
  retry: (settings, http) =>
    fixedDelays({ delaysMs: settings.retryDelaysMs, capMs: http.retryCapMs, retryStatuses: FINBOX_RETRY_STATUSES }),
  connect: ({ client, credentials, settings, services }) => ({
    connection: { client, credentials, settings, logger: services.logger, store: services.store, evidence: services.evidence } satisfies FinboxConnection,
  }),
  dataSources: (connection: FinboxConnection, deadline) => ({ finbox: new FinboxDatasource(connection, deadline) }),
});
