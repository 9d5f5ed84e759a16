#!/usr/bin/env node
// Shopify's official webhook validator, @shopify/shopify-api (npm), and a
// signer made outside hookcli (node:crypto), over JSON Lines.
//   node tests/official/shopify.mjs     (after scripts/setup-verifiers.sh)
//
//   in:  {"op": "verify", "secret": str, "headers": {name: value}, "body": str}
//   out: {"ok": true, "topic": ..., "webhookId": ...}  (shopify.webhooks.validate said valid)
//        {"ok": false, "error": "<reason>", "missingHeaders": [...]}
//   in:  {"op": "sign", "secret": str, "body": str}
//   out: {"ok": true, "hmac": base64 HMAC-SHA256 of the body's UTF-8 bytes}
//
// validate() is given the body as received (rawBody) and a Node request
// carrying the headers, as shopify-app-express hands them over; it checks
// the HMAC and requires Topic, Shop-Domain, API-Version and Webhook-Id.
import '@shopify/shopify-api/adapters/node';
import { shopifyApi, ApiVersion, LogSeverity } from '@shopify/shopify-api';
import { createHmac } from 'node:crypto';
import { InputError, describe, requireObject, requireString, serve } from './lib.mjs';

const apis = new Map();
function api(secret) {
  if (!apis.has(secret)) {
    apis.set(secret, shopifyApi({
      apiKey: 'hookcli-test-api-key',
      apiSecretKey: secret,
      scopes: [],
      hostName: 'localhost',
      apiVersion: ApiVersion.July26,
      isEmbeddedApp: false,
      logger: { level: LogSeverity.Error, log: () => {} },
    }));
  }
  return apis.get(secret);
}

async function handle(req) {
  const secret = requireString(req, 'secret');
  const body = requireString(req, 'body');
  switch (req.op) {
    case 'sign':
      return { ok: true, hmac: createHmac('sha256', secret).update(body, 'utf8').digest('base64') };
    case 'verify': {
      const headers = {};
      for (const [k, v] of Object.entries(requireObject(req, 'headers'))) headers[k.toLowerCase()] = v;
      const rawRequest = { method: 'POST', url: '/webhooks', headers };
      const result = await api(secret).webhooks.validate({ rawBody: body, rawRequest, rawResponse: {} });
      return result.valid
        ? { ok: true, topic: result.topic, webhookId: result.webhookId }
        : { ok: false, error: result.reason, missingHeaders: result.missingHeaders };
    }
    default:
      throw new InputError(`unknown op ${JSON.stringify(req.op)} (expected verify or sign)`);
  }
}

await serve({
  handle,
  onError: (e) => ({ ok: false, error: describe(e) }),
  onInputError: (e) => ({ ok: false, error: describe(e), input_error: true }),
});
