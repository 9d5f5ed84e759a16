#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs the providers' official
# verifier packages (PyPI and npm, into tests/official/) and what the apps
# audited by `hookcli check` need (tests/apps/) and the runtimes of the
# diagnosis corpus (tests/corpus/), then runs every
# Rust test. Extra arguments go to `cargo test` (e.g. a test name filter).
#
# The set-ups mostly wait on the network and the build mostly on the CPU,
# so they run side by side: the set-ups in the background, one after the
# other (the corpus's goes first: it installs the runtimes the other two
# need when they are missing), while cargo compiles the tests.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

log="$(mktemp)"
setup_pid=""
cleanup() {
  if [ -n "$setup_pid" ]; then
    pkill -P "$setup_pid" 2>/dev/null || true
    kill "$setup_pid" 2>/dev/null || true
  fi
  rm -f "$log"
}
trap cleanup EXIT

(
  bash scripts/setup-corpus.sh
  bash scripts/setup-verifiers.sh
  bash scripts/setup-test-apps.sh
) >"$log" 2>&1 &
setup_pid=$!

# Without the extra arguments: a filter would not change what is built.
cargo test --locked --all-targets --no-run

setup_status=0
wait "$setup_pid" || setup_status=$?
setup_pid=""
cat "$log" >&2
if [ "$setup_status" -ne 0 ]; then
  echo "test.sh: the set-up failed (its output is above); no test was run" >&2
  exit "$setup_status"
fi

# Most tests wait on child processes (the verifiers' runtimes, the apps
# under audit, listeners), not on the CPU: twice as many threads as cores.
export RUST_TEST_THREADS="${RUST_TEST_THREADS:-$((2 * $(nproc)))}"
cargo test --locked --all-targets "$@"
