/**
 * What an HTML page says about itself in its <head> and JSON-LD: the first layer of every metadata field
 * (trafilatura's order: meta tags, then JSON-LD, then the DOM, then the URL).
 */
import type { Element } from 'domhandler';
import type { PageIndex } from '../parse/page-index.js';
import { dateFromEpoch, findFullDates, type DateMatch } from './dates.js';

export interface HtmlMeta {
  titleTag: string | null;
  ogTitle: string | null;
  siteName: string | null;
  canonical: string | null;
  ogUrl: string | null;
  dates: DateMatch[];
  /** Publish times assigned in inline scripts (SCRIPT_DATE_KEYS), best key first. */
  scriptDates: DateMatch[];
  /** The page's last-modified time (meta/JSON-LD): no publish date, but a year for a year-less byline date. */
  modifiedDates: DateMatch[];
  /** The first `<time datetime>` element's value. */
  timeElementDates: DateMatch[];
  authors: string[];
  source: string | null;
  description: string | null;
  /** `<html lang>` as written. */
  lang: string | null;
  /** `<meta http-equiv="content-language">` as written (read for date order only: language.ts writesDayFirst). */
  contentLanguage: string | null;
}

// <meta> names/properties that carry the page's own publish time, best first.
const DATE_META_KEYS = [
  'article:published_time', 'og:article:published_time', 'og:release_date', 'datepublished', 'publishdate', 'pubdate',
  'publish_date', 'publication_date', 'dc.date.issued', 'dc.date', 'dcterms.created', 'sailthru.date', 'weibo:article:create_at',
  'firstpublishedtime', 'created', 'date',
] as const;
const MODIFIED_META_KEYS = ['article:modified_time', 'og:updated_time', 'datemodified', 'dateupdate', 'dateupdated', 'lastmodified', 'last-modified'] as const;
const SITE_NAME_META_KEYS = ['og:site_name', 'sitename', 'site_name', 'application-name', 'apple-mobile-web-app-title'] as const;
const AUTHOR_META_KEYS = ['author', 'article:author', 'dc.creator', 'byl'] as const;
const SOURCE_META_KEYS = ['source', 'contentsource', 'article:source', 'copyright_source'] as const;

/** Every <meta> content by lower-cased name/property/itemprop/http-equiv, first occurrence kept; read once per page. */
type MetaMap = ReadonlyMap<string, string>;

function readMetaMap(metas: readonly Element[]): MetaMap {
  const map = new Map<string, string>();
  for (const el of metas) {
    const attrs = (el as { attribs?: Record<string, string> }).attribs ?? {};
    const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? attrs['http-equiv'] ?? '').trim().toLowerCase();
    const value = (attrs.content ?? '').trim();
    if (key && value && !map.has(key)) map.set(key, value);
  }
  return map;
}

/** The first of `keys` (best first) that the page has. */
function metaContent(meta: MetaMap, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = meta.get(key);
    if (value) return value;
  }
  return null;
}

/** cheerio's `.attr(name)`: the attribute when the element has it. */
function attr(el: Element | null, name: string): string | undefined {
  return el && Object.prototype.hasOwnProperty.call(el.attribs, name) ? el.attribs[name] : undefined;
}

interface JsonLdFacts {
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  authors: string[];
  publisher?: string;
}

function readJsonLd(texts: readonly string[]): JsonLdFacts {
  const facts: JsonLdFacts = { authors: [] };
  for (const text of texts) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue; // Broken JSON-LD is common; the DOM layers still answer.
    }
    for (const node of flattenJsonLd(data)) {
      const type = String(node['@type'] ?? '');
      if (!/Article|NewsArticle|BlogPosting|Report|WebPage/i.test(type)) continue;
      if (typeof node.headline === 'string') facts.headline ??= node.headline;
      if (typeof node.datePublished === 'string') facts.datePublished ??= node.datePublished;
      if (typeof node.dateModified === 'string') facts.dateModified ??= node.dateModified;
      for (const a of [node.author].flat()) {
        const name = typeof a === 'string' ? a : typeof a === 'object' && a && 'name' in a ? String((a as { name: unknown }).name) : null;
        if (name && !facts.authors.includes(name)) facts.authors.push(name);
      }
      const pub = node.publisher as { name?: unknown } | undefined;
      if (pub && typeof pub.name === 'string') facts.publisher ??= pub.name;
    }
  }
  return facts;
}

function flattenJsonLd(data: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const stack: unknown[] = [data];
  while (stack.length) {
    const item = stack.pop();
    if (Array.isArray(item)) for (const x of item) stack.push(x); // no spread: a 200k-element array would overflow the stack
    else if (item && typeof item === 'object') {
      out.push(item as Record<string, unknown>);
      const graph = (item as Record<string, unknown>)['@graph'];
      if (graph) stack.push(graph);
    }
  }
  return out;
}

/**
 * Publish-time variables in inline scripts, best first (issue 9 class 6: WeChat's `var ct = "<epoch>"`, self-media
 * platforms' `"publishTime"`/`"pubtime"`/`datePublished` in an inline data object were the only absolute time on
 * gne's wechat, baijiahao and qq pages). Only publish/creation names: a bare `time` is often the render time
 * (gne's baijiahao pages carry a `"time"` months after publication).
 */
const SCRIPT_DATE_KEYS = ['datepublished', 'date_published', 'publishtime', 'publish_time', 'publishdate', 'publish_date', 'publishedat', 'published_at', 'pubtime', 'pub_time', 'pubdate', 'pub_date', 'firstpublishtime', 'ct'] as const;
const SCRIPT_DATE = /["']?\b(datePublished|date_published|publishTime|publish_time|publishDate|publish_date|publishedAt|published_at|pubTime|pub_time|pubDate|pub_date|firstPublishTime|ct)["']?\s*[:=]\s*["']?(\d{10}(?:\d{3})?(?!\d)|(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}(?:[T ]\d{1,2}:\d\d(?::\d\d)?(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?)?)/gi;
/** Characters of each inline script searched, and of all of them together: a template's data object is near the top
 * of its script; a 5 MB inline bundle is not read to its end (work bound, issue 10). */
const SCRIPT_SCAN_CHARS = 100_000;
const SCRIPT_SCAN_TOTAL_CHARS = 1_000_000;

function readScriptDates(scripts: readonly string[]): DateMatch[] {
  const found: { rank: number; date: DateMatch }[] = [];
  let budget = SCRIPT_SCAN_TOTAL_CHARS;
  for (const script of scripts) {
    if (budget <= 0) break;
    const text = script.length > SCRIPT_SCAN_CHARS ? script.slice(0, SCRIPT_SCAN_CHARS) : script;
    budget -= text.length;
    for (const m of text.matchAll(SCRIPT_DATE)) {
      const rank = SCRIPT_DATE_KEYS.indexOf(m[1]!.toLowerCase() as (typeof SCRIPT_DATE_KEYS)[number]);
      const date = dateFromEpoch(m[2]!) ?? findFullDates(m[2]!)[0];
      if (date && rank >= 0) found.push({ rank, date });
    }
  }
  return found.sort((a, b) => a.rank - b.rank).map((f) => f.date);
}

/** Reads the page's own metadata from the elements `indexPage` listed (parse/page-index.ts). */
export function readHtmlMeta(page: PageIndex): HtmlMeta {
  const ld = readJsonLd(page.jsonLdTexts);
  const meta = readMetaMap(page.metas);
  const dateText = metaContent(meta, DATE_META_KEYS) ?? ld.datePublished ?? attr(page.datePublishedItem, 'content') ?? attr(page.pubdateTime, 'datetime') ?? null;
  const dates = dateText ? findFullDates(dateText) : [];
  const modifiedText = metaContent(meta, MODIFIED_META_KEYS) ?? ld.dateModified ?? null;
  const timeText = attr(page.datetimeTime, 'datetime') ?? null;
  const authorMeta = metaContent(meta, AUTHOR_META_KEYS);
  return {
    titleTag: (page.title ? page.textOf(page.title) : '').trim() || null,
    ogTitle: metaContent(meta, ['og:title', 'twitter:title']) ?? ld.headline ?? null,
    siteName: metaContent(meta, SITE_NAME_META_KEYS) ?? ld.publisher ?? null,
    canonical: attr(page.canonicalLink, 'href')?.trim() || null,
    ogUrl: metaContent(meta, ['og:url']),
    dates,
    scriptDates: readScriptDates(page.inlineScripts),
    modifiedDates: modifiedText ? findFullDates(modifiedText) : [],
    timeElementDates: timeText ? findFullDates(timeText) : [],
    authors: authorMeta ? [authorMeta, ...ld.authors.filter((a) => a !== authorMeta)] : ld.authors,
    source: metaContent(meta, SOURCE_META_KEYS),
    description: metaContent(meta, ['description', 'og:description']),
    lang: attr(page.html, 'lang')?.trim() || null,
    contentLanguage: metaContent(meta, ['content-language']),
  };
}
