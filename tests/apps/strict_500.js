// Verifies correctly, then fails loudly: it throws on event types it does
// not handle and parses the body outside the try, so both end in Express's
// default error handler (500, and a stack trace outside production).
const express = require('express');
const stripe = require('stripe')('sk_test_hookcli_no_network');
const { listen } = require('./lib');

const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET;
const app = express();

app.post('/webhooks', express.raw({ type: 'application/json' }), (request, response) => {
  try {
    stripe.webhooks.signature.verifyHeader(
      request.body.toString('utf8'),
      request.headers['stripe-signature'],
      endpointSecret,
      300,
    );
  } catch (err) {
    response.status(400).send(`Webhook Error: ${err.message}`);
    return;
  }
  const event = JSON.parse(request.body.toString('utf8'));
  switch (event.type) {
    case 'payment_intent.succeeded':
    case 'invoice.paid':
    case 'invoice.created':
      break;
    default:
      throw new Error(`Unhandled event type ${event.type}`);
  }
  response.json({ received: true });
});

listen(app);
