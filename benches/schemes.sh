#!/usr/bin/env bash
# Sign + verify of one delivery, per signing scheme, in process: hookcli
# (criterion, benches/schemes.rs, keys prepared once) next to the provider's
# official library doing the same pair in a 2 s loop, in the same run.
# Target: hookcli at least 3x each official library.
# Usage: bash benches/schemes.sh      (needs scripts/setup-verifiers.sh's packages)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup-verifiers.sh >/dev/null 2>&1
cargo build --release --quiet
BIN=target/release/hookcli
PY=tests/official/.venv/bin/python
tmp=$(mktemp -d); trap 'rm -rf "$tmp" tests/official/.bench-*.mjs' EXIT
export HOOKCLI_STORE="$tmp/events.db"

TWILIO_TOKEN=0123456789abcdef0123456789abcdef
TWILIO_URL=https://hooks.example.com/twilio/sms
"$BIN" --no-store fixtures show message.received --provider twilio --timestamp 1700000000 --seed 1 > "$tmp/twilio.form"

cargo bench --quiet --bench schemes -- --noplot > "$tmp/crit.txt" 2>&1 || { cat "$tmp/crit.txt"; exit 1; }

# Twilio: getExpectedTwilioSignature + validateRequest (npm), compute_signature + validate (PyPI).
cat > tests/official/.bench-twilio.mjs <<JS
import twilio from 'twilio';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { readFileSync } from 'node:fs';
const params = Object.fromEntries(new URLSearchParams(readFileSync('$tmp/twilio.form', 'utf8')));
let n = 0; const t0 = performance.now();
while (performance.now() - t0 < 2000) {
  const sig = getExpectedTwilioSignature('$TWILIO_TOKEN', '$TWILIO_URL', params);
  if (!twilio.validateRequest('$TWILIO_TOKEN', sig, '$TWILIO_URL', params)) throw new Error('invalid');
  n++;
}
console.log(n / ((performance.now() - t0) / 1000));
JS
cat > "$tmp/twilio_loop.py" <<PY
import time
from urllib.parse import parse_qsl
from twilio.request_validator import RequestValidator
params = dict(parse_qsl(open('$tmp/twilio.form').read(), keep_blank_values=True))
v = RequestValidator('$TWILIO_TOKEN')
n = 0; t0 = time.perf_counter()
while time.perf_counter() - t0 < 2:
    sig = v.compute_signature('$TWILIO_URL', params)
    assert v.validate('$TWILIO_URL', params, sig)
    n += 1
print(n / (time.perf_counter() - t0))
PY
TWILIO_NODE=$(node tests/official/.bench-twilio.mjs)
TWILIO_PY=$("$PY" "$tmp/twilio_loop.py")

# SendGrid's libraries cannot sign: their verify alone, on a request hookcli
# signed (a bounce, with the verification key hookcli printed).
"$BIN" --no-store sign bounce --provider sendgrid --timestamp 1700000000 --seed 1 --format json > "$tmp/sg.json"
cat > "$tmp/sg_loop.py" <<PY
import json, time
from sendgrid.helpers.eventwebhook import EventWebhook
r = json.load(open('$tmp/sg.json'))
sig = r['headers']['X-Twilio-Email-Event-Webhook-Signature']
ts = r['headers']['X-Twilio-Email-Event-Webhook-Timestamp']
ew = EventWebhook(r['verification_key'])
n = 0; t0 = time.perf_counter()
while time.perf_counter() - t0 < 2:
    assert ew.verify_signature(r['body'], sig, ts)
    n += 1
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
let n = 0; const t0 = performance.now();
while (performance.now() - t0 < 2000) {
  if (!ew.verifySignature(key, r.body, sig, ts)) throw new Error('invalid');
  n++;
}
console.log(n / ((performance.now() - t0) / 1000));
JS
SENDGRID_NODE=$(node tests/official/.bench-sendgrid.mjs)
SENDGRID_PY=$("$PY" "$tmp/sg_loop.py")

# Shopify: the HMAC made with node:crypto (@shopify/shopify-api has no public
# signer), then shopify.webhooks.validate on the request, as an app calls it.
SHOPIFY_SECRET=shpss_0123456789abcdef0123456789abcdef
"$BIN" --no-store sign orders/create --provider shopify --secret "$SHOPIFY_SECRET" --timestamp 1700000000 --seed 1 --format json > "$tmp/shopify.json"
cat > tests/official/.bench-shopify.mjs <<JS
import '@shopify/shopify-api/adapters/node';
import { shopifyApi, ApiVersion, LogSeverity } from '@shopify/shopify-api';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
const r = JSON.parse(readFileSync('$tmp/shopify.json', 'utf8'));
const shopify = shopifyApi({ apiKey: 'k', apiSecretKey: '$SHOPIFY_SECRET', scopes: [], hostName: 'localhost',
  apiVersion: ApiVersion.July26, isEmbeddedApp: false, logger: { level: LogSeverity.Error, log: () => {} } });
const headers = {};
for (const [k, v] of Object.entries(r.headers)) headers[k.toLowerCase()] = v;
let n = 0; const t0 = performance.now();
while (performance.now() - t0 < 2000) {
  headers['x-shopify-hmac-sha256'] = createHmac('sha256', '$SHOPIFY_SECRET').update(r.body, 'utf8').digest('base64');
  const rawRequest = { method: 'POST', url: '/webhooks', headers };
  const result = await shopify.webhooks.validate({ rawBody: r.body, rawRequest, rawResponse: {} });
  if (!result.valid) throw new Error('invalid');
  n++;
}
console.log(n / ((performance.now() - t0) / 1000));
JS
SHOPIFY_NODE=$(node tests/official/.bench-shopify.mjs)

python3 - "$TWILIO_NODE" "$TWILIO_PY" "$SENDGRID_NODE" "$SENDGRID_PY" "$SHOPIFY_NODE" <<'PY'
import json, sys
def rate(bench):
    ns = json.load(open(f"target/criterion/sign_verify/{bench}/new/estimates.json"))["median"]["point_estimate"]
    return 1e9 / ns
peers = {
    "twilio": [("twilio (npm)", float(sys.argv[1])), ("twilio (PyPI)", float(sys.argv[2]))],
    # Verify only: SendGrid's libraries cannot sign.
    "sendgrid": [("@sendgrid/eventwebhook (npm)", float(sys.argv[3])), ("sendgrid (PyPI)", float(sys.argv[4]))],
    "shopify": [("@shopify/shopify-api (npm)", float(sys.argv[5]))],
}
print("== sign + verify of one delivery, in process (pairs per second)")
print(f"  stripe  hookcli {rate('stripe'):12,.0f}   (reference)")
for provider, libs in peers.items():
    ours = rate(provider)
    print(f"  {provider:7s} hookcli {ours:12,.0f}")
    for name, theirs in libs:
        verdict = "met" if ours >= 3 * theirs else "MISSED"
        print(f"  {'':7s} {name:29s} {theirs:12,.0f}   hookcli is {ours/theirs:5.1f}x (target >= 3x: {verdict})")
PY
