#!/usr/bin/env bash
# Wall time of a full `hookcli check` audit (issue 15) of the correct local
# app: tests/apps/stripe_raw.js (Express, express.raw +
# stripe.webhooks.constructEvent, an id cache, the /test/effects observer),
# with --probe-url so every check runs, the event store on. Target: under
# 10 s. No other tool audits an endpoint (see shared research), so the peer
# measured in the same run is the floor the audit stands on: the same app
# answering the same number of genuine deliveries from `hookcli send
# --count N --concurrency 1` (same client, same store). What the audit adds
# over that floor is its own work: the observer's settle reads (100 ms each,
# the one wait the audit imposes on itself), the 30 MiB body, the burst.
#
# Usage: bash benches/check_audit.sh [RUNS]   (default 5; the median is reported)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
RUNS="${1:-5}"
source benches/lib.sh
need bc bc
bash scripts/setup-test-apps.sh >/dev/null
[ -n "${NO_BUILD:-}" ] || cargo build --release --quiet --bin hookcli
BIN="${BIN:-target/release/hookcli}"
SECRET=whsec_bench_check_audit
WORK="$(mktemp -d)"
APP_PID=""
cleanup() {
  [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

(cd tests/apps && STRIPE_WEBHOOK_SECRET=$SECRET exec node stripe_raw.js >"$WORK/app.out" 2>/dev/null) &
APP_PID=$!
for _ in $(seq 100); do grep -q listening "$WORK/app.out" 2>/dev/null && break; sleep 0.1; done
PORT="$(sed -E 's|.*:([0-9]+)/.*|\1|' "$WORK/app.out" | head -1)"
[ -n "$PORT" ] || { echo "the app did not start" >&2; exit 1; }

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
now() { date +%s.%N; }

audits=(); floors=(); requests=0
for i in $(seq "$RUNS"); do
  t0=$(now)
  "$BIN" --store "$WORK/events.db" check --to "$PORT" --secret "$SECRET" \
    --probe-url "http://127.0.0.1:$PORT/test/effects" --json >"$WORK/report.json" || true
  t1=$(now)
  requests=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["requests"])' "$WORK/report.json")
  STRIPE_WEBHOOK_SECRET=$SECRET "$BIN" --store "$WORK/events.db" send payment_intent.succeeded \
    --to "$PORT" --count "$requests" --concurrency 1 --json >/dev/null
  t2=$(now)
  audits+=("$(echo "$t1 - $t0" | bc -l)")
  floors+=("$(echo "$t2 - $t1" | bc -l)")
  printf 'run %d: audit %.2f s (%d requests), send --count %d %.2f s\n' "$i" "${audits[-1]}" "$requests" "$requests" "${floors[-1]}"
done
a=$(printf '%s\n' "${audits[@]}" | median)
f=$(printf '%s\n' "${floors[@]}" | median)
printf '\nmedian of %d: full audit %.2f s (target < 10 s); the same app answering %d plain deliveries %.2f s\n' \
  "$RUNS" "$a" "$requests" "$f"
python3 - "$WORK/report.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print("last audit:", {k: r["summary"][k] for k in ("passed", "failed", "warned", "unverified", "skipped", "requests", "elapsed_s")})
PY
