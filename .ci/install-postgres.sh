#!/usr/bin/env bash
# Makes sure PostgreSQL (Debian's package) is installed and the machine's cluster answers on 127.0.0.1:5432
# for the evidence tests (they create and drop databases of their own there, user postgres, trust auth),
# and that initdb/pg_ctl exist (the outage test starts a server of its own). Idempotent.
set -euo pipefail

as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi
export DEBIAN_FRONTEND=noninteractive

if ! command -v pg_isready >/dev/null || ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  "${as_root[@]}" apt-get update
  "${as_root[@]}" apt-get install -y postgresql
fi

if ! pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  "${as_root[@]}" pg_ctlcluster --skip-systemctl-redirect "${version}" main start || true
fi
for _ in $(seq 1 60); do
  if pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1; then break; fi
  sleep 1
done
pg_isready -h 127.0.0.1 -p 5432

# The tests connect as postgres without a password from loopback: trust it (the CI machine is throwaway).
if ! psql -h 127.0.0.1 -U postgres -w -c 'SELECT 1' >/dev/null 2>&1; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  hba="/etc/postgresql/${version}/main/pg_hba.conf"
  "${as_root[@]}" sed -i -E 's/^(host\s+all\s+all\s+127\.0\.0\.1\/32\s+)\S+/\1trust/' "${hba}"
  "${as_root[@]}" pg_ctlcluster --skip-systemctl-redirect "${version}" main reload
  psql -h 127.0.0.1 -U postgres -w -c 'SELECT 1' >/dev/null
fi

# initdb and pg_ctl for the tests that run their own server: on PATH or under /usr/lib/postgresql/*/bin.
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
for tool in initdb pg_ctl; do
  if ! command -v "${tool}" >/dev/null; then "${as_root[@]}" ln -sf "${bin}/${tool}" "/usr/local/bin/${tool}"; fi
done
echo "postgres ready: $(pg_ctl --version)"
