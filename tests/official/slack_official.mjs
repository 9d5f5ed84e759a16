#!/usr/bin/env node
// Slack's official Node verifier (@slack/bolt verifySlackRequest), over JSON Lines.
//   in:  {"secret", "headers", "body", "now": int (Unix seconds)}
//   out: {"ok": true} / {"ok": false, "error": ...}
import { verifySlackRequest } from '@slack/bolt';
import { describe, getHeader, serve } from './lib.mjs';

await serve({
  handle: (req) => {
    verifySlackRequest({
      signingSecret: req.secret,
      body: req.body,
      headers: {
        'x-slack-signature': getHeader(req.headers, 'X-Slack-Signature'),
        'x-slack-request-timestamp': Number(getHeader(req.headers, 'X-Slack-Request-Timestamp')),
      },
      nowMilliseconds: req.now * 1000,
    });
    return { ok: true };
  },
  onError: (e) => ({ ok: false, error: describe(e) }),
  onInputError: (e) => ({ ok: false, error: describe(e), input_error: true }),
});
