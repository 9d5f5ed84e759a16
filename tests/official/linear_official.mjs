#!/usr/bin/env node
// Linear's official verifier (@linear/sdk/webhooks LinearWebhookClient), over JSON Lines.
//   in:  {"secret", "headers", "body"}
//   -> new LinearWebhookClient(secret).verify(Buffer.from(body), <Linear-Signature>)
//      (throws on a bad signature, and on a webhookTimestamp more than 60 s from Date.now())
//   out: {"ok": true} / {"ok": false, "error": ...}
import { LinearWebhookClient } from '@linear/sdk/webhooks';
import { describe, getHeader, serve } from './lib.mjs';

await serve({
  handle: (req) => {
    const client = new LinearWebhookClient(req.secret);
    const ok = client.verify(Buffer.from(req.body, 'utf8'), getHeader(req.headers, 'Linear-Signature'));
    return ok ? { ok: true } : { ok: false, error: 'verify returned false' };
  },
  onError: (e) => ({ ok: false, error: describe(e) }),
  onInputError: (e) => ({ ok: false, error: describe(e), input_error: true }),
});
