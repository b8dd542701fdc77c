import { neuroidCredentialVariables, neuroidEnvShape, neuroidProducts, toNeuroidConfig } from './neuroid.config';
import { BehaviorSignalLookupResolver, CustomerBehaviorSignalsResolver } from '../../resolvers/neuroid/behavior-signals.resolver';
import { defineVendor, vendorEnv } from '../../vendors/vendor-module';
import { vendorBackoff } from '../http/create-vendor-client';
import { NeuroidDatasource, type NeuroidConnection } from './neuroid.datasource';

/** NeuroID Analytics v4.1: behavioural model signals per (site, profile). */
export const neuroidVendor = defineVendor({
  key: 'neuroid',
  name: 'NEUROID',
  label: 'NeuroID',
  authorize: ({ apiKey }) => (request) => {
    request.headers['API-KEY'] = apiKey;
  },
  secretHeaders: ['API-KEY'],
  defaultRateLimit: undefined,
  products: neuroidProducts,
  env: vendorEnv(neuroidEnvShape, neuroidCredentialVariables, toNeuroidConfig),
  resolvers: [CustomerBehaviorSignalsResolver, BehaviorSignalLookupResolver],
  loadSimulator: async () => {
    const { NeuroidSimulator, NEUROID_SIMULATOR_CREDENTIALS } = await import('../../simulators/neuroid/neuroid.simulator');
    return { create: () => new NeuroidSimulator(), credentials: NEUROID_SIMULATOR_CREDENTIALS };
  },
  // 500 UNKNOWN_ERROR is transient by NeuroID's own description, so it is retried with the usual ones.
  retry: (settings, http) => vendorBackoff(settings.http, http, [500]),
  // The simulator serves the API under /v4.1 like the real host, so the same paths work against both.
  simulatorBaseUrl: (simulator) => simulator.apiBaseUrl,
  connect: ({ client, credentials, settings, services }) => ({
    connection: { client, defaultSiteId: credentials.siteId, settings, store: services.store, evidence: services.evidence } satisfies NeuroidConnection,
  }),
  dataSources: (connection: NeuroidConnection, deadline) => ({ neuroid: new NeuroidDatasource(connection, deadline) }),
});
