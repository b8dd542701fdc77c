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
  it('cancels the work once every waiter was cancelled, but not while one still waits', async () => {
    const flight = new SingleFlight<string>('CREDEAU', 10_000);
    let budget: Deadline | undefined;
    const work = (own: Deadline) => {
      budget = own;
      return new Promise<string>((resolve, reject) => {
        own.signal.addEventListener('abort', () => reject(own.signal.reason), { once: true });
        setTimeout(() => resolve('late'), 200).unref();
      });
    };
    const first = new Deadline(10_000);
    const second = new Deadline(10_000);
    const firstWait = flight.run('k', work, first);
    const secondWait = flight.run('k', work, second);
    first.cancel();
    await expect(firstWait).rejects.toThrow();
    expect(budget?.signal.aborted).toBe(false);
    second.cancel();
    await expect(secondWait).rejects.toThrow();
    expect(budget?.signal.aborted).toBe(true);
  });

  it('leaves the work going when its last waiter only ran out of time (the answer still fills the store)', async () => {
    const flight = new SingleFlight<string>('CREDEAU', 10_000);
    let budget: Deadline | undefined;
    const done = flight.run('k', async (own) => {
      budget = own;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return 'value';
    }, new Deadline(10_000));
    const waiter = new Deadline(10_000);
    const late = flight.run('k', async () => 'unused', waiter);
    expire(waiter);
    await expect(late).rejects.toThrow();
    await expect(done).resolves.toBe('value');
    expect(budget?.signal.aborted).toBe(false);
  });

  it('hands an early answer to its waiters while the work goes on, gives it to callers joining meanwhile, and drops a later failure', async () => {
    const flight = new SingleFlight<string>('FINBOX', 10_000);
    let finish!: () => void;
    const tail = new Promise<void>((resolve) => (finish = resolve));
    let runs = 0;
    const work = async (_budget: Deadline, answer: (value: string) => void) => {
      runs++;
      answer('early');
      await tail;
      throw new Error('keeping it failed');
    };
    await expect(flight.run('k', work, new Deadline(10_000))).resolves.toBe('early');
    // The work has not settled: the key is still taken, and a new caller gets the answer given.
    expect(flight.inFlight('k')).toBe(true);
    await expect(flight.run('k', work, new Deadline(10_000))).resolves.toBe('early');
    expect(runs).toBe(1);
    finish();
    for (let i = 0; i < 100 && flight.inFlight('k'); i++) await new Promise((resolve) => setImmediate(resolve));
    expect(flight.inFlight('k')).toBe(false);
  });

  it('starts no work for a caller already cancelled', async () => {
    const flight = new SingleFlight<string>('CREDEAU', 10_000);
    let runs = 0;
    const cancelled = new Deadline(10_000);
    cancelled.cancel();
    await expect(flight.run('k', async () => String(++runs), cancelled)).rejects.toThrow();
    expect(runs).toBe(0);
  });
});
