#!/usr/bin/env node
// Verify webhooks with the providers' OFFICIAL npm libraries.
//   node tests/official/verify.mjs     (after scripts/setup-verifiers.sh)
//
// JSON Lines on stdin, one JSON line per non-blank input line on stdout:
//   in:  {"provider": "stripe" | "github" | "standard", "secret": str,
//         "headers": {name: value}, "body": str,
//         "tolerance": int (optional, default 300; stripe only),
//         "parse": bool (optional, default true; stripe/standard)}
//   out: {"ok": true}
//        {"ok": false, "error": "<ErrorClass>: <message>"}
//        {"ok": false, "error": "InputError: ...", "input_error": true}
//
// stripe:   Stripe.webhooks.constructEvent(body, <Stripe-Signature>, secret, tolerance)
//           (static helper: no client / API key / network needed). "parse": false
//           -> Stripe.webhooks.signature.verifyHeader(...) (no JSON.parse of body).
// github:   @octokit/webhooks-methods verify(secret, body, <X-Hub-Signature-256>);
//           resolves false -> {"ok": false, "error": "signature mismatch"}.
// standard: new Webhook(secret).verify(body, headers)  ("parse": false -> jsonParse:false).
//           Tolerance is fixed by the library (5 min both ways); "tolerance" ignored.
// twilio:   twilio.validateRequest(token, <X-Twilio-Signature>, url, params) with the
//           form body's parameters (a repeated name as an array), or, when the URL
//           carries bodySHA256, twilio.validateRequestWithBody(token, sig, url, body).
//           Needs "url": the URL Twilio called.
// sendgrid: @sendgrid/eventwebhook: ew.verifySignature(ew.convertPublicKeyToECDSA(secret),
//           body, <X-Twilio-Email-Event-Webhook-Signature>, <...-Timestamp>); "secret" is
//           the verification key (base64 SPKI); false -> {"ok": false, "error": "signature mismatch"}.
// Header names are matched case-insensitively for all providers.
import Stripe from 'stripe';
import twilio from 'twilio';
import { verify as octokitVerify } from '@octokit/webhooks-methods';
import { Webhook } from 'standardwebhooks';
import sendgridWebhook from '@sendgrid/eventwebhook';
import {
  InputError, describe, getHeader, optionalInt, requireObject, requireString, serve,
} from './lib.mjs';

// A form body's parameters as Express's urlencoded parser gives them: a
// repeated name as an array.
function formParams(body) {
  const params = {};
  for (const [k, v] of new URLSearchParams(body)) {
    if (k in params) params[k] = [].concat(params[k], v);
    else params[k] = v;
  }
  return params;
}

async function handle(req) {
  const provider = req.provider;
  if (!['stripe', 'github', 'standard', 'twilio', 'sendgrid'].includes(provider)) {
    throw new InputError(`unsupported provider ${JSON.stringify(provider)} (expected stripe, github, standard, twilio or sendgrid)`);
  }
  const secret = requireString(req, 'secret');
  const body = requireString(req, 'body');
  const headers = requireObject(req, 'headers');
  const tolerance = optionalInt(req, 'tolerance', 300);
  const parse = req.parse ?? true;
  if (typeof parse !== 'boolean') throw new InputError("'parse' must be a boolean");

  switch (provider) {
    case 'stripe': {
      const sig = getHeader(headers, 'Stripe-Signature');
      if (parse) Stripe.webhooks.constructEvent(body, sig, secret, tolerance);
      else Stripe.webhooks.signature.verifyHeader(body, sig, secret, tolerance);
      return { ok: true };
    }
    case 'github': {
      const sig = getHeader(headers, 'X-Hub-Signature-256');
      const ok = await octokitVerify(secret, body, sig);
      return ok ? { ok: true } : { ok: false, error: 'signature mismatch' };
    }
    case 'standard': {
      new Webhook(secret).verify(body, headers, { jsonParse: parse });
      return { ok: true };
    }
    case 'twilio': {
      const url = requireString(req, 'url');
      const sig = getHeader(headers, 'X-Twilio-Signature');
      const ok = url.includes('bodySHA256')
        ? twilio.validateRequestWithBody(secret, sig, url, body)
        : twilio.validateRequest(secret, sig, url, formParams(body));
      return ok ? { ok: true } : { ok: false, error: 'signature mismatch' };
    }
    case 'sendgrid': {
      const ew = new sendgridWebhook.EventWebhook();
      const key = ew.convertPublicKeyToECDSA(secret);
      const sig = getHeader(headers, 'X-Twilio-Email-Event-Webhook-Signature');
      const ts = getHeader(headers, 'X-Twilio-Email-Event-Webhook-Timestamp');
      return ew.verifySignature(key, body, sig, ts) ? { ok: true } : { ok: false, error: 'signature mismatch' };
    }
  }
}

await serve({
  handle,
  onError: (e) => ({ ok: false, error: describe(e) }),
  onInputError: (e) => ({ ok: false, error: describe(e), input_error: true }),
});
