import type { Config } from './config';
import type { VendorConnections } from './context';
import { openCredeauConnection } from './datasources/credeau/credeau.connection';
import { openCredolabConnection } from './datasources/credolab/credolab.connection';
import { openNeuroidConnection } from './datasources/neuroid/neuroid.connection';
import { openFinboxConnection } from './datasources/finbox/finbox.connection';
import type { Logger } from './logger';
import type { Simulators } from './simulators';

export interface OpenedVendors {
  connections: VendorConnections;
  /** Simulators serving vendors that have no credentials (none in production). */
  simulators: Partial<Simulators>;
  close(): Promise<void>;
}

/**
 * Opens every vendor once at start-up, concurrently (each may start a simulator). `existing` lets tests
 * and benchmarks hand in simulators they started themselves and want to inspect or tune.
 */
export async function openVendorConnections(
  config: Config,
  logger: Logger,
  existing: Partial<Simulators> = {},
): Promise<OpenedVendors> {
  const [credeau, credolab, neuroid, finbox] = await Promise.all([
    openCredeauConnection(config, logger, existing.credeau),
    openCredolabConnection(config, logger, existing.credolab),
    openNeuroidConnection(config, logger, existing.neuroid),
    openFinboxConnection(config, logger, existing.finbox),
  ]);
  const candidates: Partial<Simulators> = {
    credeau: credeau.simulator,
    credolab: credolab.simulator,
    neuroid: neuroid.simulator,
    finbox: finbox.simulator,
  };
  return {
    connections: { credeau: credeau.connection, credolab: credolab.connection, neuroid: neuroid.connection, finbox: finbox.connection },
    // Only vendors that really run simulated: the start-up log names these.
    simulators: Object.fromEntries(Object.entries(candidates).filter(([, simulator]) => simulator !== undefined)),
    async close() {
      await Promise.all([credeau, credolab, neuroid, finbox].map((vendor) => vendor.close()));
    },
  };
}
