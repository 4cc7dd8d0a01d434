/**
 * A backfill request: the backfill Lambda's payload, what `jsnews backfill --remote` sends, and what
 * `jsnews backfill` runs inline, validated by the same schema (so the same limits, contract/limits.ts):
 *   { "urls": ["https://…", …] }
 *   { "sourceId": "jschina-jsnews", "listPages": { "from": 1, "to": 20 } }
 *   { "sourceId": "jschina-jsnews", "from": "2024-01-01", "to": "2024-02-01" }
 *   { "reprocess": { "all": true } | { "sourceId": "…", "from"?: "…", "to"?: "…" } | { "from": "…", "to": "…" } }
 * The shape is picked by its keys, so a mistake gets that shape's error, not a union's "invalid input".
 */
import { z } from 'zod';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import { MAX_BACKFILL_LIST_PAGES, MAX_BACKFILL_URLS } from '../contract/limits.js';
import { parseInput } from '../contract/zod-issues.js';
import { HttpUrl, IsoDay, SourceId } from './work-items.js';

/** URLs with credentials are never fetched; refusing them here keeps the password out of the queue, the stores and the logs. */
const BackfillUrl = HttpUrl.refine((u) => !hasCredentials(u), 'must not contain a user name or password (URLs with credentials are never fetched)');

function hasCredentials(u: string): boolean {
  try {
    const url = new URL(u);
    return url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
}
const dayRange = <T extends z.ZodRawShape>(shape: T) =>
  z.object(shape).strict().refine((v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to, 'from must not be after to');

const UrlsPayload = z.object({ urls: z.array(BackfillUrl).min(1).max(MAX_BACKFILL_URLS) }).strict();
const ListPagesPayload = z
  .object({
    sourceId: SourceId,
    listPages: z
      .object({ from: z.number().int().min(0), to: z.number().int().min(0) })
      .strict()
      .refine((r) => r.from <= r.to, 'from must not be after to')
      .refine((r) => r.to - r.from < MAX_BACKFILL_LIST_PAGES, `at most ${MAX_BACKFILL_LIST_PAGES} list pages per request`),
  })
  .strict();
const DateRangePayload = dayRange({ sourceId: SourceId, from: IsoDay, to: IsoDay });
const ReprocessSelection = z.union([
  z.object({ all: z.literal(true) }).strict(),
  dayRange({ sourceId: SourceId, from: IsoDay.optional(), to: IsoDay.optional() }),
  dayRange({ from: IsoDay, to: IsoDay }),
]);
const ReprocessPayload = z.object({ reprocess: ReprocessSelection }).strict();

export type BackfillRequest =
  | { kind: 'urls'; urls: string[] }
  | { kind: 'listPages'; sourceId: string; from: number; to: number }
  | { kind: 'dateRange'; sourceId: string; from: string; to: string }
  | { kind: 'reprocess'; selection: { sourceId?: string; from?: string; to?: string } };

/** What the backfill Lambda answers (and `jsnews backfill --remote` prints). */
export type BackfillResponse =
  | { ok: true; kind: BackfillRequest['kind']; enqueued: { fetch: number; normalize: number } }
  | { ok: false; error: { code: string; message: string } };

const WHAT = 'backfill payload';
const SHAPES = 'expected {"urls":[...]}, {"sourceId","listPages":{"from","to"}}, {"sourceId","from","to"} or {"reprocess":{...}}';

export function parseBackfillPayload(input: unknown): BackfillRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new JsnewsError(ErrorCode.InvalidArgument, `invalid ${WHAT}: not a JSON object; ${SHAPES}`);
  }
  if ('reprocess' in input) {
    const { reprocess } = parseInput(ReprocessPayload, input, WHAT);
    return { kind: 'reprocess', selection: 'all' in reprocess ? {} : reprocess };
  }
  if ('urls' in input) return { kind: 'urls', urls: [...new Set(parseInput(UrlsPayload, input, WHAT).urls)] };
  if ('listPages' in input) {
    const p = parseInput(ListPagesPayload, input, WHAT);
    return { kind: 'listPages', sourceId: p.sourceId, from: p.listPages.from, to: p.listPages.to };
  }
  if ('sourceId' in input) return { kind: 'dateRange', ...parseInput(DateRangePayload, input, WHAT) };
  throw new JsnewsError(ErrorCode.InvalidArgument, `invalid ${WHAT}: ${SHAPES}`);
}
