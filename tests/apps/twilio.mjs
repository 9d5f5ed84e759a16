// A Twilio SMS webhook as Twilio's docs write it (Node/Express): the form
// body parsed by express.urlencoded, twilio.webhook() validating
// X-Twilio-Signature over the URL it rebuilds from the request and the POST
// parameters, TwiML back. Each message handled once (by
// I-Twilio-Idempotency-Token), and a test-only route counting side effects.
//
// TWILIO_PROTOCOL=https plants a common mistake: the protocol pinned to
// https (right behind ngrok), so a delivery over plain http, as the local
// audit sends it, never validates.
import express from 'express';
import { official } from './official.mjs';
import { listen } from './lib.js';

const twilio = official('twilio');
const options = process.env.TWILIO_PROTOCOL ? { protocol: process.env.TWILIO_PROTOCOL } : {};
const seen = new Set();
let effects = 0;
const app = express();

app.post('/webhooks', express.urlencoded({ extended: false }), twilio.webhook(options), (request, response) => {
  const token = request.header('I-Twilio-Idempotency-Token') || request.body.MessageSid;
  if (!seen.has(token)) {
    seen.add(token);
    effects += 1;
  }
  response.type('text/xml').send('<Response></Response>');
});

app.get('/test/effects', (request, response) => response.json({ effects }));

listen(app);
