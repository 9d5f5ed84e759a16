#!/usr/bin/env bash
# Benchmarks for the core (issue 2), each next to a peer measured in the same run:
#  1. `hookcli sign payment_intent.succeeded` as a whole process (hyperfine),
#     next to the start-up + sign of the official Node and Python SDKs.
#  2. Signing throughput in process (criterion, benches/core.rs) next to this
#     CPU's SHA-256 (`openssl speed -evp sha256` on the same byte count) and
#     the official SDKs' signing loops.
#  3. Diagnosis of a failed 10 KB request, every variant tried (criterion),
#     and of the listener's commonest failure: a 2 KB Stripe event as Stripe
#     sends it, signed with another secret (and the listener's first check
#     and diagnosis of it, reported).
# Usage: bash benches/core.sh        (needs scripts/setup-verifiers.sh's packages)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. benches/lib.sh
need hyperfine hyperfine
bash scripts/setup-verifiers.sh >/dev/null 2>&1
cargo build --release --quiet
BIN=target/release/hookcli
PY=tests/official/.venv/bin/python
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HOOKCLI_STORE="$tmp/events.db"

"$BIN" fixtures show payment_intent.succeeded --timestamp 1700000000 --seed 1 | head -c -1 > "$tmp/body.json"
BYTES=$(wc -c < "$tmp/body.json")
echo "== typical Stripe body: payment_intent.succeeded, $BYTES bytes"

echo "== 1. whole-process sign (median wall time)"
cat > "$tmp/sign.mjs" <<JS
import Stripe from 'stripe';
import { readFileSync } from 'node:fs';
const payload = readFileSync('$tmp/body.json', 'utf8');
console.log(Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_bench' }));
JS
cp "$tmp/sign.mjs" tests/official/.bench-sign.mjs
cat > "$tmp/sign.py" <<PY
import stripe, time
payload = open('$tmp/body.json').read()
print(stripe.WebhookSignature.generate_signature_header(payload, 'whsec_bench', int(time.time())))
PY
hyperfine -N --warmup 5 --runs 60 --export-json "$tmp/hf.json" \
  "$BIN sign payment_intent.succeeded --secret whsec_bench" \
  "$BIN --no-store sign payment_intent.succeeded --secret whsec_bench" \
  "node tests/official/.bench-sign.mjs" \
  "$PY $tmp/sign.py" >/dev/null
rm -f tests/official/.bench-sign.mjs
python3 - "$tmp/hf.json" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"  median {r['median']*1000:8.2f} ms   {r['command']}")
PY

echo "== 2. signing throughput (in process)"
cargo bench --quiet --bench core -- --noplot payment_intent.succeeded > "$tmp/crit1.txt" 2>&1 || { cat "$tmp/crit1.txt"; exit 1; }
OPENSSL=$(openssl speed -evp sha256 -bytes "$BYTES" -seconds 3 2>/dev/null | awk '/^sha256|^SHA256/ {v=$NF} END {print v}')
cat > "$tmp/loop.py" <<PY
import stripe, time
payload = open('$tmp/body.json').read()
n = 0; t0 = time.perf_counter()
while time.perf_counter() - t0 < 2:
    stripe.WebhookSignature.generate_signature_header(payload, 'whsec_bench', 1700000000); n += 1
print(n / (time.perf_counter() - t0))
PY
cat > tests/official/.bench-loop.mjs <<JS
import Stripe from 'stripe';
import { readFileSync } from 'node:fs';
const payload = readFileSync('$tmp/body.json', 'utf8');
let n = 0; const t0 = performance.now();
while (performance.now() - t0 < 2000) { Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_bench', timestamp: 1700000000 }); n++; }
console.log(n / ((performance.now() - t0) / 1000));
JS
PY_RATE=$("$PY" "$tmp/loop.py")
NODE_RATE=$(node tests/official/.bench-loop.mjs); rm -f tests/official/.bench-loop.mjs
python3 - "$BYTES" "$OPENSSL" "$PY_RATE" "$NODE_RATE" <<'PY'
import json, sys
nbytes, openssl, py, node = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
def ns(group, bench):
    return json.load(open(f"target/criterion/{group}/{bench}/new/estimates.json"))["median"]["point_estimate"]
sign_ns = ns("payment_intent.succeeded", "hookcli_sign")
sha_ns = ns("payment_intent.succeeded", "sha256_only")
hook_rate = 1e9 / sign_ns
hook_mbs = nbytes / sign_ns * 1e3
openssl_mbs = float(openssl.rstrip('k')) * 1000 / 1e6 if openssl else float('nan')
print(f"  hookcli sign           {hook_rate:12,.0f} signs/s  {hook_mbs:8.1f} MB/s  ({sign_ns/1000:.2f} µs each)")
print(f"  sha2 SHA-256 only      {1e9/sha_ns:12,.0f} hash/s   {nbytes/sha_ns*1e3:8.1f} MB/s")
print(f"  openssl sha256 ({nbytes} B blocks)            {openssl_mbs:8.1f} MB/s")
print(f"  stripe (PyPI) sign     {py:12,.0f} signs/s")
print(f"  stripe (npm) sign      {node:12,.0f} signs/s")
print(f"  hookcli / openssl SHA-256 = {hook_mbs/openssl_mbs:.0%} (target >= 70%)")
print(f"  hookcli / Python SDK = {hook_rate/py:.1f}x, / Node SDK = {hook_rate/node:.1f}x")
PY

echo "== 3. diagnosis of a failed request"
cargo bench --quiet --bench core -- --noplot diagnose_ > "$tmp/crit2.txt" 2>&1 || { cat "$tmp/crit2.txt"; exit 1; }
python3 - <<'PY'
import json
for g, b in [("diagnose_10kb", "nothing_matches_all_variants"),
             ("diagnose_10kb", "reserialized_body_found"),
             ("diagnose_2kb", "wrong_secret")]:
    e = json.load(open(f"target/criterion/{g}/{b}/new/estimates.json"))["median"]["point_estimate"]
    print(f"  {g}/{b:28s} {e/1e6:.3f} ms (target < 1 ms)")
# The listener's whole judgement of that request (reported, no target).
for b in ["listener_check", "listener_check_and_diagnosis"]:
    e = json.load(open(f"target/criterion/diagnose_2kb/{b}/new/estimates.json"))["median"]["point_estimate"]
    print(f"  diagnose_2kb/{b:28s} {e/1e3:.1f} us")
PY
