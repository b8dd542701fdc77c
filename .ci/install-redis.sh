#!/usr/bin/env bash
# Installs Debian's redis-server package (redis-server and redis-cli) for the store, budget, replica and
# Redis Cluster tests, which start their own redis-server processes on free ports (test/support/
# redis-process.ts) and never touch the machine's shared Redis on 6379. Idempotent.
set -euo pipefail

if command -v redis-server >/dev/null && command -v redis-cli >/dev/null; then
  echo "redis present: $(redis-server --version)"
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi

export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y redis-server
# The package starts a system service on 6379; the tests never use it.
redis-server --version
