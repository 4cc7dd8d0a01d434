/**
 * Shared terminal output for the store-side commands (run, backfill, reprocess, query): argument
 * parsing that turns mistakes into readable INVALID_ARGUMENT errors, a progress display (a bar on a
 * TTY, plain periodic lines otherwise), and the per-source summary table.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import cliProgress from 'cli-progress';
import type { z } from 'zod';
import { ErrorCode, JsnewsError, toJsnewsError } from '../contract/errors.js';
import type { SourceSummary } from '../pipeline/summary.js';

/** Without a TTY, print a progress line at most this often. */
export const PLAIN_PROGRESS_INTERVAL_MS = 5_000;

export function parseCliArgs<T extends ParseArgsConfig['options']>(argv: string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new JsnewsError(ErrorCode.InvalidArgument, (err as Error).message);
  }
}

export function validate<S extends z.ZodTypeAny>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((i) => `${i.path.length ? `--${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
  throw new JsnewsError(ErrorCode.InvalidArgument, detail);
}

/** Runs a command body; a JsnewsError becomes `jsnews <cmd>: CODE: message` and exit code 2 (usage) or 1. */
export async function runCommand(name: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    const e = toJsnewsError(err);
    process.stderr.write(`jsnews ${name}: ${e.code}: ${e.message}\n`);
    return e.code === ErrorCode.InvalidArgument ? 2 : 1;
  }
}

export interface ProgressDisplay {
  update(sourceId: string, done: number, total: number): void;
  stop(): void;
}

/** A cli-progress bar on a TTY; plain "progress: 120/300" lines every PLAIN_PROGRESS_INTERVAL_MS otherwise. */
export function createProgressDisplay(stream: NodeJS.WriteStream = process.stderr, label = 'pages'): ProgressDisplay {
  const perSource = new Map<string, { done: number; total: number }>();
  const totals = () => [...perSource.values()].reduce((a, s) => ({ done: a.done + s.done, total: a.total + s.total }), { done: 0, total: 0 });
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream, format: `{bar} {value}/{total} ${label} | {sources} sources | eta {eta_formatted}`, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(0, 0, { sources: 0 });
    return {
      update(sourceId, done, total) {
        perSource.set(sourceId, { done, total });
        const t = totals();
        bar.setTotal(t.total);
        bar.update(t.done, { sources: perSource.size });
      },
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update(sourceId, done, total) {
      perSource.set(sourceId, { done, total });
      const now = Date.now();
      if (now - last < PLAIN_PROGRESS_INTERVAL_MS) return;
      last = now;
      const t = totals();
      stream.write(`progress: ${t.done}/${t.total} ${label} (${perSource.size} sources)\n`);
    },
    stop() {
      const t = totals();
      stream.write(`progress: ${t.done}/${t.total} ${label} done\n`);
    },
  };
}

const COLUMNS = ['source', 'discovered', 'retried', 'deferred', 'fetched', 'unchanged', 'new', 'updated', 'failed'] as const;

/** The per-source summary as an aligned text table; failures are broken down by code. */
export function formatSummaryTable(summaries: readonly SourceSummary[]): string {
  const rows = summaries.map((s) => [
    s.sourceId,
    String(s.discovered),
    String(s.retried),
    String(s.deferred),
    String(s.fetched),
    String(s.unchanged),
    String(s.new),
    String(s.updated),
    Object.entries(s.failed).length ? Object.entries(s.failed).map(([code, n]) => `${code}=${n}`).join(' ') : '0',
  ]);
  return formatTable([...COLUMNS], rows);
}

export function formatTable(header: string[], rows: string[][]): string {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/u.test(ch) ? 2 : 1), 0);
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(c)))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
