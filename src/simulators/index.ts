import { VENDORS, type VendorSimulators } from '../vendors/registry';
import type { SimulatorServer } from './simulator-server';

/**
 * Every embedded simulator, one per registered vendor, by the vendor's key (`simulators.credeau`):
 * derived from the registry, so a new vendor's simulator is started and inspectable with no edit here.
 */
export type Simulators = VendorSimulators;

/** Starts every registered vendor's simulator on loopback port 0, for tests and benchmarks that want to inspect them. */
export async function startSimulators(): Promise<Simulators> {
  const started = await Promise.all(
    VENDORS.map(async (vendor) => {
      const simulator: SimulatorServer = (await vendor.loadSimulator()).create();
      await simulator.start();
      return [vendor.key, simulator] as const;
    }),
  );
  // One simulator per key, each made by that vendor's own loadSimulator: the mapped type's promise.
  return Object.fromEntries(started) as unknown as Simulators;
}

export async function stopSimulators(simulators: Partial<Simulators>): Promise<void> {
  await Promise.all(Object.values(simulators).map((simulator) => simulator?.stop()));
}
