// The webhook endpoint as Stripe's docs write it
// (https://docs.stripe.com/webhooks/quickstart, Node/Express): the raw body
// from express.raw({type: 'application/json'}), verified with
// stripe.webhooks.constructEvent, 400 on failure, 200 {received: true} on
// success. Benchmark peer for `hookcli listen` (benches/listen_load.sh).
//
// Usage: node server.js   (env: STRIPE_WEBHOOK_SECRET, TOLERANCE seconds)
// Prints "listening on http://127.0.0.1:PORT/webhooks" first.
const express = require('express');
const stripe = require('stripe')('sk_test_bench_no_network');

const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET;
const tolerance = Number(process.env.TOLERANCE || 300);
const app = express();

app.post('/webhooks', express.raw({ type: 'application/json' }), (request, response) => {
  const sig = request.headers['stripe-signature'];
  let event;
  try {
    event = stripe.webhooks.constructEvent(request.body, sig, endpointSecret, tolerance);
  } catch (err) {
    response.status(400).send(`Webhook Error: ${err.message}`);
    return;
  }
  switch (event.type) {
    default:
      break;
  }
  response.json({ received: true });
});

const server = app.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/webhooks`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
