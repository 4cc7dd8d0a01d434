/**
 * `jsnews reprocess`: re-normalize archived raw pages with the current normalizer, no fetching.
 *   --all | --source ID [--from DAY --to DAY] | --from DAY --to DAY      (China days, inclusive)
 *   --in-memory, --json
 */
import { z } from 'zod';
import { loadConfig } from '../contract/config.js';
import { openStores } from '../dev/open-stores.js';
import { normalize } from '../normalize/index.js';
import { createStderrLogger } from '../pipeline/deps.js';
import { reprocess, type ReprocessSelection } from '../pipeline/reprocess.js';
import { isDay } from '../contract/china-time.js';
import { createProgressDisplay, formatSummaryTable, parseCliArgs, runCommand, validate } from './pipeline-output.js';

const day = z.string().refine(isDay, 'must be a day YYYY-MM-DD');
const Args = z
  .object({
    all: z.boolean().optional(),
    source: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
    from: day.optional(),
    to: day.optional(),
    'in-memory': z.boolean().optional(),
    json: z.boolean().optional(),
  })
  .superRefine((a, ctx) => {
    const chosen = a.all || a.source || a.from || a.to;
    if (!chosen) ctx.addIssue({ code: z.ZodIssueCode.custom, message: 'give --all, --source ID or --from/--to' });
    if (a.all && (a.source || a.from || a.to)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: '--all takes no other selection' });
    if ((a.from && !a.to) || (a.to && !a.from)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: '--from and --to go together' });
    if (a.from && a.to && a.from > a.to) ctx.addIssue({ code: z.ZodIssueCode.custom, message: '--from is after --to' });
  });

export function toSelection(a: z.infer<typeof Args>): ReprocessSelection {
  if (a.all) return { all: true };
  if (a.source) return { sourceId: a.source, ...(a.from ? { from: a.from } : {}), ...(a.to ? { to: a.to } : {}) };
  return { from: a.from!, to: a.to! };
}

export async function main(argv: string[]): Promise<number> {
  return runCommand('reprocess', async () => {
    const { values } = parseCliArgs(argv, {
      all: { type: 'boolean' },
      source: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'in-memory': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    const args = validate(Args, values);
    const opened = await openStores(loadConfig(), { inMemory: args['in-memory'] });
    try {
      const progress = createProgressDisplay(process.stderr);
      const summaries = await reprocess(
        toSelection(args),
        { stores: opened.stores, normalize, clock: () => new Date(), logger: createStderrLogger('error') },
        { onProgress: (e) => progress.update('all', e.done, e.total) },
      );
      progress.stop();
      process.stdout.write(args.json ? `${JSON.stringify(summaries)}\n` : `${formatSummaryTable(summaries)}\n`);
      return 0;
    } finally {
      await opened.close();
    }
  });
}
