/**
 * One URL normalization for the whole product: discovery (which links are the same page), the record's
 * canonicalUrl and id, and the store's URL keys must agree, or the same article is crawled and stored twice.
 */

/**
 * Query parameters that only track the click and never change the page (campaign tags, share ids,
 * WeChat/Alipay app parameters). Union of what discovery and canonicalUrl each stripped before they
 * were merged (utm_*, spm, from, share ids, click ids, WeChat scene/clicktime/enterid/wfr, HubSpot).
 */
export const TRACKING_PARAMS =
  /^(?:utm_\w+|spm|from|fromsource|share_token|isappinstalled|scene|clicktime|enterid|wfr|wxfrom|_hsenc|_hsmi|fbclid|gclid)$/i;

/**
 * Second-level labels under country TLDs that behave like public suffixes (com.cn, gov.cn, ...):
 * enough for same-site checks on Chinese sites without shipping the whole public-suffix list into
 * every Lambda bundle.
 */
export const TWO_LEVEL_SUFFIX_LABELS = new Set(['com', 'net', 'org', 'gov', 'edu', 'ac', 'co', 'mil']);

/**
 * Resolves `raw` (against `base` when given) and normalizes it: http(s) only, fragment removed, host
 * lower-cased, default port dropped, tracking parameters removed (and an emptied `?` with them).
 * Null when it is not an http(s) URL.
 */
export function normalizeUrl(raw: string, base?: string | null): string | null {
  let u: URL;
  try {
    u = base ? new URL(raw, base) : new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.hostname = u.hostname.toLowerCase();
  if ((u.protocol === 'http:' && u.port === '80') || (u.protocol === 'https:' && u.port === '443')) u.port = '';
  const params = [...u.searchParams.keys()];
  if (params.some((key) => TRACKING_PARAMS.test(key))) {
    for (const key of params) if (TRACKING_PARAMS.test(key)) u.searchParams.delete(key);
    if ([...u.searchParams.keys()].length === 0) u.search = '';
  }
  return u.toString();
}

/** The registrable part of a host: jsnews.jschina.com.cn → jschina.com.cn, www.a.example → a.example; IPs whole. */
export function siteKey(host: string): string {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  if (labels.length <= 2 || /^\d+$/.test(labels[labels.length - 1] ?? '')) return labels.join('.');
  const second = labels[labels.length - 2] ?? '';
  const keep = labels[labels.length - 1]!.length === 2 && TWO_LEVEL_SUFFIX_LABELS.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/** True when both URLs parse and belong to the same site (same siteKey). */
export function isSameSiteUrl(a: string, b: string): boolean {
  try {
    return siteKey(new URL(a).hostname) === siteKey(new URL(b).hostname);
  } catch {
    return false;
  }
}
