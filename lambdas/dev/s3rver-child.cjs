// Runs s3rver in its own process (started by local-stores.ts with NODE_OPTIONS=--openssl-legacy-provider,
// which s3rver's DES continuation tokens need for paged listings). Prints {"port":N} once listening and
// exits when its parent closes stdin, so it can never outlive the process that started it.
'use strict';
const S3rver = require('s3rver');

const directory = process.argv[2];
if (!directory) {
  process.stderr.write('usage: s3rver-child.cjs DIR\n');
  process.exit(2);
}
// Optional: a fixed port, and --detached (for `jsnews local start`: keep running after the parent exits).
const port = process.argv[3] ? Number(process.argv[3]) : 0;
const detached = process.argv.includes('--detached');
const server = new S3rver({ address: '127.0.0.1', port, directory, silent: true });
server.run().then(
  (address) => process.stdout.write(`${JSON.stringify({ port: address.port })}\n`),
  (err) => {
    process.stderr.write(`s3rver failed to start: ${err && err.message}\n`);
    process.exit(1);
  },
);
const shutdown = () => server.close().finally(() => process.exit(0));
if (!detached) {
  process.stdin.on('end', shutdown);
  process.stdin.on('close', shutdown);
  process.stdin.resume();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
