#!/usr/bin/env bash
# Install what the webhook apps under tests/apps/ need (audited by
# `hookcli check` in tests/it/check_apps.rs):
#   - Node:   tests/apps/node_modules <- tests/apps/package-lock.json (npm ci)
#   - Python: tests/apps/.venv        <- tests/apps/requirements.txt (every package pinned)
#
# Idempotent and non-interactive: each side is skipped when a stamp file
# (a hash of the pinned inputs + interpreter version) matches.
#
# Usage: scripts/setup-test-apps.sh
# Env:   PYTHON=python3.11  to pick the interpreter used to create the venv.
#        FORCE=1            to reinstall even if the stamps match.
set -euo pipefail

die() { echo "setup-test-apps: ERROR: $*" >&2; exit 1; }
log() { echo "setup-test-apps: $*" >&2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/tests/apps"
PYTHON="${PYTHON:-python3}"
[ -f "$DIR/requirements.txt" ] && [ -f "$DIR/package-lock.json" ] \
  || die "missing $DIR/requirements.txt or package-lock.json"
command -v node >/dev/null 2>&1 || die "'node' not found on PATH (need Node.js >= 20)"
command -v npm >/dev/null 2>&1 || die "'npm' not found on PATH (needed for 'npm ci')"
command -v "$PYTHON" >/dev/null 2>&1 || die "'$PYTHON' not found on PATH (need Python >= 3.9 with venv)"
command -v sha256sum >/dev/null 2>&1 || die "'sha256sum' not found on PATH (coreutils)"

if command -v flock >/dev/null 2>&1; then
  exec 9>"$DIR/.setup.lock"
  flock 9
fi

hash_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

nm_stamp="$DIR/node_modules/.hookcli-lock.stamp"
want="$(printf '%s\n%s\n' "$(hash_of "$DIR/package.json" "$DIR/package-lock.json")" "$(node --version)" | sha256sum | cut -d' ' -f1)"
if [ "${FORCE:-0}" != 1 ] && [ -f "$nm_stamp" ] && [ "$(cat "$nm_stamp")" = "$want" ]; then
  log "node_modules up to date"
else
  log "npm ci in tests/apps"
  (cd "$DIR" && npm ci --no-audit --no-fund --loglevel=error) || die "'npm ci' in tests/apps failed"
  echo "$want" >"$nm_stamp"
fi

venv="$DIR/.venv"
py_stamp="$venv/.hookcli-requirements.stamp"
want="$(printf '%s\n%s\n' "$(hash_of "$DIR/requirements.txt")" "$("$PYTHON" -c 'import sys; print(sys.version)')" | sha256sum | cut -d' ' -f1)"
if [ "${FORCE:-0}" != 1 ] && [ -f "$py_stamp" ] && [ "$(cat "$py_stamp")" = "$want" ] \
   && "$venv/bin/python" -c 'import flask, stripe' >/dev/null 2>&1; then
  log "python venv up to date"
else
  rm -rf "$venv"
  "$PYTHON" -m venv "$venv" || die "'$PYTHON -m venv' failed (on Debian: apt-get install python3-venv)"
  log "pip install -r requirements.txt"
  PIP_NO_INPUT=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    "$venv/bin/python" -m pip install --quiet --no-input --no-deps -r "$DIR/requirements.txt" \
    || die "pip install -r tests/apps/requirements.txt failed"
  "$venv/bin/python" -c 'import flask, stripe' || die "venv installed but 'import flask, stripe' fails"
  echo "$want" >"$py_stamp"
fi
log "ok"
