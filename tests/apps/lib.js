// Shared by the test apps: listen on 127.0.0.1:0 and print the address
// first (the test reads it), stop on SIGTERM.
module.exports.listen = function listen(app) {
  const server = app.listen(0, '127.0.0.1', () => {
    console.log(`listening on http://127.0.0.1:${server.address().port}/webhooks`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  return server;
};
