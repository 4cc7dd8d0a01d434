#!/usr/bin/env node
/**
 * The `jsnews` command. Each subcommand lives in its own module and is loaded only when used, so
 * `jsnews normalize` never loads the AWS SDK.
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ main(argv: string[]): Promise<number> }> }> = {
  normalize: { summary: 'normalize page files to contract records (JSON Lines); no network, no store', load: () => import('./normalize.js') },
  run: { summary: 'run one ingestion cycle of all enabled sources (embedded local stores unless AWS is configured); --replay DIR for offline', load: () => import('./run.js') },
  backfill: { summary: 'fetch and store given URLs, a source\'s list pages, or a date range (--remote invokes the deployed Lambda)', load: () => import('./backfill.js') },
  reprocess: { summary: 're-normalize archived raw pages without fetching (all, a source, a date range)', load: () => import('./reprocess.js') },
  query: { summary: 'read records and failures by id, URL, site, day, city, reposts', load: () => import('./query.js') },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: jsnews <command> [options]\n\ncommands:\n${lines.join('\n')}\n\nRun jsnews <command> --help for a command's options.\n`;
}

async function cli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`jsnews: unknown command "${name}"\n${usage()}`);
    return 2;
  }
  const mod = await command.load();
  return mod.main(rest);
}

cli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`jsnews: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
