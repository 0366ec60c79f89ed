#!/usr/bin/env bash
# A throw-away PostgreSQL server for the tests and benchmarks: its own cluster in a directory, owned by a non-root
# user, listening only on a Unix socket in that directory (no TCP port, nothing shared with a system server).
#
#   eval "$(tools/postgres.sh start)"     # starts one in a new temporary directory, exports MILJOFYRTARN_POSTGRES
#   tools/postgres.sh start DIR           # ... in DIR (created if missing; an existing cluster there is restarted)
#   tools/postgres.sh stop DIR            # stops it (fast shutdown); the files stay until DIR is removed
#   tools/postgres.sh destroy DIR         # stops it and removes DIR
#
# `start` prints the export line on stdout; everything else goes to stderr. Installs Debian's postgresql package when
# no PostgreSQL is found and the script runs as root. Run as root, the cluster belongs to the system user `mftpg`.
set -euo pipefail

command=${1:?usage: tools/postgres.sh start|stop|destroy [DIR]}
dir=${2:-}
owner=$(id -un)

bindir() {
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return
  fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$found" ] && [ -x "$found/pg_ctl" ]; then
    echo "$found"
  fi
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$owner" -- "$@"
  else
    "$@"
  fi
}

if [ "$(id -u)" -eq 0 ]; then
  owner=mftpg
  if ! id -u "$owner" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$owner" >&2
  fi
fi

case "$command" in
  start)
    bin=$(bindir)
    if [ -z "$bin" ]; then
      if [ "$(id -u)" -ne 0 ]; then
        echo "PostgreSQL is not installed: run 'sudo apt-get update && sudo apt-get install -y postgresql' first." >&2
        exit 1
      fi
      echo "Installing PostgreSQL from the Debian packages..." >&2
      apt-get update >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
      bin=$(bindir)
    fi
    [ -n "$dir" ] || dir=$(mktemp -d "${TMPDIR:-/tmp}/miljofyrtarn-pg.XXXXXX")
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" -eq 0 ]; then chown "$owner" "$dir"; fi
    chmod 755 "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir/data" --username=postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
    fi
    # synchronous_commit and fsync stay on (the defaults): acknowledged appends are durable.
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c port=5432 -c max_connections=200" start >&2
    echo "export MILJOFYRTARN_POSTGRES='Host=$dir;Port=5432;Username=postgres;Database=postgres'"
    ;;
  stop|destroy)
    [ -n "$dir" ] || { echo "usage: tools/postgres.sh $command DIR" >&2; exit 2; }
    bin=$(bindir)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    fi
    if [ "$command" = destroy ]; then rm -rf "$dir"; fi
    ;;
  *)
    echo "usage: tools/postgres.sh start|stop|destroy [DIR]" >&2
    exit 2
    ;;
esac
