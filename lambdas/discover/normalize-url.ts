/** URL normalization for discovered links: resolve, strip fragments and tracking params, same-site checks. */
import { NON_PAGE_HREF, TRACKING_PARAMS, TWO_LEVEL_SUFFIX_LABELS } from './patterns.js';

/**
 * Resolves `href` against `baseUrl` and normalizes it: http(s) only, fragment removed, tracking
 * params (utm_*, spm, ...) removed, host lower-cased, default port dropped. Null when it is not a page link.
 */
export function normalizeLinkUrl(href: string, baseUrl: string): string | null {
  const trimmed = href.trim();
  if (!trimmed || NON_PAGE_HREF.test(trimmed)) return null;
  let url: URL;
  try {
    url = new URL(trimmed, baseUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
  }
  if ([...url.searchParams.keys()].length === 0) url.search = '';
  return url.toString();
}

/** The registrable part of a host: jsnews.jschina.com.cn → jschina.com.cn, www.a.example → a.example. */
export function siteKey(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2 || /^\d+$/.test(labels[labels.length - 1] ?? '')) return labels.join('.');
  const second = labels[labels.length - 2] ?? '';
  const keep = labels[labels.length - 1]!.length === 2 && TWO_LEVEL_SUFFIX_LABELS.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** True when `url` belongs to the same site as `baseUrl`, or to one of `hosts` when given. */
export function isSameSite(url: string, baseUrl: string, hosts?: readonly string[]): boolean {
  const host = new URL(url).hostname;
  if (hosts && hosts.length > 0) return hosts.includes(host);
  return siteKey(host) === siteKey(new URL(baseUrl).hostname);
}
