# shellcheck shell=bash
# Shared by ops/bench/*: build CaseFlow (Release) and the bench driver, start CaseFlow in the Production configuration.
# Source after common.sh. Sets BENCH_CONN (as caseflow_app), BENCH_OWNER_CONN (as caseflow_owner: for the drivers'
# own tables, the baseline service's schema and the rebuild's counting projection) and BENCH_PIDS (stopped on exit).

# shellcheck source=pg.sh
source "$ROOT/ops/lib/pg.sh"
# shellcheck source=migrate.sh
source "$ROOT/ops/lib/migrate.sh"

BENCH_PIDS=()
bench_cleanup() { for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap bench_cleanup EXIT

bench_wait_ready() { for _ in $(seq 600); do [ "$(curl -s -o /dev/null -w '%{http_code}' "$1")" = 200 ] && return; sleep 0.1; done; die "$1 never answered"; }

# The bench database on the dev cluster, emptied (no earlier run's data or schema shapes the numbers), or a fresh
# copy of the template database TEMPLATE when one is given (CREATE DATABASE ... TEMPLATE ... STRATEGY file_copy: a
# file copy, no replay, flushed before the benchmark starts). With BENCH_PREWARM=true its indexes keyed by case id
# are then read into the buffers (ops/prewarm), as docs/operations.md has a server keep them.
bench_database() {
  local port
  port=$(bench_dev_port)
  if [ -n "${1:-}" ]; then
    pg_create_db_from "$port" caseflow_bench "$1" file_copy
  else
    pg_recreate_db "$port" caseflow_bench
  fi
  migrate_apply "$(local_conninfo "$port" caseflow_bench)"
  [ "${BENCH_PREWARM:-false}" != true ] || "$ROOT/ops/prewarm" --url "$(conn_string "$port" caseflow_bench)" >&2
  app_conn_string "$port" caseflow_bench
}

# bench_build [TEMPLATE]: the bench database (see bench_database, which applies the migrations), CaseFlow compiled as
# a node runs it (compile_node) and the bench driver built.
bench_build() {
  BENCH_CONN=$(bench_database "${1:-}")
  bench_owner_conn
  ensure_dev_key
  ensure_vault_keys
  export_vault_keys
  bench_clean_server
  compile_node "$ROOT/src/CaseFlow.Server" "$ROOT/.local/bench-server"
  dotnet build "$ROOT/ops/bench/CaseFlow.Bench" -c Release -o "$ROOT/.local/bench-driver" -nologo -v q >&2
}

# bench_conn_field KEY: the value of KEY (Port, Database, ...) in BENCH_CONN.
bench_conn_field() { local value=${BENCH_CONN#*"$1"=}; echo "${value%%;*}"; }

# Also creates the schemas of the plain baselines for it (the intake's service, the batch's direct appends): the
# database is postgres's, so the owner role may not.
bench_owner_conn() {
  local port db
  port=$(bench_conn_field Port) db=$(bench_conn_field Database)
  BENCH_OWNER_CONN=$(owner_conn_string "$port" "$db")
  for schema in bench_baseline bench_direct; do
    pg_psql "$port" "$db" -c "create schema if not exists $schema authorization $OWNER_ROLE" >/dev/null
  done
}

# An empty server output folder: the builds of two trees (a "before" revision and the work tree) share it, and a newer
# file left by one (the runtimeconfig.json, generated only when its inputs are newer) would survive the other's build.
bench_clean_server() { rm -rf "$ROOT/.local/bench-server"; }

# bench_server ARGS...: runs the built server's command line (projections ...) against the bench database.
bench_server() { (cd "$ROOT/.local/bench-server" && ConnectionStrings__Marten=$BENCH_CONN ASPNETCORE_ENVIRONMENT=Production dotnet CaseFlow.Server.dll "$@" >/dev/null); }

# bench_build_revision REVISION TEMPLATE: like bench_build, but the server is built from an earlier commit's tree (a
# "before" run on the same corpus copy, whose schema is the work tree's migrations: an earlier model must be a part of
# it); the bench driver is not built.
bench_build_revision() {
  BENCH_CONN=$(bench_database "$2")
  bench_owner_conn
  ensure_dev_key
  ensure_vault_keys
  export_vault_keys
  rm -rf "$ROOT/.local/bench-revision"; mkdir -p "$ROOT/.local/bench-revision"
  git -C "$ROOT" archive "$1" | tar -x -C "$ROOT/.local/bench-revision"
  bench_clean_server
  compile_node "$ROOT/.local/bench-revision/src/CaseFlow.Server" "$ROOT/.local/bench-server"
}

# bench_start_caseflow PORT: serves CaseFlow (Production, warnings only) and waits until it is ready. Its output, the
# warnings and errors behind a run's error count, is kept in .local/bench-caseflow-PORT.log until the next run on PORT.
bench_start_caseflow() {
  (cd "$ROOT/.local/bench-server" && exec env ConnectionStrings__Marten="$BENCH_CONN" ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="http://127.0.0.1:$1" Auth__DevelopmentKey="$(cat "$(dev_key_file)")" Logging__LogLevel__Default=Warning \
    RateLimits__Enabled=false dotnet CaseFlow.Server.dll >"$ROOT/.local/bench-caseflow-$1.log" 2>&1) &
  BENCH_PIDS+=($!)
  bench_wait_ready "http://127.0.0.1:$1/health/ready"
  bench_wait_settled
  bench_cache_residency
}

# How much of the bench database's files the operating system caches (util-linux's fincore), printed as a run starts:
# on a store larger than the machine's memory a read's pages come from that cache or from the disk, and runs of the
# same code differ with it (docs/benchmarks.md, "At 8.01 million events"). Then the same for the five largest
# tables, each with its TOAST table and indexes: which of them a file copy left cached decides which reads wait.
bench_cache_residency() {
  local port db oid dir cached size
  command -v fincore >/dev/null || return 0
  port=$(bench_conn_field Port) db=$(bench_conn_field Database)
  oid=$(pg_psql "$port" postgres -c "select oid from pg_database where datname = '$db'")
  dir="$(cat "$ROOT/.local/pg-dir")/base/$oid"
  read -r cached size < <(bench_cached_mib "$dir"/*)
  echo "bench: $cached MiB of the store's $size MiB in the operating system's cache" >&2
  # Each table's name, then the file nodes (comma-separated; 0 for none) of its heap, its TOAST table and the TOAST
  # table's index, and its own indexes.
  pg_psql "$port" "$db" -F ' ' -c "select c.relname, c.relfilenode,
      coalesce(t.relfilenode || ',' || pg_relation_filenode(ti.indexrelid), '0'),
      coalesce((select string_agg(pg_relation_filenode(i.indexrelid)::text, ',') from pg_index i where i.indrelid = c.oid), '0')
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    left join pg_class t on t.oid = c.reltoastrelid left join pg_index ti on ti.indrelid = t.oid
    where n.nspname = 'caseflow' and c.relkind = 'r' order by pg_total_relation_size(c.oid) desc limit 5" |
  while read -r name heap toast indexes; do
    printf 'bench:   %s: heap %s, TOAST %s, indexes %s\n' "$name" "$(bench_nodes_cached "$dir" "$heap")" \
      "$(bench_nodes_cached "$dir" ${toast//,/ })" "$(bench_nodes_cached "$dir" ${indexes//,/ })" >&2
  done
}

# bench_cached_mib FILE...: "CACHED SIZE", the MiB of those files in the operating system's cache and in all.
bench_cached_mib() {
  fincore -b -n -o RES,SIZE "$@" 2>/dev/null | awk '{ c += $1; s += $2 } END { printf "%.0f %.0f\n", c / 2^20, s / 2^20 }'
}

# bench_nodes_cached DIR NODE...: "cached/size MiB" over the files of those relation file nodes (NODE, NODE.1, ...).
bench_nodes_cached() {
  local dir=$1 files=() node cached size; shift
  for node in "$@"; do [ "$node" = 0 ] || files+=("$dir/$node" "$dir/$node".[0-9]*); done
  read -r cached size < <(bench_cached_mib "${files[@]}")
  echo "$cached/$size MiB"
}

# bench_wait_settled: until no hold deadline is overdue and every asynchronous shard has reached the last stored event.
# A corpus copied hours after its build holds deadlines that came due in between (its holds run 48 hours from
# bookings written over 60); a node started on it fires them all at once, as one back from a long outage would, and
# the projections then take in what they appended. Measured during that catch-up, a run measures the catch-up
# (docs/benchmarks.md, "At 3.64 million events, the node settled first"), so the run starts after it. Prints its
# progress.
bench_wait_settled() {
  local port db started=$SECONDS state
  port=$(bench_conn_field Port) db=$(bench_conn_field Database)
  while state=$(pg_psql "$port" "$db" -c "select (select count(*) from caseflow.wolverine_incoming_envelopes
                  where status = 'Incoming' or (status = 'Scheduled' and execution_time <= now())) || ' ' ||
                  ((select coalesce(max(seq_id), 0) from caseflow.mt_events)
                   - (select coalesce(min(last_seq_id), 0) from caseflow.mt_event_progression where name not like 'HighWater%'))"); \
        [ "$state" != "0 0" ]; do
    [ $((SECONDS - started)) -lt 3600 ] || die "the node did not settle within an hour: $state (deadlines due, events behind)"
    printf '\rbench: settling, %s deadlines due, %s events not yet projected (%d s)' "${state% *}" "${state#* }" \
      $((SECONDS - started)) >&2
    sleep 2
  done
  [ $((SECONDS - started)) -eq 0 ] || printf '\rbench: settled in %d s%40s\n' $((SECONDS - started)) '' >&2
}

# The bench cluster's postmaster, so CPU is counted for its processes only (not for a colleague's cluster).
bench_postmaster() { head -n1 "$(cat "$ROOT/.local/pg-dir")/postmaster.pid"; }

# The bench cluster's CPU so far, in clock ticks (getconf CLK_TCK a second): its processes' own, plus what the
# postmaster has reaped of backends that exited (/proc's cutime and cstime), so a difference of two readings counts
# every backend of the interval.
bench_postgres_cpu_ticks() {
  local postmaster pid
  postmaster=$(bench_postmaster)
  # The postmaster first, with its reaped time; a backend that exits between ps and the read counts there instead.
  for pid in "$postmaster" $(ps --ppid "$postmaster" -o pid=); do cat "/proc/$pid/stat" 2>/dev/null || true; done |
    sed 's/.*) //' | awk 'NR == 1 {ticks += $14 + $15} {ticks += $12 + $13} END {print ticks + 0}'
}

bench_machine() {
  echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -n1); PostgreSQL 15 fsync on; client, servers and PostgreSQL share the cores"
}

# A loopback port nothing listens on (the kernel's choice), for a benchmark that must not take a colleague's.
bench_free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# bench_template_current PORT TEMPLATE STAMP: whether the template database exists and was made as STAMP says (its
# database comment); bench_template_stamp PORT TEMPLATE STAMP records that once it is complete. ops/bench/corpus and
# ops/bench/replay make their templates once and reuse them while the stamp (the builder's sources, the size) holds.
bench_template_current() {
  [ "$(pg_psql "$1" postgres -c "select shobj_description(oid, 'pg_database') from pg_database where datname = '$2'")" = "$3" ]
}
bench_template_stamp() { pg_psql "$1" postgres -c "comment on database \"$2\" is '$3'" >/dev/null; }

# bench_demo_template PORT SCALE [caught-up]: a template database on the dev cluster (its name, on stdout) holding the
# demo year (FY2026, seed 2026) at SCALE, loaded by src/CaseFlow.Demo.Loader as ./ops/run --demo loads it:
# caseflow_demo_template_SCALE, or with caught-up caseflow_demo_caught_up_SCALE, whose asynchronous projections the
# loader's catch-up then ran to the last event. Made once and reused while the loader's sources, the schema and the
# scale are the same (its database comment records them). ops/bench/replay rebuilds the projections of the first;
# ops/bench/growth serves the second.
bench_demo_template() {
  local port=$1 scale=$2 caught_up=${3:-} template loader stamp conn
  template=caseflow_demo_template_${scale//./_}
  [ -z "$caught_up" ] || template=caseflow_demo_caught_up_${scale//./_}
  loader=$(find "$ROOT/src/CaseFlow.Demo.Loader" "$ROOT/src/CaseFlow.Demo" -name '*.cs' -o -name '*.csproj' -o -name '*.json' | grep -v '/obj/\|/bin/' | sort |
    xargs cat "$ROOT"/ops/sql/database.sql "$ROOT"/ops/migrations/*.sql | sha256sum | cut -c1-16)
  stamp="caseflow-demo loader=$loader seed=2026 scale=$scale${caught_up:+ projections=caught-up}"
  if bench_template_current "$port" "$template" "$stamp"; then
    log "reusing $template ($stamp)"
  else
    log "loading the demo year at scale $scale into $template${caught_up:+, then catching its projections up} (once; later runs reuse it)"
    ensure_dev_key
    ensure_vault_keys
    export_vault_keys
    pg_recreate_db "$port" "$template"
    migrate_apply "$(local_conninfo "$port" "$template")"
    conn=$(app_conn_string "$port" "$template")
    dotnet build "$ROOT/src/CaseFlow.Demo.Loader" -c Release -o "$ROOT/.local/demo-loader" -nologo -v q >&2
    # Called as $(...), where errexit does not reach: a load or catch-up that fails must not leave a stamped template.
    (cd "$ROOT/.local/demo-loader" && Auth__DevelopmentKey="$(cat "$(dev_key_file)")" dotnet CaseFlow.Demo.Loader.dll \
      --connection "$conn" --seed 2026 --scale "$scale") >&2 || die "the demo year at scale $scale was not loaded into $template (see above)"
    [ -z "$caught_up" ] || (cd "$ROOT/.local/demo-loader" && dotnet CaseFlow.Demo.Loader.dll catch-up --connection "$conn") >&2 ||
      die "$template's projections were not caught up (see above)"
    bench_template_stamp "$port" "$template" "$stamp"
    log "built $template: $(pg_psql "$port" "$template" -c "select pg_size_pretty(pg_database_size(current_database()))")"
  fi
  echo "$template"
}

# bench_store STORE: the template database a benchmark copies (its name, on stdout): for a number, the ops/bench/corpus
# template of that many cases (built when missing); otherwise the name of a template database on the dev cluster
# (ops/bench/growth passes bench_demo_template's), which must exist.
bench_store() {
  if [[ $1 =~ ^[0-9]+$ ]]; then
    "$ROOT/ops/bench/corpus" "$1" | tail -n1
  else
    [[ $1 =~ ^[a-z_][a-z0-9_]*$ ]] || die "a store is a number of cases or a database name, got '$1'"
    [ "$(pg_psql "$(bench_dev_port)" postgres -c "select count(*) from pg_database where datname = '$1'")" = 1 ] ||
      die "no database $1 on the dev cluster"
    echo "$1"
  fi
}

# The dev cluster's port (started if it is not running).
bench_dev_port() { local dev; dev=$("$ROOT/ops/pg" start | tail -n1) || die "the dev cluster did not start"; dev=${dev#*Port=}; echo "${dev%%;*}"; }
