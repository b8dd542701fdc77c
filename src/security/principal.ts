import type { JWTPayload } from 'jose';

/** The verified caller of one operation, from the JWT the router forwarded. */
export interface Principal {
  /** The token's `sub`: who asked, as the access log records it; undefined when the token has none. */
  subject: string | undefined;
  /** The token's scopes: `scope` (space-separated, RFC 8693) and `scp` (a list, as some issuers send). */
  scopes: ReadonlySet<string>;
}

export function principalOf(payload: JWTPayload): Principal {
  const scopes = new Set<string>();
  const { scope, scp } = payload as { scope?: unknown; scp?: unknown };
  if (typeof scope === 'string') for (const s of scope.split(' ')) if (s) scopes.add(s);
  if (typeof scp === 'string') for (const s of scp.split(' ')) if (s) scopes.add(s);
  if (Array.isArray(scp)) for (const s of scp) if (typeof s === 'string' && s) scopes.add(s);
  const subject = typeof payload.sub === 'string' && payload.sub !== '' ? payload.sub : undefined;
  return { subject, scopes };
}
