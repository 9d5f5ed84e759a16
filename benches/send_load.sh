#!/usr/bin/env bash
# Load-mode benchmark for `hookcli send`: requests per second of
#   1. wrk POSTing a typical Stripe body (one body, one signature, reused),
#   2. `hookcli send --count N --concurrency C` as a user runs it, with the
#      event store on (its default; here a fresh store per round), every
#      request rendered with a unique event id, signed afresh and recorded
#      before it is sent, and
#   3. the same with --no-store,
# against the same minimal local sink (examples/sink.rs) in the same run.
# Target: the store-on run >= 60 % of wrk's req/s (the headline), and a
# recorded delivery costing <= 300 bytes of store (pages of the load tables
# per delivery, from SQLite's dbstat).
#
# Fairness: both load generators get the same CPU, the same number of
# threads and the same number of keep-alive connections. With 2+ CPUs the
# sink runs pinned to CPU 0 (one thread) and each generator pinned to CPU 1
# (`taskset -c 1`): wrk with -t1, hookcli with one worker (it runs one per
# CPU it may use; with the store on, its recording thread shares that CPU
# too). Both use CONNECTIONS connections (wrk -c, hookcli --concurrency).
# With one CPU nothing is pinned. The machine may be shared and noisy, so
# wrk and the two hookcli runs alternate for ROUNDS rounds and the median of
# the per-round ratios is the result.
#
# Usage: bash benches/send_load.sh [SECONDS] [CONNECTIONS]   (default 5, 32)
# Env:   ROUNDS=7         alternating wrk/hookcli rounds
#        NO_BUILD=1       use the binaries already in target/release
#        BIN=PATH         benchmark this hookcli binary (with NO_BUILD)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SECONDS_PER_RUN="${1:-5}"
CONNS="${2:-32}"
ROUNDS="${ROUNDS:-7}"
. benches/lib.sh
need wrk wrk
[ -n "${NO_BUILD:-}" ] || cargo build --release --quiet --bin hookcli --example sink
BIN="${BIN:-target/release/hookcli}"
tmp=$(mktemp -d)
sink_pid=""
cleanup() { [ -n "$sink_pid" ] && kill "$sink_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
export STRIPE_WEBHOOK_SECRET=whsec_bench_send_load

CPUS=$(nproc)
if [ "$CPUS" -ge 2 ] && command -v taskset >/dev/null; then
  SINK_PIN=(taskset -c 0)
  GEN_PIN=(taskset -c 1)
  PINNING="sink pinned to CPU 0; wrk and hookcli each pinned to CPU 1, one thread each"
else
  SINK_PIN=()
  GEN_PIN=()
  PINNING="no pinning ($CPUS CPU)"
fi

"${SINK_PIN[@]}" target/release/examples/sink 127.0.0.1:0 1 >"$tmp/addr" &
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
echo "== sink $URL; body payment_intent.succeeded, $BYTES bytes; $CONNS connections; ${SECONDS_PER_RUN}s per wrk run; $ROUNDS rounds; $CPUS CPUs; $PINNING"

# One hookcli run: prints its line and appends "rate p50 p90 p99 max" to $2.
hookcli_run() {
  local count=$1 out=$2; shift 2
  local cmd=("${GEN_PIN[@]}" "$BIN" "$@" send payment_intent.succeeded --to "$URL" --count "$count" --concurrency "$CONNS" --json)
  echo "\$ ${cmd[*]}"
  "${cmd[@]}" >"$tmp/hookcli.json" || true
  python3 - "$tmp/hookcli.json" "$out" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
l = s["latency_ms"]
print(f'hookcli: {s["requests"]} requests in {s["elapsed_s"]:.2f} s = {s["requests_per_second"]:.0f} req/s; '
      f'p50 {l["p50"]:.3f} ms  p90 {l["p90"]:.3f} ms  p99 {l["p99"]:.3f} ms  max {l["max"]:.3f} ms; '
      f'statuses {s["statuses"]}, errors {s["errors"]}')
open(sys.argv[2], "a").write(f'{s["requests_per_second"]} {l["p50"]} {l["p90"]} {l["p99"]} {l["max"]}\n')
PY
}

for round in $(seq "$ROUNDS"); do
  echo "== round $round/$ROUNDS"
  WRK_CMD=("${GEN_PIN[@]}" wrk -t1 -c"$CONNS" -d"${SECONDS_PER_RUN}s" --latency -s "$tmp/post.lua" "$URL")
  echo "\$ ${WRK_CMD[*]}"
  "${WRK_CMD[@]}" >"$tmp/wrk.txt"
  WRK_RPS=$(awk '/^Requests\/sec:/ {print $2}' "$tmp/wrk.txt")
  echo "wrk: $WRK_RPS req/s; latency $(awk '/^ +(50|90|99)%/ {printf "p%s %s  ", substr($1, 1, length($1) - 1), $2}' "$tmp/wrk.txt")"
  echo "$WRK_RPS" >>"$tmp/wrk.rps"
  # hookcli's load mode takes a count, not a duration: size it from wrk's rate.
  COUNT=$(python3 -c "print(max(1000, int(float('$WRK_RPS') * $SECONDS_PER_RUN * 0.6)))")
  rm -f "$tmp"/events.db*
  hookcli_run "$COUNT" "$tmp/store.rps" --store "$tmp/events.db"
  python3 - "$tmp/events.db" "$tmp/bytes" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
n = c.execute("select coalesce(sum(count), 0) from load_chunks where kind = 0").fetchone()[0]
b = c.execute("select sum(pgsize) from dbstat where name like 'load%'").fetchone()[0]
print(f'recorded: {n} deliveries in {b} bytes of load tables = {b / max(n, 1):.0f} bytes per delivery')
open(sys.argv[2], "a").write(f'{b / max(n, 1)}\n')
PY
  hookcli_run "$COUNT" "$tmp/hookcli.rps" --no-store
done

python3 - "$tmp/wrk.rps" "$tmp/store.rps" "$tmp/hookcli.rps" "$tmp/bytes" <<'PY'
import statistics, sys
wrk = [float(l) for l in open(sys.argv[1])]
def load(path):
    return [[float(x) for x in l.split()] for l in open(path)]
store, bare = load(sys.argv[2]), load(sys.argv[3])
per = [float(l) for l in open(sys.argv[4])]
for name, rows, target in (("store on (default)", store, 60), ("--no-store", bare, 70)):
    ratios = [100 * r[0] / w for w, r in zip(wrk, rows)]
    print(f'== {name}: per-round ratios ' + ' '.join(f'{r:.0f} %' for r in ratios))
    r, w, h = sorted(zip(ratios, wrk, rows))[len(ratios) // 2]
    print(f'== {name}, median round: wrk {w:.0f} req/s | hookcli {h[0]:.0f} req/s | ratio {r:.0f} % (target >= {target} %); '
          f'latency p50 {h[1]:.3f} ms  p99 {h[3]:.3f} ms')
print(f'== store per recorded delivery: median {statistics.median(per):.0f} bytes (target <= 300)')
print(f'== medians over all rounds: wrk {statistics.median(wrk):.0f} req/s, store on {statistics.median(x[0] for x in store):.0f} req/s, '
      f'--no-store {statistics.median(x[0] for x in bare):.0f} req/s')
PY
