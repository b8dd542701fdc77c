import { Writable } from 'node:stream';
import { createLogger } from '../../src/logger';
import { VENDORS, VENDOR_SECRET_HEADERS } from '../../src/vendors/registry';

const SECRET = 'very-secret-credential-value';

/** Every line a trace-level logger writes, for headers `secretHeaders`, while `log` runs. */
function logLines(secretHeaders: readonly string[], log: (logger: ReturnType<typeof createLogger>) => void): string[] {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  log(createLogger('trace', secretHeaders, sink));
  return lines;
}

describe('log redaction derived from the vendor registry', () => {
  it('every registered vendor declares at least one secret header', () => {
    for (const vendor of VENDORS) expect({ vendor: vendor.name, declared: vendor.secretHeaders.length > 0 }).toEqual({ vendor: vendor.name, declared: true });
  });

  it.each(VENDORS.flatMap((vendor) => vendor.secretHeaders.map((header) => [vendor.name, header] as const)))(
    '%s: its %s header is redacted at trace level, at the top and one level deep',
    (_vendor, header) => {
      const lines = logLines(VENDOR_SECRET_HEADERS, (logger) => {
        logger.trace({ [header]: SECRET }, 'top level');
        logger.trace({ request: { path: '/x', [header]: SECRET } }, 'nested');
      });
      expect(lines).toHaveLength(2);
      for (const line of lines) {
        expect(line).not.toContain(SECRET);
        expect(line).toContain('[redacted]');
      }
      expect(JSON.parse(lines[0] ?? '{}')[header]).toBe('[redacted]');
      expect(JSON.parse(lines[1] ?? '{}').request[header]).toBe('[redacted]');
    },
  );

  it('a header a new descriptor declares is redacted too, and only because it is declared', () => {
    // A descriptor-like input: what the composition root would hand in for a vendor not in the registry.
    const fixture = { name: 'ACME', secretHeaders: ['x-acme-key'] as const };
    const log = (logger: ReturnType<typeof createLogger>) => logger.trace({ request: { 'x-acme-key': SECRET } }, 'call');
    const withFixture = logLines([...VENDOR_SECRET_HEADERS, ...fixture.secretHeaders], log);
    expect(withFixture.join('\n')).not.toContain(SECRET);
    expect(JSON.parse(withFixture[0] ?? '{}').request['x-acme-key']).toBe('[redacted]');
    // Without the declaration the same line leaks: the redaction really comes from the descriptor.
    expect(logLines(VENDOR_SECRET_HEADERS, log).join('\n')).toContain(SECRET);
  });

  it('keeps the generic redactions without any vendor', () => {
    const lines = logLines([], (logger) =>
      logger.trace({ authorization: SECRET, request: { cookie: SECRET, 'router-authorization': SECRET, password: SECRET, token: SECRET } }, 'generic'),
    );
    expect(lines.join('\n')).not.toContain(SECRET);
  });
});
