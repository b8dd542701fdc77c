import { configVariablesFor, loadConfigFor, type ConfigFor } from './config';
import { VENDORS } from './vendors/registry';

/**
 * The config of this subgraph: the config loader bound to the vendor registry. It lives outside
 * src/config/ so that config stays a leaf (it imports no vendor code, and vendor code imports config).
 */

/** Everything the process reads from its environment, validated once at start-up. */
export type Config = ConfigFor<typeof VENDORS>;

/** Every environment variable the process reads (the README's configuration table must list each). */
export const CONFIG_VARIABLES: readonly string[] = configVariablesFor(VENDORS);

/** The registry's config from `env` (the process environment by default); throws a ConfigError listing every problem. */
export function loadConfig(env?: Record<string, string | undefined>): Readonly<Config> {
  return loadConfigFor(VENDORS, env);
}

export { ConfigError } from './config';
