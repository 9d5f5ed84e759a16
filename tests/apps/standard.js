// A Standard Webhooks receiver with the reference library: raw body,
// new Webhook(secret).verify(payload, headers).
const express = require('express');
const { Webhook } = require('standardwebhooks');
const { listen } = require('./lib');

const wh = new Webhook(process.env.WEBHOOK_SECRET);
const app = express();

app.post('/webhooks', express.raw({ type: 'application/json' }), (request, response) => {
  let event;
  try {
    event = wh.verify(request.body.toString('utf8'), request.headers);
  } catch (err) {
    response.status(400).send('invalid signature');
    return;
  }
  console.error(`handled ${event.type}`);
  response.status(204).end();
});

listen(app);
