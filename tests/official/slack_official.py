#!/usr/bin/env python3
"""Slack's official Python verifier and signer (slack-sdk), over JSON Lines.

  in:  {"op": "verify", "secret", "headers": {name: value}, "body", "now": int}
       -> SignatureVerifier(secret, clock=<now>).is_valid_request(body, headers)
       {"op": "sign", "secret", "timestamp": int, "body"}
       -> SignatureVerifier(secret).generate_signature(timestamp=, body=)
  out: {"ok": true} / {"ok": false, "error": ...} / {"ok": true, "signature": "v0=..."}
"""
from jsonl import serve
from slack_sdk.signature import Clock, SignatureVerifier


class Fixed(Clock):
    def __init__(self, now):
        self._now = now

    def now(self):
        return float(self._now)


def handle(req):
    if req.get("op") == "sign":
        sig = SignatureVerifier(req["secret"]).generate_signature(
            timestamp=str(req["timestamp"]), body=req["body"]
        )
        return {"ok": True, "signature": sig}
    verifier = SignatureVerifier(req["secret"], clock=Fixed(req["now"]))
    if verifier.is_valid_request(req["body"], req["headers"]):
        return {"ok": True}
    return {"ok": False, "error": "is_valid_request returned False"}


serve(handle)
