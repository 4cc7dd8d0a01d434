/**
 * The replay server in its own process, for the pipeline bench: the "web" the pipeline crawls should not
 * share the event loop it is measuring (a real site is another machine). Prints {"port":N,"hosts":[...]}
 * once listening; exits when its parent closes stdin, so it never outlives the bench.
 *
 *   node --import tsx test/bench/replay-child.ts TREE_DIR
 */
import { startReplayServer } from '../../lambdas/dev/replay/index.js';

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: replay-child.ts TREE_DIR\n');
  process.exit(2);
}
const server = await startReplayServer(dir);
// The bench reads nothing from the log; dropping it keeps this process flat over any page count.
setInterval(() => server.log.splice(0), 1_000).unref();
process.stdout.write(`${JSON.stringify({ port: server.port, hosts: server.hosts })}\n`);
const shutdown = () => void server.close().finally(() => process.exit(0));
process.stdin.on('end', shutdown);
process.stdin.on('close', shutdown);
process.stdin.resume();
process.on('SIGTERM', shutdown);
