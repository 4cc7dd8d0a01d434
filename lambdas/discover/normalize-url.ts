/** URL normalization for discovered links: resolve, strip fragments and tracking params, same-site checks. */
import { normalizeUrl, siteKey } from '../contract/url.js';
import { NON_PAGE_HREF } from './patterns.js';

/**
 * Resolves `href` against `baseUrl` and normalizes it: http(s) only, fragment removed, tracking
 * params (utm_*, spm, ...) removed, host lower-cased, default port dropped (contract/url.ts). Null when it is not a page link.
 */
export function normalizeLinkUrl(href: string, baseUrl: string): string | null {
  const trimmed = href.trim();
  if (!trimmed || NON_PAGE_HREF.test(trimmed)) return null;
  return normalizeUrl(trimmed, baseUrl);
}

/** True when `url` belongs to the same site as `baseUrl`, or to one of `hosts` when given. */
export function isSameSite(url: string, baseUrl: string, hosts?: readonly string[]): boolean {
  const host = new URL(url).hostname;
  if (hosts && hosts.length > 0) return hosts.includes(host);
  return siteKey(host) === siteKey(new URL(baseUrl).hostname);
}
