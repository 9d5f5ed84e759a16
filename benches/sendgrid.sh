#!/usr/bin/env bash
# SendGrid (section 4 of benches/core.sh, runnable alone): ECDSA P-256 sign
# + verify in process (criterion, benches/core.rs `sendgrid/`) next to the
# verify rate of SendGrid's official libraries, which cannot sign (`sendgrid`
# on PyPI, `@sendgrid/eventwebhook` on npm), on the same request, same run.
# Usage: bash benches/sendgrid.sh   (needs scripts/setup-verifiers.sh's packages)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup-verifiers.sh >/dev/null 2>&1
cargo build --release --quiet
BIN=target/release/hookcli
PY=tests/official/.venv/bin/python
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export HOOKCLI_STORE=off HOOKCLI_KEYS="$tmp/keys"
cargo bench --quiet --bench core -- --noplot sendgrid/ > "$tmp/crit3.txt" 2>&1 || { cat "$tmp/crit3.txt"; exit 1; }
# A request signed by hookcli, verified by the official libraries in a loop.
"$BIN" --no-store sign processed bounce --provider sendgrid --timestamp 1700000000 --seed 1 --format json > "$tmp/sg.json"
cat > "$tmp/sg.py" <<PY
import json, time
from sendgrid.helpers.eventwebhook import EventWebhook
r = json.load(open('$tmp/sg.json'))
sig = r['headers']['X-Twilio-Email-Event-Webhook-Signature']
ts = r['headers']['X-Twilio-Email-Event-Webhook-Timestamp']
ew = EventWebhook(r['verification_key'])
assert ew.verify_signature(r['body'], sig, ts)
n = 0; t0 = time.perf_counter()
while time.perf_counter() - t0 < 3:
    ew.verify_signature(r['body'], sig, ts); n += 1
print(n / (time.perf_counter() - t0))
PY
cat > tests/official/.bench-sendgrid.mjs <<JS
import { readFileSync } from 'node:fs';
import sg from '@sendgrid/eventwebhook';
const r = JSON.parse(readFileSync('$tmp/sg.json', 'utf8'));
const ew = new sg.EventWebhook();
const key = ew.convertPublicKeyToECDSA(r.verification_key);
const sig = r.headers['X-Twilio-Email-Event-Webhook-Signature'];
const ts = r.headers['X-Twilio-Email-Event-Webhook-Timestamp'];
if (!ew.verifySignature(key, r.body, sig, ts)) throw new Error('does not verify');
let n = 0; const t0 = performance.now();
while (performance.now() - t0 < 3000) { ew.verifySignature(key, r.body, sig, ts); n++; }
console.log(n / ((performance.now() - t0) / 1000));
JS
SG_PY=$("$PY" "$tmp/sg.py")
SG_NODE=$(node tests/official/.bench-sendgrid.mjs); rm -f tests/official/.bench-sendgrid.mjs
python3 - "$SG_PY" "$SG_NODE" <<'PY'
import json, sys
py, node = float(sys.argv[1]), float(sys.argv[2])
def ns(b):
    return json.load(open(f"target/criterion/sendgrid/{b}/new/estimates.json"))["median"]["point_estimate"]
both, sign, verify = ns("hookcli_sign_and_verify"), ns("hookcli_sign"), ns("hookcli_verify")
print(f"  hookcli sign + verify       {1e9/both:10,.0f} /s  ({both/1000:.1f} µs: sign {sign/1000:.1f}, verify {verify/1000:.1f})")
print(f"  sendgrid (PyPI) verify      {py:10,.0f} /s")
print(f"  @sendgrid/eventwebhook verify {node:8,.0f} /s")
print(f"  hookcli sign+verify / PyPI verify = {1e9/both/py:.1f}x, / npm verify = {1e9/both/node:.1f}x (target >= 3x)")
PY
