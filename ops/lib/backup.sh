# shellcheck shell=bash
# Backup folders of ops/backup, ops/restore and ops/drill-restore. Source after common.sh and pg.sh.
# A backup folder holds base/<UTC time>/ (one pg_basebackup each, with caseflow-backup.info) and wal/ (the archive).

# The dev cluster's backup folder, beside its data directory's parent under /var/tmp (the postgres user writes its WAL).
default_backup_dir() { echo "/var/tmp/caseflow-backup/$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"; }

# wait_archived DIR SEGMENT SECONDS: true once WAL segment SEGMENT is in DIR/wal.
wait_archived() {
  local deadline=$((SECONDS + $3))
  until [ -f "$1/wal/$2" ]; do
    [ $SECONDS -lt "$deadline" ] || return 1
    sleep 0.2
  done
}
