/**
 * The article's canonical URL: rel=canonical or og:url when it is on the same site as the fetched URL (sites that point
 * canonical at their home page or at a syndication partner are not trusted), else the fetched URL. Normalized so the
 * same article fetched twice gets the same id: lower-case host, no default port, no fragment, no tracking parameters.
 */
import { isSameSiteUrl, normalizeUrl } from '../../contract/url.js';

/** A canonical that is just the site root is a template default, not the article's URL. */
function isRootUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.pathname === '/' || u.pathname === '') && !u.search;
  } catch {
    return true;
  }
}

export function findCanonicalUrl(url: string | null, declared: Array<string | null>): string | null {
  const base = url ? normalizeUrl(url) : null;
  for (const candidate of declared) {
    if (!candidate) continue;
    const c = normalizeUrl(candidate, base);
    if (!c || isRootUrl(c)) continue;
    if (!base || isSameSiteUrl(c, base)) return c;
  }
  return base;
}
