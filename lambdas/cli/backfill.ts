/**
 * `jsnews backfill`: ingest pages a cycle would not reach: given URLs (or a file of them), a source's
 * list pages, or a source's articles whose URL dates fall in a day range. `--remote` sends the same
 * request to the deployed backfill Lambda instead.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { BackfillTarget } from '../pipeline/backfill.js';
import { echo, MAX_BACKFILL_LIST_PAGES, MAX_BACKFILL_URLS, MAX_SOURCE_ID_CHARS } from '../contract/limits.js';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import { parseInput } from '../contract/zod-issues.js';
import { EXIT_FAILED, flagValues, type CliCommand } from './framework.js';
import { SUMMARY_COLUMNS_HELP } from './run.js';
import { addCrawlOptions, addStoreOptions, checkRange, CrawlFlags, Day, StoreFlags } from './store-options.js';


const HttpUrl = z
  .string()
  .url('not a URL')
  .refine((u) => /^https?:\/\//i.test(u), 'not an http(s) URL');

/** `N` or `N-M` spans fewer than MAX_BACKFILL_LIST_PAGES pages (contract/limits.ts; the Lambda payload checks the same). */
function pagesWithinLimit(pages: string): boolean {
  const [from = 0, to = from] = pages.split('-').map(Number);
  return to - from < MAX_BACKFILL_LIST_PAGES;
}

const Options = z
  .object({
    ...StoreFlags,
    ...CrawlFlags,
    urls: z.array(HttpUrl).max(MAX_BACKFILL_URLS),
    '--file': z.string().min(1).optional(),
    '--source': z.string().max(MAX_SOURCE_ID_CHARS).optional(),
    '--pages': z
      .string()
      .regex(/^\d+(-\d+)?$/, 'must be N or N-M')
      .refine(pagesWithinLimit, `at most ${MAX_BACKFILL_LIST_PAGES} list pages per backfill`)
      .optional(),
    '--from': Day.optional(),
    '--to': Day.optional(),
    '--json': z.boolean().optional(),
    '--remote': z.boolean().optional(),
    '--function': z.string().min(1).optional(),
    '--region': z.string().min(1).optional(),
  })
  .superRefine((a, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    if (a['--remote'] && !a['--function']) issue('--remote needs --function NAME (stack output BackfillFunctionName)');
    const modes = [a.urls.length > 0 || a['--file'] !== undefined, a['--pages'] !== undefined, a['--from'] !== undefined || a['--to'] !== undefined];
    if (modes.filter(Boolean).length !== 1) issue('give URLs (or --file), or --source with --pages, or --source with --from/--to');
    if ((a['--pages'] || a['--from'] || a['--to']) && !a['--source']) issue('--pages and --from/--to need --source');
    checkRange(a, ctx, true);
  });
type Options = z.infer<typeof Options>;

/** A file of URLs, one per line (blank lines and # comments skipped); a bad line is named by its line number. */
export function readUrlFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new JsnewsError(ErrorCode.InvalidArgument, `cannot read --file ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const urls: string[] = [];
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const parsed = HttpUrl.safeParse(line);
    if (parsed.success) urls.push(parsed.data);
    else problems.push(`${path}:${i + 1}: ${parsed.error.issues[0]?.message ?? 'invalid'}: ${line.slice(0, 80)}`);
  });
  if (problems.length) throw new JsnewsError(ErrorCode.InvalidArgument, problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; … ${problems.length - 5} more` : ''));
  return urls;
}

export function toTarget(a: Options): BackfillTarget {
  if (a['--pages']) {
    const [from, to = from] = a['--pages'].split('-').map(Number) as [number, number?];
    if (to < from) throw new JsnewsError(ErrorCode.InvalidArgument, `--pages ${a['--pages']}: end before start`);
    return { sourceId: a['--source']!, listPages: { from, to } };
  }
  if (a['--from'] && a['--to']) return { sourceId: a['--source']!, dateRange: { from: a['--from'], to: a['--to'] } };
  return { urls: [...a.urls, ...(a['--file'] ? readUrlFile(a['--file']) : [])] };
}

/** Why a date-range backfill can find nothing: it reads each article's day from its URL. */
export const NO_DATED_URLS_NOTE =
  'note: a --from/--to backfill keeps the articles whose URL names a day in the range (t20240220_…, /2024/0220/, /2024-02-20/);\n' +
  '      0 discovered means no list page linked such an article: if this source\'s URLs carry no date, use --pages N-M instead.\n';

export const command: CliCommand = {
  name: 'backfill [urls...]',
  summary: 'fetch and store given URLs, a source\'s list pages, or a date range (--remote: the deployed Lambda)',
  description:
    'Ingest pages a cycle would not reach. Backfill does not honour failure backoff: asking for a URL means trying it now. A URL whose record is already stored keeps its record and state when a later attempt fails. --from/--to are days the article URLs name (the list pages are walked until they only link older days).',
  details: SUMMARY_COLUMNS_HELP,
  examples: [
    'jsnews backfill https://jsnews.jschina.com.cn/jsyw/202402/t20240220_3345861.shtml',
    'jsnews backfill --file urls.txt          # one URL per line, # comments allowed',
    'jsnews backfill --source jschina-jsnews --pages 1-20',
    'jsnews backfill --source jschina-jsnews --from 2024-02-01 --to 2024-02-20',
    'jsnews backfill --remote --function "$FN" --source jschina-jsnews --pages 1-20',
  ],
  configure(cmd) {
    cmd
      .option('--file <file>', 'a file of URLs, one per line')
      .option('--source <id>', 'the source whose list pages (--pages) or dated articles (--from/--to) to backfill')
      .option('--pages <n-m>', 'list pages N..M of --source (0 = its start page)')
      .option('--from <day>', 'first day (YYYY-MM-DD, China time) an article URL may name')
      .option('--to <day>', 'last day (inclusive)')
      .option('--json', 'print the summaries as JSON');
    addCrawlOptions(cmd);
    addStoreOptions(cmd);
    cmd
      .option('--remote', 'send the request to the deployed backfill Lambda instead of running it here')
      .option('--function <name>', 'the backfill Lambda (stack output BackfillFunctionName), with --remote')
      .option('--region <region>', 'AWS region of the Lambda (default AWS_REGION)');
  },
  async run(urls, cmd) {
    const opts = parseInput(Options, { ...flagValues(cmd), urls }, 'option');
    const target = toTarget(opts);
    if (opts['--remote']) {
      const [{ invokeRemoteBackfill }, { backfillPayloadOf }] = await Promise.all([import('./backfill-remote.js'), import('../pipeline/backfill.js')]);
      const result = await invokeRemoteBackfill(backfillPayloadOf(target), { functionName: opts['--function']!, region: opts['--region'] });
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return 0;
    }
    const [{ Session, prepareCrawl }, { openCommandStores }, { createDefaultDeps }, { backfill }, out] = await Promise.all([
      import('./session.js'),
      import('./open.js'),
      import('../pipeline/default-deps.js'),
      import('../pipeline/backfill.js'),
      import('./pipeline-output.js'),
    ]);
    const session = new Session();
    try {
      const { sources, fetcher } = await prepareCrawl(session, opts);
      if ('sourceId' in target && !sources.some((s) => s.id === target.sourceId)) {
        throw new JsnewsError(ErrorCode.InvalidArgument, `unknown source: ${echo(target.sourceId)} (jsnews sources list shows them)`);
      }
      session.opened = await openCommandStores(opts);
      const started = new Date();
      const progress = out.createProgressDisplay(process.stderr);
      const summaries = await backfill(target, sources, createDefaultDeps(session.opened.stores, fetcher), {
        onProgress: (e) => progress.update(e.sourceId, e.done, e.total),
      });
      progress.stop();
      const reasons = await out.topFailureReasons(session.opened.stores.failures, summaries, started);
      const outcome = out.runOutcome(summaries);
      if (opts['--json']) process.stdout.write(`${out.summariesJson(summaries, reasons)}\n`);
      else process.stdout.write(`${out.formatSummaryTable(summaries)}\n${out.formatReasons(reasons)}${out.formatOutcome(outcome)}`);
      if ('dateRange' in target && summaries.every((s) => s.discovered === 0)) process.stderr.write(NO_DATED_URLS_NOTE);
      return outcome.ok ? 0 : EXIT_FAILED;
    } finally {
      await session.close();
    }
  },
};
