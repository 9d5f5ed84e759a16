// A common mistake: express.json() parses the body, and the handler
// verifies JSON.stringify(req.body), a re-serialization of it, instead of
// the bytes Stripe signed.
const express = require('express');
const stripe = require('stripe')('sk_test_hookcli_no_network');
const { listen } = require('./lib');

const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET;
const app = express();
app.use(express.json());

app.post('/webhooks', (request, response) => {
  const sig = request.headers['stripe-signature'];
  let event;
  try {
    event = stripe.webhooks.constructEvent(JSON.stringify(request.body), sig, endpointSecret);
  } catch (err) {
    response.status(400).send(`Webhook Error: ${err.message}`);
    return;
  }
  console.error(`handled ${event.type}`);
  response.json({ received: true });
});

listen(app);
