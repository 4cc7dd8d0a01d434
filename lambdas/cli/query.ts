/**
 * `jsnews query`: read records back, one access pattern per flag (each a GetItem or Query, never a
 * Scan), as JSON Lines or a table. Every date and range is checked before any store call; an empty
 * result says so on stderr and exits 0.
 */
import { z } from 'zod';
import type { Reader } from '../read/index.js';
import { parseOptions, usageError, type CliCommand } from './framework.js';
import { addStoreOptions, checkRange, Day, IsoTime, PositiveInt, StoreFlags } from './store-options.js';
import { chinaDayEndUtc, chinaDayStartUtc, isDay } from '../contract/china-time.js';

const PATTERNS = ['--id', '--url', '--site', '--day', '--city', '--reposts-of', '--failures', '--changes', '--history', '--all'] as const;
/** Without --since, --changes looks back this many days from --until (or now). */
export const DEFAULT_CHANGES_LOOKBACK_DAYS = 90;
/** The shortest id prefix `--id` accepts: 8 hex digits = 32 bits, ambiguous only past ~65k records (birthday bound). */
export const MIN_ID_PREFIX = 8;
const IdPrefix = z
  .string()
  .transform((s) => s.toLowerCase())
  .pipe(z.string().regex(new RegExp(`^[0-9a-f]{${MIN_ID_PREFIX},64}$`), `must be a record id or a prefix of at least ${MIN_ID_PREFIX} hex digits (tables show 12)`));

/** Record table columns `--columns` can choose from, and how each is printed. */
export const RECORD_COLUMNS = ['id', 'publishedAt', 'site', 'city', 'source', 'authors', 'confidence', 'url', 'title'] as const;
export const DEFAULT_RECORD_COLUMNS = ['id', 'publishedAt', 'site', 'city', 'title'] as const;
export const FAILURE_COLUMNS = ['code', 'stage', 'attempts', 'lastFailedAt', 'nextRetryAt', 'url', 'reason'] as const;

const Options = z
  .object({
    ...StoreFlags,
    '--id': IdPrefix.optional(),
    '--all': z.boolean().optional(),
    '--min-confidence': z.coerce.number({ invalid_type_error: 'must be a number' }).min(0).max(1, 'must be between 0 and 1').optional(),
    '--url': z.string().url('must be an absolute URL').optional(),
    '--site': z.string().regex(/^[a-z0-9.-]+$/i, 'a bare host name, e.g. jsnews.jschina.com.cn').optional(),
    '--day': Day.optional(),
    '--city': z.string().min(1).optional(),
    '--reposts-of': IdPrefix.optional(),
    '--failures': z.string().min(1).optional(),
    '--from': Day.optional(),
    '--to': Day.optional(),
    '--max-hamming': z.coerce.number().int().min(0).max(64).optional(),
    '--limit': PositiveInt.optional(),
    '--format': z.enum(['jsonl', 'table']).default('jsonl'),
    '--columns': z.string().optional(),
    '--changes': z.boolean().optional(),
    '--history': IdPrefix.optional(),
    '--since': z.union([Day, IsoTime]).optional(),
    '--until': z.union([Day, IsoTime]).optional(),
    '--kind': z.enum(['edited', 'deleted', 'restored']).optional(),
  })
  .superRefine((a, ctx) => {
    // --site with --changes narrows the changes to one site (it is not a second pattern then).
    const given = PATTERNS.filter((p) => a[p] !== undefined && !(p === '--site' && a['--changes']));
    if ((a['--since'] || a['--until'] || a['--kind']) && !a['--changes']) ctx.addIssue({ code: z.ZodIssueCode.custom, message: '--since/--until/--kind go with --changes', path: ['--since'] });
    if (given.length !== 1) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `give exactly one of ${PATTERNS.join(', ')}` });
    if ((a['--from'] || a['--to']) && !a['--site'] && !a['--city']) ctx.addIssue({ code: z.ZodIssueCode.custom, message: '--from/--to go with --site or --city', path: ['--from'] });
    checkRange(a, ctx);
  });
type Options = z.infer<typeof Options>;

type Row = Record<string, unknown>;

export function parseColumns(spec: string | undefined, allowed: readonly string[], defaults: readonly string[]): string[] {
  if (!spec) return [...defaults];
  const cols = spec.split(',').map((c) => c.trim()).filter(Boolean);
  const unknown = cols.filter((c) => !allowed.includes(c));
  if (unknown.length || cols.length === 0) throw usageError(`--columns: unknown column ${unknown.join(', ') || '(none)'}; choose from ${allowed.join(', ')}`);
  return cols;
}

function cell(row: Row, col: string): string {
  const r = row as {
    id?: string;
    publishedAt?: string | null;
    site?: { host?: string | null };
    region?: { city?: string | null };
    source?: string | null;
    authors?: string[];
    quality?: { confidence?: number };
    url?: string | null;
    title?: string;
  };
  switch (col) {
    case 'id':
      return (r.id ?? '').slice(0, 12);
    case 'publishedAt':
      return r.publishedAt ?? '-';
    case 'site':
      return r.site?.host ?? '-';
    case 'city':
      return r.region?.city ?? '-';
    case 'authors':
      return r.authors?.join('、') || '-';
    case 'confidence':
      return typeof r.quality?.confidence === 'number' ? r.quality.confidence.toFixed(2) : '-';
    default: {
      const v = (row as Record<string, unknown>)[col];
      return v === null || v === undefined || v === '' ? '-' : String(v);
    }
  }
}

export const command: CliCommand = {
  name: 'query',
  summary: 'read records and failures by id, URL, site, day, city, reposts',
  description:
    'Read stored records back (JSON Lines, or a table with --format table). Exactly one access pattern per query; each is one GetItem or Query on the table, never a Scan. Days are China days (YYYY-MM-DD); a record is filed under its publication day, else its fetch day. An empty result prints "no records" on stderr and exits 0.',
  examples: [
    'jsnews query --day 2024-02-20 --format table',
    'jsnews query --site jsnews.jschina.com.cn --from 2024-02-01 --to 2024-02-29 --limit 20',
    'jsnews query --city 南京 --format table --columns id,publishedAt,source,title',
    'jsnews query --failures jschina-jsnews --format table --limit 10',
    'jsnews query --changes --since 2026-01-01 --kind deleted',
    'jsnews query --history 3f2a…e9',
    'jsnews query --id 68edd7675f86',
    'jsnews query --all --min-confidence 0.8 --limit 100 > good.jsonl',
  ],
  configure(cmd) {
    cmd
      .option('--id <id>', `a record by its id, or a unique prefix of at least ${MIN_ID_PREFIX} hex digits (a prefix scans the table)`)
      .option('--url <url>', 'records known under URL: as fetched, after redirects, or canonical')
      .option('--all', 'every record, read page by page (a table scan; use --limit)')
      .option('--site <host>', 'a site\'s records, newest first (with --from/--to)')
      .option('--day <day>', 'records of one China day')
      .option('--city <city>', 'records about a city (南京 or 南京市), newest first (with --from/--to)')
      .option('--reposts-of <id>', 'reposts of a record\'s story (same original URL, or SimHash within --max-hamming bits)')
      .option('--failures <source>', 'the recorded failures of a source, with their reasons')
      .option('--from <day>', 'first day (with --site or --city)')
      .option('--to <day>', 'last day, inclusive (with --site or --city)')
      .option('--max-hamming <bits>', 'SimHash distance for --reposts-of (default 3)')
      .option('--limit <n>', 'at most N rows')
      .option('--min-confidence <x>', 'only records whose quality.confidence is at least x (0-1); records without one are left out')
      .option('--format <format>', 'jsonl (default) or table')
      .option('--changes', 'edits, deletions and restorations detected (JSON Lines: url, id, kind, detectedAt, fields); with --since/--until/--site/--kind')
      .option('--since <time>', 'changes detected at or after (a China day or an ISO time; default 90 days before --until)')
      .option('--until <time>', 'changes detected at or before (a China day: its end; default now)')
      .option('--kind <kind>', 'only edited, deleted or restored')
      .option('--history <id>', 'every version of an article, with first- and last-seen times (jsnews diff ID shows what changed)')
      .option('--columns <list>', `table columns, comma-separated: ${RECORD_COLUMNS.join(',')} (records) or ${FAILURE_COLUMNS.join(',')} (failures)`);
    addStoreOptions(cmd, { inMemory: false });
  },
  async run(_args, cmd) {
    const opts = parseOptions(Options, cmd);
    const kind = opts['--failures'] ? 'failures' : 'records';
    const columns =
      kind === 'failures'
        ? parseColumns(opts['--columns'], FAILURE_COLUMNS, FAILURE_COLUMNS)
        : parseColumns(opts['--columns'], RECORD_COLUMNS, DEFAULT_RECORD_COLUMNS);
    const [{ openCommandStores }, { createReader }, out] = await Promise.all([import('./open.js'), import('../read/index.js'), import('./pipeline-output.js')]);
    const opened = await openCommandStores(opts);
    try {
      const reader = createReader(opened.stores);
      const limit = opts['--limit'] ?? Infinity;
      const min = opts['--min-confidence'];
      const keep = (r: Row) => kind === 'failures' || meetsMinConfidence(r, min);
      const table = opts['--format'] === 'table';
      const rows: Row[] = [];
      let count = 0;
      for await (const row of runQuery(reader, opts)) {
        if (!keep(row)) continue;
        count++;
        if (table) rows.push(row);
        else process.stdout.write(`${JSON.stringify(row)}\n`);
        if (count >= limit) break;
      }
      if (count === 0) {
        process.stderr.write(`no ${kind}${min !== undefined ? ` with quality.confidence >= ${min}` : ''}\n`);
        return 0;
      }
      if (table) process.stdout.write(`${out.formatTable(columns, rows.map((r) => columns.map((c) => cell(r, c))))}\n`);
      return 0;
    } finally {
      await opened.close();
    }
  },
};

/** A record id from a full id or a unique prefix; an ambiguous or unknown prefix says so. */
async function resolveId(reader: Reader, idOrPrefix: string): Promise<string | null> {
  if (idOrPrefix.length === 64) return idOrPrefix;
  const matches = await reader.byIdPrefix(idOrPrefix, 2);
  if (matches.length > 1) throw usageError(`--id ${idOrPrefix} is ambiguous: more than one record id starts with it; give more digits`);
  return matches[0]?.id ?? null;
}

async function* runQuery(reader: Reader, a: Options): AsyncIterable<Row> {
  const range = { ...(a['--from'] ? { from: a['--from'] } : {}), ...(a['--to'] ? { to: a['--to'] } : {}) };
  // With --min-confidence rows are filtered after the read: the store limit would cut before the filter.
  const limit = a['--min-confidence'] === undefined ? a['--limit'] : undefined;
  const rows = (list: unknown[]) => list as Row[];
  if (a['--all']) {
    for await (const r of reader.all()) yield r as unknown as Row;
    return;
  }
  if (a['--failures']) return yield* rows(await reader.failuresOf(a['--failures']));
  if (a['--changes']) return yield* rows(await reader.changes(changeRange(a)));
  if (a['--history']) {
    const id = await resolveId(reader, a['--history']);
    const h = id ? await reader.history(id) : null;
    if (h) yield h as unknown as Row;
    return;
  }
  if (a['--id']) {
    const id = await resolveId(reader, a['--id']);
    const r = id ? await reader.byId(id) : null;
    if (r) yield r as unknown as Row;
    return;
  }
  if (a['--url']) return yield* rows(await reader.byUrl(a['--url']));
  if (a['--site']) return yield* rows(await reader.bySite(a['--site'], range, limit));
  if (a['--day']) return yield* rows(await reader.byDay(a['--day'], limit));
  if (a['--city']) return yield* rows(await reader.byCity(a['--city'], range, limit));
  const id = await resolveId(reader, a['--reposts-of']!);
  if (!id) return;
  for (const m of await reader.repostsOf(id, a['--max-hamming'])) yield { ...m.record, match: { reason: m.reason, hamming: m.hamming } };
}

/** --since/--until as UTC times: a day means its first (since) or last (until) instant in China time. */
export function changeRange(a: Pick<Options, '--since' | '--until' | '--site' | '--kind'>, now: Date = new Date()) {
  const until = a['--until'] ? (isDay(a['--until']) ? chinaDayEndUtc(a['--until']) : new Date(a['--until']).toISOString()) : now.toISOString();
  const since = a['--since']
    ? isDay(a['--since'])
      ? chinaDayStartUtc(a['--since'])
      : new Date(a['--since']).toISOString()
    : new Date(Date.parse(until) - DEFAULT_CHANGES_LOOKBACK_DAYS * 24 * 60 * 60 * 1000).toISOString();
  if (since > until) throw usageError(`--since ${a['--since']} is after --until ${a['--until'] ?? 'now'}`);
  return { since, until, ...(a['--site'] ? { site: a['--site'] } : {}), ...(a['--kind'] ? { kind: a['--kind'] } : {}) };
}

/** --min-confidence: a record is kept when its quality.confidence is at least `min`; one without a confidence (older
 * records) is left out once a minimum is asked for. */
export function meetsMinConfidence(record: unknown, min: number | undefined): boolean {
  if (min === undefined) return true;
  const confidence = (record as { quality?: { confidence?: unknown } } | null)?.quality?.confidence;
  return typeof confidence === 'number' && confidence >= min;
}
