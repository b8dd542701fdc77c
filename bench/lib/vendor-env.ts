import { credeauCredentialVariables } from '../../src/datasources/credeau/credeau.config';
import { credolabCredentialVariables } from '../../src/datasources/credolab/credolab.config';
import { finboxCredentialVariables } from '../../src/datasources/finbox/finbox.config';
import { neuroidCredentialVariables } from '../../src/datasources/neuroid/neuroid.config';
import type { Simulators } from '../../src/simulators';
import { CREDEAU_SIMULATOR_CREDENTIALS } from '../../src/simulators/credeau/credeau.simulator';
import { CREDOLAB_SIMULATOR_CREDENTIALS } from '../../src/simulators/credolab/credolab.simulator';
import { FINBOX_SIMULATOR_CREDENTIALS } from '../../src/simulators/finbox/finbox.simulator';
import { NEUROID_SIMULATOR_CREDENTIALS } from '../../src/simulators/neuroid/neuroid.simulator';

/**
 * The server's environment for the bench: every vendor in LIVE mode, pointed at the simulators the
 * runner started, with the credentials each simulator accepts. The server runs with NODE_ENV=production,
 * which refuses to start a vendor without credentials: a vendor missing here fails the run loudly
 * instead of being served by a simulator inside the server process (which would count against its
 * memory and CPU).
 */
const VENDOR_ENV: { [K in keyof Simulators]?: (simulator: Simulators[K]) => Record<string, string> } = {
  credeau: (simulator) => ({
    CREDEAU_BASE_URL: simulator.url,
    ...credentialEnv(credeauCredentialVariables, CREDEAU_SIMULATOR_CREDENTIALS),
  }),
  credolab: (simulator) => ({
    CREDOLAB_BASE_URL: simulator.url,
    ...credentialEnv(credolabCredentialVariables, CREDOLAB_SIMULATOR_CREDENTIALS),
  }),
  neuroid: (simulator) => ({
    NEUROID_BASE_URL: simulator.apiBaseUrl,
    ...credentialEnv(neuroidCredentialVariables, NEUROID_SIMULATOR_CREDENTIALS),
  }),
  // The simulator answers `complete` at once for ordinary ids, so FinBox's 10 s polling never starts.
  finbox: (simulator) => ({
    FINBOX_BASE_URL: simulator.url,
    ...credentialEnv(finboxCredentialVariables, FINBOX_SIMULATOR_CREDENTIALS),
  }),
};

/**
 * The bench's and the replica tests' environment: every vendor live against the simulators, Credeau
 * in sync mode (one call per customer: the async endpoint's polling would measure the poll interval,
 * not us) and without its 1000/60s budget (the bench measures the subgraph, not Credeau's limit).
 */
export function liveVendorEnv(simulators: Simulators): Record<string, string> {
  return { ...simulatorLiveEnv(simulators), CREDEAU_INSIGHTS_MODE: 'sync', CREDEAU_RATE_LIMIT: '' };
}

/** Every vendor live (base URL and the credentials its simulator accepts), nothing else changed. */
export function simulatorLiveEnv(simulators: Simulators): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of Object.keys(simulators) as Array<keyof Simulators>) {
    const build = VENDOR_ENV[name] as ((simulator: Simulators[typeof name]) => Record<string, string>) | undefined;
    if (!build) throw new Error(`bench/lib/vendor-env.ts has no LIVE environment for the ${name} simulator: add one`);
    Object.assign(env, build(simulators[name]));
  }
  return env;
}

/** `{ clientId: 'CREDEAU_CLIENT_ID' }` + `{ clientId: 'sim-client' }` -> `{ CREDEAU_CLIENT_ID: 'sim-client' }`. */
function credentialEnv<K extends string>(variables: Readonly<Record<K, string>>, values: Readonly<Record<K, string>>) {
  const env: Record<string, string> = {};
  for (const key of Object.keys(variables) as K[]) env[variables[key]] = values[key];
  return env;
}
