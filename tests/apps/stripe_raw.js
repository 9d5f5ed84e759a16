// The correct handler, as Stripe's docs write it
// (https://docs.stripe.com/webhooks/quickstart, Node/Express):
// express.raw on the route, stripe.webhooks.constructEvent, 400 on failure.
// Plus what a careful app adds: each event id processed once, and a
// test-only route counting side effects (the audit's --probe-url).
const express = require('express');
const stripe = require('stripe')('sk_test_hookcli_no_network');
const { listen } = require('./lib');

const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET;
const seen = new Set();
let effects = 0;
const app = express();

app.post('/webhooks', express.raw({ type: 'application/json' }), (request, response) => {
  const sig = request.headers['stripe-signature'];
  let event;
  try {
    event = stripe.webhooks.constructEvent(request.body, sig, endpointSecret);
  } catch (err) {
    response.status(400).send(`Webhook Error: ${err.message}`);
    return;
  }
  if (!seen.has(event.id)) {
    seen.add(event.id);
    effects += 1;
  }
  switch (event.type) {
    case 'payment_intent.succeeded':
      break;
    default:
      break;
  }
  response.json({ received: true });
});

app.get('/test/effects', (request, response) => response.json({ effects }));

listen(app);
