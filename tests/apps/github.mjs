// A GitHub receiver with @octokit/webhooks-methods: raw body, verify the
// X-Hub-Signature-256 header, answer the `ping` sent at creation.
import express from 'express';
import { verify } from '@octokit/webhooks-methods';
import { listen } from './lib.js';

const secret = process.env.GITHUB_WEBHOOK_SECRET;
const app = express();

app.post('/webhooks', express.raw({ type: 'application/json' }), async (request, response) => {
  const signature = request.headers['x-hub-signature-256'];
  const payload = Buffer.isBuffer(request.body) ? request.body.toString('utf8') : '';
  let ok = false;
  try {
    ok = typeof signature === 'string' && (await verify(secret, payload, signature));
  } catch (err) {
    ok = false;
  }
  if (!ok) {
    response.status(401).send('invalid signature');
    return;
  }
  const name = request.headers['x-github-event'];
  if (name === 'ping') {
    response.status(200).send('pong');
    return;
  }
  response.status(202).send('accepted');
});

listen(app);
