import { settledHeapUsed } from '../../bench/lib/entry-heap';
import { captureExchange, noteExchange } from '../../src/datasources/http/exchange-capture';

/** A vendor body big enough that holding it shows above the heap's own noise. */
const BODY_BYTES = 4 * 1024 * 1024;
const FETCHES = 4;

/** A body as the HTTP client decodes it: one flat string on the V8 heap (a big Buffer decode would be external). */
function bodyText(fetch: number): string {
  const chunk = String.fromCharCode(97 + fetch).repeat(1024);
  return Array.from({ length: BODY_BYTES / chunk.length }, () => chunk).join('');
}

describe('captureExchange', () => {
  it('hands the body over and keeps none of it, whatever the fetch left running', async () => {
    const left: NodeJS.Timeout[] = [];
    const before = settledHeapUsed();
    await fetchAll(left);
    // Measured with the timers still pending: they hold their async context, which must hold no body.
    const held = settledHeapUsed() - before;
    left.forEach(clearTimeout);
    expect(held).toBeLessThan(BODY_BYTES / 2);
  });
});

/** The fetches, in a frame of their own so that none of their locals outlives them. */
async function fetchAll(left: NodeJS.Timeout[]): Promise<void> {
    for (let fetch = 0; fetch < FETCHES; fetch++) {
      const { value, exchange } = await captureExchange(async () => {
        // What a vendor fetch leaves behind: a timer (a deadline, a keep-alive socket's) in its async context.
        left.push(setTimeout(() => undefined, 3_600_000).unref());
        noteExchange(200, bodyText(fetch), {}, { request_id: `req-${fetch}` });
        return fetch;
      });
      expect(value).toBe(fetch);
      expect(exchange?.text.length).toBe(BODY_BYTES);
      expect(exchange?.vendorRequestId).toBe(`req-${fetch}`);
    }
}
