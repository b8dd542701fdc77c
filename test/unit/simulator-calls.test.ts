import { SimulatorServer } from '../../src/simulators/simulator-server';

describe('SimulatorServer.calls', () => {
  it('keeps only the most recent calls, so a long-running simulator does not grow without bound', async () => {
    const simulator = new SimulatorServer('test', () => ({ status: 200, json: {} }));
    simulator.maxRecordedCalls = 5;
    await simulator.start();
    try {
      for (let i = 0; i < 8; i++) await (await fetch(`${simulator.url}/call-${i}`)).text();
      expect(simulator.calls.map((call) => call.path)).toEqual(['/call-3', '/call-4', '/call-5', '/call-6', '/call-7']);
    } finally {
      await simulator.stop();
    }
  });
});
