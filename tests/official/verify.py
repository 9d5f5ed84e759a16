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
provider "twilio":   twilio.request_validator.RequestValidator(token).validate(url,
                     params, <X-Twilio-Signature>) with the form body's parameters (a
                     MultiDict-like object), or the raw body when the URL carries
                     bodySHA256. Needs "url".
provider "standard": standardwebhooks.webhooks.Webhook(secret).verify(body, headers)
                     With "parse": false -> verify(..., json_parse=False).
                     The library's timestamp tolerance is fixed (5 min, both
                     directions); "tolerance" is ignored for this provider.
provider "sendgrid": sendgrid.helpers.eventwebhook.EventWebhook(secret).verify_signature(
                     body, <X-Twilio-Email-Event-Webhook-Signature>,
                     <X-Twilio-Email-Event-Webhook-Timestamp>); "secret" is the
                     verification key (base64 SPKI). The library checks no age.
"""
import json
import sys
from urllib.parse import parse_qsl

try:
    import stripe
    from standardwebhooks.webhooks import Webhook as StandardWebhook
    from twilio.request_validator import RequestValidator
    from sendgrid.helpers.eventwebhook import EventWebhook
except ImportError as e:  # not a per-line error: the environment is wrong
    sys.stderr.write(
        f"verify.py: cannot import official libraries ({e}); run "
        "scripts/setup-verifiers.sh and use tests/official/.venv/bin/python\n"
    )
    sys.exit(2)


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


class SignatureMismatch(Exception):
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
    if provider not in ("stripe", "standard", "twilio", "sendgrid"):
        raise InputError(f"unsupported provider {provider!r} (expected stripe, standard, twilio or sendgrid)")
    if provider == "twilio" and not isinstance(req.get("url"), str):
        raise InputError("'url' must be a string for twilio")
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
    return provider, req["secret"], headers, req["body"], tolerance, parse, req.get("url")


def verify(provider, secret, headers, body, tolerance, parse, url):
    if provider == "twilio":
        sig = get_header(headers, "X-Twilio-Signature")
        # A JSON body goes in raw (the validator checks bodySHA256), a form as its parameters.
        params = body if "bodySHA256" in url else FormParams(body)
        if not RequestValidator(secret).validate(url, params, sig):
            raise ValueError("signature mismatch")
        return
    if provider == "stripe":
        sig = get_header(headers, "Stripe-Signature")
        if parse:
            stripe.Webhook.construct_event(body, sig, secret, tolerance=tolerance)
        else:
            stripe.WebhookSignature.verify_header(body, sig, secret, tolerance)
    elif provider == "sendgrid":
        sig = get_header(headers, "X-Twilio-Email-Event-Webhook-Signature")
        ts = get_header(headers, "X-Twilio-Email-Event-Webhook-Timestamp")
        if not EventWebhook(secret).verify_signature(body, sig, ts):
            raise SignatureMismatch("verify_signature returned False")
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
