#!/usr/bin/env bash
# The README's test command: everything the tests need, then `dotnet test`, on a fresh machine in one command.
#
#   tools/test.sh                 # installs what is missing, starts a throw-away PostgreSQL, runs every test, stops it
#   tools/test.sh --filter-...    # extra arguments go to dotnet test
#
# - PostgreSQL: when MILJOFYRTARN_POSTGRES is set (a server you started, or .ci/run's), it is used; otherwise a
#   throw-away cluster is started with tools/postgres.sh (Debian's postgresql installed when missing, as root) on a Unix
#   socket in a temporary directory, and removed when the tests end, however they end.
# - The browser tests: Debian's chromium and chromium-driver, installed when missing (as root; otherwise this says what
#   to install and stops). Their paths are given to Selenium explicitly; nothing is downloaded.
# The exit code is dotnet test's.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${MILJOFYRTARN_POSTGRES:-}" ]; then
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/miljofyrtarn-pg.XXXXXX")
  trap 'tools/postgres.sh destroy "$pg_dir" >/dev/null 2>&1 || true' EXIT
  eval "$(tools/postgres.sh start "$pg_dir")"
  export MILJOFYRTARN_POSTGRES
  echo "PostgreSQL for the tests (removed afterwards): $MILJOFYRTARN_POSTGRES"
fi

if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver >&2
  else
    echo "The browser tests need Debian's chromium and chromium-driver: sudo apt-get install -y chromium chromium-driver" >&2
    exit 1
  fi
fi

dotnet test Miljofyrtarn.Core.sln -c Release "$@"
