#!/usr/bin/env bash
# Installs Debian's chromium for the GraphiQL browser test (test/e2e/graphiql.browser.test.ts), which
# drives /usr/bin/chromium through playwright-core: `npx playwright install` downloads a browser of its
# own, and these machines reach no host for that. Idempotent: does nothing when chromium is there.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  echo "chromium present: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y chromium
/usr/bin/chromium --version
