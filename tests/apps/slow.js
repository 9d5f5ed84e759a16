// Verifies correctly, then does its work before answering (SLOW_MS).
const express = require('express');
const stripe = require('stripe')('sk_test_hookcli_no_network');
const { listen } = require('./lib');

const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET;
const slowMs = Number(process.env.SLOW_MS || 1500);
const app = express();

app.post('/webhooks', express.raw({ type: 'application/json' }), async (request, response) => {
  let event;
  try {
    event = stripe.webhooks.constructEvent(request.body, request.headers['stripe-signature'], endpointSecret);
  } catch (err) {
    response.status(400).send(`Webhook Error: ${err.message}`);
    return;
  }
  // "Send the receipt email, then answer."
  await new Promise((resolve) => setTimeout(resolve, slowMs));
  console.error(`handled ${event.type}`);
  response.json({ received: true });
});

listen(app);
