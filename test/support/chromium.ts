import { accessSync, constants } from 'node:fs';

/** Debian's chromium (.ci/install-chromium.sh); Playwright's own browser download cannot work on these machines. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium executable a browser test drives, or an error that tells a newcomer what is missing and
 * how to get it, instead of Playwright's "Executable doesn't exist" deep in a stack.
 */
export function requireChromium(path: string = CHROMIUM): string {
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    throw new Error(
      `This test drives Chromium from Debian's \`chromium\` package at ${path}, which is missing. ` +
        'Install it with `bash .ci/install-chromium.sh` (apt-get install chromium), then run the tests again.',
    );
  }
}
