/**
 * RSS 2.0 / RSS 1.0 (RDF) / Atom feeds and sitemap.xml (urlset and sitemapindex), parsed with
 * cheerio in XML mode. Items become DiscoveredLinks; a source's articleUrlPatterns still filter.
 */
// cheerio/slim: htmlparser2 only (XML mode here), as the normalizer's parser; the full build adds parse5.
import * as cheerio from 'cheerio/slim';
import type { Source } from '../sites/sources-schema.js';
import { SOURCE_PATTERN_SCORE, dedupe } from './list-links.js';
import { isSameSite, normalizeLinkUrl } from './normalize-url.js';
import type { DiscoveredLink } from './types.js';

/** A feed or sitemap names its articles outright, so its links score like a source pattern. */
export const FEED_LINK_SCORE = SOURCE_PATTERN_SCORE;

export interface SitemapResult {
  /** Page URLs from a <urlset>. */
  links: DiscoveredLink[];
  /** Child sitemap URLs from a <sitemapindex>, to fetch next. */
  sitemaps: string[];
}

function loadXml(xml: string): cheerio.CheerioAPI {
  return cheerio.load(xml, { xml: true });
}

function keep(url: string | null, baseUrl: string, source: Source | undefined): url is string {
  if (!url || !isSameSite(url, baseUrl, source?.hosts)) return false;
  const patterns = (source?.articleUrlPatterns ?? []).map((p) => new RegExp(p));
  return patterns.length === 0 || patterns.some((p) => p.test(url));
}

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Items of an RSS or Atom feed, in feed order. */
export function parseFeed(xml: string, baseUrl: string, source?: Source): DiscoveredLink[] {
  const $ = loadXml(xml);
  const out: DiscoveredLink[] = [];
  $('item').each((_, el) => {
    const item = $(el);
    const href = clean(item.children('link').first().text()) || item.attr('rdf:about') || clean(item.children('guid').first().text());
    const url = normalizeLinkUrl(href, baseUrl);
    if (keep(url, baseUrl, source)) out.push({ url, text: clean(item.children('title').first().text()), score: FEED_LINK_SCORE, reason: 'rss-item' });
  });
  $('entry').each((_, el) => {
    const entry = $(el);
    const links = entry.children('link');
    const alternate = links.filter((_, l) => ($(l).attr('rel') ?? 'alternate') === 'alternate').first();
    const url = normalizeLinkUrl((alternate.length ? alternate : links.first()).attr('href') ?? '', baseUrl);
    if (keep(url, baseUrl, source)) out.push({ url, text: clean(entry.children('title').first().text()), score: FEED_LINK_SCORE, reason: 'atom-entry' });
  });
  return dedupe(out);
}

/** Pages of a sitemap <urlset>, or child sitemaps of a <sitemapindex>. */
export function parseSitemap(xml: string, baseUrl: string, source?: Source): SitemapResult {
  const $ = loadXml(xml);
  const links: DiscoveredLink[] = [];
  $('urlset > url > loc').each((_, el) => {
    const url = normalizeLinkUrl(clean($(el).text()), baseUrl);
    if (keep(url, baseUrl, source)) links.push({ url, text: '', score: FEED_LINK_SCORE, reason: 'sitemap-url' });
  });
  const sitemaps: string[] = [];
  $('sitemapindex > sitemap > loc').each((_, el) => {
    const url = normalizeLinkUrl(clean($(el).text()), baseUrl);
    if (url) sitemaps.push(url);
  });
  return { links: dedupe(links), sitemaps };
}
