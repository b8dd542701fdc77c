import { BadUserInputError } from '../../errors';

/**
 * FinBox's CUSTOMER_ID is a string of at most 260 characters (the id given to its SDK). We admit letters,
 * digits, `.`, `-` and `_` only, so an e-mail address or a name is refused here, before any call,
 * instead of being sent to FinBox as an identifier. `.` and `..` are refused by name: as a path segment URL
 * resolution would treat them as steps to another endpoint.
 */
const FINBOX_CUSTOMER_ID = /^[A-Za-z0-9._-]{1,260}$/;

export function assertFinboxCustomerId(id: string): void {
  if (!FINBOX_CUSTOMER_ID.test(id) || id === '.' || id === '..') {
    throw new BadUserInputError(
      'FinBox: customer id must be 1-260 characters of letters, digits, ".", "-" or "_", and not "." or ".."',
      'FINBOX',
    );
  }
}

export function assertFinboxVersion(version: number): void {
  if (!Number.isInteger(version) || version < 1) {
    throw new BadUserInputError('FinBox: `version` must be a whole number, at least 1', 'FINBOX');
  }
}
