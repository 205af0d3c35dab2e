#!/usr/bin/env bash
# Prints the URL of a PostgreSQL database for the store's tests, starting a local server first when it can.
#
# $NEWSPRISM_TEST_PG, when set, is used as it is. Otherwise, as root (CI, a fresh machine), Debian's
# `postgresql` package is installed if missing, its cluster started on loopback, and a `newsprism` role
# with a `newsprism_test` database made. Without root and without $NEWSPRISM_TEST_PG it prints nothing, and
# the PostgreSQL half of the store's tests is skipped (except under CI, where it fails).
set -euo pipefail

# Only the URL goes to standard output (it is read into a variable): what the tools print there (pg_ctlcluster's
# "Removed stale pid file.") is sent to standard error. Not by moving standard output for the whole script: the
# server started here would inherit the saved descriptor, and the caller's $(...) would wait for it forever.

if [ -n "${NEWSPRISM_TEST_PG:-}" ]; then
    echo "$NEWSPRISM_TEST_PG"
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    exit 0
fi
if ! compgen -G "/usr/lib/postgresql/*/bin/postgres" > /dev/null || ! command -v pg_ctlcluster > /dev/null; then
    echo "installing PostgreSQL for the store's tests (Debian's postgresql package)" >&2
    apt-get update -qq > /dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters --no-header | awk '{print $1, $2}' | grep -qx "$version main"; then
    pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters --no-header | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -qx online; then
    pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters --no-header | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
if ! [[ "$port" =~ ^[0-9]+$ ]]; then
    echo "cannot tell the port of PostgreSQL $version's cluster; pg_lsclusters says:" >&2
    pg_lsclusters >&2
    exit 1
fi
as_postgres() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
if [ -z "$(as_postgres "SELECT 1 FROM pg_roles WHERE rolname = 'newsprism'")" ]; then
    as_postgres "CREATE ROLE newsprism LOGIN PASSWORD 'newsprism'" > /dev/null
fi
if [ -z "$(as_postgres "SELECT 1 FROM pg_database WHERE datname = 'newsprism_test'")" ]; then
    as_postgres "CREATE DATABASE newsprism_test OWNER newsprism" > /dev/null
fi
echo "postgresql+psycopg://newsprism:newsprism@127.0.0.1:$port/newsprism_test"
