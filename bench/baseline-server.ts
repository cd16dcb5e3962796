/**
 * The baseline of the benchmark: a bare `node:http` server answering `{"success":true}` to every request.
 * Forked by `bench/run.ts` (`node dist/bench/baseline-server.js <port>`) so that it does not share an event loop with
 * autocannon. Tells the parent `ready` over IPC and exits when the parent goes away.
 */
import { createServer } from 'node:http';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  process.stderr.write('usage: baseline-server.js <port>\n');
  process.exit(2);
}

const body = Buffer.from('{"success":true}');

const server = createServer((req, res) => {
  // Drain the request body (none is sent, but keep-alive must not stall if one is).
  req.resume();
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': body.length });
  res.end(body);
});

server.keepAliveTimeout = 65000;
server.listen(port, '127.0.0.1', () => {
  if (process.send) {
    process.send('ready');
  } else {
    process.stdout.write(`baseline listening on http://127.0.0.1:${port}\n`);
  }
});

const close = (): void => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', close);
process.on('SIGINT', close);
process.on('disconnect', close);
