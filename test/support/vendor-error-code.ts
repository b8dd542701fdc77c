import { VendorError } from '../../src/errors';

/** The VendorError code `run` throws, 'not a VendorError' for any other throw, undefined when it returns. */
export function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof VendorError ? error.code : 'not a VendorError';
  }
  return undefined;
}
