/**
 * Start and list pages: fetched fresh every cycle (their point is to change), decoded, and turned
 * into article URLs by the discovery function. Not archived: they are not records. A list page that
 * fails is recorded as a failure with stage `list` and cleared when it loads again.
 */
import { decodeBytes } from '../normalize/decode/charset.js';
import { JsnewsError } from '../contract/errors.js';
import type { Source, StartPageKind } from '../sites/sources-schema.js';
import type { PipelineDeps } from './deps.js';

export type ListPageResult =
  | { ok: true; url: string; links: string[] }
  | { ok: false; url: string; code: JsnewsError['code']; reason: string; status: number | null };

export async function readListPage(
  url: string,
  kind: StartPageKind,
  source: Source,
  deps: PipelineDeps,
  knownFailure: boolean,
): Promise<ListPageResult> {
  const outcome = await deps.fetcher.fetch(url);
  if (outcome.kind === 'failure') {
    try {
      await deps.stores.failures.record(
        { sourceId: source.id, url, stage: 'list', code: outcome.code, reason: outcome.reason, retryable: outcome.retryable, status: outcome.status },
        deps.clock(),
      );
    } catch (err) {
      deps.logger.error('could not record list-page failure', { url, code: outcome.code, error: String(err) });
    }
    deps.logger.warn('list page failed', { url, code: outcome.code, reason: outcome.reason });
    return { ok: false, url, code: outcome.code, reason: outcome.reason, status: outcome.status };
  }
  if (knownFailure) await deps.stores.failures.clear(source.id, url);
  const { text } = decodeBytes(outcome.body, { declared: outcome.headerCharset ?? source.charsetHint ?? null });
  const links = deps.discover({ kind, text, url: outcome.finalUrl }, source);
  return { ok: true, url, links };
}
