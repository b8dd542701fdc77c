import { BadUserInputError } from '../../errors';

/**
 * Credeau's rule for `user_id`: at most 64 characters, not PII. The page says "alphanumeric"; we also
 * admit `-` and `_` because customer ids are commonly UUIDs, and anything else (spaces, `@`, `/`) is
 * refused here, before any call, so an e-mail or phone number is never sent as an id.
 */
const CREDEAU_USER_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function assertCredeauUserId(id: string): void {
  if (!CREDEAU_USER_ID.test(id)) {
    throw new BadUserInputError(
      'Credeau: customer id must be 1-64 characters of letters, digits, "-" or "_"',
      'CREDEAU',
    );
  }
}
