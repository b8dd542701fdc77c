/**
 * Decides, per vendor, whether we talk to the real API or to its embedded simulator.
 *
 * All credential variables unset: the simulator serves the vendor (a fresh clone runs with no setup).
 * Production must never silently fall back to fake data, so there "all unset" is an error too.
 * Some set and some not is always an error: it is a half-finished deployment, not a choice.
 */
export type CredentialsResolution<K extends string> =
  | { kind: 'live'; values: Record<K, string> }
  | { kind: 'simulated' }
  | { kind: 'invalid'; problems: string[] };

export function resolveCredentials<K extends string>(
  vendorLabel: string,
  variables: Record<K, string>,
  env: Record<string, string | undefined>,
  production: boolean,
): CredentialsResolution<K> {
  const names = Object.values(variables) as string[];
  const isSet = (name: string) => (env[name] ?? '').trim() !== '';
  const missing = names.filter((name) => !isSet(name));

  if (missing.length === 0) {
    const values = {} as Record<K, string>;
    for (const key of Object.keys(variables) as K[]) values[key] = (env[variables[key]] as string).trim();
    return { kind: 'live', values };
  }
  if (missing.length === names.length && !production) return { kind: 'simulated' };

  const why =
    missing.length === names.length
      ? `${vendorLabel} credentials are required when NODE_ENV=production (the embedded simulator is for development only)`
      : `${vendorLabel} credentials are only partly set`;
  return { kind: 'invalid', problems: missing.map((name) => `${name}: missing (${why})`) };
}
