/**
 * The last step: fields → a contract record (schemaVersion 1). Ids and hashes are computed here and nowhere else.
 * Every text field passes the field limits here (issue 10 item 14): control characters and bidirectional overrides are
 * removed, and over-long fields are cut, each cut said in `quality.warnings`.
 */
import { sha256Hex } from '../../contract/hashing.js';
import { simhash64 } from '../enrich/simhash.js';
import { SCHEMA_VERSION, type Credits, type NewsRecord, type Person, type Figure, type Published } from '../../contract/record.js';

export interface RecordFields {
  url: string | null;
  canonicalUrl: string | null;
  site: { host: string | null; name: string | null };
  title: string;
  subtitle: string | null;
  published: Published | null;
  publishedAt: string | null;
  credits: Credits;
  region: NewsRecord['region'];
  people: Person[];
  figures: Figure[];
  paragraphs: string[];
  language: string;
  sourceScript: NewsRecord['sourceScript'];
  quality: NewsRecord['quality'];
  normalizerVersion: string;
}

/**
 * C0 and C1 controls (other than tab and line feed, which white-space collapsing already handled) and the bidirectional
 * embedding, override, isolate and mark characters: invisible, and U+202E can make a headline read backwards
 * ("‮txt.exe" shows as "exe.txt"). Nothing in a news text needs them.
 */
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Longest headline kept: the 327 bench and seed pages have at most 120 characters; 300 leaves room for long English ones. */
export const MAX_TITLE_CHARS = 300;
/** Subtitles, site and outlet names, person names and posts: a few lines at most. */
export const MAX_SHORT_FIELD_CHARS = 500;
/** URLs in the record; longer canonical or original URLs are junk (the URL guard caps fetched URLs too). */
export const MAX_URL_CHARS = 2048;
/**
 * Body limits. The longest body of the 327 bench and seed pages is 53,343 characters in 263 paragraphs (at most 810
 * paragraphs on one page); 60,000 characters (about 180 KB of UTF-8 Chinese, twice in `paragraphs` and `text`) keeps the
 * record under DynamoDB's 400 KB item limit with room for the rest.
 */
export const MAX_BODY_CHARS = 60_000;
export const MAX_PARAGRAPHS = 2_000;

export function cleanField(s: string): string {
  return s.replace(INVISIBLE_CONTROLS, '');
}

function limited(s: string, max: number, what: string, warnings: string[]): string {
  const clean = cleanField(s);
  if (clean.length <= max) return clean;
  warnings.push(`${what} cut to ${max} of ${clean.length} characters`);
  return clean.slice(0, max);
}

function limitedOrNull(s: string | null, max: number, what: string, warnings: string[]): string | null {
  if (s === null) return null;
  const out = limited(s, max, what, warnings);
  return out === '' ? null : out;
}

/** Paragraphs without invisible controls, empty ones dropped, cut to MAX_PARAGRAPHS / MAX_BODY_CHARS. */
function limitedParagraphs(paragraphs: readonly string[], warnings: string[]): string[] {
  const out: string[] = [];
  let chars = 0;
  for (const p of paragraphs) {
    const clean = cleanField(p);
    if (clean === '') continue;
    if (out.length === MAX_PARAGRAPHS || chars + clean.length > MAX_BODY_CHARS) {
      const room = MAX_BODY_CHARS - chars;
      if (out.length < MAX_PARAGRAPHS && room > 0) out.push(clean.slice(0, room));
      const total = paragraphs.reduce((n, x) => n + x.length, 0);
      warnings.push(`body cut to ${MAX_PARAGRAPHS} paragraphs / ${MAX_BODY_CHARS} characters (it had ${paragraphs.length} paragraphs, ${total} characters)`);
      return out;
    }
    out.push(clean);
    chars += clean.length;
  }
  return out;
}

function limitedUrl(u: string | null, fallback: string | null): string | null {
  if (u === null || u.length <= MAX_URL_CHARS) return u;
  return fallback !== null && fallback.length <= MAX_URL_CHARS ? fallback : null;
}

const names = (xs: readonly string[], what: string, warnings: string[]) => xs.map((x) => limited(x, MAX_SHORT_FIELD_CHARS, what, warnings)).filter((x) => x !== '');

export function buildRecord(input: RecordFields): NewsRecord {
  const warnings: string[] = [];
  const f: RecordFields = {
    ...input,
    url: limitedUrl(input.url, null),
    canonicalUrl: limitedUrl(input.canonicalUrl, limitedUrl(input.url, null)),
    site: { host: input.site.host, name: limitedOrNull(input.site.name, MAX_SHORT_FIELD_CHARS, 'site name', warnings) },
    title: limited(input.title, MAX_TITLE_CHARS, 'title', warnings),
    subtitle: limitedOrNull(input.subtitle, MAX_SHORT_FIELD_CHARS, 'subtitle', warnings),
    credits: {
      ...input.credits,
      source: limitedOrNull(input.credits.source, MAX_SHORT_FIELD_CHARS, 'source', warnings),
      originalUrl: limitedUrl(input.credits.originalUrl, null),
      authors: names(input.credits.authors, 'author', warnings),
      editors: names(input.credits.editors, 'editor', warnings),
      photographers: names(input.credits.photographers, 'photographer', warnings),
    },
    people: input.people.map((p) => ({ ...p, name: cleanField(p.name), titles: p.titles.map(cleanField) })),
    figures: input.figures.map((g) => ({ ...g, text: cleanField(g.text), context: cleanField(g.context) })),
    paragraphs: limitedParagraphs(input.paragraphs, warnings),
  };
  if (warnings.length > 0) f.quality = { ...input.quality, warnings: [...input.quality.warnings, ...new Set(warnings)] };
  const text = f.paragraphs.join('\n');
  const contentHash = sha256Hex(text);
  return {
    schemaVersion: SCHEMA_VERSION,
    id: sha256Hex(f.canonicalUrl ?? `text:${contentHash}`),
    url: f.url,
    canonicalUrl: f.canonicalUrl,
    site: f.site,
    title: f.title,
    subtitle: f.subtitle,
    publishedAt: f.publishedAt,
    published: f.published,
    source: f.credits.source,
    originalUrl: f.credits.originalUrl,
    authors: f.credits.authors,
    editors: f.credits.editors,
    photographers: f.credits.photographers,
    region: f.region,
    people: f.people,
    figures: f.figures,
    paragraphs: f.paragraphs,
    text,
    language: f.language,
    sourceScript: f.sourceScript,
    quality: f.quality,
    contentHash,
    simhash: simhash64(text),
    raw: null,
    normalizerVersion: f.normalizerVersion,
  };
}
