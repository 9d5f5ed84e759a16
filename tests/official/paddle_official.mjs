#!/usr/bin/env node
// Paddle Billing's official Node verifier (@paddle/paddle-node-sdk), over JSON Lines.
//   in:  {"secret", "headers", "body"}
//   -> await new Paddle(<api key>).webhooks.unmarshal(body, secret, <Paddle-Signature>)
//      (its 5 s window against the system clock; it rejects only the past)
//   out: {"ok": true} / {"ok": false, "error": ...}
import { Paddle } from '@paddle/paddle-node-sdk';
import { describe, getHeader, serve } from './lib.mjs';

const paddle = new Paddle('pdl_sdbx_apikey_hookcli_unused');

await serve({
  handle: async (req) => {
    const sig = getHeader(req.headers, 'Paddle-Signature');
    await paddle.webhooks.unmarshal(req.body, req.secret, sig);
    return { ok: true };
  },
  onError: (e) => ({ ok: false, error: describe(e) }),
  onInputError: (e) => ({ ok: false, error: describe(e), input_error: true }),
});
