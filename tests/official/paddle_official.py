#!/usr/bin/env python3
"""Paddle Billing's official Python verifier (paddle-python-sdk), over JSON Lines.

  in:  {"op": "verify", "secret", "headers", "body", "drift": bool (default true)}
       -> Verifier().verify(request, Secret(secret), verify_time_drift=drift)
          (the SDK's own 5 s window, against the system clock)
       {"op": "sign", "secret", "timestamp": int, "body"}
       -> "ts=<t>;h1=" + PaddleSignature.calculate_hmac(secret, b"<t>:<body>").hexdigest()
          (the helper the SDK verifies with; it has no public signer)
  out: {"ok": true} / {"ok": false, "error": ...} / {"ok": true, "signature": ...}
"""
from jsonl import header, serve
from paddle_billing.Notifications import Secret, Verifier
from paddle_billing.Notifications.PaddleSignature import PaddleSignature


class Headers(dict):
    def get(self, name, default=None):
        value = header(self, name)
        return default if value is None else value


class Request:
    def __init__(self, headers, body):
        self.headers = Headers(headers)
        self.body = body.encode("utf-8")


def handle(req):
    if req.get("op") == "sign":
        t = req["timestamp"]
        mac = PaddleSignature.calculate_hmac(req["secret"], f"{t}:{req['body']}".encode("utf-8"))
        return {"ok": True, "signature": f"ts={t};h1={mac.hexdigest()}"}
    ok = Verifier().verify(
        Request(req["headers"], req["body"]),
        Secret(req["secret"]),
        verify_time_drift=req.get("drift", True),
    )
    return {"ok": True} if ok else {"ok": False, "error": "Verifier.verify returned False"}


serve(handle)
