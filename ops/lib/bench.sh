# shellcheck shell=bash
# Shared by ops/bench/*: build CaseFlow (Release) and the bench driver, start CaseFlow in the Production configuration.
# Source after common.sh. Sets BENCH_CONN and BENCH_PIDS (stopped on exit).

BENCH_PIDS=()
bench_cleanup() { for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap bench_cleanup EXIT

bench_wait_ready() { for _ in $(seq 600); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return; sleep 0.1; done; die "$1 never answered"; }

# The bench database on the dev cluster, emptied (no earlier run's data or schema shapes the numbers), or a fresh
# copy of the template database TEMPLATE when one is given (CREATE DATABASE ... TEMPLATE: a file copy, no replay).
bench_database() {
  # shellcheck source=pg.sh
  source "$ROOT/ops/lib/pg.sh"
  local dev port
  dev=$("$ROOT/ops/pg" start | tail -n1); port=${dev#*Port=}; port=${port%%;*}
  if [ -n "${1:-}" ]; then
    pg_psql "$port" postgres -c "drop database if exists caseflow_bench with (force)" -c "create database caseflow_bench template \"$1\"" >/dev/null
    pg_create_db "$port" caseflow_bench
  else
    pg_recreate_db "$port" caseflow_bench
  fi
  app_conn_string "$port" caseflow_bench
}

# bench_build [TEMPLATE]: the bench database (see bench_database), CaseFlow and the bench driver built, the schema applied.
bench_build() {
  BENCH_CONN=$(bench_database "${1:-}")
  ensure_dev_key
  ensure_vault_keys
  export_vault_keys
  bench_clean_server
  dotnet build "$ROOT/src/CaseFlow.Server" -c Release -o "$ROOT/.local/bench-server" -nologo -v q >&2
  dotnet build "$ROOT/ops/bench/CaseFlow.Bench" -c Release -o "$ROOT/.local/bench-driver" -nologo -v q >&2
  bench_server db-apply
}

# An empty server output folder: the builds of two trees (a "before" revision and the work tree) share it, and a newer
# file left by one (the runtimeconfig.json, generated only when its inputs are newer) would survive the other's build.
bench_clean_server() { rm -rf "$ROOT/.local/bench-server"; }

# bench_server ARGS...: runs the built server's command line (db-apply, projections ...) against the bench database.
bench_server() { (cd "$ROOT/.local/bench-server" && ConnectionStrings__Marten=$BENCH_CONN ASPNETCORE_ENVIRONMENT=Production dotnet CaseFlow.Server.dll "$@" >/dev/null); }

# bench_build_revision REVISION TEMPLATE: like bench_build, but the server is built from an earlier commit's tree (a
# "before" run on the same corpus copy); the bench driver is not built.
bench_build_revision() {
  BENCH_CONN=$(bench_database "$2")
  ensure_dev_key
  ensure_vault_keys
  export_vault_keys
  rm -rf "$ROOT/.local/bench-revision"; mkdir -p "$ROOT/.local/bench-revision"
  git -C "$ROOT" archive "$1" | tar -x -C "$ROOT/.local/bench-revision"
  bench_clean_server
  dotnet build "$ROOT/.local/bench-revision/src/CaseFlow.Server" -c Release -o "$ROOT/.local/bench-server" -nologo -v q >&2
  bench_server db-apply
}

# bench_start_caseflow PORT: serves CaseFlow (Production, warnings only) and waits until it is ready.
bench_start_caseflow() {
  (cd "$ROOT/.local/bench-server" && exec env ConnectionStrings__Marten="$BENCH_CONN" ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="http://127.0.0.1:$1" Auth__DevelopmentKey="$(cat "$(dev_key_file)")" Logging__LogLevel__Default=Warning \
    RateLimits__Enabled=false dotnet CaseFlow.Server.dll >/dev/null 2>&1) &
  BENCH_PIDS+=($!)
  bench_wait_ready "http://127.0.0.1:$1/health/ready"
}

# The bench cluster's postmaster, so CPU is counted for its processes only (not for a colleague's cluster).
bench_postmaster() { head -n1 "$(cat "$ROOT/.local/pg-dir")/postmaster.pid"; }

bench_machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1); PostgreSQL 15 fsync on; client, servers and PostgreSQL share the cores"
}

# A loopback port nothing listens on (the kernel's choice), for a benchmark that must not take a colleague's.
bench_free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
