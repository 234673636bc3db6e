# shellcheck shell=bash
# CaseFlow nodes run in the background for ops/cluster and ops/faults. Source after common.sh. A cluster's state lives
# in CLUSTER_DIR (default .local/cluster): its connection string (conn), each node's port, pid and log (node-N.*).

CLUSTER_DIR=${CLUSTER_DIR:-$ROOT/.local/cluster}
CLUSTER_CONFIGURATION=${CASEFLOW_CLUSTER_CONFIGURATION:-Release}
# One output folder per configuration: a file left by the other's build would survive it.
CLUSTER_SERVER=$ROOT/.local/cluster-server-$CLUSTER_CONFIGURATION
CLUSTER_TOOLS=$ROOT/.local/cluster-tools-$CLUSTER_CONFIGURATION

# A loopback port nothing listens on (the kernel's choice).
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# cluster_build: CaseFlow.Server and the fault tools (ops/bench/CaseFlow.Bench) built in CASEFLOW_CLUSTER_CONFIGURATION
# (Release unless told: ops/test passes Debug, which its own build has just made), the server without Roslyn as a
# node is (compile_node); both with the same properties, so the second build does not restore and compile the first
# again.
cluster_build() {
  log "building CaseFlow.Server and the fault tools ($CLUSTER_CONFIGURATION, without Roslyn)"
  local build=(dotnet build -c "$CLUSTER_CONFIGURATION" "${NODE_BUILD_PROPERTIES[@]}" -nologo -v q)
  "${build[@]}" "$ROOT/src/CaseFlow.Server" -o "$CLUSTER_SERVER" >&2
  "${build[@]}" "$ROOT/ops/bench/CaseFlow.Bench" -o "$CLUSTER_TOOLS" >&2
}

node_url() { echo "http://127.0.0.1:$(cat "$CLUSTER_DIR/node-$1.port")"; }
node_pid() { cat "$CLUSTER_DIR/node-$1.pid" 2>/dev/null; }
node_alive() { local pid; pid=$(node_pid "$1") && [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }
cluster_nodes() { find "$CLUSTER_DIR" -maxdepth 1 -name 'node-*.port' 2>/dev/null | sed 's/.*node-\([0-9]*\)\.port/\1/' | sort -n; }
cluster_urls() { local n urls=(); for n in $(cluster_nodes); do urls+=("$(node_url "$n")"); done; (IFS=,; echo "${urls[*]}"); }

# node_start N: node N serves (Production, warnings only) on its port (a free one the first time), against the cluster's
# database, in a session of its own so it outlives the shell that started it. Does not wait for readiness. NODE_SETTINGS,
# when set, adds NAME=VALUE environment entries to every node (ops/faults raises the daemon's and the agents' logs).
node_start() {
  local n=$1 port
  node_alive "$n" && die "node $n already runs (pid $(node_pid "$n"))"
  [ -s "$CLUSTER_DIR/node-$n.port" ] || free_port > "$CLUSTER_DIR/node-$n.port"
  port=$(cat "$CLUSTER_DIR/node-$n.port")
  ensure_dev_key; ensure_vault_keys; export_vault_keys
  (cd "$CLUSTER_SERVER" && exec setsid env ConnectionStrings__Marten="$(cat "$CLUSTER_DIR/conn")" ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_URLS="http://127.0.0.1:$port" Auth__DevelopmentKey="$(cat "$(dev_key_file)")" Logging__LogLevel__Default=Warning \
    RateLimits__Enabled=false ${NODE_SETTINGS[@]+"${NODE_SETTINGS[@]}"} dotnet CaseFlow.Server.dll >> "$CLUSTER_DIR/node-$n.log" 2>&1) &
  echo $! > "$CLUSTER_DIR/node-$n.pid"
  disown $!
}

# node_wait_ready N [SECONDS]: until node N's /health/ready answers 200 (default 120 s).
node_wait_ready() {
  local n=$1 deadline=$((SECONDS + ${2:-120}))
  while [ "$(curl -s -o /dev/null -w '%{http_code}' "$(node_url "$n")/health/ready")" != 200 ]; do
    node_alive "$n" || die "node $n exited (log: $CLUSTER_DIR/node-$n.log)"
    [ $SECONDS -lt "$deadline" ] || die "node $n not ready after ${2:-120} s (log: $CLUSTER_DIR/node-$n.log)"
    sleep 0.2
  done
}

node_kill() { local pid; pid=$(node_pid "$1") && kill -9 "$pid" 2>/dev/null; rm -f "$CLUSTER_DIR/node-$1.pid"; }

# node_stop N: SIGTERM (a graceful stop: the node releases its agents), then waits for it to exit.
node_stop() {
  local pid; pid=$(node_pid "$1") || return 0
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
  rm -f "$CLUSTER_DIR/node-$1.pid"
}

# cluster_start CONNECTION NODES: NODES nodes against CONNECTION (the application's connection string), ready.
cluster_start() {
  local n
  mkdir -p "$CLUSTER_DIR"
  for n in $(cluster_nodes); do node_alive "$n" && die "a cluster already runs from $CLUSTER_DIR: ops/cluster stop first"; done
  rm -f "$CLUSTER_DIR"/node-*
  echo "$1" > "$CLUSTER_DIR/conn"
  for n in $(seq "$2"); do node_start "$n"; done
  for n in $(seq "$2"); do node_wait_ready "$n"; done
}

cluster_stop() { local n; for n in $(cluster_nodes); do node_stop "$n"; done; }
