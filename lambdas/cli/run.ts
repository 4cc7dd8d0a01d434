/**
 * `jsnews run` (npm start): one crawl cycle over the enabled sources, then a summary table and, when
 * URLs failed, the top failure reasons with one example URL each. Exit 1 when no source could fetch
 * anything (every source failed: DNS, robots, HTTP errors), so scripts and schedulers notice.
 */
import { z } from 'zod';
import { EXIT_FAILED, parseOptions, type CliCommand } from './framework.js';
import { addCrawlCommandOptions, CrawlCommandFlags } from './store-options.js';

/** What each column of the summary table means (shown in `run`, `backfill` and `reprocess` help, and the README). */
export const SUMMARY_COLUMNS_HELP = `Summary columns (one row per source):
  discovered  article URLs found on the start pages (list pages, feeds, sitemaps), after de-duplication
  retried     earlier failures whose retry was due, added to this run
  deferred    discovered URLs skipped because their last failure is still in backoff (retried on a later run)
  fetched     responses with a body this run (a 304 Not Modified is not "fetched": it counts as unchanged)
  unchanged   the stored record stayed as it was (same bytes, 304, or same normalized content)
  new         records stored for the first time
  updated     stored records replaced (newer content or a newer normalizer)
  failed      URLs that failed, by error code (jsnews query --failures SOURCE lists them with reasons)`;

const Options = z.object({ ...CrawlCommandFlags, '--no-revisit': z.boolean().optional(), '--json': z.boolean().optional() });

export const command: CliCommand = {
  name: 'run',
  summary: 'one ingestion cycle of the enabled sources (local stores unless AWS is configured)',
  description:
    'Crawl every enabled source once: discover article links on its start pages, fetch them politely (robots.txt, per-host delay), archive the raw bytes, normalize and store the records, then print a per-source summary and, when URLs failed, the most common failure reasons with an example URL each. Exit 1 when no source could fetch anything (the reasons say why); 0 otherwise.',
  details: SUMMARY_COLUMNS_HELP,
  examples: ['jsnews run', 'jsnews run --replay seeds/replay/jiangsu', 'jsnews run --source jschina-jsnews --json', 'jsnews run --in-memory --replay seeds/replay/jiangsu'],
  configure(cmd) {
    addCrawlCommandOptions(cmd, (c) =>
      c
        .option('--json', 'print the summaries as a JSON array (each with its failure reasons) instead of a table')
        .option('--no-revisit', 'skip the revisits that are due (change tracking); by default they run after the cycle'),
    );
  },
  async run(_args, cmd) {
    const opts = parseOptions(Options, cmd);
    const [{ Session, prepareCrawlCommand }, { runCycle }, { revisitDue }, out] = await Promise.all([
      import('./session.js'),
      import('../pipeline/run-cycle.js'),
      import('../pipeline/revisit.js'),
      import('./pipeline-output.js'),
    ]);
    const session = new Session();
    try {
      const { selected, deps } = await prepareCrawlCommand(session, opts);
      const started = new Date();
      const progress = out.createProgressDisplay(process.stderr);
      const summaries = await runCycle(selected, deps, { onProgress: (e) => progress.update(e.sourceId, e.done, e.total) });
      progress.stop();
      // Commander turns --no-revisit into revisit: false.
      if (cmd.opts().revisit !== false) {
        const revisits = await revisitDue(selected, deps);
        const changed = revisits.filter((r) => r.change);
        if (revisits.length) process.stderr.write(`revisits: ${revisits.length} due, ${changed.length} changed${changed.map((r) => `\n  ${r.change} ${r.url}`).join('')}\n`);
      }
      const reasons = await out.topFailureReasons(deps.stores.failures, summaries, started);
      const outcome = out.runOutcome(summaries);
      if (opts['--json']) {
        process.stdout.write(`${out.summariesJson(summaries, reasons)}\n`);
        if (!outcome.ok) process.stderr.write(`jsnews run: ${outcome.message}\n`);
      } else process.stdout.write(`${out.formatSummaryTable(summaries)}\n${out.formatReasons(reasons)}${out.formatOutcome(outcome)}`);
      return outcome.ok ? 0 : EXIT_FAILED;
    } finally {
      await session.close();
    }
  },
};
