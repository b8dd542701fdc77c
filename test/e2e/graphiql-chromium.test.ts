import { requireChromium } from '../support/chromium';

describe('browser tests without Chromium', () => {
  it("fail saying Debian's chromium package is needed and how to install it", () => {
    expect(() => requireChromium('/nonexistent/chromium')).toThrow(
      /Chromium from Debian's `chromium` package at \/nonexistent\/chromium, which is missing.*bash \.ci\/install-chromium\.sh/,
    );
  });
});
