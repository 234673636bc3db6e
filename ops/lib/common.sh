# shellcheck shell=bash
# Shared helpers for ops/* scripts. Source it; do not run it.
# Sets ROOT (the repo root) and provides log/die/usage helpers and the dev signing key logic.

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

log() { printf '%s: %s\n' "${0##*/}" "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Print the leading comment block of the calling script (lines starting with "# ", after the shebang).
usage() { sed -n '2,/^[^#]/{/^#/s/^# \{0,1\}//p}' "$0"; }

# Where the Development build of the server lives (Release, with the runtime compiler its handlers need): ./ops/run --dev
# runs it, ops/bench/startup measures it.
dev_server_dir() { echo "$ROOT/.local/dev-server"; }

# build_server OUT [--node|--deployable]: CaseFlow.Server built (Release) into OUT, for its command line (db-patch,
# projections ...); with --node or --deployable, compiled as compile_node says. Skipped when nothing under src/ (bin and
# obj aside) or docs/ (statistics.md is embedded) nor a build setting at the root changed since OUT's last build: an
# empty build still costs MSBuild seconds. A deletion changes its folder's time.
build_server() {
  local stamp=$1/.built-from-sources started
  if [ -e "$stamp" ] && [ -z "$(find "$ROOT/src" "$ROOT/docs" "$ROOT"/Directory.*.props "$ROOT/global.json" "$ROOT/.editorconfig" \( -name bin -o -name obj \) -prune -o -newer "$stamp" -print -quit)" ]; then
    log "src/CaseFlow.Server unchanged since its last build into ${1#"$ROOT"/}"; return
  fi
  log "building src/CaseFlow.Server (Release${2:+ ${2#--}}) into ${1#"$ROOT"/}"
  mkdir -p "$1"; started=$(mktemp "$1/.building.XXXXXX")   # before the build: a file changed meanwhile builds again next time
  if [ -n "${2:-}" ]; then
    compile_node "$ROOT/src/CaseFlow.Server" "$1" "$2" || { rm -f "$started"; return 1; }
  else
    dotnet build "$ROOT/src/CaseFlow.Server" -c Release -o "$1" -nologo -v q >&2 || { rm -f "$started"; return 1; }
  fi
  mv "$started" "$stamp"
}

# What makes a build of CaseFlow.Server a node's: no Roslyn, since a node only loads its pre-generated handlers
# (src/CaseFlow.Server/CaseFlow.Server.csproj, RuntimeCodegen). Used by compile_node and cluster_build.
NODE_BUILD_PROPERTIES=(-p:RuntimeCodegen=false)

# compile_node PROJECT OUT [--node|--deployable]: the server as a node runs it: Release, and compiled ahead of time
# (ReadyToRun) for this machine's architecture, so that a node does not spend its start-up compiling (docs/benchmarks.md,
# "Start-up"). --node (the default): framework-dependent, the installed .NET runs it (dotnet CaseFlow.Server.dll); about
# a minute more than a build. --deployable (ops/publish): self-contained, the application and the .NET runtime compiled
# into one composite image, which starts a quarter faster again; run as OUT/CaseFlow.Server; about 5 minutes on 2 cores.
compile_node() {
  local arch how=(--self-contained false)
  arch=$(uname -m)
  case $arch in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; esac
  [ "${3:-}" = --deployable ] && how=(--self-contained true -p:PublishReadyToRunComposite=true)
  dotnet publish "$1" -c Release -r "linux-$arch" "${how[@]}" -p:PublishReadyToRun=true "${NODE_BUILD_PROPERTIES[@]}" -o "$2" -nologo -v q >&2
}

# True if something listens on 127.0.0.1:PORT (or on all addresses).
port_in_use() {
  local port=$1
  if command -v ss >/dev/null; then
    [ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]
  else
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null
  fi
}

# Development JWT signing key: base64 of 32 random bytes, one line, mode 600.
dev_key_file() { echo "$ROOT/.local/dev-signing-key"; }

ensure_dev_key() {
  local f; f=$(dev_key_file)
  if [ ! -s "$f" ]; then
    mkdir -p "$(dirname "$f")"
    (umask 077 && openssl rand -base64 32 > "$f")
    log "created development signing key $f"
  fi
  chmod 600 "$f"
  [ "$(base64 -d < "$f" 2>/dev/null | wc -c)" = 32 ] || die "$f must hold base64 of exactly 32 bytes"
}

# Where this checkout keeps the keys a database backup does not hold (the checkpoints' and the vault's): .local, or
# CASEFLOW_KEYS_DIR (the restore drill keeps a set of its own there, to lose and restore).
keys_dir() { echo "${CASEFLOW_KEYS_DIR:-$ROOT/.local}"; }
# The key backups of ops/backup-keys, apart from the database backups of ops/backup (lib/backup.sh).
default_key_backup_dir() { echo "/var/tmp/caseflow-key-backup/$(printf '%s' "$ROOT" | sha256sum | cut -c1-12)"; }
# The key files under DIR (default keys_dir), relative to it, one a line: what ops/backup-keys copies and
# ops/restore-keys puts back.
key_files() {
  (cd "${1:-$(keys_dir)}" 2>/dev/null &&
    find checkpoint-key.pem checkpoint-public-key.pem checkpoint-retired vault -type f 2>/dev/null | sort) || true
}
# copy_key_files FROM TO: the key files of FROM into TO at the same relative paths (folders mode 700, files 600).
copy_key_files() {
  local f
  while read -r f; do
    (umask 077 && mkdir -p "$2/$(dirname "$f")")
    install -m 600 "$1/$f" "$2/$f"
  done <<< "$(key_files "$1")"
}

# Development subject-vault keys under .local/vault (mode 700): master-<id> files (base64 of 32 random bytes each;
# dev1 is made on first use, add more to rehearse a rotation) and the search key, each one line, mode 600.
vault_key_dir() { echo "$(keys_dir)/vault"; }

ensure_vault_keys() {
  local dir f; dir=$(vault_key_dir)
  (umask 077 && mkdir -p "$dir")
  for f in "$dir/master-dev1" "$dir/search"; do
    if [ ! -s "$f" ]; then
      (umask 077 && openssl rand -base64 32 > "$f")
      log "created development vault key $f"
    fi
  done
  for f in "$dir"/master-* "$dir/search"; do
    chmod 600 "$f"
    [ "$(base64 -d < "$f" 2>/dev/null | wc -c)" = 32 ] || die "$f must hold base64 of exactly 32 bytes"
  done
}

# The checkpoints' development signing key (ECDSA P-256, PKCS#8 PEM, mode 600; its public key beside it) and a
# folder per database under .local/checkpoints (mode 700, the invoking user's: the postgres user cannot write there).
checkpoint_key_file() { echo "$(keys_dir)/checkpoint-key.pem"; }
checkpoint_public_key_file() { echo "$(keys_dir)/checkpoint-public-key.pem"; }
checkpoint_dir() { echo "$ROOT/.local/checkpoints/$1"; }
# Public keys of checkpoint keys rotated out, named so that a sorted listing is oldest first (ops/rotate-checkpoint-key).
checkpoint_retired_dir() { echo "$(keys_dir)/checkpoint-retired"; }
# The id a checkpoint names its key by: the first 16 hex digits of the SHA-256 of the public key's DER SubjectPublicKeyInfo.
checkpoint_key_id() { openssl pkey -pubin -in "$1" -outform DER 2>/dev/null | sha256sum | cut -c1-16; }

ensure_checkpoint_key() {
  local f; f=$(checkpoint_key_file)
  if [ ! -s "$f" ]; then
    mkdir -p "$(dirname "$f")"
    (umask 077 && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$f" 2>/dev/null) || die "openssl could not make $f"
    log "created development checkpoint key $f"
  fi
  chmod 600 "$f"
  openssl pkey -in "$f" -pubout -out "$(checkpoint_public_key_file)" 2>/dev/null || die "$f is not a private key"
}

# Exports Checkpoints__Folder (for database $1, made mode 700), the public keys rotated out, and the key: the private
# one, or with --public-only the public one (a process that only verifies).
export_checkpoint_settings() {
  local dir; dir=$(checkpoint_dir "$1")
  (umask 077 && mkdir -p "$dir"); chmod 700 "$dir"
  export Checkpoints__Folder=$dir
  local retired i=0
  for retired in "$(checkpoint_retired_dir)"/*.pem; do
    [ -e "$retired" ] || break
    export "Checkpoints__RetiredPublicKeys__$i=$(cat "$retired")"; i=$((i + 1))
  done
  if [ "${2:-}" = --public-only ]; then
    export Checkpoints__PublicKey; Checkpoints__PublicKey=$(cat "$(checkpoint_public_key_file)")
  else
    export Checkpoints__SigningKey; Checkpoints__SigningKey=$(cat "$(checkpoint_key_file)")
  fi
}

# Exports Vault__MasterKeys__<id> for every master key file, Vault__SearchKey, and Vault__ActiveMasterKeyId
# (CASEFLOW_VAULT_ACTIVE, default dev1).
export_vault_keys() {
  local dir f id; dir=$(vault_key_dir)
  for f in "$dir"/master-*; do
    id=${f##*/master-}
    export "Vault__MasterKeys__$id=$(cat "$f")"
  done
  export Vault__SearchKey; Vault__SearchKey=$(cat "$dir/search")
  if [ -s "$dir/search-previous" ]; then export Vault__PreviousSearchKey; Vault__PreviousSearchKey=$(cat "$dir/search-previous"); fi
  export Vault__ActiveMasterKeyId=${CASEFLOW_VAULT_ACTIVE:-dev1}
}
