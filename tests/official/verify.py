#!/usr/bin/env python3
"""Verify webhooks with the providers' OFFICIAL Python libraries.

Run with the harness venv (see scripts/setup-verifiers.sh):
    tests/official/.venv/bin/python tests/official/verify.py

JSON Lines on stdin, one JSON line per non-blank input line on stdout
(flushed after each line):

  in:  {"provider": "stripe" | "standard", "secret": str,
        "headers": {name: value}, "body": str,
        "tolerance": int (optional, default 300; stripe only),
        "parse": bool (optional, default true)}
  out: {"ok": true}
       {"ok": false, "error": "<ExceptionClass>: <message>"}
       {"ok": false, "error": "InputError: ...", "input_error": true}

provider "stripe":   stripe.Webhook.construct_event(body, <Stripe-Signature>, secret,
                     tolerance=tolerance)  (header looked up case-insensitively).
                     With "parse": false -> stripe.WebhookSignature.verify_header(...)
                     (signature/timestamp only; construct_event also json-parses the
                     body and builds an Event, so non-JSON bodies fail there).
provider "standard": standardwebhooks.webhooks.Webhook(secret).verify(body, headers)
                     With "parse": false -> verify(..., json_parse=False).
                     The library's timestamp tolerance is fixed (5 min, both
                     directions); "tolerance" is ignored for this provider.
"""
import json
import sys

try:
    import stripe
    from standardwebhooks.webhooks import Webhook as StandardWebhook
except ImportError as e:  # not a per-line error: the environment is wrong
    sys.stderr.write(
        f"verify.py: cannot import official libraries ({e}); run "
        "scripts/setup-verifiers.sh and use tests/official/.venv/bin/python\n"
    )
    sys.exit(2)


class InputError(Exception):
    pass


def emit(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def describe(exc):
    msg = str(exc).split("\n", 1)[0].strip()  # first line only, as in lib.mjs
    return f"{type(exc).__name__}: {msg}"


def get_header(headers, name):
    """Case-insensitive header lookup; None when absent."""
    lname = name.lower()
    for k, v in headers.items():
        if isinstance(k, str) and k.lower() == lname:
            return v
    return None


def parse_request(raw):
    try:
        req = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        raise InputError(f"line is not valid UTF-8 JSON: {e}")
    if not isinstance(req, dict):
        raise InputError("line must be a JSON object")
    provider = req.get("provider")
    if provider not in ("stripe", "standard"):
        raise InputError(f"unsupported provider {provider!r} (expected 'stripe' or 'standard')")
    for field in ("secret", "body"):
        if not isinstance(req.get(field), str):
            raise InputError(f"'{field}' must be a string")
    headers = req.get("headers")
    if not isinstance(headers, dict):
        raise InputError("'headers' must be an object")
    tolerance = req.get("tolerance", 300)
    if isinstance(tolerance, bool) or not isinstance(tolerance, int):
        raise InputError("'tolerance' must be an integer")
    parse = req.get("parse", True)
    if not isinstance(parse, bool):
        raise InputError("'parse' must be a boolean")
    return provider, req["secret"], headers, req["body"], tolerance, parse


def verify(provider, secret, headers, body, tolerance, parse):
    if provider == "stripe":
        sig = get_header(headers, "Stripe-Signature")
        if parse:
            stripe.Webhook.construct_event(body, sig, secret, tolerance=tolerance)
        else:
            stripe.WebhookSignature.verify_header(body, sig, secret, tolerance)
    else:
        StandardWebhook(secret).verify(body, headers, json_parse=parse)


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
            emit({"ok": False, "error": describe(e), "input_error": True})
            continue
        try:
            verify(*args)
            emit({"ok": True})
        except Exception as e:  # any library exception is a verification failure
            emit({"ok": False, "error": describe(e)})


if __name__ == "__main__":
    try:
        main()
    except (KeyboardInterrupt, BrokenPipeError):
        pass
