# shellcheck shell=bash
# The schema's migrations, ops/migrations/NNNN-name.sql, applied in order as caseflow_owner and recorded with their
# SHA-256 in caseflow_migrations.applied (made by ops/sql/database.sql). Source after common.sh and pg.sh.
MIGRATIONS=$ROOT/ops/migrations

# local_conninfo PORT DB: the local cluster's superuser on DB, for owner_psql.
local_conninfo() { echo "host=127.0.0.1 port=$1 dbname=$2 user=postgres password=$PG_PASSWORD"; }

# owner_psql CONNINFO ARGS...: psql on CONNINFO (a superuser, or a member of caseflow_owner) acting as caseflow_owner,
# so whatever it creates is caseflow_owner's.
owner_psql() {
  local conninfo=$1; shift
  PGOPTIONS="-c role=$OWNER_ROLE -c client_min_messages=warning" PGCONNECT_TIMEOUT=10 \
    "$PGBIN/psql" "$conninfo" -v ON_ERROR_STOP=1 -qtA "$@"
}

# migrations_pending CONNINFO: the files of ops/migrations not yet applied there, in order, one per line. Dies on an
# applied file whose content has changed since (a migration is never edited once applied: write a new one).
migrations_pending() {
  local conninfo=$1 applied file name sum recorded
  applied=$(owner_psql "$conninfo" -c "select name || ' ' || sha256 from caseflow_migrations.applied") ||
    die "no migration ledger in that database: apply ops/sql/database.sql as a superuser first (./ops/pg start does)"
  for file in "$MIGRATIONS"/[0-9][0-9][0-9][0-9]-*.sql; do
    [ -e "$file" ] || continue
    name=${file##*/}; sum=$(sha256sum < "$file" | cut -c1-64)
    recorded=$(awk -v n="$name" '$1 == n { print $2 }' <<< "$applied")
    if [ -z "$recorded" ]; then echo "$file"
    elif [ "$recorded" != "$sum" ]; then die "ops/migrations/$name changed after it was applied (sha256 $recorded there, $sum here)"
    fi
  done
}

# migrate_apply CONNINFO: every pending migration, each in a transaction of its own with its ledger row, then the
# application's rights (ops/sql/privileges.sql), which cover any table a migration created.
migrate_apply() {
  local conninfo=$1 pending file name n=0 total
  pending=$(migrations_pending "$conninfo")
  total=$(grep -c . <<< "$pending" || true)
  for file in $pending; do
    n=$((n + 1)); name=${file##*/}
    log "[$n/$total] applying $name"
    { cat "$file"; echo; echo "insert into caseflow_migrations.applied (name, sha256) values ('$name', '$(sha256sum < "$file" | cut -c1-64)');"; } |
      owner_psql "$conninfo" -1 -f - >/dev/null
  done
  [ "$total" -gt 0 ] || log "no migration pending"
  [ -n "$(owner_psql "$conninfo" -c "select 1 from caseflow_migrations.applied limit 1")" ] || return 0
  owner_psql "$conninfo" -1 -f "$ROOT/ops/sql/privileges.sql" >/dev/null
  log "privileges of $APP_ROLE applied (ops/sql/privileges.sql)"
}
