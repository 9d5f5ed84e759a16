#!/usr/bin/env bash
# Load-mode benchmark for `hookcli send` (issue 3): requests per second of
#   1. wrk POSTing a typical Stripe body (one body, one signature, reused), and
#   2. `hookcli send --count N --concurrency C`, every request rendered with a
#      unique event id and signed afresh, every delivery recorded in the store,
# against the same minimal local sink (examples/sink.rs) in the same run.
# Target: hookcli >= 70 % of wrk's req/s.
#
# Usage: bash benches/send_load.sh [SECONDS] [CONNECTIONS]   (default 10, 16)
# Env:   STORE=off   to run hookcli without recording (shows the store's cost)
#        NO_BUILD=1  to use the binaries already in target/release
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SECONDS_PER_RUN="${1:-10}"
CONNS="${2:-16}"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
[ -n "${NO_BUILD:-}" ] || cargo build --release --quiet --bin hookcli --example sink
BIN=target/release/hookcli
tmp=$(mktemp -d)
sink_pid=""
cleanup() { [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
export STRIPE_WEBHOOK_SECRET=whsec_bench_send_load
export HOOKCLI_STORE="${STORE:-$tmp/events.db}"

target/release/examples/sink 127.0.0.1:0 1 >"$tmp/addr" &
sink_pid=$!
for _ in $(seq 100); do [ -s "$tmp/addr" ] && break; sleep 0.05; done
ADDR=$(head -1 "$tmp/addr")
URL="http://$ADDR/webhooks"

# The request wrk sends: the same headers and body `hookcli sign` makes.
"$BIN" --no-store sign payment_intent.succeeded --format json >"$tmp/signed.json"
python3 - "$tmp/signed.json" >"$tmp/post.lua" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
lua = lambda v: '"' + v.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"'
print('wrk.method = "POST"')
print('wrk.body = ' + lua(s["body"]))
for k, v in s["headers"].items():
    print(f'wrk.headers[{lua(k)}] = {lua(v)}')
PY
BYTES=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["body"].encode()))' "$tmp/signed.json")
echo "== sink $URL; body payment_intent.succeeded, $BYTES bytes; $CONNS connections; ${SECONDS_PER_RUN}s per run; $(nproc) cores"

echo "== 1. wrk -t2 -c$CONNS -d${SECONDS_PER_RUN}s (one pre-signed request, repeated)"
wrk -t2 -c"$CONNS" -d"${SECONDS_PER_RUN}s" -s "$tmp/post.lua" "$URL" | tee "$tmp/wrk.txt"
WRK_RPS=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk.txt")

# hookcli's load mode takes a count, not a duration: size it from wrk's rate.
COUNT=$(python3 -c "print(max(1000, int(float('$WRK_RPS') * $SECONDS_PER_RUN * 0.8)))")
echo "== 2. hookcli send payment_intent.succeeded --to $URL --count $COUNT --concurrency $CONNS --json"
"$BIN" send payment_intent.succeeded --to "$URL" --count "$COUNT" --concurrency "$CONNS" --json >"$tmp/hookcli.json"
python3 - "$tmp/hookcli.json" "$WRK_RPS" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
wrk = float(sys.argv[2])
l = s["latency_ms"]
print(f'hookcli: {s["requests"]} requests in {s["elapsed_s"]:.2f} s, statuses {s["statuses"]}, errors {s["errors"]}')
print(f'hookcli latency: p50 {l["p50"]:.2f} ms  p90 {l["p90"]:.2f} ms  p99 {l["p99"]:.2f} ms  max {l["max"]:.2f} ms')
print(f'== wrk {wrk:.0f} req/s | hookcli {s["requests_per_second"]:.0f} req/s (every request uniquely signed) | ratio {100 * s["requests_per_second"] / wrk:.0f} % (target >= 70 %)')
PY
if [ "${STORE:-}" != off ]; then
  echo "recorded: $(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(c.execute('select count(*) from deliveries').fetchone()[0])" "$HOOKCLI_STORE") deliveries in the store"
fi
