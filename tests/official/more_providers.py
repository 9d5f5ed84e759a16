#!/usr/bin/env python3
"""Square, Discord, Clerk, Resend and Standard Webhooks v1a with their OFFICIAL
Python libraries, both ways (tests/official/.venv/bin/python, after
scripts/setup-verifiers.sh).

JSON Lines on stdin, one answer per line on stdout.

Verify:  {"op": "verify", "provider": ..., "secret": str, "headers": {...},
          "body": str, "url": str (square)} -> {"ok": true} | {"ok": false, "error"}
  square:   square.utils.webhooks_helper.verify_signature(request_body=,
            signature_header=<x-square-hmacsha256-signature>, signature_key=,
            notification_url=)
  discord:  discord_interactions.verify_key(body, <X-Signature-Ed25519>,
            <X-Signature-Timestamp>, public_key_hex)
  clerk, resend, standard: svix.webhooks.Webhook(secret).verify(body, headers)
            (standard also through standardwebhooks.Webhook).
  mailgun:  mailgun.security.SecurityGuard.verify_webhook(signing_key, token,
            timestamp, signature) with the body's signature block.

Sign outside hookcli (the libraries cannot sign, or hookcli must be checked
against a signer it did not write):
  {"op": "sign", "provider": "discord" | "standard-v1a", "body": str, "timestamp": int,
   "id": str (standard-v1a)}
    -> {"headers": {...}, "public_key": str, "private_key": str}
       a fresh Ed25519 key pair from PyNaCl; discord: the hex public key and a
       PKCS#8 PEM private key; standard-v1a: whpk_/whsk_ keys.
  {"op": "sign", "provider": "clerk" | "resend", "secret": whsec, "body", "timestamp", "id"}
    -> {"headers": {...}}  with svix's Webhook.sign, under svix-* names.
  {"op": "sign", "provider": "square", "secret", "body", "url"}
    -> {"headers": {...}}  HMAC-SHA256 by the Python standard library.
  {"op": "sign", "provider": "mailgun", "secret", "body" (JSON), "timestamp", "id" (token)}
    -> {"headers": {}, "body": str}  the body with its signature block, HMAC by
       the Python standard library.
"""
import base64
import contextlib
import hashlib
import io
import hmac
import json
import sys
from datetime import datetime, timezone

try:
    from square.utils.webhooks_helper import verify_signature as square_verify
    from discord_interactions import verify_key as discord_verify
    from svix.webhooks import Webhook as SvixWebhook
    from mailgun.security import SecurityGuard
    from standardwebhooks.webhooks import Webhook as StandardWebhook
    import nacl.signing
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives import serialization
except ImportError as e:
    sys.stderr.write(f"more_providers.py: cannot import official libraries ({e}); run scripts/setup-verifiers.sh\n")
    sys.exit(2)


def header(headers, name):
    for k, v in headers.items():
        if k.lower() == name.lower():
            return v
    return None


def verify(req):
    p, secret, headers, body = req["provider"], req["secret"], req["headers"], req["body"]
    if p == "square":
        ok = square_verify(
            request_body=body,
            signature_header=header(headers, "x-square-hmacsha256-signature") or "",
            signature_key=secret,
            notification_url=req["url"],
        )
    elif p == "discord":
        # verify_key prints PyNaCl's error on a bad signature: keep stdout ours.
        with contextlib.redirect_stdout(io.StringIO()):
            ok = discord_verify(
                body.encode("utf-8"),
                header(headers, "X-Signature-Ed25519") or "",
                header(headers, "X-Signature-Timestamp") or "",
                secret,
            )
    elif p == "mailgun":
        block = json.loads(body)["signature"]
        ok = SecurityGuard.verify_webhook(
            signing_key=secret,
            token=block["token"],
            timestamp=block["timestamp"],
            signature=block["signature"],
        )
    elif p in ("clerk", "resend", "standard"):
        SvixWebhook(secret).verify(body, headers)
        if p == "standard":
            StandardWebhook(secret).verify(body, headers)
        ok = True
    else:
        raise ValueError(f"unsupported provider {p!r}")
    return {"ok": True} if ok else {"ok": False, "error": "signature mismatch"}


def sign(req):
    p, body = req["provider"], req["body"]
    if p in ("discord", "standard-v1a"):
        key = nacl.signing.SigningKey.generate()
        seed = bytes(key)
        public = bytes(key.verify_key)
        if p == "discord":
            ts = str(req["timestamp"])
            sig = key.sign(ts.encode() + body.encode("utf-8")).signature.hex()
            pem = Ed25519PrivateKey.from_private_bytes(seed).private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            ).decode()
            return {
                "headers": {"X-Signature-Ed25519": sig, "X-Signature-Timestamp": ts},
                "public_key": public.hex(),
                "private_key": pem,
            }
        msg = f"{req['id']}.{req['timestamp']}.{body}".encode("utf-8")
        sig = base64.b64encode(key.sign(msg).signature).decode()
        return {
            "headers": {
                "webhook-id": req["id"],
                "webhook-timestamp": str(req["timestamp"]),
                "webhook-signature": f"v1a,{sig}",
            },
            "public_key": "whpk_" + base64.b64encode(public).decode(),
            "private_key": "whsk_" + base64.b64encode(seed).decode(),
        }
    if p in ("clerk", "resend"):
        when = datetime.fromtimestamp(req["timestamp"], tz=timezone.utc)
        sig = SvixWebhook(req["secret"]).sign(req["id"], when, body)
        return {
            "headers": {
                "svix-id": req["id"],
                "svix-timestamp": str(req["timestamp"]),
                "svix-signature": sig,
            }
        }
    if p == "mailgun":
        ts, token = str(req["timestamp"]), req["id"]
        mac = hmac.new(req["secret"].encode(), (ts + token).encode(), hashlib.sha256).hexdigest()
        event = json.loads(body)
        event["signature"] = {"timestamp": ts, "token": token, "signature": mac}
        return {"headers": {"Content-Type": "application/json"}, "body": json.dumps(event)}
    if p == "square":
        mac = hmac.new(req["secret"].encode(), (req["url"] + body).encode("utf-8"), hashlib.sha256)
        return {"headers": {"x-square-hmacsha256-signature": base64.b64encode(mac.digest()).decode()}}
    raise ValueError(f"unsupported provider {p!r}")


def main():
    for raw in sys.stdin:
        if not raw.strip():
            continue
        try:
            req = json.loads(raw)
            out = sign(req) if req.get("op") == "sign" else verify(req)
        except Exception as e:  # a library's rejection is a verification failure
            out = {"ok": False, "error": f"{type(e).__name__}: {str(e).splitlines()[0] if str(e) else ''}"}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
