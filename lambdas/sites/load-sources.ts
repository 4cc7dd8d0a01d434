/**
 * Loads the sources registry: the built-in entries (sources.ts), or a JSON override file that
 * replaces them. Either way every entry is validated, and failures name the file and field.
 */
import { readFileSync } from 'node:fs';
import { ErrorCode, JsnewsError } from '../contract/errors.js';
import type { SiteHints } from '../contract/record.js';
import { SourceList, type Source } from './sources-schema.js';
import { SOURCES } from './sources.js';
import { formatIssues } from '../contract/zod-issues.js';

export { formatIssues };

/** Validates an already-parsed list of sources; `origin` names where they came from in errors. */
export function parseSources(input: unknown, origin: string): Source[] {
  const parsed = SourceList.safeParse(input);
  if (!parsed.success) {
    throw new JsnewsError(ErrorCode.InvalidArgument, `invalid sources in ${origin}: ${formatIssues(parsed.error)}`);
  }
  return parsed.data;
}

/**
 * The sources to crawl. With `overridePath`, reads that JSON file (an array of sources, or
 * `{ "sources": [...] }`) instead of the built-in list. Throws JsnewsError(InvalidArgument).
 */
export function loadSources(overridePath?: string): Source[] {
  if (!overridePath) return parseSources(SOURCES, 'lambdas/sites/sources.ts');
  let text: string;
  try {
    text = readFileSync(overridePath, 'utf8');
  } catch (err) {
    throw new JsnewsError(ErrorCode.InvalidArgument, `cannot read sources file ${overridePath}: ${(err as Error).message}`, false, { cause: err });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new JsnewsError(ErrorCode.InvalidArgument, `sources file ${overridePath} is not valid JSON: ${(err as Error).message}`, false, { cause: err });
  }
  const list = json && typeof json === 'object' && !Array.isArray(json) && 'sources' in json ? (json as { sources: unknown }).sources : json;
  return parseSources(list, overridePath);
}

/** The source whose hosts include the URL's host, if any. */
export function findSourceForUrl(sources: readonly Source[], url: string): Source | undefined {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return undefined;
  }
  return sources.find((s) => s.hosts.includes(host));
}

/** The normalizer's hints (PageContext.site) for a URL: those of the source whose hosts include its host, else null. */
export function siteHintsForUrl(sources: readonly Source[], url: string | null | undefined): SiteHints | null {
  return url ? (findSourceForUrl(sources, url)?.hints ?? null) : null;
}
