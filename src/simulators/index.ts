import { CredeauSimulator } from './credeau/credeau.simulator';

/** Every embedded simulator, one per vendor host. */
export interface Simulators {
  credeau: CredeauSimulator;
}

/** Starts all simulators on loopback port 0, for tests and benchmarks that want to inspect them. */
export async function startSimulators(): Promise<Simulators> {
  const simulators: Simulators = { credeau: new CredeauSimulator() };
  await Promise.all(Object.values(simulators).map((simulator) => simulator.start()));
  return simulators;
}

export async function stopSimulators(simulators: Partial<Simulators>): Promise<void> {
  await Promise.all(Object.values(simulators).map((simulator) => simulator?.stop()));
}
