/**
 * Finds article links on a list page. With a source whose articleUrlPatterns are set, those
 * patterns decide alone. Without, each same-site link is scored on its URL shape, its text
 * length in Han characters and its position (list block vs page chrome); see patterns.ts.
 */
import type { AnyNode, Element } from 'domhandler';
import { MAX_PAGE_ELEMENTS } from '../normalize/parse/budget.js';
import type { CheerioAPI } from '../normalize/parse/load-html.js';
import { guardHtml, parseDom } from '../normalize/parse/parse-page.js';
import { DEFAULT_MAX_LINKS_PER_PAGE, type Source } from '../sites/sources-schema.js';
import { isSameSite, normalizeLinkUrl } from './normalize-url.js';
import {
  CHROME_CLASS,
  CHROME_TAGS,
  HAN_CHAR,
  HEADLINE_HAN_CHARS,
  MAX_NAV_HAN_CHARS,
  MEDIUM_HAN_CHARS,
  MIN_ARTICLE_SCORE,
  MIN_LINKS_IN_LIST_BLOCK,
  SCORES,
  URL_PATTERNS,
} from './patterns.js';
import type { DiscoveredLink } from './types.js';

/** Score given to links a source pattern (or a feed) vouches for: above any heuristic total. */
export const SOURCE_PATTERN_SCORE = 100;
// Containers that hold one list of links.
const BLOCK_SELECTOR = 'ul, ol, dl, table, div, section, article';
// List pages often truncate the anchor text ("南京江北新区召开…") and keep the full headline in title=.
const TRUNCATION_MARK = /(\.{2,}|…+)$/;

interface Candidate {
  el: Element;
  url: string;
  text: string;
  shape: string;
}

/**
 * Elements a list page is read up to, per link it may yield: a list item is a handful of elements (li, a, span, the
 * date), so a source allowed 50,000 links is not cut at the normalizer's MAX_PAGE_ELEMENTS.
 */
const ELEMENTS_PER_LINK = 10;

/**
 * The list page parsed as the normalizer parses an article (normalize/parse/): the same htmlparser2 tree under the
 * same guards (nesting capped at MAX_NESTING_DEPTH, the page budget), so a hostile list page costs discovery no more
 * than it costs normalize (a 100,000-deep page with 10 links took 104 s on parse5).
 */
function parseListPage(html: string, maxLinks: number): CheerioAPI {
  return parseDom(guardHtml(html, { maxElements: Math.max(MAX_PAGE_ELEMENTS, ELEMENTS_PER_LINK * maxLinks) })).$;
}

/** Finds the article links of a list page. Document order, de-duplicated by URL (best score kept). */
export function discoverArticleLinks(html: string, baseUrl: string, source?: Source): DiscoveredLink[] {
  const $ = parseListPage(html, source?.maxLinksPerPage ?? DEFAULT_MAX_LINKS_PER_PAGE);
  const base = resolveBase($, baseUrl);
  const candidates = collectCandidates($, base, source);
  const patterns = (source?.articleUrlPatterns ?? []).map((p) => new RegExp(p));
  const links =
    patterns.length > 0
      ? candidates.filter((c) => patterns.some((p) => p.test(c.url))).map((c) => toLink(c, SOURCE_PATTERN_SCORE, ['source-pattern']))
      : scoreCandidates($, candidates).filter((l) => l.score >= MIN_ARTICLE_SCORE);
  return dedupe(links);
}

/** Honours <base href> when present. */
function resolveBase($: CheerioAPI, baseUrl: string): string {
  const href = $('base[href]').first().attr('href');
  if (!href) return baseUrl;
  try {
    return new URL(href, baseUrl).toString();
  } catch {
    return baseUrl;
  }
}

function collectCandidates($: CheerioAPI, baseUrl: string, source?: Source): Candidate[] {
  const out: Candidate[] = [];
  const max = source?.maxLinksPerPage ?? DEFAULT_MAX_LINKS_PER_PAGE;
  $('a[href]').each((_, el) => {
    if (out.length >= max) return false;
    const url = normalizeLinkUrl($(el).attr('href') ?? '', baseUrl);
    if (!url || URL_PATTERNS.resource.test(url) || !isSameSite(url, baseUrl, source?.hosts)) return;
    out.push({ el, url, text: anchorText($, el), shape: urlShape(url) });
  });
  return out;
}

function anchorText($: CheerioAPI, el: Element): string {
  const text = $(el).text().replace(/\s+/g, ' ').trim();
  const title = ($(el).attr('title') ?? '').replace(/\s+/g, ' ').trim();
  if (title && (!text || TRUNCATION_MARK.test(text) || (title.length > text.length && title.startsWith(text.replace(TRUNCATION_MARK, ''))))) {
    return title;
  }
  return text;
}

/** The URL with digit runs folded, so all articles of one channel share a shape. */
function urlShape(url: string): string {
  const u = new URL(url);
  return u.host + u.pathname.replace(/\d+/g, '9');
}

function scoreCandidates($: CheerioAPI, candidates: Candidate[]): DiscoveredLink[] {
  const shapeOf = new Map<AnyNode, string>(candidates.map((c) => [c.el, c.shape]));
  const shapesInBlock = new Map<AnyNode, Map<string, number>>();
  return candidates.map((c) => {
    const reasons: string[] = [];
    let score = 0;
    const add = (points: number, reason: string): void => {
      score += points;
      reasons.push(reason);
    };
    scoreUrl(c.url, add);
    scoreText(c.text, add);
    if (isInChrome(c.el)) add(SCORES.inChrome, 'chrome');
    else if (isInListBlock($, c, shapeOf, shapesInBlock)) add(SCORES.inListBlock, 'list-block');
    return toLink(c, score, reasons);
  });
}

type AddScore = (points: number, reason: string) => void;

function scoreUrl(url: string, add: AddScore): void {
  const u = new URL(url);
  const path = u.pathname + u.search;
  const trs = URL_PATTERNS.trsArticle.test(u.pathname);
  const id = !trs && URL_PATTERNS.idArticle.test(path);
  // "/" with ?id=1187 is an article on query-routed CMSs; "/" alone is a home or section page.
  if (URL_PATTERNS.listPage.test(u.pathname) && !id) add(SCORES.listPage, 'list-url');
  if (URL_PATTERNS.taxonomy.test(path)) add(SCORES.taxonomy, 'taxonomy-url');
  if (trs) add(SCORES.trsArticle, 'trs-url');
  else if (URL_PATTERNS.datedPath.test(path)) add(SCORES.datedPath, 'dated-url');
  if (id) add(SCORES.idArticle, 'id-url');
}

function scoreText(text: string, add: AddScore): void {
  const han = text.match(HAN_CHAR)?.length ?? 0;
  if (han >= HEADLINE_HAN_CHARS.min && han <= HEADLINE_HAN_CHARS.max) add(SCORES.headlineText, 'headline-text');
  else if (han >= MEDIUM_HAN_CHARS.min && han <= MEDIUM_HAN_CHARS.max) add(SCORES.mediumText, 'medium-text');
  // Image links (no Han text) are neither: they neither gain nor lose.
  else if (han > 0 && han <= MAX_NAV_HAN_CHARS) add(SCORES.shortText, 'short-text');
}

function isInChrome(el: Element): boolean {
  for (let node = el.parent; node && node.type === 'tag'; node = node.parent) {
    const tag = node as Element;
    if (CHROME_TAGS.has(tag.name)) return true;
    const names = `${tag.attribs['class'] ?? ''} ${tag.attribs['id'] ?? ''}`;
    if (CHROME_CLASS.test(names)) return true;
  }
  return false;
}

/**
 * In a <li>/<dd>/<tr>, or in the nearest block that holds several links of the same URL shape. The shape counts of a
 * block are computed once per block (`shapesInBlock`), not once per link: a page whose thousands of links share one
 * block was quadratic (3,000 links: 190 s) when every link walked the whole block again.
 */
function isInListBlock(
  $: CheerioAPI,
  c: Candidate,
  shapeOf: Map<AnyNode, string>,
  shapesInBlock: Map<AnyNode, Map<string, number>>,
): boolean {
  const block = $(c.el).parent().closest(BLOCK_SELECTOR);
  const el = block.get(0);
  if (!el) return false;
  let counts = shapesInBlock.get(el);
  if (!counts) {
    const fresh = new Map<string, number>();
    block.find('a[href]').each((_, a) => {
      const shape = shapeOf.get(a);
      if (shape !== undefined) fresh.set(shape, (fresh.get(shape) ?? 0) + 1);
    });
    shapesInBlock.set(el, fresh);
    counts = fresh;
  }
  const same = counts.get(c.shape) ?? 0;
  return same >= MIN_LINKS_IN_LIST_BLOCK || ($(c.el).closest('li, dd, tr').length > 0 && same >= 2);
}

function toLink(c: Candidate, score: number, reasons: string[]): DiscoveredLink {
  return { url: c.url, text: c.text, score, reason: reasons.join('+') || 'none' };
}

/** Keeps the first position of each URL, with the best score and the longest text seen for it. */
export function dedupe(links: DiscoveredLink[]): DiscoveredLink[] {
  const byUrl = new Map<string, DiscoveredLink>();
  for (const link of links) {
    const seen = byUrl.get(link.url);
    if (!seen) byUrl.set(link.url, link);
    else
      byUrl.set(link.url, {
        url: link.url,
        text: link.text.length > seen.text.length ? link.text : seen.text,
        score: Math.max(seen.score, link.score),
        reason: link.score > seen.score ? link.reason : seen.reason,
      });
  }
  return [...byUrl.values()];
}
