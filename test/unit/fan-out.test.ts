import { StoreEvents } from '../../src/store/store-events';
import { GovernanceEvents } from '../../src/governance/vendor-guards';
import { FanOut } from '../../src/observability/fan-out';

describe('FanOut: the one listener fan-out of every event hub', () => {
  it('hands every argument to every listener, in the order they were added', () => {
    const heard: string[] = [];
    const fanOut = new FanOut<[string, number]>();
    fanOut.add((name, n) => heard.push(`first ${name} ${n}`));
    fanOut.add((name, n) => heard.push(`second ${name} ${n}`));
    fanOut.emit('CREDEAU', 2);
    expect(heard).toEqual(['first CREDEAU 2', 'second CREDEAU 2']);
  });

  it('isolates a listener that throws: the emitter does not fail and the later listeners still hear', () => {
    const heard: number[] = [];
    const fanOut = new FanOut<[number]>();
    fanOut.add(() => {
      throw new Error('a broken observer');
    });
    fanOut.add((n) => heard.push(n));
    expect(() => fanOut.emit(7)).not.toThrow();
    expect(heard).toEqual([7]);
  });

  it('is what the hubs use: a throwing store or governance observer fails nothing', () => {
    const store = new StoreEvents();
    const lookups: string[] = [];
    store.onLookup(() => {
      throw new Error('broken');
    });
    store.onLookup((event) => lookups.push(event.result));
    expect(() => store.lookup({ vendor: 'CREDEAU', product: 'credeau', result: 'miss', durationMs: 1 })).not.toThrow();
    expect(lookups).toEqual(['miss']);

    const governance = new GovernanceEvents();
    const states: string[] = [];
    governance.onCircuitState(() => {
      throw new Error('broken');
    });
    governance.onCircuitState((vendor, state) => states.push(`${vendor} ${state}`));
    expect(() => governance.circuitState('FINBOX', 2)).not.toThrow();
    expect(states).toEqual(['FINBOX 2']);
  });
});
