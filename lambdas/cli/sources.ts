/** `jsnews sources list`: the sources a crawl would use (the built-in registry, --sources FILE or --replay DIR). */
import { z } from 'zod';
import { addSubcommand, parseOptions, type CliCommand } from './framework.js';
import { addCrawlOptions, CrawlFlags } from './store-options.js';

const Options = z.object({ ...CrawlFlags, '--json': z.boolean().optional() });

const list: CliCommand = {
  name: 'list',
  summary: 'list the sources: id, name, enabled, hosts, start pages, schedule',
  examples: ['jsnews sources list', 'jsnews sources list --replay seeds/replay/jiangsu', 'jsnews sources list --json'],
  configure: (cmd) => addCrawlOptions(cmd).option('--json', 'print the validated sources as JSON'),
  async run(_args, cmd) {
    const opts = parseOptions(Options, cmd);
    const [{ loadSources }, { join }, { formatTable }] = await Promise.all([import('../sites/load-sources.js'), import('node:path'), import('./pipeline-output.js')]);
    const sources = loadSources(opts['--sources'] ?? (opts['--replay'] ? join(opts['--replay'], 'sources.json') : undefined));
    if (opts['--json']) {
      process.stdout.write(`${JSON.stringify(sources)}\n`);
      return 0;
    }
    const rows = sources.map((s) => [s.id, s.name, s.enabled ? 'yes' : 'no', s.hosts.join(' '), String(s.startPages.length), s.schedule]);
    process.stdout.write(`${formatTable(['id', 'name', 'enabled', 'hosts', 'startPages', 'schedule'], rows)}\n`);
    return 0;
  },
};

export const command: CliCommand = {
  name: 'sources',
  summary: 'list the sources a crawl uses',
  description: 'The sources registry: built in (lambdas/sites/sources.ts), or a JSON file given with --sources, or a replay tree\'s sources.json with --replay.',
  examples: ['jsnews sources list'],
  configure(cmd) {
    addSubcommand(cmd, list);
  },
};
