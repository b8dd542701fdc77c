import { BadUserInputError } from '../../errors';

/**
 * NeuroID's rule for identity ids (and the site ids we accept): 3-100 characters of letters, digits,
 * `-`, `_` and `.`. Both are path segments, so `/`, spaces and `%` never get through, and `.`/`..`
 * (which URL resolution treats as path steps) are refused by name even though the length rule
 * already excludes them, so no id can ever reach another URL.
 */
const NEUROID_ID = /^[A-Za-z0-9._-]{3,100}$/;

export function isNeuroidId(value: string): boolean {
  return NEUROID_ID.test(value) && value !== '.' && value !== '..';
}

/** Throws BAD_USER_INPUT naming the rule, never the value (an id that breaks the rule may be an e-mail). */
export function assertNeuroidId(value: string, what: 'customer id' | 'siteId'): void {
  if (!isNeuroidId(value)) {
    throw new BadUserInputError(
      `NeuroID: ${what} must be 3-100 characters of letters, digits, "-", "_" or "."`,
      'NEUROID',
    );
  }
}
