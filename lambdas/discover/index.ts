/**
 * Link discovery: from a start page's body to candidate article URLs.
 * `discoverLinks` picks the parser by the start page's kind (list / rss / sitemap).
 */
import type { Source, StartPageKind } from '../sites/sources-schema.js';
import { parseFeed, parseSitemap } from './feeds.js';
import { discoverArticleLinks } from './list-links.js';
import type { DiscoveredLink } from './types.js';

export type { DiscoveredLink } from './types.js';
export { discoverArticleLinks } from './list-links.js';
export { parseFeed, parseSitemap } from './feeds.js';
export { normalizeLinkUrl } from './normalize-url.js';
export { MIN_ARTICLE_SCORE } from './patterns.js';

/** Article links of a decoded start page of the given kind (a sitemap index yields no links: use parseSitemap). */
export function discoverLinks(kind: StartPageKind, text: string, baseUrl: string, source?: Source): DiscoveredLink[] {
  if (kind === 'rss') return parseFeed(text, baseUrl, source);
  if (kind === 'sitemap') return parseSitemap(text, baseUrl, source).links;
  return discoverArticleLinks(text, baseUrl, source);
}
