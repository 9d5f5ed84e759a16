#!/usr/bin/env bash
# Install the providers' official webhook libraries used by hookcli's
# cross-check tests (tests/official/):
#   - Python: tests/official/.venv  <- tests/official/requirements.txt
#   - Node:   tests/official/node_modules <- tests/official/package-lock.json (npm ci)
#
# Idempotent and non-interactive: each side is skipped when a stamp file
# (holding a hash of the pinned inputs + interpreter version) matches.
#
# Usage: scripts/setup-verifiers.sh [python|node]...   (default: both)
# Env:   PYTHON=python3.11  to pick the interpreter used to create the venv.
#        FORCE=1            to reinstall even if the stamps match.
set -euo pipefail

die() { echo "setup-verifiers: ERROR: $*" >&2; exit 1; }
log() { echo "setup-verifiers: $*" >&2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/tests/official"
[ -f "$DIR/requirements.txt" ] && [ -f "$DIR/package-lock.json" ] \
  || die "missing $DIR/requirements.txt or package-lock.json"

want_python=0; want_node=0
if [ $# -eq 0 ]; then want_python=1; want_node=1; fi
for arg in "$@"; do
  case "$arg" in
    python) want_python=1 ;;
    node)   want_node=1 ;;
    *) die "unknown argument '$arg' (expected: python, node)" ;;
  esac
done

PYTHON="${PYTHON:-python3}"

# --- preflight: fail loudly, one line, before doing anything ---------------
if [ $want_python -eq 1 ]; then
  command -v "$PYTHON" >/dev/null 2>&1 || die "'$PYTHON' not found on PATH (need Python >= 3.9 with the venv module)"
  "$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 9) else 1)' 2>/dev/null \
    || die "'$PYTHON' is too old or broken (need Python >= 3.9): $("$PYTHON" --version 2>&1 || true)"
fi
if [ $want_node -eq 1 ]; then
  command -v node >/dev/null 2>&1 || die "'node' not found on PATH (need Node.js >= 20)"
  command -v npm  >/dev/null 2>&1 || die "'npm' not found on PATH (needed for 'npm ci')"
  node_major="$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)"
  [ "$node_major" -ge 20 ] 2>/dev/null || die "Node.js >= 20 required, found $(node --version 2>&1 || echo unknown)"
fi
command -v sha256sum >/dev/null 2>&1 || die "'sha256sum' not found on PATH (coreutils)"

# Serialise concurrent runs (e.g. parallel test binaries calling setup).
if command -v flock >/dev/null 2>&1; then
  exec 9>"$DIR/.setup.lock"
  flock 9
fi

hash_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

# --- Python venv -----------------------------------------------------------
setup_python() {
  local venv="$DIR/.venv" stamp="$DIR/.venv/.hookcli-requirements.stamp" want
  want="$(printf '%s\n%s\n' "$(hash_of "$DIR/requirements.txt")" "$("$PYTHON" -c 'import sys; print(sys.version)')" | sha256sum | cut -d' ' -f1)"
  if [ "${FORCE:-0}" != 1 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
     && "$venv/bin/python" -c 'import sys' >/dev/null 2>&1; then
    log "python venv up to date ($venv)"
    return 0
  fi
  if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import sys' >/dev/null 2>&1 \
     || [ "${FORCE:-0}" = 1 ]; then
    rm -rf "$venv"
    log "creating venv with $("$PYTHON" --version 2>&1)"
    "$PYTHON" -m venv "$venv" || die "'$PYTHON -m venv' failed (on Debian: apt-get install python3-venv)"
  fi
  rm -f "$stamp"
  log "pip install -r requirements.txt"
  PIP_NO_INPUT=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \
    "$venv/bin/python" -m pip install --quiet --no-input -r "$DIR/requirements.txt" \
    || die "pip install -r tests/official/requirements.txt failed"
  "$venv/bin/python" -c 'import stripe, standardwebhooks, twilio, sendgrid.helpers.eventwebhook, slack_sdk, paddle_billing, razorpay, square.utils.webhooks_helper, discord_interactions, svix, nacl' \
    || die "venv installed but 'import stripe, standardwebhooks, twilio, sendgrid.helpers.eventwebhook, slack_sdk, paddle_billing, razorpay, square.utils.webhooks_helper, discord_interactions, svix, nacl' fails"
  echo "$want" >"$stamp"
}

# --- Node packages ---------------------------------------------------------
setup_node() {
  local nm="$DIR/node_modules" stamp="$DIR/node_modules/.hookcli-lock.stamp" want
  want="$(printf '%s\n%s\n' "$(hash_of "$DIR/package.json" "$DIR/package-lock.json")" "$(node --version)" | sha256sum | cut -d' ' -f1)"
  if [ "${FORCE:-0}" != 1 ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    log "node_modules up to date ($nm)"
    return 0
  fi
  log "npm ci in tests/official"
  (cd "$DIR" && npm ci --no-audit --no-fund --loglevel=error) \
    || die "'npm ci' in tests/official failed"
  echo "$want" >"$stamp"
}

[ $want_python -eq 1 ] && setup_python
[ $want_node -eq 1 ] && setup_node
log "ok"
