import { credeauCredentialVariables, credeauEnvShape, credeauProducts, toCredeauConfig } from './credeau.config';
import { CustomerDeviceInsightsResolver, DeviceInsightsFeaturesResolver } from '../../resolvers/credeau/device-insights.resolver';
import { CustomerExtractedSmsResolver } from '../../resolvers/credeau/extracted-sms.resolver';
import { defineVendor, vendorEnv } from '../../vendors/vendor-module';
import { vendorBackoff } from '../http/create-vendor-client';
import { CredeauDatasource, type CredeauConnection } from './credeau.datasource';
import { CredeauSmsDatasource } from './credeau-sms.datasource';

/**
 * Credeau: DeviceInsights and SMS extraction share one host, one pool and one set of credentials, so
 * one connection serves two datasources.
 */
export const credeauVendor = defineVendor({
  key: 'credeau',
  name: 'CREDEAU',
  label: 'Credeau',
  authorize: ({ clientId, authToken }) => (request) => {
    request.headers['x-client-id'] = clientId;
    request.headers['x-auth-token'] = authToken;
  },
  secretHeaders: ['x-auth-token'],
  // Credeau refuses above 1000 calls a minute per IP: both its endpoints share this one budget.
  defaultRateLimit: '1000/60s',
  products: credeauProducts,
  env: vendorEnv(credeauEnvShape, credeauCredentialVariables, toCredeauConfig),
  resolvers: [CustomerDeviceInsightsResolver, DeviceInsightsFeaturesResolver, CustomerExtractedSmsResolver],
  loadSimulator: async () => {
    const { CredeauSimulator, CREDEAU_SIMULATOR_CREDENTIALS } = await import('../../simulators/credeau/credeau.simulator');
    return { create: () => new CredeauSimulator(), credentials: CREDEAU_SIMULATOR_CREDENTIALS };
  },
  // Credeau's advice: base 1 s, doubling, ±20 % jitter, capped; 429, 502, 503, 504 are transient.
  retry: (settings, http) => vendorBackoff(settings.http, http),
  connect: ({ client, credentials, settings, services }) => {
    const connection: CredeauConnection = {
      client,
      credentials,
      settings,
      logger: services.logger,
      store: services.store,
      evidence: services.evidence,
    };
    return { connection };
  },
  dataSources: (connection: CredeauConnection, deadline) => ({
    credeau: new CredeauDatasource(connection, deadline),
    /** Credeau SMS extraction: same connection, its own loader keyed by (customer, threshold). */
    credeauSms: new CredeauSmsDatasource(connection, deadline),
  }),
});
