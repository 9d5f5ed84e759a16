#!/usr/bin/env bash
# Install the runtimes and JSON libraries of the diagnosis corpus
# (tests/it/corpus.rs re-encodes signed bodies with each of them):
#   - Debian: php-cli, ruby, golang-go, jq, perl (JSON::PP is core), python3
#   - npm:    tests/corpus/node_modules <- tests/corpus/package-lock.json (npm ci)
#   - Go:     tests/corpus/.bin/serialize-go, built from tests/corpus/serialize.go
#
# Idempotent and non-interactive. apt-get runs only when a runtime is
# missing, as root or through sudo; without either it stops with the list
# of packages to install. Nothing is skipped: a missing runtime fails here.
set -euo pipefail

die() { echo "setup-corpus: ERROR: $*" >&2; exit 1; }
log() { echo "setup-corpus: $*" >&2; }

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/tests/corpus"

# command -> Debian package
declare -A PACKAGE=([php]=php-cli [ruby]=ruby [go]=golang-go [jq]=jq [perl]=perl [python3]=python3 [node]=nodejs [npm]=npm)
missing=()
for cmd in php ruby go jq perl python3 node npm; do
  command -v "$cmd" >/dev/null 2>&1 || missing+=("${PACKAGE[$cmd]}")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    die "missing runtimes; install them with: apt-get install ${missing[*]}"
  fi
  log "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  "${as_root[@]}" apt-get update -qq || die "apt-get update failed"
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
fi
for cmd in php ruby go jq perl python3 node npm; do
  command -v "$cmd" >/dev/null 2>&1 || die "'$cmd' still not on PATH after installing"
done
perl -MJSON::PP -e1 2>/dev/null || die "perl has no JSON::PP (it is core: check the perl install)"
ruby -rjson -e1 2>/dev/null || die "ruby has no json library"
php -r 'exit(function_exists("json_encode") ? 0 : 1);' || die "php has no json extension"

if command -v flock >/dev/null 2>&1; then
  exec 9>"$DIR/.setup.lock"
  flock 9
fi

hash_of() { cat "$@" | sha256sum | cut -d' ' -f1; }

stamp="$DIR/node_modules/.hookcli-lock.stamp"
want="$(printf '%s\n%s\n' "$(hash_of "$DIR/package.json" "$DIR/package-lock.json")" "$(node --version)" | sha256sum | cut -d' ' -f1)"
if [ "${FORCE:-0}" = 1 ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  log "npm ci in tests/corpus"
  (cd "$DIR" && npm ci --no-audit --no-fund --loglevel=error) || die "'npm ci' in tests/corpus failed"
  echo "$want" >"$stamp"
fi

bin="$DIR/.bin/serialize-go"
gostamp="$DIR/.bin/serialize-go.stamp"
want="$(printf '%s\n%s\n' "$(hash_of "$DIR/serialize.go")" "$(go version)" | sha256sum | cut -d' ' -f1)"
if [ "${FORCE:-0}" = 1 ] || [ ! -x "$bin" ] || [ ! -f "$gostamp" ] || [ "$(cat "$gostamp")" != "$want" ]; then
  log "go build serialize.go"
  mkdir -p "$DIR/.bin"
  (cd "$DIR" && GO111MODULE=off GOCACHE="${GOCACHE:-$DIR/.bin/gocache}" go build -o "$bin" serialize.go) \
    || die "go build tests/corpus/serialize.go failed"
  echo "$want" >"$gostamp"
fi
log "ok"
