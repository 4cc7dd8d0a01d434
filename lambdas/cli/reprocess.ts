/**
 * `jsnews reprocess`: re-normalize archived raw pages with the current normalizer, no fetching. The
 * selection's days are FETCH days (when the page was archived, China time), not publication days.
 */
import { z } from 'zod';
import type { ReprocessSelection } from '../pipeline/reprocess.js';
import { EXIT_FAILED, parseOptions, type CliCommand } from './framework.js';
import { SUMMARY_COLUMNS_HELP } from './run.js';
import { addStoreOptions, checkRange, Day, SourceId, StoreFlags } from './store-options.js';

const Options = z
  .object({
    ...StoreFlags,
    '--all': z.boolean().optional(),
    '--source': SourceId.optional(),
    '--from': Day.optional(),
    '--to': Day.optional(),
    '--json': z.boolean().optional(),
  })
  .superRefine((a, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    if (!(a['--all'] || a['--source'] || a['--from'] || a['--to'])) issue('give --all, --source ID or --from/--to');
    if (a['--all'] && (a['--source'] || a['--from'] || a['--to'])) issue('--all takes no other selection');
    checkRange(a, ctx, true);
  });
type Options = z.infer<typeof Options>;


export function toSelection(a: Options): ReprocessSelection {
  if (a['--all']) return { all: true };
  if (a['--source']) return { sourceId: a['--source'], ...(a['--from'] ? { from: a['--from'] } : {}), ...(a['--to'] ? { to: a['--to'] } : {}) };
  return { from: a['--from']!, to: a['--to']! };
}

export const command: CliCommand = {
  name: 'reprocess',
  summary: 're-normalize archived raw pages without fetching (all, a source, a range of fetch days)',
  description:
    'Read the archived raw bytes and normalize them again with the current normalizer; the store keeps a new record only when its normalizerVersion is newer or its content differs. --from/--to select FETCH days (the China-time day the page was archived), not publication days. No network.',
  details: SUMMARY_COLUMNS_HELP,
  examples: ['jsnews reprocess --all', 'jsnews reprocess --source jschina-jsnews', 'jsnews reprocess --from 2024-02-01 --to 2024-02-29   # pages fetched in February'],
  configure(cmd) {
    cmd
      .option('--all', 'every archived page')
      .option('--source <id>', 'the pages of one source')
      .option('--from <day>', 'first fetch day, YYYY-MM-DD (China time)')
      .option('--to <day>', 'last fetch day (inclusive)')
      .option('--json', 'print the summaries as JSON');
    addStoreOptions(cmd);
  },
  async run(_args, cmd) {
    const opts = parseOptions(Options, cmd);
    const [{ openCommandStores }, { normalize }, { createStderrLogger }, { reprocess }, out, { loadSources }] = await Promise.all([
      import('./open.js'),
      import('../normalize/index.js'),
      import('../pipeline/deps.js'),
      import('../pipeline/reprocess.js'),
      import('./pipeline-output.js'),
      import('../sites/load-sources.js'),
    ]);
    const opened = await openCommandStores(opts);
    try {
      const progress = out.createProgressDisplay(process.stderr);
      const summaries = await reprocess(
        toSelection(opts),
        { stores: opened.stores, normalize, clock: () => new Date(), logger: createStderrLogger('error') },
        // The registry's site hints for each page's source, as the crawl used them.
        { sources: loadSources(), onProgress: (e) => progress.update('all', e.done, e.total) },
      );
      progress.stop();
      process.stdout.write(opts['--json'] ? `${JSON.stringify(summaries)}\n` : `${out.formatSummaryTable(summaries)}\n`);
      const failed = summaries.some((s) => Object.keys(s.failed).length > 0) && summaries.every((s) => s.new + s.updated + s.unchanged === 0);
      return failed ? EXIT_FAILED : 0;
    } finally {
      await opened.close();
    }
  },
};
