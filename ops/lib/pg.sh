# shellcheck shell=bash
# PostgreSQL 15 cluster helpers for ops/pg. Source after common.sh.
PGBIN=/usr/lib/postgresql/15/bin
PG_PASSWORD=postgres
# The application's login: owns nothing (not its database, not Marten's and Wolverine's schema, not the access audit).
APP_ROLE=caseflow_app
# NOLOGIN owner of Marten's and Wolverine's schema: migrations are applied as it (ops/migrate), never by the application.
OWNER_ROLE=caseflow_owner
APP_PASSWORD=caseflow

# Run a command as the server user: postgres when we are root, ourselves otherwise.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

ensure_pg_installed() {
  [ -x "$PGBIN/initdb" ] && return 0
  [ "$(id -u)" = 0 ] || die "$PGBIN/initdb not found; install it with: sudo apt-get install -y postgresql-15"
  log "$PGBIN/initdb not found: installing postgresql-15 with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update && apt-get install -y postgresql-15; } >&2
}

# Npgsql 10 tries GSS (Kerberos) encryption first by default, which loads libgssapi_krb5 into every process; a local
# cluster on loopback has no Kerberos, and a process that opened a connection while exiting aborted in it
# (k5_mutex_lock: Assertion `r == 0' failed, a test host in CI). Local connections skip GSS.
LOCAL_NPGSQL=";GSS Encryption Mode=Disable"
conn_string() { echo "Host=127.0.0.1;Port=$1;Database=$2;Username=postgres;Password=$PG_PASSWORD$LOCAL_NPGSQL"; }
app_conn_string() { echo "Host=127.0.0.1;Port=$1;Database=$2;Username=$APP_ROLE;Password=$APP_PASSWORD$LOCAL_NPGSQL"; }
# The superuser acting as caseflow_owner: for what changes the schema (db-patch, the benchmarks' own tables), never the app.
owner_conn_string() { echo "Host=127.0.0.1;Port=$1;Database=$2;Username=postgres;Password=$PG_PASSWORD;Options=-c role=$OWNER_ROLE$LOCAL_NPGSQL"; }

# Create DIR (if needed) owned by the server user, mode 700.
make_pg_dir() {
  mkdir -p "$1"; chmod 700 "$1"
  if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$1"; fi
}

# initdb DATADIR unless it already holds a cluster.
pg_init() {
  local data=$1 pw
  [ -s "$data/PG_VERSION" ] && return 0
  make_pg_dir "$data"
  pw=$(mktemp); echo "$PG_PASSWORD" > "$pw"
  if [ "$(id -u)" = 0 ]; then chown postgres "$pw"; fi
  as_pg "$PGBIN/initdb" -D "$data" -U postgres --pwfile="$pw" --auth-local=trust \
    --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null || { rm -f "$pw"; die "initdb failed in $data"; }
  rm -f "$pw"
}

pg_running() { [ -s "$1/PG_VERSION" ] && as_pg "$PGBIN/pg_ctl" -D "$1" status >/dev/null 2>&1; }

# Port of the running cluster in DATADIR (line 4 of postmaster.pid).
pg_running_port() { sed -n 4p "$1/postmaster.pid"; }

# pg_start DATADIR PORT [extra -c settings...]; log goes to DATADIR/server.log, socket in DATADIR.
pg_start() {
  local data=$1 port=$2; shift 2
  local opts="-c listen_addresses=127.0.0.1 -p $port -k $data $*"
  as_pg "$PGBIN/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 -o "$opts" start >&2 || {
    tail -n 20 "$data/server.log" >&2 || true
    return 1
  }
}

pg_stop() { as_pg "$PGBIN/pg_ctl" -D "$1" -m fast -w stop >&2; }

# psql over TCP with the password, as user postgres: pg_psql PORT DB ARGS...
pg_psql() {
  local port=$1 db=$2; shift 2
  PGPASSWORD=$PG_PASSWORD PGCONNECT_TIMEOUT=10 PGOPTIONS="-c client_min_messages=warning" "$PGBIN/psql" -h 127.0.0.1 -p "$port" -U postgres -d "$db" \
    -v ON_ERROR_STOP=1 -qtA "$@"
}

# The roles: the application's login, and the NOLOGIN owners of the schema and of the access audit.
pg_create_roles() {
  pg_psql "$1" postgres >/dev/null <<SQL
do \$\$ begin
  if not exists (select from pg_roles where rolname = '$APP_ROLE') then
    create role $APP_ROLE login password '$APP_PASSWORD';
  end if;
  if not exists (select from pg_roles where rolname = 'caseflow_audit_owner') then
    create role caseflow_audit_owner nologin;
  end if;
  if not exists (select from pg_roles where rolname = '$OWNER_ROLE') then
    create role $OWNER_ROLE nologin;
  end if;
end \$\$;
SQL
}

# pg_create_db PORT DB: the database, owned by postgres, with ops/sql/database.sql applied (the application's rights
# on it, the schema owned by caseflow_owner, the access audit); ops/migrate apply then creates the tables. A database
# whose caseflow schema another role owns was made by an older checkout.
pg_create_db() {
  local port=$1 db=$2 schema_owner
  [[ $db =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "invalid database name '$db'"
  pg_create_roles "$port"
  if [ -z "$(pg_psql "$port" postgres -c "select 1 from pg_database where datname = '$db'")" ]; then
    pg_psql "$port" postgres -c "create database \"$db\"" >/dev/null
    log "created database $db"
  fi
  pg_psql "$port" postgres -c "alter database \"$db\" owner to postgres" >/dev/null
  schema_owner=$(pg_psql "$port" "$db" -c "select pg_get_userbyid(nspowner) from pg_namespace where nspname = 'caseflow'")
  [ -z "$schema_owner" ] || [ "$schema_owner" = "$OWNER_ROLE" ] ||
    die "database $db holds a caseflow schema owned by $schema_owner, not $OWNER_ROLE (made by an older checkout): CASEFLOW_DB=$db ./ops/pg reset recreates it"
  pg_psql "$port" "$db" -f "$ROOT/ops/sql/database.sql" >/dev/null
}

# pg_recreate_db PORT DB: an empty database in place of DB (its data is lost), made as pg_create_db makes one.
pg_recreate_db() {
  pg_psql "$1" postgres -c "drop database if exists \"$2\" with (force)" >/dev/null
  pg_create_db "$1" "$2"
}

# pg_create_db_from PORT DB TEMPLATE [STRATEGY]: DB as a copy of TEMPLATE (its schema and rows), with
# ops/sql/database.sql applied again (a database's own settings and rights are not copied). Nobody may be connected to
# TEMPLATE. STRATEGY is CREATE DATABASE's: PostgreSQL 15's default, wal_log, writes every block of the copy to the WAL
# (quick for a small template); file_copy copies the files between two checkpoints, which a large template needs: a
# wal_log copy of gigabytes leaves the WAL and the checkpoints after it to flush them during whatever runs next.
pg_create_db_from() {
  pg_psql "$1" postgres -c "drop database if exists \"$2\" with (force)" \
    -c "create database \"$2\" template \"$3\" strategy ${4:-wal_log}" >/dev/null
  pg_create_db "$1" "$2"
}

# use_superuser_url URL: points psql (PGHOST, PGPORT, PGUSER, PGPASSWORD) at the server of URL, an Npgsql connection
# string of a superuser (Host, Port, Database, Username, Password), and sets DATABASE to its database.
use_superuser_url() {
  local url=$1
  field() { tr ';' '\n' <<< "$url" | sed -n "s/^ *$1 *= *//Ip" | head -n1; }
  export PGHOST PGPORT PGUSER PGPASSWORD PGCONNECT_TIMEOUT=10 PGOPTIONS="-c client_min_messages=warning"
  PGHOST=$(field Host) PGPORT=$(field Port) PGUSER=$(field Username) PGPASSWORD=$(field Password)
  DATABASE=$(field Database)
  [[ $DATABASE =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "the connection string names no usable Database"
}

# schema_fingerprint PORT DB: what the schema of DB was made from here: the cluster's identifier, the database's oid
# (a dropped and recreated database has another) and the SHA-256 of ops/sql/*.sql and ops/migrations/*.sql. Empty
# when DB does not exist.
schema_fingerprint() {
  local ids
  ids=$(pg_psql "$1" postgres -c "select (select system_identifier from pg_control_system()) || ' ' || oid from pg_database where datname = '$2'")
  [ -n "$ids" ] || return 0
  { echo "$ids"; cat "$ROOT"/ops/sql/*.sql "$ROOT"/ops/migrations/*.sql; } | sha256sum | cut -c1-64
}

# The file in which ./ops/migrate apply records DB's fingerprint after applying everything to it on the dev cluster.
schema_stamp() { echo "$ROOT/.local/schema-applied/$1"; }

# schema_unchanged PORT DB: true when DB exists and its fingerprint is the one recorded after the last apply.
schema_unchanged() {
  local now; now=$(schema_fingerprint "$1" "$2")
  [ -n "$now" ] && [ "$now" = "$(cat "$(schema_stamp "$2")" 2>/dev/null)" ]
}
