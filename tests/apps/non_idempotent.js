// Verifies correctly, but processes every delivery it gets: a retry or a
// replay charges twice. /test/effects counts the side effects.
const express = require('express');
const stripe = require('stripe')('sk_test_hookcli_no_network');
const { listen } = require('./lib');

const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET;
let effects = 0;
const app = express();

app.post('/webhooks', express.raw({ type: 'application/json' }), (request, response) => {
  let event;
  try {
    event = stripe.webhooks.constructEvent(request.body, request.headers['stripe-signature'], endpointSecret);
  } catch (err) {
    response.status(400).send(`Webhook Error: ${err.message}`);
    return;
  }
  effects += 1;
  console.error(`fulfilled ${event.id}`);
  response.json({ received: true });
});

app.get('/test/effects', (request, response) => response.send(String(effects)));

listen(app);
