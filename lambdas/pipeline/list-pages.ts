/**
 * Start and list pages: fetched fresh every cycle (their point is to change), decoded, and turned
 * into article URLs by the discovery function. Not archived: they are not records. A list page that
 * fails is recorded as a failure with stage `list` and cleared when it loads again.
 */
import { decodeBytes } from '../normalize/decode/charset.js';
import { JsnewsError } from '../contract/errors.js';
import type { Source, StartPageKind } from '../sites/sources-schema.js';
import type { PipelineDeps } from './deps.js';
import { recordFailure } from './record-failure.js';

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
    const { code, reason, retryable, status } = outcome;
    await recordFailure(deps, { sourceId: source.id, url, stage: 'list', code, reason, retryable, status }, 'list page failed');
    return { ok: false, url, code: outcome.code, reason: outcome.reason, status: outcome.status };
  }
  if (knownFailure) await deps.stores.failures.clear(source.id, url);
  const { text } = decodeBytes(outcome.body, { declared: outcome.headerCharset ?? source.charsetHint ?? null });
  const links = deps.discover({ kind, text, url: outcome.finalUrl }, source);
  return { ok: true, url, links };
}
