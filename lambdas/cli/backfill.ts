/**
 * `jsnews backfill`: ingest pages a cycle would not reach.
 *   jsnews backfill URL...                    these URLs
 *   jsnews backfill --file urls.txt           one URL per line (# comments allowed)
 *   jsnews backfill --source ID --pages 1-5   list pages 1..5 of the source (0 = its start page)
 *   jsnews backfill --source ID --from 2024-02-01 --to 2024-02-20
 * Common: --replay DIR, --sources FILE, --in-memory, --json (as for `run`).
 *   --remote --function NAME [--region R]   send the same request to the deployed backfill Lambda instead
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { loadConfig } from '../contract/config.js';
import { openStores } from '../dev/open-stores.js';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import { backfill, type BackfillTarget } from '../pipeline/backfill.js';
import { createDefaultDeps } from '../pipeline/default-deps.js';
import { isDay } from '../contract/china-time.js';
import { createProgressDisplay, formatSummaryTable, parseCliArgs, runCommand, validate } from './pipeline-output.js';
import { prepareCrawl, Session } from './run.js';
import { invokeRemoteBackfill } from './backfill-remote.js';

const day = z.string().refine(isDay, 'must be a day YYYY-MM-DD');
const Args = z
  .object({
    urls: z.array(z.string().url()),
    file: z.string().min(1).optional(),
    source: z.string().optional(),
    pages: z.string().regex(/^\d+(-\d+)?$/, 'must be N or N-M').optional(),
    from: day.optional(),
    to: day.optional(),
    replay: z.string().min(1).optional(),
    sources: z.string().min(1).optional(),
    'in-memory': z.boolean().optional(),
    json: z.boolean().optional(),
    remote: z.boolean().optional(),
    function: z.string().min(1).optional(),
    region: z.string().min(1).optional(),
  })
  .superRefine((a, ctx) => {
    if (a.remote && !a.function) ctx.addIssue({ code: z.ZodIssueCode.custom, message: '--remote needs --function NAME (stack output BackfillFunctionName)' });
    const modes = [a.urls.length > 0 || a.file !== undefined, a.pages !== undefined, a.from !== undefined || a.to !== undefined];
    if (modes.filter(Boolean).length !== 1) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'give URLs (or --file), or --source with --pages, or --source with --from/--to' });
    }
    if ((a.pages || a.from || a.to) && !a.source) ctx.addIssue({ code: z.ZodIssueCode.custom, message: '--pages and --from/--to need --source' });
    if ((a.from && !a.to) || (a.to && !a.from)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: '--from and --to go together' });
    if (a.from && a.to && a.from > a.to) ctx.addIssue({ code: z.ZodIssueCode.custom, message: '--from is after --to' });
  });
type Args = z.infer<typeof Args>;

function readUrlFile(path: string): string[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new JsnewsError(ErrorCode.ReadFailed, `cannot read ${path}: ${(err as Error).message}`);
  }
  const urls = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  return validate(z.array(z.string().url()), urls);
}

export function toTarget(a: Args): BackfillTarget {
  if (a.pages) {
    const [from, to = from] = a.pages.split('-').map(Number) as [number, number?];
    if (to < from) throw new JsnewsError(ErrorCode.InvalidArgument, `--pages ${a.pages}: end before start`);
    return { sourceId: a.source!, listPages: { from, to } };
  }
  if (a.from && a.to) return { sourceId: a.source!, dateRange: { from: a.from, to: a.to } };
  return { urls: [...a.urls, ...(a.file ? readUrlFile(a.file) : [])] };
}

export async function main(argv: string[]): Promise<number> {
  return runCommand('backfill', async () => {
    const { values, positionals } = parseCliArgs(
      argv,
      {
        file: { type: 'string' },
        source: { type: 'string' },
        pages: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        replay: { type: 'string' },
        sources: { type: 'string' },
        'in-memory': { type: 'boolean' },
        json: { type: 'boolean' },
        remote: { type: 'boolean' },
        function: { type: 'string' },
        region: { type: 'string' },
      },
      true,
    );
    const args = validate(Args, { ...values, urls: positionals });
    const target = toTarget(args);
    if (args.remote) {
      const payload = 'dateRange' in target ? { sourceId: target.sourceId, ...target.dateRange } : target;
      const result = await invokeRemoteBackfill(payload, { functionName: args.function!, region: args.region });
      process.stdout.write(`${JSON.stringify(result)}\n`);
      return 0;
    }
    const session = new Session();
    try {
      const { sources, fetcher } = await prepareCrawl(session, args);
      session.opened = await openStores(loadConfig(), { inMemory: args['in-memory'] });
      const progress = createProgressDisplay(process.stderr);
      const summaries = await backfill(target, sources, createDefaultDeps(session.opened.stores, fetcher), {
        onProgress: (e) => progress.update(e.sourceId, e.done, e.total),
      });
      progress.stop();
      process.stdout.write(args.json ? `${JSON.stringify(summaries)}\n` : `${formatSummaryTable(summaries)}\n`);
      return 0;
    } finally {
      await session.close();
    }
  });
}
