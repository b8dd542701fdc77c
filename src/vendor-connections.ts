import type { Config } from './config';
import { VendorCallEvents } from './datasources/http/vendor-call-events';
import { createVendorGuards, type GovernanceObserver } from './governance/vendor-guards';
import type { Logger } from './logger';
import { openVendors, type OpenedVendors } from './vendors/open-vendors';
import type { VendorSimulators } from './vendors/registry';
import type { ProcessServices } from './vendors/vendor-module';

export type { OpenedVendors } from './vendors/open-vendors';

/**
 * Opens every registered vendor once at start-up, with the process-wide services (the call events every
 * client reports to, the guards of each vendor: budgets and breakers from config unless given).
 * `existing` lets tests and benchmarks hand in simulators.
 */
export function openVendorConnections(
  config: Config,
  logger: Logger,
  existing: Partial<VendorSimulators> = {},
  services: Partial<Pick<ProcessServices, 'events' | 'guardsFor' | 'redis'>> & { governance?: GovernanceObserver } = {},
): Promise<OpenedVendors> {
  const guardsFor = services.guardsFor ?? createVendorGuards(config.governance, services.redis, services.governance);
  return openVendors(
    config,
    { server: config.server, http: config.http, logger, events: services.events ?? new VendorCallEvents(), guardsFor, redis: services.redis },
    existing,
  );
}
