import { ConfigError, loadConfig } from '../../src/subgraph-config';

/** The problems loadConfig reports for `env`; fails the test if it accepts the environment. */
export function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
