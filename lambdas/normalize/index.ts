/**
 * The pure core: page bytes plus context in, one contract record out. No network, no store, no clock, no environment.
 * Reads top to bottom like the data path (README.md lists each folder's rule):
 *   decode (decode/) → parse (parse/: the DOM, or a text capture's lines) → extract (extract/: the layout, then every
 *   field) → enrich (enrich/: region, people, figures) → build the record (record/build-record.ts).
 * Throws JsnewsError only when there is no usable record (empty/binary input, no article); quality problems are warnings.
 */
import { charsetFromContentType, decodeBytes } from './decode/charset.js';
import { assertDecodedTextLike, assertNotJsonData, assertTextLike, detectInputKind } from './decode/input-kind.js';
import { extractArticle, extractGatedArticle, type ArticleDraft } from './extract/article.js';
import { MAX_CREDIT_NAMES } from './extract/byline.js';
import { findCanonicalUrl } from './extract/canonical-url.js';
import { findPublished } from './extract/published-date.js';
import { assertArticleConfidence } from './extract/gates.js';
import { findLanguage, writesDayFirst } from './extract/language.js';
import { confidenceFeatures, confidenceOf, LOW_CONFIDENCE, sharedDoubt, TITLE_LOW_AGREEMENT } from './extract/confidence.js';
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
  const first = guarded ? layoutHtml(guarded, { selector: ctx.site?.bodySelector, url }) : layoutTextCapture(decoded.text);
  const { layout: gated, draft: firstDraft } = extractGatedArticle(first);
  const { layout, draft, confidence, note } = guarded ? withSecondOpinion(guarded.html, gated, firstDraft) : { layout: gated, draft: firstDraft, confidence: confidenceOfDraft(gated, firstDraft), note: null };

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
    dayFirst: writesDayFirst(layout.meta?.lang ?? layout.meta?.contentLanguage),
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
 * The second opinion, only below LOW_CONFIDENCE, from two sources:
 *   - the first layer's next candidates (extract/body.ts nextCandidates: up to MAX_NEXT_CANDIDATES runner-up
 *     containers of the same DOM, no second parse), each laid out like the first body ('next-candidate');
 *   - Readability.js's article of the same page (extract/second-opinion.ts), laid out with the first layout's headline,
 *     info lines and meta ('readability').
 * Then:
 *   - when Readability's body agrees with the first (CANDIDATES_AGREE of the first body's character bigrams are in it),
 *     the agreement of two independent algorithms lifts the first's confidence to AGREED_CONFIDENCE (times the doubts
 *     both share, extract/confidence.ts sharedDoubt: a feed of articles read as one body by both);
 *   - the alternative with the highest confidence replaces the first only when it is SWITCH_MARGIN above the first's
 *     (lifted) confidence.
 * Checked on zh-cwced, aeb and gne: without the agreement rule and margin, Readability answered on 3 of 4 pages asked
 * and lowered 2 good pages (zh-cwced a 173-char brief 1.0 → 0.80, aeb 1.0 → 0.92: its article adds chrome).
 * `note` (a quality warning) records that the second opinion was asked and which layer answered.
 */
export const CANDIDATES_AGREE = 0.8;
export const AGREED_CONFIDENCE = 0.6;
export const SWITCH_MARGIN = 0.15;

interface Opinion {
  layout: PageLayout;
  draft: ArticleDraft;
  confidence: number;
}

function withSecondOpinion(html: string, layout: PageLayout, draft: ArticleDraft): Opinion & { note: string | null } {
  const features = featuresOfDraft(layout, draft);
  const confidence = confidenceOf(features);
  if (confidence >= LOW_CONFIDENCE) return { layout, draft, confidence, note: null };
  // A page too big to read again (issue 10's budget) gets neither: the next candidates re-walk subtrees as well.
  const skipped = secondOpinionSkipped(html);
  if (skipped) return { layout, draft, confidence, note: `second opinion skipped (${skipped}); ${layout.bodyLayer} answered (confidence ${confidence})` };
  const next = nextCandidateOpinions(layout, draft, features.titleAgreement);
  const bestNext = highest(next);
  const nextNote = next.length ? `next candidates ${next.map((o) => o.confidence).join(', ')}` : 'no next candidate';
  const readability = readabilityOpinion(html, layout);
  const readNote = (): string => (readability ? `readability ${readability.confidence}` : 'readability found none');
  assertArticleConfidence(Math.max(confidence, bestNext?.confidence ?? 0, readability?.confidence ?? 0), `${layout.bodyLayer} ${confidence}; ${nextNote}; ${readNote()}`);

  let first = confidence;
  let agreed = '';
  if (readability && containment(draft.paragraphs.join(''), readability.draft.paragraphs.join('')) >= CANDIDATES_AGREE) {
    // Agreeing, Readability read the same body, so it carries the same structural doubt (its own features cannot see
    // the page's <article> items).
    const shared = sharedDoubt(features);
    first = Math.max(confidence, round3(AGREED_CONFIDENCE * shared));
    readability.confidence = round3(readability.confidence * shared);
    agreed = 'readability agrees; ';
  }
  const alternatives = [bestNext, readability].filter((o): o is Opinion => o !== null && o.draft.paragraphs.length > 0);
  const best = highest(alternatives);
  if (best && best.confidence >= first + SWITCH_MARGIN) {
    return { ...best, note: `second opinion: ${best.layout.bodyLayer} answered (confidence ${best.confidence} over ${layout.bodyLayer} ${confidence}; ${nextNote}; ${readNote()})` };
  }
  const lifted = first !== confidence ? ` → ${first}` : '';
  return { layout, draft, confidence: first, note: `second opinion: ${agreed}${layout.bodyLayer} answered (confidence ${confidence}${lifted}; ${nextNote}; ${readNote()})` };
}

/** The opinion with the highest confidence (the first of equals), or null for none. */
function highest(opinions: readonly Opinion[]): Opinion | null {
  return opinions.reduce<Opinion | null>((best, o) => (!best || o.confidence > best.confidence ? o : best), null);
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * The first layer's runner-up containers as drafts, in rank order (extract/body.ts nextCandidates). A runner-up must
 * speak of the headline (title agreement at least TITLE_LOW_AGREEMENT) and at least as much as the first body: on a
 * stream of stories read
 * as one body, the stories that are not the headline's would otherwise answer with full confidence (aeb b3c19dd5:
 * a neighbouring story, title agreement 0.5 against the stream's 1.0, scored 1.0).
 */
function nextCandidateOpinions(layout: PageLayout, first: ArticleDraft, firstTitleAgreement: number | null): Opinion[] {
  const out: Opinion[] = [];
  const firstText = first.paragraphs.join('\n');
  for (const body of layout.nextBodies?.() ?? []) {
    if (body.blocks.length === 0) continue;
    const alt: PageLayout = { ...layout, ...body, bodyLayer: 'next-candidate' };
    const altDraft = extractArticle(alt);
    // A runner-up whose article is the first body again (a wrapper of it) is no second opinion.
    if (!altDraft.paragraphs.length || altDraft.paragraphs.join('\n') === firstText) continue;
    const f = featuresOfDraft(alt, altDraft);
    if (firstTitleAgreement !== null && (f.titleAgreement ?? 0) < Math.max(firstTitleAgreement, TITLE_LOW_AGREEMENT)) continue;
    out.push({ layout: alt, draft: altDraft, confidence: confidenceOf(f) });
  }
  return out;
}

/** Readability's article of the page as a draft, or null when it finds none. */
function readabilityOpinion(html: string, layout: PageLayout): Opinion | null {
  const article = readabilityArticle(html);
  const blocks = (article?.blocks ?? []).map((b) => cleanText(b, layout.script)).filter((b) => b.text !== '');
  if (!article || blocks.length === 0) return null;
  const alt: PageLayout = { ...layout, blocks, bodyChars: article.chars, bodyLinkChars: article.linkChars, bodyArticleItems: 0, bodyLayer: 'readability' };
  const altDraft = extractArticle(alt);
  return { layout: alt, draft: altDraft, confidence: altDraft.paragraphs.length ? confidenceOfDraft(alt, altDraft) : 0 };
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
  for (const role of draft.creditNamesCut) out.push(`${role} cut to their first ${MAX_CREDIT_NAMES} names (the page listed more)`);
  return out;
}
