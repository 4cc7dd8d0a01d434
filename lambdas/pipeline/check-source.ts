/**
 * `jsnews sources check`: what a crawl of one source would see, without storing anything. Every start
 * page is fetched and its article links discovered (as a cycle does), the first few links are fetched
 * and normalized (as ingest does), and what looks wrong is flagged, the way to add a site with
 * confidence:
 *   - a start page that cannot be fetched, or whose links discovery finds none of (errors);
 *   - list pages taken for articles: a discovered link that is one of the source's own start or list
 *     pages, a sample the normalizer finds no article on (NO_ARTICLE), or samples sharing one title
 *     (a section page repeats its section name) (errors);
 *   - samples without a publication date, with a low confidence, or that fail (warnings);
 *   - no discovered link carrying a date in its URL (a note: backfill --from/--to cannot pick days).
 */
import type { NewsRecord } from '../contract/record.js';
import { ErrorCode } from '../contract/errors.js';
import { LOW_CONFIDENCE } from '../normalize/extract/confidence.js';
import { listPageUrls, type Source, type StartPageKind } from '../sites/sources-schema.js';
import type { PipelineDeps } from './deps.js';
import { fetchStartPageLinks } from './list-pages.js';
import { dateFromUrl } from './list-work.js';
import { tryPage, type TriedPage } from './try-page.js';

/** Articles fetched and normalized by default: enough to see a template's pattern, few enough to stay polite. */
export const DEFAULT_CHECK_ARTICLES = 3;
/**
 * Samples with one and the same title that make it look like list pages: two. Distinct articles have
 * distinct headlines, while the pages of one section template repeat the section's name as their title.
 */
export const SAME_TITLE_SAMPLES = 2;

export type CheckLevel = 'error' | 'warning' | 'note';
export type CheckFlagCode =
  | 'START_PAGE_FAILED'
  | 'NO_LINKS'
  | 'LIST_PAGE_AS_ARTICLE'
  | 'ARTICLE_FAILED'
  | 'NO_DATE'
  | 'LOW_CONFIDENCE'
  | 'NO_URL_DATES';

export interface CheckFlag {
  level: CheckLevel;
  code: CheckFlagCode;
  message: string;
  url?: string;
}

export interface StartPageCheck {
  url: string;
  kind: StartPageKind;
  ok: boolean;
  /** After redirects (when fetched). */
  finalUrl?: string;
  links: string[];
  /** Links whose URL carries a day (what backfill --from/--to selects by). */
  datedLinks: number;
  error?: { code: string; message: string };
}

export interface ArticleCheck {
  url: string;
  ok: boolean;
  record?: NewsRecord;
  error?: { stage: string; code: string; message: string; status: number | null };
}

export interface SourceCheck {
  sourceId: string;
  name: string;
  startPages: StartPageCheck[];
  articles: ArticleCheck[];
  flags: CheckFlag[];
}

export async function checkSource(source: Source, deps: Pick<PipelineDeps, 'fetcher' | 'discover' | 'normalize'>, options: { articles?: number } = {}): Promise<SourceCheck> {
  const flags: CheckFlag[] = [];
  const startPages: StartPageCheck[] = [];
  for (const page of source.startPages) {
    const got = await fetchStartPageLinks(page.url, page.kind, source, deps);
    if (!got.ok) {
      startPages.push({ url: page.url, kind: page.kind, ok: false, links: [], datedLinks: 0, error: { code: got.code, message: got.reason } });
      flags.push({ level: 'error', code: 'START_PAGE_FAILED', url: page.url, message: `start page failed: ${got.code}: ${got.reason}` });
      continue;
    }
    const datedLinks = got.links.filter((l) => dateFromUrl(l) !== null).length;
    startPages.push({ url: page.url, kind: page.kind, ok: true, finalUrl: got.finalUrl, links: got.links, datedLinks });
    if (got.links.length === 0) flags.push({ level: 'error', code: 'NO_LINKS', url: page.url, message: `discovery found no article links on this ${page.kind} page (check articleUrlPatterns, or the page's links)` });
  }

  const links = [...new Set(startPages.flatMap((p) => p.links))];
  const ownPages = new Set([...source.startPages.map((p) => p.url), ...listPageUrls(source), ...startPages.flatMap((p) => (p.finalUrl ? [p.finalUrl] : []))]);
  for (const url of links.filter((l) => ownPages.has(l))) {
    flags.push({ level: 'error', code: 'LIST_PAGE_AS_ARTICLE', url, message: 'a start or list page of this source was discovered as an article link' });
  }
  if (links.length > 0 && links.every((l) => dateFromUrl(l) === null)) {
    flags.push({ level: 'note', code: 'NO_URL_DATES', message: 'no article link carries a date in its URL: backfill --from/--to cannot select this source\'s articles by day' });
  }

  const articles: ArticleCheck[] = [];
  for (const url of links.slice(0, options.articles ?? DEFAULT_CHECK_ARTICLES)) {
    const tried = await tryPage(url, deps, { site: source.hints ?? null });
    articles.push(toArticleCheck(tried));
    flags.push(...articleFlags(tried));
  }
  flags.push(...sameTitleFlags(articles));
  return { sourceId: source.id, name: source.name, startPages, articles, flags };
}

function toArticleCheck(tried: TriedPage): ArticleCheck {
  if (tried.ok) return { url: tried.url, ok: true, record: tried.record };
  return { url: tried.url, ok: false, error: { stage: tried.stage, code: tried.code, message: tried.message, status: tried.status } };
}

function articleFlags(tried: TriedPage): CheckFlag[] {
  const { url } = tried;
  if (!tried.ok) {
    if (tried.code === ErrorCode.NoArticle) {
      return [{ level: 'error', code: 'LIST_PAGE_AS_ARTICLE', url, message: `the normalizer finds no article here (${tried.message}): a list or index page taken for an article?` }];
    }
    return [{ level: 'warning', code: 'ARTICLE_FAILED', url, message: `${tried.stage} failed: ${tried.code}: ${tried.message}` }];
  }
  const flags: CheckFlag[] = [];
  const { record } = tried;
  if (record.publishedAt === null) {
    const found = record.published ? `only "${record.published.text}" without a full date` : 'no date at all';
    flags.push({ level: 'warning', code: 'NO_DATE', url, message: `no publication date (${found})` });
  }
  const confidence = record.quality.confidence;
  if (typeof confidence === 'number' && confidence < LOW_CONFIDENCE) {
    flags.push({ level: 'warning', code: 'LOW_CONFIDENCE', url, message: `confidence ${confidence.toFixed(2)} < ${LOW_CONFIDENCE}: the title or body may not be the article` });
  }
  return flags;
}

function sameTitleFlags(articles: readonly ArticleCheck[]): CheckFlag[] {
  const byTitle = new Map<string, string[]>();
  for (const a of articles) if (a.record) byTitle.set(a.record.title, [...(byTitle.get(a.record.title) ?? []), a.url]);
  return [...byTitle]
    .filter(([, urls]) => urls.length >= SAME_TITLE_SAMPLES)
    .map(([title, urls]) => ({ level: 'error' as const, code: 'LIST_PAGE_AS_ARTICLE' as const, url: urls[0], message: `${urls.length} sampled articles share the title "${title}": list pages or a section template?` }));
}
