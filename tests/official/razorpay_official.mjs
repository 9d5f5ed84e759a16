#!/usr/bin/env node
// Razorpay's official Node verifier (razorpay validateWebhookSignature), over JSON Lines.
//   in:  {"secret", "headers", "body"}
//   out: {"ok": true} / {"ok": false, "error": ...}
import utils from 'razorpay/dist/utils/razorpay-utils.js';
import { describe, getHeader, serve } from './lib.mjs';

await serve({
  handle: (req) => {
    const sig = getHeader(req.headers, 'X-Razorpay-Signature');
    return utils.validateWebhookSignature(req.body, sig, req.secret)
      ? { ok: true }
      : { ok: false, error: 'validateWebhookSignature returned false' };
  },
  onError: (e) => ({ ok: false, error: describe(e) }),
  onInputError: (e) => ({ ok: false, error: describe(e), input_error: true }),
});
