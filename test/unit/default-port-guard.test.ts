import { createServer } from 'node:http';

describe('tests never listen on the default ports (test/support/setup-env.ts)', () => {
  it.each([4001, 9464])('a listen on %i fails the test that makes it', (port) => {
    const server = createServer();
    expect(() => server.listen(port, '127.0.0.1')).toThrow(/use port 0/);
    expect(() => server.listen({ port, host: '127.0.0.1' })).toThrow(/use port 0/);
    expect(server.listening).toBe(false);
  });

  it('port 0 still listens', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    expect(server.listening).toBe(true);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});
