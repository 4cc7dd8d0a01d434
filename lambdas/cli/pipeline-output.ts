/**
 * Shared terminal output for the store-side commands (run, backfill, reprocess, query): a progress
 * display (a bar on a TTY, plain periodic lines otherwise) and the per-source summary table.
 * Loaded only when such a command runs.
 */
import cliProgress from 'cli-progress';
import { ErrorCode } from '../contract/errors.js';
import type { SourceSummary } from '../pipeline/summary.js';

/** Without a TTY, print a progress line at most this often. */
export const PLAIN_PROGRESS_INTERVAL_MS = 5_000;

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
      {
        stream,
        format: (options, params, payload: { sources: number }) => formatBarLine(options.barsize ?? 40, params.value, params.total, params.eta, payload.sources, label),
        hideCursor: true,
        // The bar is removed when the run ends, so no frame of it is left above the summary table.
        clearOnComplete: true,
      },
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
      stop() {
        bar.stop();
        const t = totals();
        stream.write(`${t.done}/${t.total} ${label} done (${perSource.size} sources)\n`);
      },
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

/**
 * One progress line. Until a source has queued anything the total is 0: the bar is empty and says
 * "discovering" (cli-progress would draw 0/0 as a full bar); the ETA shows only once it is a finite
 * number of seconds (cli-progress prints "NF" before the first rate is known).
 */
export function formatBarLine(width: number, done: number, total: number, etaSeconds: number, sources: number, label: string): string {
  const filled = total > 0 ? Math.round((Math.min(done, total) / total) * width) : 0;
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
  const eta = total > 0 && done < total && Number.isFinite(etaSeconds) && etaSeconds > 0 ? ` | eta ${formatSeconds(etaSeconds)}` : '';
  const count = total > 0 ? `${done}/${total} ${label}` : `discovering`;
  return `${bar} ${count} | ${sources} sources${eta}`;
}

function formatSeconds(s: number): string {
  const r = Math.round(s);
  return r >= 60 ? `${Math.floor(r / 60)}m${String(r % 60).padStart(2, '0')}s` : `${r}s`;
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

/** Failure reasons shown after a run's table, most frequent first (the rest: jsnews query --failures SOURCE). */
export const TOP_REASONS = 5;

export interface FailureReason {
  sourceId: string;
  code: string;
  /** The reason as recorded for the example URL. */
  reason: string;
  count: number;
  exampleUrl: string;
}

/**
 * Paths and URLs inside a reason ("robots.txt disallows /a/1.html for jsnews") vary per URL; for
 * counting, reasons that differ only there are one reason. Checked on the replay tree's robots and
 * 404 failures and on DNS failures of an unreachable source.
 */
const REASON_VARYING_PARTS = /(?:https?:\/\/|\/)\S*/g;

/** The failures this run recorded (lastFailedAt ≥ start), grouped by source, code and reason shape, most frequent first. */
export async function topFailureReasons(
  failures: { listBySource(sourceId: string): Promise<{ url: string; code: string; reason: string; lastFailedAt: string }[]> },
  summaries: readonly SourceSummary[],
  started: Date,
): Promise<FailureReason[]> {
  const since = started.toISOString();
  const groups = new Map<string, FailureReason>();
  const add = (sourceId: string, code: string, reason: string, url: string, count: number) => {
    const key = `${sourceId}\u0000${code}\u0000${reason.replace(REASON_VARYING_PARTS, '…')}`;
    const g = groups.get(key);
    if (g) g.count += count;
    else groups.set(key, { sourceId, code, reason, count, exampleUrl: url });
  };
  for (const s of summaries) {
    if (Object.keys(s.failed).length === 0) continue;
    // Failures with no failure item (a backfill kept the stored article): counted from the summary itself.
    for (const k of s.keptFailures ?? []) add(s.sourceId, k.code, k.reason, k.exampleUrl, k.count);
    let items;
    try {
      items = await failures.listBySource(s.sourceId);
    } catch {
      continue; // the stores are down (the summary says STORE_FAILED): print the summary without these reasons
    }
    for (const f of items) if (f.lastFailedAt >= since) add(s.sourceId, f.code, f.reason, f.url, 1);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.sourceId.localeCompare(b.sourceId));
}

export function formatReasons(reasons: readonly FailureReason[]): string {
  if (reasons.length === 0) return '';
  const top = reasons.slice(0, TOP_REASONS);
  const lines = top.map((r) => `  ${r.count} × ${r.sourceId} ${r.code}: ${r.reason}\n      e.g. ${r.exampleUrl}`);
  const more = reasons.length > top.length ? `\n  … ${reasons.length - top.length} more (jsnews query --failures SOURCE)` : '';
  return `\nTop failure reasons:\n${lines.join('\n')}${more}\n`;
}

export interface RunOutcome {
  /** False when our own stores failed (STORE_FAILED), or when sources were crawled, something failed, and no source reached any page. */
  ok: boolean;
  message: string;
}

/** A source "reached" its site when any URL got an answer that was stored or found unchanged. */
export function runOutcome(summaries: readonly SourceSummary[]): RunOutcome {
  const unstored = summaries.reduce((n, s) => n + (s.failed[ErrorCode.StoreFailed] ?? 0), 0);
  if (unstored > 0) {
    return { ok: false, message: `${unstored} URL(s) or source(s) failed on our own stores (STORE_FAILED): run again once they are back; these are retried at once` };
  }
  const reached = summaries.filter((s) => s.fetched + s.unchanged + s.new + s.updated > 0).length;
  const failed = summaries.reduce((n, s) => n + Object.values(s.failed).reduce((a, b) => a + b, 0), 0);
  if (summaries.length > 0 && reached === 0 && failed > 0) {
    return { ok: false, message: `no source could fetch anything: ${failed} URL(s) failed across ${summaries.length} source(s) (reasons above)` };
  }
  if (summaries.length > 0 && reached === 0) return { ok: true, message: 'nothing to fetch: no article links were discovered and no failures were due' };
  return { ok: true, message: `${reached} of ${summaries.length} source(s) fetched pages` };
}

export function formatOutcome(outcome: RunOutcome): string {
  return `\n${outcome.ok ? '' : 'FAILED: '}${outcome.message}\n`;
}

/** `--json`: the summaries as an array, each with this run's failure reasons of its source. */
export function summariesJson(summaries: readonly SourceSummary[], reasons: readonly FailureReason[]): string {
  // keptFailures are in the reasons already.
  return JSON.stringify(summaries.map(({ keptFailures: _kept, ...s }) => ({ ...s, reasons: reasons.filter((r) => r.sourceId === s.sourceId).map(({ sourceId: _, ...r }) => r) })));
}
