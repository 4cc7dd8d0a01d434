/**
 * `jsnews local start|stop|status`: keep DynamoDB Local and s3rver running between commands, so a
 * query answers without starting a JVM (5-9 s) each time. Every store command uses running stores
 * of its data directory when they answer, and starts its own otherwise.
 */
import { z } from 'zod';
import { addSubcommand, EXIT_FAILED, parseOptions, usageError, type CliCommand } from './framework.js';
import { addStoreOptions, StoreFlags } from './store-options.js';

const Options = z.object({ '--home': StoreFlags['--home'], '--json': z.boolean().optional() });

async function context(cmd: import('commander').Command) {
  const opts = parseOptions(Options, cmd);
  const [{ commandConfig }, local] = await Promise.all([import('./open.js'), import('../dev/local-stores.js')]);
  const config = commandConfig(opts);
  if (config.mode === 'aws') throw usageError('AWS is configured (JSNEWS_TABLE, JSNEWS_BUCKET, AWS_REGION): there are no local stores to manage');
  return { opts, config, local };
}

const start: CliCommand = {
  name: 'start',
  summary: 'start the local stores in the background (on disk in the data directory)',
  examples: ['jsnews local start', 'JSNEWS_HOME=/data/jsnews jsnews local start'],
  configure: (cmd) => addStoreOptions(cmd, { inMemory: false }).option('--json', 'print the endpoints as JSON'),
  async run(_args, cmd) {
    const { opts, config, local } = await context(cmd);
    const before = await local.findRunningStores(config.localDataDir);
    const info = before ?? (await local.startDetachedStores(config.localDataDir));
    const { ensureRunningStoresReady } = await import('../dev/open-stores.js');
    await ensureRunningStoresReady(config, { dynamo: info.dynamo.endpoint, s3: info.s3.endpoint });
    if (opts['--json']) process.stdout.write(`${JSON.stringify(info)}\n`);
    else
      process.stdout.write(
        `${before ? 'already running' : 'started'}: DynamoDB Local ${info.dynamo.endpoint} (pid ${info.dynamo.pid}), s3rver ${info.s3.endpoint} (pid ${info.s3.pid})\n` +
          `data: ${info.dataDir}\nstop with: jsnews local stop${opts['--home'] ? ` --home ${opts['--home']}` : ''}\n`,
      );
    return 0;
  },
};

const stop: CliCommand = {
  name: 'stop',
  summary: 'stop the local stores started by jsnews local start',
  examples: ['jsnews local stop'],
  configure: (cmd) => addStoreOptions(cmd, { inMemory: false }),
  async run(_args, cmd) {
    const { config, local } = await context(cmd);
    const stopped = await local.stopDetachedStores(config.localDataDir);
    process.stdout.write(stopped ? `stopped the local stores of ${config.localDataDir}\n` : `no local stores running for ${config.localDataDir}\n`);
    return 0;
  },
};

const status: CliCommand = {
  name: 'status',
  summary: 'say whether the local stores are running, and where (exit 1 when they are not)',
  examples: ['jsnews local status', 'jsnews local status --json'],
  configure: (cmd) => addStoreOptions(cmd, { inMemory: false }).option('--json', 'print the state as JSON'),
  async run(_args, cmd) {
    const { opts, config, local } = await context(cmd);
    const info = await local.findRunningStores(config.localDataDir);
    if (opts['--json']) process.stdout.write(`${JSON.stringify({ running: info !== null, dataDir: config.localDataDir, ...(info ?? {}) })}\n`);
    else if (info)
      process.stdout.write(`running since ${info.startedAt}: DynamoDB Local ${info.dynamo.endpoint} (pid ${info.dynamo.pid}), s3rver ${info.s3.endpoint} (pid ${info.s3.pid})\ndata: ${info.dataDir}\n`);
    else process.stdout.write(`not running (data: ${config.localDataDir}); commands start their own stores, or: jsnews local start\n`);
    return info ? 0 : EXIT_FAILED;
  },
};

export const command: CliCommand = {
  name: 'local',
  summary: 'start, stop or check the local stores kept running between commands',
  description:
    'Without AWS configuration every store command needs DynamoDB Local (a JVM, several seconds to start) and s3rver. `jsnews local start` keeps both running in the background for the data directory; commands then use them and answer in well under a second. They run until `jsnews local stop`.',
  examples: ['jsnews local start', 'jsnews query --day 2024-02-20 --format table   # uses the running stores', 'jsnews local status', 'jsnews local stop'],
  configure(cmd) {
    for (const sub of [start, stop, status]) addSubcommand(cmd, sub);
  },
};
