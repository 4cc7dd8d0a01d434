// Runs dynalite (a pure-JS implementation of the DynamoDB API on an in-memory LevelDB) in its own
// process, for `--in-memory` runs on machines without Java. Started by local-stores.ts; prints
// {"port":N} once listening and exits when its parent closes stdin, so it never outlives it.
'use strict';
const dynalite = require('dynalite');

// Table creation and deletion are instant (dynalite's defaults simulate AWS's seconds of CREATING).
const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.on('error', (err) => {
  process.stderr.write(`dynalite failed to start: ${err && err.message}\n`);
  process.exit(1);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${JSON.stringify({ port: server.address().port })}\n`));
const shutdown = () => server.close(() => process.exit(0));
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
