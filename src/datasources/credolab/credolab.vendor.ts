import { credolabCredentialVariables, credolabEnvShape, credolabProducts, toCredolabConfig } from './credolab.config';
import { CredolabFraudCheckResolver } from '../../resolvers/credolab/credolab-fraud-check.resolver';
import { CredolabScoreFragmentResolver, CustomerCredolabScoreResolver } from '../../resolvers/credolab/credolab-score.resolver';
import { defineVendor, vendorEnv } from '../../vendors/vendor-module';
import { vendorBackoff } from '../http/create-vendor-client';
import { CredolabDatasource, type CredolabConnection } from './credolab.datasource';
import { SharedCredolabToken } from './credolab.shared-token';
import { CredolabTokenManager } from './credolab.token-manager';

/**
 * Credolab v6: one token manager per process, shared by every operation (a burst logs in once). Nothing
 * is sent at start-up: the first call logs in, so a Credolab outage cannot stop the subgraph starting.
 */
export const credolabVendor = defineVendor({
  key: 'credolab',
  name: 'CREDOLAB',
  label: 'Credolab',
  // The bearer token is the session its token manager logged in for (credolab.token-manager.ts); the
  // login itself sends the credentials in its body, and carries no session.
  authorize: () => (request) => {
    if (request.sessionToken) request.headers.authorization = `Bearer ${request.sessionToken}`;
  },
  secretHeaders: ['authorization'],
  defaultRateLimit: undefined,
  products: credolabProducts,
  env: vendorEnv(credolabEnvShape, credolabCredentialVariables, toCredolabConfig),
  resolvers: [CustomerCredolabScoreResolver, CredolabScoreFragmentResolver, CredolabFraudCheckResolver],
  loadSimulator: async () => {
    const { CredolabSimulator, CREDOLAB_SIMULATOR_CREDENTIALS } = await import('../../simulators/credolab/credolab.simulator');
    return { create: () => new CredolabSimulator(), credentials: { ...CREDOLAB_SIMULATOR_CREDENTIALS } };
  },
  // Credolab publishes no retry guidance; its 500 ("unexpected condition") and 503 ("availability") are
  // both worth another try, with the usual exponential backoff.
  retry: (settings, http) => vendorBackoff(settings.http, http, [500]),
  connect: ({ client, credentials, settings, services }) => {
    const tokens = new CredolabTokenManager({
      client,
      credentials,
      refreshMarginMs: settings.tokenRefreshMarginMs,
      loginFailureCooldownMs: settings.loginFailureCooldownMs,
      flightBudgetMs: services.server.operationTimeoutMs,
      logger: services.logger,
      // With Redis, one login for the whole fleet (sealed in Redis); without it, one per process.
      shared: services.redis && services.sealedBox
        ? { token: new SharedCredolabToken(services.redis, services.sealedBox, Date.now), claimTtlMs: settings.tokenClaimMs, pollMs: settings.tokenPollMs }
        : undefined,
    });
    return { connection: { tokens, settings, store: services.store, evidence: services.evidence } satisfies CredolabConnection };
  },
  dataSources: (connection: CredolabConnection, deadline) => ({ credolab: new CredolabDatasource(connection, deadline) }),
});
