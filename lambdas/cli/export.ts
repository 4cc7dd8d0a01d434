/**
 * `jsnews export --format jsonl|csv|parquet --out FILE [--site --from --to --source]`: every stored
 * record (or those selected) streamed to a file, read page by page so memory stays bounded.
 * `jsnews export --changes ... [--since --until --site --kind]`: the detected changes instead, read
 * by Query (day partitions, or the site's partition), streamed the same way.
 */
import { z } from 'zod';
import { chinaDay } from '../contract/china-time.js';
import type { NewsRecord } from '../contract/record.js';
import { parseOptions, usageError, type CliCommand } from './framework.js';
import { changeRange } from './query.js';
import { addCrawlOptions, addStoreOptions, checkRange, CrawlFlags, Day, IsoTime, SourceId, StoreFlags } from './store-options.js';

const Options = z
  .object({
    ...StoreFlags,
    '--sources': CrawlFlags['--sources'],
    '--replay': CrawlFlags['--replay'],
    '--format': z.enum(['jsonl', 'csv', 'parquet'], { errorMap: () => ({ message: 'must be jsonl, csv or parquet' }) }),
    '--out': z.string().min(1),
    '--site': z.string().regex(/^[a-z0-9.-]+$/i, 'a bare host name').optional(),
    '--source': SourceId.optional(),
    '--from': Day.optional(),
    '--to': Day.optional(),
    '--changes': z.boolean().optional(),
    '--since': z.union([Day, IsoTime]).optional(),
    '--until': z.union([Day, IsoTime]).optional(),
    '--kind': z.enum(['edited', 'deleted', 'restored']).optional(),
  })
  .superRefine((a, ctx) => {
    checkRange(a, ctx);
    if (a['--changes'] && (a['--from'] || a['--to'] || a['--source'])) ctx.addIssue({ code: z.ZodIssueCode.custom, message: '--changes takes --since/--until/--site/--kind (--from/--to/--source select records)', path: ['--changes'] });
    if (!a['--changes'] && (a['--since'] || a['--until'] || a['--kind'])) ctx.addIssue({ code: z.ZodIssueCode.custom, message: '--since/--until/--kind go with --changes', path: ['--since'] });
  });

/** The China day a record is filed under, as the store files it: published, else fetched. */
function recordDay(r: NewsRecord): string | null {
  const iso = r.publishedAt ?? r.raw?.fetchedAt ?? null;
  try {
    return iso ? chinaDay(iso) : null;
  } catch {
    return null;
  }
}

export const command: CliCommand = {
  name: 'export',
  summary: 'write stored records to a JSON Lines, CSV or Parquet file (streamed)',
  description:
    'Stream every stored record (a table scan, page by page) to FILE, optionally only a site, a source\'s hosts, or a range of days (publication day, else fetch day, China time). CSV and Parquet have one flat row per record; nested fields (authors, people, figures, paragraphs, published, quality, raw) are JSON columns. Parquet is written in row groups of 1,000 records. With --changes, the detected edits, deletions and restorations instead (one row each: detectedAt, kind, id, url, siteHost, fields as JSON, detail, firstSeenAt, fromVersion, toVersion), in time order, read by Query (never a Scan); --since/--until as for query --changes (default: the 90 days before --until).',
  examples: [
    'jsnews export --format parquet --out records.parquet',
    'jsnews export --format csv --out nanjing.csv --site www.jssuxun.example --from 2024-02-01 --to 2024-02-29',
    'jsnews export --changes --format parquet --out changes.parquet --since 2026-01-01 --kind deleted',
    "duckdb -c \"select title, city from 'records.parquet' limit 5\"",
  ],
  configure(cmd) {
    cmd
      .option('--format <format>', 'jsonl, csv or parquet')
      .option('--out <file>', 'the file to write (replaced)')
      .option('--site <host>', 'only records served from this host')
      .option('--source <id>', "only records from this source's hosts (see jsnews sources list)")
      .option('--from <day>', 'first day, YYYY-MM-DD')
      .option('--to <day>', 'last day, inclusive')
      .option('--changes', 'export detected changes instead of records (with --since/--until/--site/--kind)')
      .option('--since <time>', 'changes detected at or after (a China day or an ISO time)')
      .option('--until <time>', 'changes detected at or before (a China day: its end; default now)')
      .option('--kind <kind>', 'only edited, deleted or restored');
    addCrawlOptions(cmd);
    addStoreOptions(cmd, { inMemory: false });
  },
  async run(_args, cmd) {
    const opts = parseOptions(Options, cmd);
    const [{ openCommandStores }, { createReader }, { createExportWriter, CHANGE_EXPORT_COLUMNS }] = await Promise.all([import('./open.js'), import('../read/index.js'), import('../read/export.js')]);
    if (opts['--changes']) {
      const range = changeRange(opts);
      const opened = await openCommandStores(opts);
      try {
        const writer = await createExportWriter(opts['--format'], opts['--out'], CHANGE_EXPORT_COLUMNS);
        for await (const c of createReader(opened.stores).streamChanges(range)) await writer.write(c);
        const written = await writer.close();
        process.stderr.write(`exported ${written} change(s) detected ${range.since} .. ${range.until} to ${opts['--out']} (${opts['--format']})\n`);
        return 0;
      } finally {
        await opened.close();
      }
    }
    let hosts: Set<string> | null = null;
    if (opts['--source']) {
      const { loadSources } = await import('../sites/load-sources.js');
      const { join } = await import('node:path');
      const sources = loadSources(opts['--sources'] ?? (opts['--replay'] ? join(opts['--replay'], 'sources.json') : undefined));
      const source = sources.find((s) => s.id === opts['--source']);
      if (!source) throw usageError(`unknown source: ${opts['--source']} (jsnews sources list shows them)`);
      hosts = new Set(source.hosts.map((h) => h.toLowerCase()));
    }
    const keep = (r: NewsRecord) => {
      const host = r.site.host?.toLowerCase() ?? null;
      if (opts['--site'] && host !== opts['--site'].toLowerCase()) return false;
      if (hosts && (!host || !hosts.has(host))) return false;
      if (opts['--from'] || opts['--to']) {
        const day = recordDay(r);
        if (!day || (opts['--from'] && day < opts['--from']) || (opts['--to'] && day > opts['--to'])) return false;
      }
      return true;
    };
    const opened = await openCommandStores(opts);
    try {
      const reader = createReader(opened.stores);
      const writer = await createExportWriter(opts['--format'], opts['--out']);
      let scanned = 0;
      for await (const r of reader.all()) {
        scanned++;
        if (keep(r)) await writer.write(r);
      }
      const written = await writer.close();
      process.stderr.write(`exported ${written} of ${scanned} records to ${opts['--out']} (${opts['--format']})\n`);
      return 0;
    } finally {
      await opened.close();
    }
  },
};
