#!/usr/bin/env bash
# The whole test suite on a fresh machine: installs the providers' official
# verifier packages (PyPI and npm, into tests/official/) and what the apps
# audited by `hookcli check` need (tests/apps/) and the runtimes of the
# diagnosis corpus (tests/corpus/), then runs every
# Rust test. Extra arguments go to `cargo test` (e.g. a test name filter).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup-verifiers.sh
bash scripts/setup-test-apps.sh
bash scripts/setup-corpus.sh
cargo test --locked --all-targets "$@"
