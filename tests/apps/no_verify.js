// Verifies nothing: trusts whatever arrives.
const express = require('express');
const { listen } = require('./lib');

const app = express();
app.use(express.json());

app.post('/webhooks', (request, response) => {
  const event = request.body;
  switch (event.type) {
    case 'payment_intent.succeeded':
      break;
    default:
      break;
  }
  response.json({ received: true });
});

listen(app);
