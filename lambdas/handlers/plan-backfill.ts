/**
 * Turns a backfill payload into queue work, never doing the work itself, so no backfill is bounded
 * by one Lambda's 15 minutes:
 *   - urls → one article item each (filed under the source whose hosts match, else an ad-hoc id);
 *   - listPages → one list item per list start page and page number;
 *   - date range → one walking list item per list start page (page 0; each page enqueues the next);
 *   - reprocess → one reprocess-day item per archived (source, day).
 */
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import { adHocSourceId, listPageUrl } from '../pipeline/backfill.js';
import { findSourceForUrl } from '../sites/load-sources.js';
import type { Source } from '../sites/sources-schema.js';
import type { ArchiveDay, DaySelection } from './archive-days.js';
import type { BackfillPayload } from './backfill-payload.js';
import type { FetchWork, NormalizeWork } from './work-items.js';

export interface BackfillPlan {
  fetch: FetchWork[];
  normalize: NormalizeWork[];
}

export async function planBackfill(
  payload: BackfillPayload,
  sources: readonly Source[],
  listDays: (selection: DaySelection) => Promise<ArchiveDay[]>,
): Promise<BackfillPlan> {
  switch (payload.kind) {
    case 'urls':
      return {
        fetch: payload.urls.map((url) => ({ kind: 'article', url, sourceId: findSourceForUrl(sources, url)?.id ?? adHocSourceId(url), mayHaveFailure: true })),
        normalize: [],
      };
    case 'listPages': {
      const source = findSource(sources, payload.sourceId);
      const fetch: FetchWork[] = [];
      for (const start of listStarts(source)) {
        for (let n = payload.from; n <= payload.to; n++) {
          fetch.push({ kind: 'list', url: listPageUrl(source, start, n), sourceId: source.id, pageKind: 'list' });
        }
      }
      return { fetch, normalize: [] };
    }
    case 'dateRange': {
      const source = findSource(sources, payload.sourceId);
      const walk = { n: 0, from: payload.from, to: payload.to };
      return {
        fetch: listStarts(source).map((start) => ({ kind: 'list', url: start, sourceId: source.id, pageKind: 'list', walk: { ...walk, startUrl: start } })),
        normalize: [],
      };
    }
    case 'reprocess': {
      const days = await listDays(payload.selection);
      return { fetch: [], normalize: days.map((d) => ({ kind: 'reprocess-day', sourceId: d.sourceId, day: d.day })) };
    }
  }
}

function findSource(sources: readonly Source[], id: string): Source {
  const source = sources.find((s) => s.id === id);
  if (!source) throw new JsnewsError(ErrorCode.InvalidArgument, `unknown source "${id}" (known: ${sources.map((s) => s.id).join(', ')})`);
  return source;
}

function listStarts(source: Source): string[] {
  const starts = source.startPages.filter((p) => p.kind === 'list').map((p) => p.url);
  if (starts.length === 0) throw new JsnewsError(ErrorCode.InvalidArgument, `source ${source.id} has no list start pages to backfill from`);
  return starts;
}
