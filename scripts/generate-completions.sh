#!/usr/bin/env bash
# Regenerates the committed shell completions and man pages in completions/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cargo build --quiet
bin=target/debug/hookcli
mkdir -p completions
"$bin" completions bash > completions/hookcli.bash
"$bin" completions zsh > completions/_hookcli
"$bin" completions fish > completions/hookcli.fish
"$bin" completions powershell > completions/_hookcli.ps1
"$bin" completions elvish > completions/hookcli.elv
rm -rf completions/man completions/hookcli.1
"$bin" man --out completions/man
echo "completions/ regenerated"
