/**
 * `jsnews query`: read records back, one access pattern per flag (each a GetItem or Query).
 *   --id ID | --url URL | --site HOST [--from DAY --to DAY] | --day DAY | --city CITY [--from --to]
 *   | --reposts-of ID [--max-hamming N] | --failures SOURCE
 *   --format jsonl|table (default jsonl), --limit N
 */
import { z } from 'zod';
import { loadConfig } from '../contract/config.js';
import { openReader, type Reader } from '../read/index.js';
import type { NewsRecord } from '../contract/record.js';
import { isDay } from '../contract/china-time.js';
import { formatTable, parseCliArgs, runCommand, validate } from './pipeline-output.js';

const day = z.string().refine(isDay, 'must be a day YYYY-MM-DD');
const PATTERNS = ['id', 'url', 'site', 'day', 'city', 'reposts-of', 'failures'] as const;
const Args = z
  .object({
    id: z.string().regex(/^[0-9a-f]{64}$/, 'must be a 64-hex record id').optional(),
    url: z.string().url().optional(),
    site: z.string().regex(/^[a-z0-9.-]+$/i, 'a bare host name').optional(),
    day: day.optional(),
    city: z.string().min(1).optional(),
    'reposts-of': z.string().regex(/^[0-9a-f]{64}$/, 'must be a 64-hex record id').optional(),
    failures: z.string().min(1).optional(),
    from: day.optional(),
    to: day.optional(),
    'max-hamming': z.coerce.number().int().min(0).max(64).optional(),
    limit: z.coerce.number().int().min(1).optional(),
    format: z.enum(['jsonl', 'table']).default('jsonl'),
  })
  .superRefine((a, ctx) => {
    const given = PATTERNS.filter((p) => a[p] !== undefined);
    if (given.length !== 1) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `give exactly one of ${PATTERNS.map((p) => `--${p}`).join(', ')}` });
  });
type Args = z.infer<typeof Args>;

type Row = Record<string, unknown>;

async function runQuery(reader: Reader, a: Args): Promise<{ rows: Row[]; kind: 'records' | 'failures' }> {
  const range = { ...(a.from ? { from: a.from } : {}), ...(a.to ? { to: a.to } : {}) };
  if (a.failures) return { rows: (await reader.failuresOf(a.failures)) as unknown as Row[], kind: 'failures' };
  let records: (NewsRecord & Row)[] = [];
  if (a.id) records = [await reader.byId(a.id)].filter((r): r is NewsRecord => r !== null);
  else if (a.url) records = await reader.byUrl(a.url);
  else if (a.site) records = await reader.bySite(a.site, range, a.limit);
  else if (a.day) records = await reader.byDay(a.day, a.limit);
  else if (a.city) records = await reader.byCity(a.city, range, a.limit);
  else if (a['reposts-of'])
    records = (await reader.repostsOf(a['reposts-of'], a['max-hamming'])).map((m) => ({ ...m.record, match: { reason: m.reason, hamming: m.hamming } }));
  return { rows: records, kind: 'records' };
}

function toTable(rows: Row[], kind: 'records' | 'failures'): string {
  if (kind === 'failures') {
    return formatTable(
      ['code', 'stage', 'attempts', 'lastFailedAt', 'nextRetryAt', 'url'],
      rows.map((f) => [String(f.code), String(f.stage), String(f.attempts), String(f.lastFailedAt), String(f.nextRetryAt), String(f.url)]),
    );
  }
  return formatTable(
    ['id', 'publishedAt', 'site', 'city', 'title'],
    rows.map((r) => {
      const rec = r as unknown as NewsRecord;
      return [rec.id.slice(0, 12), rec.publishedAt ?? '-', rec.site.host ?? '-', rec.region.city ?? '-', rec.title];
    }),
  );
}

export async function main(argv: string[]): Promise<number> {
  return runCommand('query', async () => {
    const { values } = parseCliArgs(argv, {
      id: { type: 'string' },
      url: { type: 'string' },
      site: { type: 'string' },
      day: { type: 'string' },
      city: { type: 'string' },
      'reposts-of': { type: 'string' },
      failures: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      'max-hamming': { type: 'string' },
      limit: { type: 'string' },
      format: { type: 'string' },
    });
    const args = validate(Args, values);
    const reader = await openReader(loadConfig());
    try {
      const { rows, kind } = await runQuery(reader, args);
      if (args.format === 'table') process.stdout.write(`${toTable(rows, kind)}\n`);
      else for (const row of rows) process.stdout.write(`${JSON.stringify(row)}\n`);
      return rows.length > 0 || kind === 'failures' ? 0 : 1;
    } finally {
      await reader.close();
    }
  });
}
