"""The correct handler in Python, as Stripe's docs write it for Flask:
request.data (the raw body) and stripe.Webhook.construct_event; 400 on a
bad payload or signature. Prints its address first, like the Node apps."""

import os

import stripe
from flask import Flask, jsonify, request
from werkzeug.serving import make_server

app = Flask(__name__)
endpoint_secret = os.environ["STRIPE_WEBHOOK_SECRET"]


@app.post("/webhooks")
def webhook():
    payload = request.data
    sig_header = request.headers.get("Stripe-Signature")
    try:
        event = stripe.Webhook.construct_event(payload, sig_header, endpoint_secret)
    except ValueError:
        return "Invalid payload", 400
    except stripe.error.SignatureVerificationError:
        return "Invalid signature", 400
    if event["type"] == "payment_intent.succeeded":
        pass
    return jsonify(success=True)


if __name__ == "__main__":
    server = make_server("127.0.0.1", 0, app, threaded=True)
    print(f"listening on http://127.0.0.1:{server.port}/webhooks", flush=True)
    server.serve_forever()
