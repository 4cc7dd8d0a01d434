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
  const page = await fetchStartPageLinks(url, kind, source, deps);
  if (!page.ok) {
    const { code, reason, retryable, status } = page;
    await recordFailure(deps, { sourceId: source.id, url, stage: 'list', code, reason, retryable, status }, 'list page failed');
    return { ok: false, url, code, reason, status };
  }
  if (knownFailure) await deps.stores.failures.clear(source.id, url);
  return { ok: true, url, links: page.links };
}

export type StartPageLinks =
  | { ok: true; url: string; finalUrl: string; links: string[] }
  | { ok: false; url: string; code: JsnewsError['code']; reason: string; retryable: boolean; status: number | null };

/** Fetches a start or list page, decodes it and returns the article URLs discovery finds on it; records nothing (`jsnews sources check` uses it as is). */
export async function fetchStartPageLinks(url: string, kind: StartPageKind, source: Source, deps: Pick<PipelineDeps, 'fetcher' | 'discover'>): Promise<StartPageLinks> {
  const outcome = await deps.fetcher.fetch(url);
  if (outcome.kind === 'failure') return { ok: false, url, code: outcome.code, reason: outcome.reason, retryable: outcome.retryable, status: outcome.status };
  const { text } = decodeBytes(outcome.body, { declared: outcome.headerCharset ?? source.charsetHint ?? null });
  return { ok: true, url, finalUrl: outcome.finalUrl, links: deps.discover({ kind, text, url: outcome.finalUrl }, source) };
}
