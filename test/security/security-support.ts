import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import type { Simulators } from '../../src/simulators';

export const ISSUER = 'https://auth.test/';
export const AUDIENCE = 'customer-signals';

/** An identity provider for tests: an RS256 key pair, its JWKS served over a real socket, a token minter. */
export interface TestIssuer {
  jwksUrl: string;
  publicKeyPem: string;
  /** Requests the JWKS endpoint answered (jose caches the set). */
  jwksRequests: () => number;
  token(claims?: { scope?: string; scp?: string[]; iss?: string; aud?: string; expiresIn?: string | number; key?: 'other'; sub?: string }): Promise<string>;
  stop(): Promise<void>;
}

export async function startTestIssuer(): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const other = await generateKeyPair('RS256');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  let requests = 0;
  const server: Server = createServer((_req, res) => {
    requests += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
    publicKeyPem: await exportSPKI(publicKey),
    jwksRequests: () => requests,
    async token(claims = {}) {
      const { scope, scp, iss = ISSUER, aud = AUDIENCE, expiresIn = '5m', key, sub = 'user-1' } = claims;
      const signingKey: KeyLike = key === 'other' ? other.privateKey : privateKey;
      let jwt = new SignJWT({ ...(scope !== undefined ? { scope } : {}), ...(scp ? { scp } : {}) })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setSubject(sub)
        .setIssuer(iss)
        .setAudience(aud)
        .setIssuedAt(typeof expiresIn === 'number' && expiresIn < 0 ? Math.floor(Date.now() / 1000) - 600 : undefined);
      jwt = typeof expiresIn === 'number' ? jwt.setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn) : jwt.setExpirationTime(expiresIn);
      return jwt.sign(signingKey);
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Requests every simulator received (logins included): "no vendor call" means this stayed 0. */
export function vendorCalls(simulators: Simulators): number {
  return Object.values(simulators).reduce((sum, simulator) => sum + simulator.calls.length, 0);
}

export function resetVendorCalls(simulators: Simulators): void {
  for (const simulator of Object.values(simulators)) simulator.resetCalls();
}

/** Production with every vendor live against the test's simulators (production refuses simulators in-process). */
export { simulatorLiveEnv as liveVendorEnv } from '../../bench/lib/vendor-env';

/** A raw POST to /graphql, for bodies and headers the harness's `query` would not send. */
export async function post(url: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', text, json: safeJson(text), headers: response.headers };
}

function safeJson(text: string): { data?: any; errors?: Array<{ message: string; path?: unknown; extensions?: Record<string, unknown> }> } | undefined { // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
