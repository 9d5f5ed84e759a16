#!/usr/bin/env node
// Verify Square, Discord, Clerk and Resend deliveries with their OFFICIAL npm
// libraries (after scripts/setup-verifiers.sh):
//   node tests/official/more_providers.mjs
//
// JSON Lines on stdin, one answer per line on stdout:
//   in:  {"provider": "square" | "discord" | "clerk" | "resend" | "standard",
//         "secret": str, "headers": {name: value}, "body": str, "url": str (square)}
//   out: {"ok": true} | {"ok": false, "error": "..."}
//
// square:   square's WebhooksHelper.verifySignature({requestBody, signatureHeader,
//           signatureKey, notificationUrl}) with <x-square-hmacsha256-signature>.
// discord:  discord-interactions verifyKey(body, <X-Signature-Ed25519>,
//           <X-Signature-Timestamp>, publicKey); "secret" is the hex public key.
// clerk:    @clerk/backend/webhooks verifyWebhook(new Request(...), {signingSecret}),
//           then svix's Webhook(secret).verify(body, headers).
// resend, standard: svix's Webhook(secret).verify(body, headers).
import { WebhooksHelper } from 'square';
import { verifyKey } from 'discord-interactions';
import { verifyWebhook } from '@clerk/backend/webhooks';
import { Webhook as SvixWebhook } from 'svix';
import { InputError, describe, getHeader, requireObject, requireString, serve } from './lib.mjs';

const mismatch = { ok: false, error: 'signature mismatch' };

async function handle(req) {
  const secret = requireString(req, 'secret');
  const body = requireString(req, 'body');
  const headers = requireObject(req, 'headers');
  switch (req.provider) {
    case 'square': {
      const ok = await WebhooksHelper.verifySignature({
        requestBody: body,
        signatureHeader: getHeader(headers, 'x-square-hmacsha256-signature') ?? '',
        signatureKey: secret,
        notificationUrl: requireString(req, 'url'),
      });
      return ok ? { ok: true } : mismatch;
    }
    case 'discord': {
      const ok = await verifyKey(
        Buffer.from(body, 'utf8'),
        getHeader(headers, 'X-Signature-Ed25519') ?? '',
        getHeader(headers, 'X-Signature-Timestamp') ?? '',
        secret,
      );
      return ok ? { ok: true } : mismatch;
    }
    case 'clerk': {
      const request = new Request('http://127.0.0.1/webhooks/clerk', {
        method: 'POST',
        headers,
        body,
      });
      await verifyWebhook(request, { signingSecret: secret });
      new SvixWebhook(secret).verify(body, headers);
      return { ok: true };
    }
    case 'resend':
    case 'standard':
      new SvixWebhook(secret).verify(body, headers);
      return { ok: true };
    default:
      throw new InputError(`unsupported provider ${JSON.stringify(req.provider)}`);
  }
}

serve({
  handle,
  onError: (e) => ({ ok: false, error: describe(e) }),
  onInputError: (e) => ({ ok: false, error: describe(e), input_error: true }),
});
