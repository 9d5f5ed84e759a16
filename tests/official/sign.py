#!/usr/bin/env python3
"""Sign webhooks with the providers' OFFICIAL Python libraries.

Run with the harness venv (see scripts/setup-verifiers.sh):
    tests/official/.venv/bin/python tests/official/sign.py

JSON Lines on stdin, one JSON line per non-blank input line on stdout
(flushed after each line):

  in:  {"provider": "stripe" | "standard", "secret": str, "body": str,
        "timestamp": int unix seconds (optional, default now),
        "id": str (optional, standard only, default "msg_hookcli_test")}
  out: {"headers": {...}}
       {"error": "<ExceptionClass>: <message>"}
       {"error": "InputError: ...", "input_error": true}

provider "stripe":   stripe.WebhookSignature.generate_signature_header(body, secret,
                     timestamp=...) -> {"Stripe-Signature": "t=...,v1=..."}.
                     This is a PUBLIC helper in stripe-python (documented as
                     "Useful for signing payloads in unit tests"), so no private
                     _compute_signature call is needed.
provider "twilio":   twilio.request_validator.RequestValidator(token).compute_signature(
                     url, params) over the form body's parameters, or, with "json": true,
                     over url + bodySHA256 (compute_hash) -> {"X-Twilio-Signature"}, "url".
provider "standard": standardwebhooks.webhooks.Webhook(secret).sign(id, datetime, body)
                     -> {"webhook-id", "webhook-timestamp", "webhook-signature"}.
provider "sendgrid": SendGrid's libraries only verify, so the request is signed as
                     SendGrid documents it, with Python `cryptography`: ECDSA P-256 /
                     SHA-256 over str(timestamp) + body, base64 DER. "secret" is a PEM
                     private key, or "" for a key pair made here; the answer adds
                     "public_key" (base64 SPKI) and "private_key" (PKCS#8 PEM).
"""
import json
import sys
from urllib.parse import parse_qsl
import time
from datetime import datetime, timezone

try:
    import stripe
    from standardwebhooks.webhooks import Webhook as StandardWebhook
    from twilio.request_validator import RequestValidator
    import base64
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
except ImportError as e:  # not a per-line error: the environment is wrong
    sys.stderr.write(
        f"sign.py: cannot import official libraries ({e}); run "
        "scripts/setup-verifiers.sh and use tests/official/.venv/bin/python\n"
    )
    sys.exit(2)

DEFAULT_MSG_ID = "msg_hookcli_test"


class InputError(Exception):
    pass


class FormParams(dict):
    """A form body's parameters as Flask's MultiDict offers them to Twilio's
    validator: getall() gives every value of a repeated name."""

    def __init__(self, body):
        super().__init__()
        self._all = {}
        for name, value in parse_qsl(body, keep_blank_values=True):
            self.setdefault(name, value)
            self._all.setdefault(name, []).append(value)

    def getall(self, name):
        return self._all[name]


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def describe(exc):
    msg = str(exc).split("\n", 1)[0].strip()  # first line only, as in lib.mjs
    return f"{type(exc).__name__}: {msg}"


def parse_request(raw):
    try:
        req = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise InputError(f"line is not valid UTF-8 JSON: {e}")
    if not isinstance(req, dict):
        raise InputError("line must be a JSON object")
    provider = req.get("provider")
    if provider not in ("stripe", "standard", "twilio", "sendgrid"):
        raise InputError(f"unsupported provider {provider!r} (expected stripe, standard, twilio or sendgrid)")
    if provider == "twilio" and not isinstance(req.get("url"), str):
        raise InputError("'url' must be a string for twilio")
    for field in ("secret", "body"):
        if not isinstance(req.get(field), str):
            raise InputError(f"'{field}' must be a string")
    ts = req.get("timestamp")
    if ts is None:
        ts = int(time.time())
    if isinstance(ts, bool) or not isinstance(ts, int):
        raise InputError("'timestamp' must be an integer (unix seconds)")
    msg_id = req.get("id", DEFAULT_MSG_ID)
    if not isinstance(msg_id, str):
        raise InputError("'id' must be a string")
    return provider, req["secret"], req["body"], ts, msg_id, req.get("url"), bool(req.get("json"))


def sign_sendgrid(secret, body, ts):
    if secret:
        key = serialization.load_pem_private_key(secret.encode(), password=None)
    else:
        key = ec.generate_private_key(ec.SECP256R1())
    sig = key.sign((str(ts) + body).encode("utf-8"), ec.ECDSA(hashes.SHA256()))
    public = key.public_key().public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    private = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    return {
        "headers": {
            "Content-Type": "application/json",
            "X-Twilio-Email-Event-Webhook-Signature": base64.b64encode(sig).decode(),
            "X-Twilio-Email-Event-Webhook-Timestamp": str(ts),
        },
        "public_key": base64.b64encode(public).decode(),
        "private_key": private.decode(),
    }


def sign(provider, secret, body, ts, msg_id, url, is_json):
    if provider == "twilio":
        validator = RequestValidator(secret)
        if is_json:
            sep = "&" if "?" in url else "?"
            url = f"{url}{sep}bodySHA256={validator.compute_hash(body)}"
            params = {}
        else:
            params = FormParams(body)
        return {"X-Twilio-Signature": validator.compute_signature(url, params)}, url
    if provider == "stripe":
        header = stripe.WebhookSignature.generate_signature_header(body, secret, timestamp=ts)
        return {"Stripe-Signature": header}, None
    sig = StandardWebhook(secret).sign(msg_id, datetime.fromtimestamp(ts, tz=timezone.utc), body)
    return {
        "webhook-id": msg_id,
        "webhook-timestamp": str(ts),
        "webhook-signature": sig,
    }, None


def main():
    stdin = sys.stdin.buffer
    while True:
        raw = stdin.readline()
        if not raw:
            break
        if not raw.strip():
            continue
        try:
            args = parse_request(raw)
        except InputError as e:
            emit({"error": describe(e), "input_error": True})
            continue
        try:
            if args[0] == "sendgrid":
                emit(sign_sendgrid(args[1], args[2], args[3]))
                continue
            headers, url = sign(*args)
            emit({"headers": headers, "url": url} if url else {"headers": headers})
        except Exception as e:
            emit({"error": describe(e)})


if __name__ == "__main__":
    try:
        main()
    except (KeyboardInterrupt, BrokenPipeError):
        pass
