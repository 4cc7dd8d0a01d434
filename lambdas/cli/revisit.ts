/**
 * `jsnews revisit`: look again at tracked articles (change tracking) and report what changed.
 * By default only the revisits that are due now; `--all` every tracked article; `--due-before T`
 * what is due by T. Prints one JSON line per change (url, id, kind, detectedAt) and a summary on stderr.
 */
import { z } from 'zod';
import { parseOptions, type CliCommand } from './framework.js';
import { addCrawlCommandOptions, CrawlCommandFlags, IsoTime } from './store-options.js';

const Options = z.object({
  ...CrawlCommandFlags,
  '--all': z.boolean().optional(),
  '--due-before': IsoTime.optional(),
  '--json': z.boolean().optional(),
});

export const command: CliCommand = {
  name: 'revisit',
  summary: 'revisit tracked articles (due ones, or --all) and report edits, deletions and restorations',
  description:
    'Fetch tracked articles again, conditionally (ETag / Last-Modified) and as politely as a crawl, and compare the normalized record with the stored version: an edit (title, paragraphs, date or credits), a deletion (404/410, a redirect to a home/list/search page, a notice page; confirmed by a second sighting at least an hour later) or a restoration. Prints one JSON line per change; the summary goes to stderr. `jsnews run` does the due revisits after its cycle.',
  examples: [
    'jsnews revisit',
    'jsnews revisit --source jschina-jsnews --due-before 2026-01-10T00:00:00+08:00',
    'jsnews revisit --all --replay seeds/replay/jiangsu --now 2026-01-04T09:00:00+08:00',
  ],
  configure(cmd) {
    addCrawlCommandOptions(cmd, (c) =>
      c
        .option('--all', 'every tracked article, due or not')
        .option('--due-before <iso>', 'what is due at or before this time (default: now)')
        .option('--json', 'print every revisit (not only changes) as JSON lines'),
    );
  },
  async run(_args, cmd) {
    const opts = parseOptions(Options, cmd);
    const [{ Session, prepareCrawlCommand }, { revisitDue }] = await Promise.all([import('./session.js'), import('../pipeline/revisit.js')]);
    const session = new Session();
    try {
      const { selected, deps } = await prepareCrawlCommand(session, opts);
      const started = performance.now();
      const results = await revisitDue(selected, deps, {
        all: opts['--all'],
        ...(opts['--due-before'] ? { dueBefore: new Date(opts['--due-before']) } : {}),
        onResult: (r) => {
          if (opts['--json']) process.stdout.write(`${JSON.stringify(r)}\n`);
          else if (r.change) process.stdout.write(`${JSON.stringify({ url: r.url, id: r.id, kind: r.change, detectedAt: deps.clock().toISOString() })}\n`);
        },
      });
      const seconds = (performance.now() - started) / 1000;
      const changed = results.filter((r) => r.change).length;
      const writes = results.reduce((n, r) => n + r.writes, 0);
      process.stderr.write(`revisited ${results.length} article(s) in ${seconds.toFixed(1)} s: ${changed} change(s), ${writes} item write(s)\n`);
      return 0;
    } finally {
      await session.close();
    }
  },
};
