import { CredeauSimulator } from './credeau/credeau.simulator';
import { CredolabSimulator } from './credolab/credolab.simulator';
import { NeuroidSimulator } from './neuroid/neuroid.simulator';
import { FinboxSimulator } from './finbox/finbox.simulator';

/** Every embedded simulator, one per vendor host. */
export interface Simulators {
  credeau: CredeauSimulator;
  credolab: CredolabSimulator;
  neuroid: NeuroidSimulator;
  finbox: FinboxSimulator;
}

/** Starts all simulators on loopback port 0, for tests and benchmarks that want to inspect them. */
export async function startSimulators(): Promise<Simulators> {
  const simulators: Simulators = { credeau: new CredeauSimulator(), credolab: new CredolabSimulator(), neuroid: new NeuroidSimulator(), finbox: new FinboxSimulator() };
  await Promise.all(Object.values(simulators).map((simulator) => simulator.start()));
  return simulators;
}

export async function stopSimulators(simulators: Partial<Simulators>): Promise<void> {
  await Promise.all(Object.values(simulators).map((simulator) => simulator?.stop()));
}
