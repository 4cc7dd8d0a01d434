/**
 * The article's canonical URL: rel=canonical or og:url when it is on the same site as the fetched URL (sites that point
 * canonical at their home page or at a syndication partner are not trusted), else the fetched URL. Normalized so the
 * same article fetched twice gets the same id: lower-case host, no default port, no fragment, no tracking parameters.
 */

/** Query parameters that track campaigns, never identify content. */
const TRACKING_PARAMS = /^(?:utm_\w+|spm|from|share_token|isappinstalled|scene|clicktime|enterid|wfr|_hsenc|_hsmi|fbclid|gclid)$/i;

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
  for (const key of [...u.searchParams.keys()]) if (TRACKING_PARAMS.test(key)) u.searchParams.delete(key);
  return u.toString();
}

/** Registrable-ish site key: the last two labels, or three under a two-level public suffix such as com.cn / gov.cn. */
export function siteKey(host: string): string {
  const labels = host.toLowerCase().split('.');
  const twoLevel = /^(?:com|net|org|gov|edu|ac)\.(?:cn|hk|tw)$/.test(labels.slice(-2).join('.'));
  return labels.slice(twoLevel ? -3 : -2).join('.');
}

function sameSite(a: string, b: string): boolean {
  try {
    return siteKey(new URL(a).hostname) === siteKey(new URL(b).hostname);
  } catch {
    return false;
  }
}

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
    if (!base || sameSite(c, base)) return c;
  }
  return base;
}
