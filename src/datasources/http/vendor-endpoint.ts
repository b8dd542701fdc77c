import type { SimulatorServer } from '../../simulators/simulator-server';

/** Where one vendor is reached, and with which credentials, once simulators are decided. */
export interface VendorEndpoint<Credentials, Simulator extends SimulatorServer> {
  baseUrl: string;
  credentials: Credentials;
  /** The simulator serving this vendor, when it runs simulated. */
  simulator: Simulator | undefined;
  /** Stops the simulator if this endpoint started it (not one handed in by a test). */
  release(): Promise<void>;
}

/**
 * Live vendor: its configured URL and credentials. Simulated vendor: the simulator handed in, or a new
 * one started on loopback port 0, with the credentials that simulator accepts.
 */
export async function resolveVendorEndpoint<Credentials, Simulator extends SimulatorServer>(options: {
  baseUrl: string;
  credentials: Credentials | null;
  simulatorCredentials: Credentials;
  existingSimulator: Simulator | undefined;
  createSimulator: () => Simulator;
}): Promise<VendorEndpoint<Credentials, Simulator>> {
  if (options.credentials !== null) {
    return { baseUrl: options.baseUrl, credentials: options.credentials, simulator: undefined, release: async () => {} };
  }
  const simulator = options.existingSimulator ?? options.createSimulator();
  const owned = options.existingSimulator === undefined;
  if (owned) await simulator.start();
  return {
    baseUrl: simulator.url,
    credentials: options.simulatorCredentials,
    simulator,
    release: async () => {
      if (owned) await simulator.stop();
    },
  };
}
