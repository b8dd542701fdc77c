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
 * Opens every vendor once at start-up. `existing` lets tests and benchmarks hand in simulators they
 * started themselves and want to inspect or tune.
 */
export async function openVendorConnections(
  config: Config,
  logger: Logger,
  existing: Partial<Simulators> = {},
): Promise<OpenedVendors> {
  const credeau = await openCredeauConnection(config, logger, existing.credeau);
  const credolab = await openCredolabConnection(config, logger, existing.credolab);
  const neuroid = await openNeuroidConnection(config, logger, existing.neuroid);
  const finbox = await openFinboxConnection(config, logger, existing.finbox);
  const opened = [credeau, credolab, neuroid, finbox];
  return {
    connections: { credeau: credeau.connection, credolab: credolab.connection, neuroid: neuroid.connection, finbox: finbox.connection },
    simulators: {
      ...(credeau.simulator ? { credeau: credeau.simulator } : {}),
      ...(credolab.simulator ? { credolab: credolab.simulator } : {}),
      ...(neuroid.simulator ? { neuroid: neuroid.simulator } : {}),
      ...(finbox.simulator ? { finbox: finbox.simulator } : {}),
    },
    async close() {
      await Promise.all(opened.map((vendor) => vendor.close()));
    },
  };
}
