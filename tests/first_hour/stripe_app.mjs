// A Stripe webhook handler as a new user writes it, on node:http with the
// official `stripe` package (installed into tests/official/ by
// scripts/setup-verifiers.sh). It answers as the Stripe docs' sample does:
// 200 {"received": true}, or 400 "Webhook Error: <the library's message>".
//
//   node stripe_app.mjs parsed SECRET   the classic bug: the body is parsed
//                                       as JSON and re-stringified before
//                                       verification (express.json() +
//                                       JSON.stringify(req.body))
//   node stripe_app.mjs raw SECRET      the fix: the raw bytes are verified
//
// Prints `listening on http://127.0.0.1:PORT/` first (port 0 = a free one).
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../official/package.json', import.meta.url));
const Stripe = require('stripe');
const stripe = new Stripe('sk_test_unused');

const [mode, secret] = process.argv.slice(2);
if (!['parsed', 'raw'].includes(mode) || !secret) {
  process.stderr.write('usage: node stripe_app.mjs parsed|raw SECRET\n');
  process.exit(2);
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks);
    let payload = raw;
    if (mode === 'parsed') {
      try {
        payload = JSON.stringify(JSON.parse(raw.toString('utf8')));
      } catch (e) {
        res.writeHead(400, { 'Content-Type': 'text/plain' });
        res.end(`Webhook Error: ${e.message}`);
        return;
      }
    }
    try {
      const event = stripe.webhooks.constructEvent(payload, req.headers['stripe-signature'], secret);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ received: true, type: event.type }));
    } catch (err) {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end(`Webhook Error: ${err.message}`);
    }
  });
});

server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}/\n`);
});
process.on('SIGTERM', () => process.exit(0));
