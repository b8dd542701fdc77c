#!/usr/bin/env bash
# Runs the given command (CI: `npm test`) while the subgraph runs beside it as the README's quick start
# starts it (`npm start`, built and serving), in the background. It binds port 0 for GraphQL and for
# metrics, never the defaults 4001 and 9464: a developer running .ci/run may have their own `npm start`
# there. (No test binds those defaults either: test/support/spawn-subgraph.ts and the harness use 0.)
# Fails when `npm start` does not come up (or its ports do not answer), then stops it after the
# command; the command's status is the script's.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-results
log=test-results/npm-start.log

# Its own session, so stopping it reaches npm and the node process npm started.
PORT=0 METRICS_PORT=0 setsid npm start >"${log}" 2>&1 &
pid=$!
stop() {
  kill -TERM -- "-${pid}" 2>/dev/null
  wait "${pid}" 2>/dev/null
}

ready=""
for _ in $(seq 1 240); do
  ready=$(grep -m1 '"msg":"customer-signals-subgraph ready"' "${log}" || true)
  [ -n "${ready}" ] && break
  kill -0 "${pid}" 2>/dev/null || break
  sleep 0.5
done
if [ -z "${ready}" ]; then
  echo "npm start did not come up; its log ends:"
  tail -n 20 "${log}"
  stop
  exit 1
fi
metrics=$(grep -m1 '"msg":"metrics listening"' "${log}" || true)
# The URLs as npm start logged them; both must answer before the command runs beside them.
if ! node -e '
  const [ready, metrics] = process.argv.slice(1);
  const graphql = JSON.parse(ready).url.replace(/\/graphql$/, "/health/live");
  const urls = [graphql, ...(metrics ? [JSON.parse(metrics).url] : [])];
  Promise.all(urls.map((url) => fetch(url).then((r) => { if (!r.ok) throw new Error(url + " answered " + r.status); console.log("npm start answers " + url); })))
    .catch((error) => { console.error(String(error)); process.exit(1); });
' "${ready}" "${metrics}"; then
  stop
  exit 1
fi

"$@"
status=$?
stop
if ! grep -q '"msg":"shut down"' "${log}"; then echo "npm start did not shut down cleanly"; tail -n 5 "${log}"; fi
exit "${status}"
