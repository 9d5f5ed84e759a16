#!/usr/bin/env python3
"""Razorpay's official Python verifier (razorpay), over JSON Lines.

  in:  {"secret", "headers", "body"}
       -> razorpay.Client(auth=...).utility.verify_webhook_signature(
              body, <X-Razorpay-Signature>, secret)   (raises on a mismatch)
  out: {"ok": true} / {"ok": false, "error": ...}
"""
import razorpay
from jsonl import header, serve

client = razorpay.Client(auth=("rzp_test_hookcli", "unused"))


def handle(req):
    sig = header(req["headers"], "X-Razorpay-Signature")
    client.utility.verify_webhook_signature(req["body"], sig, req["secret"])
    return {"ok": True}


serve(handle)
