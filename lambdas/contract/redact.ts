/**
 * The one redaction of URLs for logs and stored failure items (issue 10 item 11: `http://user:s3cr3t@host/` was refused,
 * yet the warn log and the failure item kept the password, and a 100 kB URL was logged whole).
 * - credentials: user and password become `***`;
 * - a query string longer than MAX_QUERY_CHARS is cut, saying how long it was;
 * - the whole URL is cut to MAX_URL_CHARS.
 * `redactText` does the same to every URL inside a message (error reasons quote URLs) and caps the message.
 */

/** Query strings of real article URLs are short (ids, page numbers); 256 keeps them whole and cuts tracking blobs. */
export const MAX_QUERY_CHARS = 256;
/** URLs in logs and failure items; the longest article URL on the 327 bench pages is well under 300 characters. */
export const MAX_URL_CHARS = 1024;
/** Messages (error reasons) in logs and failure items. */
export const MAX_TEXT_CHARS = 2000;

const CUT = (n: number) => `…(${n} chars)`;

/** `scheme://user:password@` in a string that is not (or not quite) a URL. */
const CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)[^/?#@\s]*@/gi;
const HAS_CREDENTIALS = /[a-z][a-z0-9+.-]*:\/\/[^/?#@\s]*@/i;

export function redactUrl(raw: string): string {
  let out = raw;
  try {
    const url = new URL(raw);
    if (url.username || url.password) {
      url.username = url.username ? '***' : '';
      url.password = url.password ? '***' : '';
    }
    if (url.search.length > MAX_QUERY_CHARS + 1) url.search = `${url.search.slice(1, MAX_QUERY_CHARS + 1)}${encodeURIComponent(CUT(url.search.length - 1))}`;
    out = url.toString();
  } catch {
    out = raw.replace(CREDENTIALS, '$1***@');
  }
  return out.length > MAX_URL_CHARS ? `${out.slice(0, MAX_URL_CHARS)}${CUT(out.length)}` : out;
}

/** The URL with user and password replaced by `***`, otherwise exactly as given (stored URLs must stay fetchable). */
export function stripCredentials(raw: string): string {
  if (!HAS_CREDENTIALS.test(raw)) return raw;
  try {
    const url = new URL(raw);
    if (!url.username && !url.password) return raw;
    url.username = url.username ? '***' : '';
    url.password = url.password ? '***' : '';
    return url.toString();
  } catch {
    return raw.replace(CREDENTIALS, '$1***@');
  }
}

/** URL-like tokens inside free text. */
const URL_IN_TEXT = /[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;

export function redactText(text: string): string {
  const capped = text.length > MAX_TEXT_CHARS * 4 ? text.slice(0, MAX_TEXT_CHARS * 4) : text;
  const out = capped.replace(URL_IN_TEXT, (u) => redactUrl(u));
  return out.length > MAX_TEXT_CHARS ? `${out.slice(0, MAX_TEXT_CHARS)}${CUT(text.length)}` : out;
}

/** Log fields with every string redacted (URLs and messages alike); other values unchanged. */
export function redactFields(fields: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields ?? {})) out[k] = typeof v === 'string' ? redactText(v) : v;
  return out;
}
