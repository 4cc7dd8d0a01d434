/**
 * The pure core: page bytes plus context in, one contract record out. No network, no store, no clock, no environment.
 * Reads top to bottom like the data path (README.md lists each folder's rule):
 *   decode (decode/) → parse (parse/: the DOM, or a text capture's lines) → extract (extract/: the layout, then every
 *   field) → enrich (enrich/: region, people, figures) → build the record (record/build-record.ts).
 * Throws JsnewsError only when there is no usable record (empty/binary input, no article); quality problems are warnings.
 */
import { charsetFromContentType, decodeBytes } from './decode/charset.js';
import { assertDecodedTextLike, assertNotJsonData, assertTextLike, detectInputKind } from './decode/input-kind.js';
import { extractArticle, type ArticleDraft } from './extract/article.js';
import { findCanonicalUrl } from './extract/canonical-url.js';
import { findPublished } from './extract/published-date.js';
import { assertArticle, assertArticleConfidence } from './extract/gates.js';
import { findLanguage } from './extract/language.js';
import { confidenceFeatures, confidenceOf, LOW_CONFIDENCE, sharedDoubt } from './extract/confidence.js';
import { findFigures } from './enrich/figures.js';
import { findPeople } from './enrich/people.js';
import { findRegion } from './enrich/region.js';
import { detectScript } from './clean/simplified.js';
import { layoutHtml } from './extract/html-layout.js';
import { guardHtml } from './parse/parse-page.js';
import type { PageLayout } from './extract/layout.js';
import { readabilityArticle, secondOpinionSkipped } from './extract/second-opinion.js';
import { cleanText } from './clean/clean-text.js';
import { layoutTextCapture } from './extract/text-layout.js';
import { buildRecord, type RecordFields } from './record/build-record.js';
import type { NewsRecord, PageContext } from '../contract/record.js';

export const NORMALIZER_VERSION = '1.0.0';

export function normalize(bytes: Uint8Array, ctx: PageContext = {}): NewsRecord {
  assertTextLike(bytes);
  const decoded = decodeBytes(bytes, { declared: ctx.charset ?? charsetFromContentType(ctx.contentType) });
  assertDecodedTextLike(decoded.text);
  const url = ctx.url ?? null;
  // ctx.site: the source's hints (lambdas/sites/, passed by the caller), a shortcut, never a requirement.
  const isHtml = detectInputKind(decoded.text) === 'html';
  if (!isHtml) assertNotJsonData(decoded.text);
  // The guard scan (parse/): nesting capped, and the page cut at the budget every later stage (and the second opinion) reads.
  const guarded = isHtml ? guardHtml(decoded.text) : null;
  const first = guarded ? layoutHtml(guarded, { selector: ctx.site?.bodySelector }) : layoutTextCapture(decoded.text);
  const firstDraft = extractArticle(first);
  assertArticle(firstDraft, first);
  const { layout, draft, confidence, note } = guarded ? withSecondOpinion(guarded.html, first, firstDraft) : { layout: first, draft: firstDraft, confidence: confidenceOfDraft(first, firstDraft), note: null };

  const { published, publishedAt, guessed } = findPublished({
    metaDates: layout.meta?.dates ?? [],
    scriptDates: layout.meta?.scriptDates,
    timeElementDates: layout.meta?.timeElementDates,
    modifiedDates: layout.meta?.modifiedDates,
    bylineLines: draft.infoLines,
    afterHeadline: layout.afterHeadline,
    firstPageDate: layout.firstPageDate,
    paragraphs: draft.paragraphs,
    url,
    fetchedAt: ctx.fetchedAt ?? null,
  });
  const warnings = [...decoded.warnings, ...draft.warnings, ...qualityWarnings(draft, published, ctx)];
  if (guessed) warnings.push(`publish date is only the first date on the page ("${published?.text}")`);
  const garbled = draft.used.reduce((n, l) => n + l.garbled, 0);
  if (garbled > 0) warnings.push(`${garbled} run(s) of garbled text (mojibake or ? replacement characters) kept as served`);
  if (note) warnings.push(note);
  if (confidence < LOW_CONFIDENCE) warnings.push(`low extraction confidence ${confidence}: the body may not be (only) the article`);

  return buildRecord({
    url,
    canonicalUrl: findCanonicalUrl(url, [layout.meta?.canonical ?? null, layout.meta?.ogUrl ?? null]),
    site: { host: hostOf(url), name: layout.siteName ?? ctx.site?.siteName ?? null },
    title: draft.title ?? '',
    subtitle: draft.subtitle,
    published,
    publishedAt,
    credits: draft.credits,
    ...enrich(draft, warnings),
    paragraphs: draft.paragraphs,
    language: findLanguage([draft.title ?? '', ...draft.paragraphs].join('\n'), layout.meta?.lang),
    sourceScript: detectScript(draft.used.map((l) => l.raw).join('\n')),
    quality: { pinyinAnnotationsRemoved: draft.used.reduce((n, l) => n + l.pinyinRemoved, 0), suspectedGarbled: garbled, warnings, confidence },
    normalizerVersion: NORMALIZER_VERSION,
  });
}

function featuresOfDraft(layout: PageLayout, draft: ArticleDraft) {
  return confidenceFeatures({ title: draft.title, paragraphs: draft.paragraphs, pageChars: layout.pageChars, bodyLinkChars: layout.bodyLinkChars, layer: layout.bodyLayer, articleItems: layout.bodyArticleItems });
}

function confidenceOfDraft(layout: PageLayout, draft: ArticleDraft): number {
  return confidenceOf(featuresOfDraft(layout, draft));
}

/**
 * The second opinion (extract/second-opinion.ts), only below LOW_CONFIDENCE: Readability.js's article of the same
 * page, laid out with the first layout's headline, info lines and meta, becomes a second draft.
 *   - When the two bodies agree (CANDIDATES_AGREE of the first body's character bigrams are in the second), the first
 *     is kept and the agreement of two independent algorithms lifts its confidence to AGREED_CONFIDENCE (times the
 *     doubts both share, extract/confidence.ts sharedDoubt: a feed of articles read as one body by both);
 *   - otherwise the second replaces the first only when its confidence is SWITCH_MARGIN higher.
 * Checked on zh-cwced, aeb and gne: 4 pages asked; without the agreement rule and margin, Readability answered on 3
 * and lowered 2 good pages (zh-cwced a 173-char brief 1.0 → 0.80, aeb 1.0 → 0.92: its article adds chrome).
 * `note` (a quality warning) records that the second opinion was asked and which layer answered.
 */
export const CANDIDATES_AGREE = 0.8;
export const AGREED_CONFIDENCE = 0.6;
export const SWITCH_MARGIN = 0.15;

function withSecondOpinion(html: string, layout: PageLayout, draft: ArticleDraft): { layout: PageLayout; draft: ArticleDraft; confidence: number; note: string | null } {
  const confidence = confidenceOfDraft(layout, draft);
  if (confidence >= LOW_CONFIDENCE) return { layout, draft, confidence, note: null };
  const skipped = secondOpinionSkipped(html);
  if (skipped) return { layout, draft, confidence, note: `second opinion skipped (${skipped}); ${layout.bodyLayer} answered (confidence ${confidence})` };
  const article = readabilityArticle(html);
  const blocks = (article?.blocks ?? []).map((b) => cleanText(b, layout.script)).filter((b) => b.text !== '');
  if (!article || blocks.length === 0) {
    assertArticleConfidence(confidence, `${layout.bodyLayer}; readability found none`);
    return { layout, draft, confidence, note: `second opinion: readability found no article; ${layout.bodyLayer} answered (confidence ${confidence})` };
  }
  const alt: PageLayout = { ...layout, blocks, bodyChars: article.chars, bodyLinkChars: article.linkChars, bodyArticleItems: 0, bodyLayer: 'readability' };
  const altDraft = extractArticle(alt);
  const agreement = containment(draft.paragraphs.join(''), altDraft.paragraphs.join(''));
  const altConfidence = altDraft.paragraphs.length ? confidenceOfDraft(alt, altDraft) : 0;
  assertArticleConfidence(Math.max(confidence, altConfidence), `${layout.bodyLayer} ${confidence}, readability ${altConfidence}`);
  if (agreement >= CANDIDATES_AGREE) {
    const lifted = Math.max(confidence, Math.round(AGREED_CONFIDENCE * sharedDoubt(featuresOfDraft(layout, draft)) * 1000) / 1000);
    return { layout, draft, confidence: lifted, note: `second opinion: readability agrees (${agreement.toFixed(2)} of the body); ${layout.bodyLayer} answered (confidence ${confidence} → ${lifted})` };
  }
  if (altConfidence >= confidence + SWITCH_MARGIN) return { layout: alt, draft: altDraft, confidence: altConfidence, note: `second opinion: readability answered (confidence ${altConfidence} over ${layout.bodyLayer} ${confidence})` };
  return { layout, draft, confidence, note: `second opinion: ${layout.bodyLayer} answered (confidence ${confidence}; readability ${altConfidence})` };
}

/** Share of `a`'s character bigrams (white space removed) that occur in `b`. */
function containment(a: string, b: string): number {
  const x = a.replace(/\s+/g, '');
  const y = b.replace(/\s+/g, '');
  if (x.length < 2) return 0;
  const inB = new Set<string>();
  for (let i = 0; i + 2 <= y.length; i++) inB.add(y.slice(i, i + 2));
  let found = 0;
  for (let i = 0; i + 2 <= x.length; i++) if (inB.has(x.slice(i, i + 2))) found++;
  return found / (x.length - 1);
}

/** Chinese-text enrichment; a page without Han characters (English, Korean) has no Jiangsu region, officials or 亿元. */
function enrich(draft: ArticleDraft, warnings: string[]): Pick<RecordFields, 'region' | 'people' | 'figures'> {
  const all = [draft.title ?? '', draft.subtitle ?? '', ...draft.paragraphs];
  if (!all.some((t) => HAN.test(t))) return { region: { province: null, city: null, district: null }, people: [], figures: [] };
  return {
    region: findRegion({ title: draft.title ?? '', subtitle: draft.subtitle, paragraphs: draft.paragraphs }),
    people: findPeople(draft.paragraphs, warnings),
    figures: findFigures(draft.paragraphs, warnings),
  };
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function qualityWarnings(draft: ArticleDraft, published: NewsRecord['published'], ctx: PageContext): string[] {
  const out: string[] = [];
  if (!draft.title) out.push('no headline found: title is empty');
  if (!published) out.push('no publish date found');
  else if (published.year === null) out.push(`date "${published.text}" has no year and nothing to infer it from${ctx.fetchedAt ? '' : ' (give --fetched-at)'}`);
  if (draft.credits.source === null && draft.credits.originalUrl) out.push('repost names an original URL but no source outlet');
  return out;
}
