import { startSimulators, stopSimulators, type Simulators } from '../../src/simulators';
import { SimulatorServer } from '../../src/simulators/simulator-server';
import { VENDORS } from '../../src/vendors/registry';

/** The simulators tests inspect are the registry's: one started simulator per registered vendor. */
describe('startSimulators', () => {
  let simulators: Simulators | undefined;

  afterAll(async () => {
    if (simulators) await stopSimulators(simulators);
  });

  it('starts exactly one simulator per registered vendor, under its key, answering on a real socket', async () => {
    simulators = await startSimulators();
    expect(Object.keys(simulators).sort()).toEqual(VENDORS.map((vendor) => vendor.key).sort());
    for (const vendor of VENDORS) {
      const simulator: unknown = simulators[vendor.key];
      expect(simulator).toBeInstanceOf(SimulatorServer);
      const { url } = simulator as SimulatorServer;
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
      // Any answer at all (even a 404) shows the listener is up.
      const response = await fetch(`${url}/no-such-path`);
      await response.arrayBuffer();
      expect(response.status).toBeGreaterThanOrEqual(200);
    }
    // The keys tests use by name keep their types.
    expect(simulators.credeau.callsTo('/api/async_insights')).toEqual([]);
  });
});
