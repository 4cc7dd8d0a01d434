/**
 * Options shared by the store-side commands (light: no stores are loaded here), and the day/range
 * checks every date option goes through before any store call.
 */
import type { Command } from 'commander';
import { z } from 'zod';
import { isDay } from '../contract/china-time.js';
import { MAX_SOURCE_ID_CHARS } from '../contract/limits.js';

export const HOME_HELP = 'data directory (default $JSNEWS_HOME, else $XDG_DATA_HOME/jsnews or ~/.local/share/jsnews)';

/** `--home DIR` and (unless the command only reads) `--in-memory`. */
export function addStoreOptions(cmd: Command, options: { inMemory?: boolean } = {}): Command {
  cmd.option('--home <dir>', HOME_HELP);
  if (options.inMemory !== false) cmd.option('--in-memory', 'throwaway local stores in memory (dynalite + s3rver on a temp dir, no Java needed): nothing is kept');
  return cmd;
}

/** `--replay DIR` and `--sources FILE` for the commands that crawl. */
export function addCrawlOptions(cmd: Command): Command {
  return cmd
    .option('--replay <dir>', 'serve DIR (a recorded site tree) on 127.0.0.1 and crawl its sources (DIR/sources.json): fully offline')
    .option('--sources <file>', 'a sources JSON file instead of the built-in registry');
}

export const StoreFlags = {
  '--home': z.string().min(1).optional(),
  '--in-memory': z.boolean().optional(),
};

export const CrawlFlags = {
  '--replay': z.string().min(1).optional(),
  '--sources': z.string().min(1).optional(),
};

/** A real calendar day YYYY-MM-DD (2024-02-30 is refused: isDay round-trips it through a Date). */
export const Day = z.string().refine(isDay, (s) => ({ message: `"${s}" is not a day YYYY-MM-DD` }));

export const SourceId = z.string().max(MAX_SOURCE_ID_CHARS).regex(/^[a-z0-9][a-z0-9-]*$/, 'a source id: lower-case letters, digits and -');

/** Refinement for --from/--to: both days, from ≤ to. `together` requires both or neither. */
export function checkRange(a: { '--from'?: string; '--to'?: string }, ctx: z.RefinementCtx, together = false): void {
  const from = a['--from'];
  const to = a['--to'];
  if (together && (from === undefined) !== (to === undefined)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: '--from and --to go together', path: [from ? '--to' : '--from'] });
  if (from && to && from > to) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `--from ${from} is after --to ${to}`, path: ['--from'] });
}

/** A positive integer option (commander hands strings). */
export const PositiveInt = z.coerce.number({ invalid_type_error: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1');

/** An ISO 8601 time with a date and a time (an offset is best: 2026-01-04T09:00:00+08:00). */
export const IsoTime = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), (s) => ({ message: `"${s}" is not an ISO time like 2026-01-04T09:00:00+08:00` }));

/** `--now ISO`: a simulated clock for the whole command (fetch times, revisit schedule, change times, the replay tree). */
export function addNowOption(cmd: Command): Command {
  return cmd.option('--now <iso>', 'simulate the clock: the whole run happens at this time (tests and replays), e.g. 2026-01-04T09:00:00+08:00');
}

export const NowFlag = { '--now': IsoTime.optional() };

/**
 * The options of the commands that crawl sources into the stores (`run`, `revisit`): --replay/--sources,
 * a repeatable --source, the command's own options (`extra`), --now, --home/--in-memory, in this order in --help.
 */
export function addCrawlCommandOptions(cmd: Command, extra: (cmd: Command) => void): Command {
  addCrawlOptions(cmd);
  cmd.option('--source <id>', 'only this source (repeatable; jsnews sources list shows the ids)', (v: string, prev: string[] = []) => [...prev, v]);
  extra(cmd);
  addNowOption(cmd);
  return addStoreOptions(cmd);
}

export const CrawlCommandFlags = { ...StoreFlags, ...CrawlFlags, ...NowFlag, '--source': z.array(SourceId).optional() };
