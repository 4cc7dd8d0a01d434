/**
 * Everything the accuracy bench runs over a page, behind one interface: our normalize, a named baseline, and the live
 * peers (Readability.js 0.6 on jsdom and on linkedom, @extractus/article-extractor).
 *
 * Fairness: every peer gets the SAME decoded text our decoder produces (decodeBytes), so charset handling is not what
 * is compared (left to themselves, jsdom and linkedom would mis-decode GBK pages). Every peer's HTML output goes
 * through the same htmlToText rule. Only normalize receives the raw bytes (decoding is part of what it does).
 */
import { Readability } from '@mozilla/readability';
import { extractFromHtml } from '@extractus/article-extractor';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { normalize } from '../../lambdas/normalize/index.js';
import { loadHtml } from '../../lambdas/normalize/parse/load-html.js';
import { findDay, type DayDate } from './fields.js';
import { htmlToText, nodeText, type DomNode } from './html-text.js';

export interface PageInput {
  bytes: Uint8Array;
  /** The page decoded by our decodeBytes: what every peer is given. */
  decoded: string;
  url: string | null;
}

export interface Extraction {
  text: string;
  authors: string[];
  day: DayDate | null;
  /** The headline, for extractors that give one (ours; scored on gne). */
  title?: string | null;
  /** Time of day "HH:MM" of the publish date, when given (ours; scored on gne). */
  time?: string | null;
  /** quality.confidence of our record (calibration table). */
  confidence?: number | null;
}

export type ExtractorKind = 'ours' | 'baseline' | 'live-peer';

export interface Extractor {
  name: string;
  kind: ExtractorKind;
  run(page: PageInput): Promise<Extraction>;
}

export const OURS: Extractor = {
  name: 'jsnews',
  kind: 'ours',
  async run(page) {
    const record = normalize(page.bytes, { url: page.url });
    const p = record.published;
    const day = p && p.year !== null ? { year: p.year, month: p.month, day: p.day } : null;
    return { text: record.text, authors: record.authors, day, title: record.title, time: p?.time ?? null, confidence: record.quality.confidence ?? null };
  },
};

/** The floor any extractor must beat: all visible text of <body> (decodeBytes + cheerio, scripts and styles dropped). */
export const BASELINE: Extractor = {
  name: 'baseline-body-text',
  kind: 'baseline',
  async run(page) {
    const $ = loadHtml(page.decoded);
    $('script, style, noscript, template').remove();
    const body = $('body')[0] ?? $.root()[0];
    return { text: body ? nodeText(body as unknown as DomNode) : '', authors: [], day: null };
  },
};

/** jsdom wants an absolute URL; pages without one get a neutral base. */
const FALLBACK_BASE_URL = 'http://localhost/';

export const READABILITY_JSDOM: Extractor = {
  name: 'readability-jsdom',
  kind: 'live-peer',
  async run(page) {
    // A VirtualConsole with no sink: jsdom's CSS parse warnings would otherwise flood the bench output.
    const dom = new JSDOM(page.decoded, { url: absoluteUrl(page.url), virtualConsole: new VirtualConsole() });
    try {
      return fromReadability(new Readability(dom.window.document).parse());
    } finally {
      dom.window.close();
    }
  },
};

export const READABILITY_LINKEDOM: Extractor = {
  name: 'readability-linkedom',
  kind: 'live-peer',
  async run(page) {
    const { document } = parseHTML(page.decoded);
    return fromReadability(new Readability(document as unknown as Document).parse());
  },
};

export const ARTICLE_EXTRACTOR: Extractor = {
  name: 'article-extractor',
  kind: 'live-peer',
  async run(page) {
    // It returns null for a page without an absolute URL, so pages without one get the same neutral base as jsdom.
    const article = await extractFromHtml(page.decoded, absoluteUrl(page.url));
    return {
      text: article?.content ? htmlToText(article.content) : '',
      authors: article?.author ? [article.author] : [],
      // `published` comes back as UTC ISO (toISOString), so a +08:00 time before 08:00 lands on the previous day.
      day: findDay(article?.published),
    };
  },
};

export const LIVE_PEERS: readonly Extractor[] = [READABILITY_JSDOM, READABILITY_LINKEDOM, ARTICLE_EXTRACTOR];

type ReadabilityResult = ReturnType<Readability['parse']>;

function fromReadability(article: ReadabilityResult): Extraction {
  return {
    text: article?.content ? htmlToText(article.content) : '',
    authors: article?.byline ? [article.byline] : [],
    day: findDay(article?.publishedTime),
  };
}

function absoluteUrl(url: string | null): string {
  if (!url) return FALLBACK_BASE_URL;
  try {
    return new URL(url).href;
  } catch {
    return FALLBACK_BASE_URL;
  }
}
