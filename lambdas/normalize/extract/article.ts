/**
 * From a PageLayout (text capture or HTML) to the article's fields. One set of rules for both kinds of input:
 *   1. info lines under the headline give credits (来源/编辑/作者) and the byline date;
 *   2. each body block is, in this order: boilerplate (dropped), a credit line (read, removed), a photo caption with
 *      a 摄 credit (read, removed), or a paragraph;
 *   3. what follows the closing credit block, a trailing box of dated teaser cards, a blog's or forum's post footer and
 *      a second copy of the body are the site's (tail.ts);
 *   4. the last paragraph may close with a byline "(记者 陈志奎)"; the first may open with a dateline "金山网讯";
 *   5. meta tags fill what the visible page did not say.
 */
import { cleanText, type CleanedText } from '../clean/clean-text.js';
import { isBoilerplateLine } from '../clean/boilerplate.js';
import type { PageLayout } from './layout.js';
import { cutAfterClosingCredits, dropHeadlineDeck, dropPostFooter, dropRepeatedBody, dropTrailingTeaserCards } from './tail.js';
import { addCreditNames, bareLeadByline, emptyCredits, isClosingCreditLine, isMetaPersonName, isReporterLine, isOutletName, readDateline, readDateOutletLine, readLabelledCredits, readLinkedOriginal, readSourceNote, splitCaptionCredit, splitTrailingByline, type CreditsRead, type NameRole } from './byline.js';
import type { Credits } from '../../contract/record.js';
import { ErrorCode, JsnewsError } from '../../contract/errors.js';
import { assertArticle, datedListItems } from './gates.js';
import { titleAgreement, TITLE_LOW_AGREEMENT } from './confidence.js';

/** "原文地址：点击查看原文": the label, then only a link phrase (issue 9 class 9). When original-link.ts found no absolute URL
 * in the link (a relative href), the line is still the site's, not article text. */
const ORIGINAL_LINK_PHRASE_LINE = /^[\s【\[(（]*(?:原文地址|原文链接|原文网址)\s*[:：]\s*(?:请?点击|点此|查看|阅读)(?:这里|此处|查看)?(?:原文|全文)?[\s】\])）]*$/;
/** A block is a credit line only when this short once URLs are removed; longer blocks are prose that mentions 编辑 or 来源. */
const MAX_CREDIT_LINE_CHARS = 40;
const URLS = /https?:\/\/\S+/g;

export interface ArticleDraft {
  title: string | null;
  subtitle: string | null;
  paragraphs: string[];
  credits: Credits;
  /** Roles whose names the credit cap (byline.ts MAX_CREDIT_NAMES) cut, in record order: a quality warning each. */
  creditNamesCut: NameRole[];
  infoLines: string[];
  /** Strings the record is made of, for quality counts and script detection. */
  used: CleanedText[];
  warnings: string[];
}

function isCreditLine(line: string): boolean {
  return line.replace(URLS, '').trim().length <= MAX_CREDIT_LINE_CHARS;
}

export function extractArticle(layout: PageLayout): ArticleDraft {
  const credits = emptyCredits();
  const used: CleanedText[] = [];
  if (layout.title) used.push(layout.title);
  // Loops, not push(...xs): a spread passes every element as a call argument and overflows the stack past ~120k
  // (issue 10: 130k text lines or 150k <p> gave INTERNAL).
  for (const line of layout.subtitles) used.push(line);

  for (const line of layout.infoLines) if (readLabelledCredits(line.text, credits)) used.push(line);

  const title = layout.title?.text ?? null;
  let kept: CleanedText[] = [];
  // Kept lines before the last closing credit line (责任编辑, 编辑|X, 校对…): the site's lines may follow it (tail.ts).
  let closingAt: number | null = null;
  // Kept lines before the first standalone reporter line ("本报记者X发自Y"): a headline block may precede it (tail.ts).
  let reporterAt: number | null = null;
  for (const block of layout.blocks) {
    const text = block.text;
    if (text === title) continue;
    // The article's first kept line may be a bare byline (byline.ts bareLeadByline).
    const leadByline = kept.length === 0 && title && credits.authors.length === 0 ? bareLeadByline(text) : null;
    if (leadByline) {
      addCreditNames(credits, 'authors', leadByline);
      used.push(block);
      continue;
    }
    if (isCreditLine(text) && readLabelledCredits(text, credits)) {
      used.push(block);
      if (isClosingCreditLine(text)) closingAt = kept.length;
      if (reporterAt === null && isReporterLine(text)) reporterAt = kept.length;
      continue;
    }
    if (readSourceNote(text, credits)) {
      used.push(block);
      continue;
    }
    if (layout.linkedOriginalUrl && isCreditLine(text) && readLinkedOriginal(text, layout.linkedOriginalUrl, credits)) {
      used.push(block);
      continue;
    }
    if (isBoilerplateLine(text) || ORIGINAL_LINK_PHRASE_LINE.test(text)) continue;
    const caption = splitCaptionCredit(text);
    if (caption) {
      addCreditNames(credits, 'photographers', caption.photographers);
      if (caption.cut) credits.namesCut.add('photographers');
      used.push(block);
      continue;
    }
    kept.push(block);
  }

  const deckless = dropHeadlineDeck(kept, reporterAt);
  const deckLines = kept.length - deckless.length;
  kept = dropRepeatedBody(dropPostFooter(dropTrailingTeaserCards(cutAfterClosingCredits(deckless, closingAt === null ? null : Math.max(0, closingAt - deckLines)))));
  // Once the headline deck is gone, the article may open with its original's date and outlet (byline.ts).
  if (kept[0] && readDateOutletLine(kept[0].text, credits)) used.push(kept.shift()!);
  const paragraphs = kept.map((b) => b.text);
  for (const block of kept) used.push(block);
  closeWithTrailingByline(paragraphs, credits);
  if (paragraphs[0]) readDateline(paragraphs[0], credits);
  fillFromPageText(layout, credits);
  fillFromMeta(layout, credits);

  const { namesCut, ...recordCredits } = credits;
  return {
    title,
    subtitle: layout.subtitles.length ? layout.subtitles.map((s) => s.text).join(' ') : null,
    paragraphs,
    credits: recordCredits,
    creditNamesCut: NAME_ROLES.filter((r) => namesCut.has(r)),
    infoLines: layout.infoLines.map((l) => l.text),
    used,
    warnings: [...layout.warnings],
  };
}

/**
 * Issue 9 classes 1-3: a block of the site's chrome can win the body cascade (a box of dated headline lines longer than
 * a brief, a WeChat toolbar beside an article its template hides until a script runs), or be read with the article as
 * one body, and then a gate refuses it (gates.ts: a list page, too little text). Before the page is NO_ARTICLE, each
 * body in rank order (the first, the script-revealed body, the runner-up containers) is tried as it is and without
 * its box of dated lines (boxOfDatedLines), and the first one the gates let through answers, provided it speaks of a
 * headline: one of MIN_FALLBACK_TITLE_CHARS (a channel index's 工作动态 is no headline) with TITLE_LOW_AGREEMENT of
 * its bigrams in the body (as the second opinion asks of runner-ups; a district blurb beside a channel index is not
 * its article). Checked on the 327 bench and seed inputs (zh-cwced, aeb, gne, seeds): the refused pages stay refused.
 */
const MIN_FALLBACK_TITLE_CHARS = 6;

export function extractGatedArticle(layout: PageLayout): { layout: PageLayout; draft: ArticleDraft } {
  const draft = extractArticle(layout);
  try {
    assertArticle(draft, layout);
    return { layout, draft };
  } catch (err) {
    const title = draft.title;
    if (!(err instanceof JsnewsError) || err.code !== ErrorCode.NoArticle || !title || title.length < MIN_FALLBACK_TITLE_CHARS) throw err;
    const bodies: PageLayout[] = [layout, ...(layout.nextBodies?.() ?? []).map((body) => ({ ...layout, ...body, bodyLayer: 'next-candidate' }))];
    for (const [i, body] of bodies.entries()) {
      const box = boxOfDatedLines(body.blocks);
      const tries = i === 0 ? [] : [body];
      if (box) tries.push({ ...body, blocks: body.blocks.filter((_, j) => j < box.start || j >= box.end) });
      for (const alt of tries) {
        const altDraft = extractArticle(alt);
        if (titleAgreement(title, altDraft.paragraphs.join('\n')) < TITLE_LOW_AGREEMENT || !passesGates(altDraft, alt)) continue;
        altDraft.warnings.push(`first body refused (${err.message}); ${alt === body ? 'a next candidate' : 'the body without its box of dated lines'} answered`);
        return { layout: alt, draft: altDraft };
      }
    }
    throw err;
  }
}

/** A box header line ("最新动态", "相关新闻") inside or just before the box is this short. */
const MAX_BOX_HEADER_CHARS = 12;

/**
 * The dated list entries (gates.ts datedListItems) as one box: from the first to the last entry, nothing but entries
 * and short header lines, with a header line right before it included; null when entries and longer lines alternate
 * (a list page's headline, date and teaser: no box to cut, the page stays refused) or nothing is left besides it.
 */
function boxOfDatedLines(blocks: readonly CleanedText[]): { start: number; end: number } | null {
  const items = datedListItems(blocks.map((b) => b.text));
  const first = items.indexOf(true);
  if (first < 0) return null;
  const last = items.lastIndexOf(true);
  const isHeader = (j: number): boolean => blocks[j]!.text.length <= MAX_BOX_HEADER_CHARS;
  for (let j = first; j <= last; j++) if (!items[j] && !isHeader(j)) return null;
  const start = first > 0 && isHeader(first - 1) ? first - 1 : first;
  return start === 0 && last === blocks.length - 1 ? null : { start, end: last + 1 };
}

function passesGates(draft: ArticleDraft, layout: PageLayout): boolean {
  try {
    assertArticle(draft, layout);
    return true;
  } catch {
    return false;
  }
}

const NAME_ROLES: readonly NameRole[] = ['authors', 'editors', 'photographers'];

function closeWithTrailingByline(paragraphs: string[], credits: CreditsRead): void {
  const lastIndex = paragraphs.length - 1;
  const last = paragraphs[lastIndex];
  if (last === undefined) return;
  const split = splitTrailingByline(last);
  if (!split) return;
  addCreditNames(credits, 'authors', split.authors);
  if (split.rest) paragraphs[lastIndex] = split.rest;
  else paragraphs.splice(lastIndex, 1);
}

/** Credits printed as loose text around the article (HTML), read only for fields the article itself left empty. */
function fillFromPageText(layout: PageLayout, credits: CreditsRead): void {
  const snippets = [layout.afterHeadline, layout.afterBody].filter((s): s is string => !!s);
  if (snippets.length === 0) return;
  const found = emptyCredits();
  for (const snippet of snippets) for (const line of snippet.split('\n')) readLabelledCredits(cleanText(line, layout.script).text, found);
  for (const role of NAME_ROLES) {
    if (credits[role].length > 0) continue;
    addCreditNames(credits, role, found[role]);
    if (found.namesCut.has(role)) credits.namesCut.add(role);
  }
  credits.source ??= found.source;
}

function fillFromMeta(layout: PageLayout, credits: CreditsRead): void {
  const meta = layout.meta;
  if (!meta) return;
  if (!credits.source && meta.source && meta.source.length <= 30) credits.source = meta.source;
  if (credits.authors.length === 0) {
    for (const a of meta.authors) {
      if (isOutletName(a)) credits.source ??= a;
      else if (a.length <= 40 && !/^https?:/.test(a) && isMetaPersonName(a)) addCreditNames(credits, 'authors', [a]);
    }
  }
}
