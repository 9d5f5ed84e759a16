// A SendGrid Event Webhook receiver with @sendgrid/eventwebhook, as its
// README writes it: the raw body, verifySignature with the verification key
// (SENDGRID_WEBHOOK_VERIFICATION_KEY, here hookcli's local test key's), 403
// when it does not verify; each event handled once (by sg_event_id), and a
// test-only route counting side effects.
//
// SENDGRID_BODY=json plants the commonest mistake: express.json() parses the
// batch, and the signature is checked over JSON.stringify(request.body),
// which is not the bytes SendGrid signed.
import express from 'express';
import { official } from './official.mjs';
import { listen } from './lib.js';

const { EventWebhook, EventWebhookHeader } = official('@sendgrid/eventwebhook');
const verifier = new EventWebhook();
const key = verifier.convertPublicKeyToECDSA(process.env.SENDGRID_WEBHOOK_VERIFICATION_KEY);
const parsed = process.env.SENDGRID_BODY === 'json';
const seen = new Set();
let effects = 0;
const app = express();

const body = parsed
  ? express.json({ limit: '1mb' })
  : express.raw({ type: 'application/json', limit: '1mb' });

app.post('/webhooks', body, (request, response) => {
  const signature = request.get(EventWebhookHeader.SIGNATURE());
  const timestamp = request.get(EventWebhookHeader.TIMESTAMP());
  const payload = parsed ? JSON.stringify(request.body) : request.body;
  let ok = false;
  try {
    ok = typeof signature === 'string' && typeof timestamp === 'string'
      && (parsed || Buffer.isBuffer(payload))
      && verifier.verifySignature(key, payload, signature, timestamp);
  } catch (err) {
    ok = false;
  }
  if (!ok) {
    response.status(403).send('invalid signature');
    return;
  }
  let events;
  try {
    events = parsed ? request.body : JSON.parse(payload.toString('utf8'));
  } catch (err) {
    response.status(400).send('not JSON');
    return;
  }
  if (!Array.isArray(events)) {
    response.status(400).send('expected an array of events');
    return;
  }
  for (const event of events) {
    const id = event && event.sg_event_id;
    if (id && !seen.has(id)) {
      seen.add(id);
      effects += 1;
    }
  }
  response.sendStatus(204);
});

app.get('/test/effects', (request, response) => response.json({ effects }));

listen(app);
