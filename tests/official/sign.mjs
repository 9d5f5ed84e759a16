#!/usr/bin/env node
// Sign webhooks with the providers' OFFICIAL npm libraries' own signing helpers.
//   node tests/official/sign.mjs     (after scripts/setup-verifiers.sh)
//
// JSON Lines on stdin, one JSON line per non-blank input line on stdout:
//   in:  {"provider": "stripe" | "github" | "standard", "secret": str, "body": str,
//         "timestamp": int unix seconds (optional, default now; stripe/standard),
//         "id": str (optional, standard only, default "msg_hookcli_test")}
//   out: {"headers": {...}}
//        {"error": "<ErrorClass>: <message>"}
//        {"error": "InputError: ...", "input_error": true}
//
// stripe:   Stripe.webhooks.generateTestHeaderString({payload, secret, timestamp})
//           -> {"Stripe-Signature": "t=...,v1=..."}
//           NB: the library treats timestamp 0 as "now" (`opts.timestamp && ...`);
//           we reject 0 rather than silently signing with the current time.
// github:   @octokit/webhooks-methods sign(secret, body) -> {"X-Hub-Signature-256": "sha256=..."}
//           (the library rejects an empty body or secret).
// standard: new Webhook(secret).sign(id, new Date(timestamp*1000), body)
//           -> {"webhook-id", "webhook-timestamp", "webhook-signature"}
// twilio:   twilio.getExpectedTwilioSignature(token, url, params) over "url" and the
//           form body's parameters; for a JSON body, over url + bodySHA256 (from
//           getExpectedBodyHash) with no parameters -> {"X-Twilio-Signature", "url"}.
import Stripe from 'stripe';
import { getExpectedBodyHash, getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { sign as octokitSign } from '@octokit/webhooks-methods';
import { Webhook } from 'standardwebhooks';
import { InputError, describe, optionalInt, requireString, serve } from './lib.mjs';

const DEFAULT_MSG_ID = 'msg_hookcli_test';

async function handle(req) {
  const provider = req.provider;
  if (!['stripe', 'github', 'standard', 'twilio'].includes(provider)) {
    throw new InputError(`unsupported provider ${JSON.stringify(provider)} (expected stripe, github, standard or twilio)`);
  }
  const secret = requireString(req, 'secret');
  const body = requireString(req, 'body');
  const timestamp = optionalInt(req, 'timestamp', Math.floor(Date.now() / 1000));
  const id = req.id ?? DEFAULT_MSG_ID;
  if (typeof id !== 'string') throw new InputError("'id' must be a string");

  switch (provider) {
    case 'stripe': {
      if (timestamp === 0) throw new InputError("'timestamp' 0 is treated as 'now' by stripe-node; use a non-zero value");
      const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp });
      return { headers: { 'Stripe-Signature': header } };
    }
    case 'github':
      return { headers: { 'X-Hub-Signature-256': await octokitSign(secret, body) } };
    case 'standard': {
      const sig = new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
      return { headers: { 'webhook-id': id, 'webhook-timestamp': String(timestamp), 'webhook-signature': sig } };
    }
    case 'twilio': {
      let url = requireString(req, 'url');
      let params = {};
      if (req.json) {
        url += (url.includes('?') ? '&' : '?') + 'bodySHA256=' + getExpectedBodyHash(body);
      } else {
        for (const [k, v] of new URLSearchParams(body)) {
          params[k] = k in params ? [].concat(params[k], v) : v;
        }
      }
      return { headers: { 'X-Twilio-Signature': getExpectedTwilioSignature(secret, url, params) }, url };
    }
  }
}

await serve({
  handle,
  onError: (e) => ({ error: describe(e) }),
  onInputError: (e) => ({ error: describe(e), input_error: true }),
});
