import { Deadline } from '../../src/datasources/http/deadline';
import { SingleFlight } from '../../src/datasources/single-flight';

/** A deadline whose time is up now, as an operation's is when its OPERATION_TIMEOUT_MS passes. */
function expire(deadline: Deadline): void {
  (deadline as unknown as { controller: AbortController }).controller.abort();
}

describe('SingleFlight', () => {
  it('runs the work once for concurrent callers of one key, and again once it has settled', async () => {
    const flight = new SingleFlight<number>('FINBOX', 10_000);
    let runs = 0;
    const work = async () => {
      runs++;
      await new Promise((resolve) => setImmediate(resolve));
      return runs;
    };
    const results = await Promise.all([1, 2, 3].map(() => flight.run('k', work, new Deadline(10_000))));
    expect(results).toEqual([1, 1, 1]);
    expect(flight.inFlight('k')).toBe(false);
    await expect(flight.run('k', work, new Deadline(10_000))).resolves.toBe(2);
  });

  it('gives the work its own budget: the second waiter still gets the data after the first one timed out', async () => {
    const flight = new SingleFlight<string>('CREDOLAB', 10_000);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let budget: Deadline | undefined;
    const work = async (own: Deadline) => {
      budget = own;
      await gate;
      return 'token';
    };
    const firstDeadline = new Deadline(10_000);
    const first = flight.run('login', work, firstDeadline);
    const second = flight.run('login', work, new Deadline(10_000));
    expire(firstDeadline);
    await expect(first).rejects.toMatchObject({ extensions: { code: 'VENDOR_TIMEOUT', vendor: 'CREDOLAB' } });
    expect(budget?.signal.aborted).toBe(false);
    release();
    await expect(second).resolves.toBe('token');
  });

  it('shares a failure with every waiter and frees the key', async () => {
    const flight = new SingleFlight<string>('NEUROID', 10_000);
    const work = async () => {
      throw new Error('down');
    };
    const all = await Promise.allSettled([flight.run('k', work, new Deadline(10_000)), flight.run('k', work, new Deadline(10_000))]);
    expect(all.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(flight.inFlight('k')).toBe(false);
  });
});
