import type { Config } from './subgraph-config';
import { VendorCallEvents } from './datasources/http/vendor-call-events';
import { createVendorGuards, type GovernanceObserver } from './governance/vendor-guards';
import type { Logger } from './logger';
import { SealedBox } from './store/sealed-box';
import { SignalStore } from './store/signal-store';
import { StoreEvents } from './store/store-events';
import { openVendors, type OpenedVendors } from './vendors/open-vendors';
import type { VendorSet, VendorSimulators } from './vendors/registry';
import type { ProcessServices } from './vendors/vendor-module';
import { NO_EVIDENCE } from './datasources/evidence-sink';

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
  services: Partial<Pick<ProcessServices, 'events' | 'guardsFor' | 'redis' | 'store' | 'evidence'>> & { governance?: GovernanceObserver } = {},
  vendors?: VendorSet,
): Promise<OpenedVendors> {
  const store = services.store ?? openSignalStore(config, services.redis, new StoreEvents());
  const sealedBox = services.redis && config.redis ? new SealedBox(config.redis.storeKeyBase64) : undefined;
  const guardsFor = services.guardsFor ?? createVendorGuards(config, services.redis, services.governance);
  return openVendors(
    config,
    { server: config.server, http: config.http, logger, events: services.events ?? new VendorCallEvents(), guardsFor, redis: services.redis, sealedBox, store, evidence: services.evidence ?? NO_EVIDENCE },
    existing,
    vendors,
  );
}

/** The process's one signal store: memory, plus Redis when the process has a Redis connection. */
export function openSignalStore(config: Config, redis: ProcessServices['redis'], events: StoreEvents): SignalStore {
  return new SignalStore({
    config: config.store,
    redis,
    storeKeyBase64: config.redis?.storeKeyBase64,
    events,
    fetchBudgetMs: config.server.operationTimeoutMs,
    erasureMarkerTtlMs: config.erasure.markerTtlMs,
  });
}
