#!/usr/bin/env bash
# Runs the suites that once failed only on a loaded 2-core machine a second time, while a CPU burner keeps
# both cores busy: their call counts, token lifetimes and cancellation must hold when every process
# (jest, the spawned replicas, redis-server, the simulators) is starved, not only on an idle machine.
# The burner is Debian's stress-ng (installed here like .ci/install-redis.sh installs redis-server), or
# .ci/cpu-burner.js when stress-ng cannot be installed; it is stopped whatever happens.
# The run uses jest's default reporter only: test-results/summary.txt stays the count of the last full
# `npm test` run, which ends .ci/run. Fails when a suite fails. A worker jest had to force-exit is
# reported, not failed: these suites leave nothing open (at "no more tests" a worker holds only jest's
# own pipes and fires 'exit' within milliseconds), but jest kills a worker that is not gone 500 ms
# later, and on starved cores the process teardown alone can take that long.
# Usage: .ci/loaded-pass.sh [jest test paths...] (default: the suites below)
set -uo pipefail
cd "$(dirname "$0")/.."

suites=(
  test/store/replicas.test.ts
  test/replicas/replicas.test.ts
  test/e2e/entities-sms-finbox.test.ts
  test/datasources/credolab-token-manager.test.ts
  test/governance/cancellation.test.ts
)
if [ $# -gt 0 ]; then suites=("$@"); fi
workers=${LOADED_PASS_CPU_WORKERS:-2}
# A backstop only: the burner is stopped when the suites end; this bounds it if this script is killed hard.
max_seconds=3600

install_stress_ng() {
  command -v stress-ng >/dev/null && return 0
  local as_root=()
  if [ "$(id -u)" -ne 0 ]; then as_root=(sudo -n); fi
  export DEBIAN_FRONTEND=noninteractive
  { "${as_root[@]}" apt-get update && "${as_root[@]}" apt-get install -y stress-ng; } >/dev/null 2>&1
  command -v stress-ng >/dev/null
}

mkdir -p test-results
log=test-results/loaded-pass.log
# Its own session, so stopping it reaches every burner process it started.
if install_stress_ng; then
  echo "burner: stress-ng --cpu ${workers} ($(stress-ng --version 2>/dev/null | head -n 1))"
  setsid stress-ng --cpu "${workers}" --timeout "${max_seconds}s" --quiet >/dev/null 2>&1 &
else
  echo "burner: stress-ng not installable; node .ci/cpu-burner.js with ${workers} busy threads"
  setsid node .ci/cpu-burner.js "${workers}" "${max_seconds}" "$$" >/dev/null 2>&1 &
fi
burner=$!
stop_burner() {
  kill -TERM -- "-${burner}" 2>/dev/null
  wait "${burner}" 2>/dev/null
}
trap stop_burner EXIT
trap 'exit 130' INT TERM

# Let the burner reach full load before the first suite starts.
sleep 2
if ! kill -0 "${burner}" 2>/dev/null; then
  echo "the CPU burner did not start"
  exit 1
fi
echo "load before the suites: $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)"

# --reporters last: it takes a list, and would swallow the paths after it.
node node_modules/.bin/jest --ci --runTestsByPath "${suites[@]}" --reporters=default 2>&1 | tee "${log}"
status=${PIPESTATUS[0]}
echo "load after the suites: $(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null)"
if grep -q 'failed to exit gracefully' "${log}"; then
  echo "loaded pass: warning: jest force-exited a worker (slow process exit under load, or a test left something open: check with npx jest --detectOpenHandles <suite>)"
fi
exit "${status}"
