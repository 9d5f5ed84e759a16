// A GitLab receiver as GitLab's docs describe one: compare X-Gitlab-Token
// with the webhook's Secret token (here as SHA-256 digests with
// crypto.timingSafeEqual, so unequal lengths cannot throw), no signature.
// GitLab publishes no verifier library; this is the whole check.
import express from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { listen } from './lib.js';

const secret = process.env.GITLAB_WEBHOOK_SECRET;
const digest = (text) => createHash('sha256').update(text, 'utf8').digest();
const app = express();

app.post('/webhooks', express.json({ limit: '1mb' }), (request, response) => {
  const token = request.headers['x-gitlab-token'];
  const ok =
    typeof secret === 'string' &&
    secret !== '' &&
    typeof token === 'string' &&
    timingSafeEqual(digest(token), digest(secret));
  if (!ok) {
    response.status(401).send('invalid token');
    return;
  }
  const kind = request.body && request.body.object_kind;
  response.status(200).json({ received: kind || null });
});

listen(app);
