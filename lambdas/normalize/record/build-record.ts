/**
 * The last step: fields → a contract record (schemaVersion 1). Ids and hashes are computed here and nowhere else.
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

export function buildRecord(f: RecordFields): NewsRecord {
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
