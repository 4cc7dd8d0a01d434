/**
 * The headline, without site-name suffixes or section names: where the title is chosen.
 * HTML: the <h1> (or headline-classed element) that the <title>/og:title agrees with, else og:title, else the <title>'s
 * longest segment. Kicker (引题) and sub-headline (副题) are the headline-block elements right around it.
 * Text captures: the first headline-like line before the body, the others are subtitles (text-layout.ts sorts the
 * lines; MAX_HEADLINE_CHARS is the one length limit for both).
 */
import type { Element } from 'domhandler';
import { cleanText, type CleanedText } from '../clean/clean-text.js';
import { elementText, siblingElements } from '../parse/elements.js';
import type { PageIndex } from '../parse/page-index.js';

/** Headline-block elements and headline lines are short; longer text is body or chrome (the seeds' longest headline
 * block is 86 characters). */
export const MAX_HEADLINE_CHARS = 120;
/** Elements around the headline that hold the kicker (引题) or sub-headline (副题). */
export const SUBTITLE_HINT = /sub-?title|subhead|kicker|yinti|futi|fbt|ytitle|yt\b|ft\b|intro-?title|h2/i;

const TITLE_SEPARATORS = /\s*(?:_|\||｜|--|——|—|\s-\s|-|»|::|·)\s*/;
/** Segments that are software or domain names, never headlines: "powered by Discuz! Archiver", "blog.example.com". */
const NOT_A_HEADLINE = /^(?:powered by\b|[\w-]+(?:\.[\w-]+)+$)/i;
/** Segments this short in a title bar are section or site names (要闻, 新闻中心), not headlines. */
const MIN_HEADLINE_SEGMENT_CHARS = 6;

/** Removes site-name and section suffixes from a <title>/og:title: "标题_我爱江苏网_江苏网" → "标题". */
export function stripTitleSuffixes(title: string, siteName?: string | null): string {
  const segments = title.split(TITLE_SEPARATORS).map((s) => s.trim()).filter(Boolean);
  if (segments.length <= 1) return title.trim();
  const kept = segments.filter((s) => s !== siteName && s.length >= MIN_HEADLINE_SEGMENT_CHARS && !NOT_A_HEADLINE.test(s));
  // Headline first is the common order ("标题_栏目_网站"); a site-first title has a short first segment, skipped above.
  return kept[0] ?? segments[0]!;
}

function squash(s: string): string {
  return s.replace(/[\s\p{P}]/gu, '');
}

/** Picks the headline from HTML candidates (all cleaned). */
export function chooseHtmlTitle(input: { h1s: string[]; ogTitle: string | null; titleTag: string | null; siteName: string | null }): string | null {
  const refs = [input.ogTitle, input.titleTag].filter((s): s is string => !!s).map(squash);
  // The longest agreeing heading: a logo <h1> with the site name agrees with every <title> too.
  const agreed = input.h1s
    .filter((h) => h.length >= 2 && h !== input.siteName && refs.some((r) => r.includes(squash(h))))
    .sort((a, b) => b.length - a.length)[0];
  if (agreed) return agreed;
  // A short <title> ("观摩会_江苏网") that the one headline-length <h1> contains: the <h1> is the full headline.
  const stripped = [input.ogTitle, input.titleTag].filter((s): s is string => !!s).map((t) => squash(stripTitleSuffixes(t, input.siteName)));
  const containing = input.h1s.find((h) => h.length >= MIN_HEADLINE_SEGMENT_CHARS && stripped.some((t) => t.length >= 2 && squash(h).includes(t)));
  if (containing) return containing;
  if (input.ogTitle) return stripTitleSuffixes(input.ogTitle, input.siteName);
  if (input.titleTag) return stripTitleSuffixes(input.titleTag, input.siteName);
  return input.h1s[0] ?? null;
}

/**
 * The page's headline and its element: the headline candidates page-index.ts listed (empty or longer than
 * MAX_HEADLINE_CHARS dropped), chosen against og:title and <title> (cleaned) by chooseHtmlTitle.
 */
export function findHtmlHeadline(
  page: PageIndex,
  refs: { ogTitle: string | null; titleTag: string | null; siteName: string | null },
): { title: CleanedText | null; element: Element | undefined } {
  const headlineTexts = page.headlines.map((el) => elementText(page, el));
  const headlineEls = page.headlines.filter((_, i) => headlineTexts[i]!.length > 0 && headlineTexts[i]!.length <= MAX_HEADLINE_CHARS);
  const h1s = headlineTexts.filter((t) => t.length > 0 && t.length <= MAX_HEADLINE_CHARS).map((t) => cleanText(t, page.script));
  const titleText = chooseHtmlTitle({ h1s: h1s.map((h) => h.text), ...refs });
  const titleIndex = h1s.findIndex((h) => h.text === titleText);
  const element = titleIndex >= 0 ? headlineEls[titleIndex] : undefined;
  const title = titleIndex >= 0 ? h1s[titleIndex]! : titleText ? cleanText(titleText, page.script) : null;
  return { title, element };
}

/** Kicker and sub-headline: up to two sibling elements before and after the headline element that SUBTITLE_HINT names. */
export function findSubtitles(page: PageIndex, titleEl: Element): CleanedText[] {
  const out: CleanedText[] = [];
  const before = siblingElements(titleEl, 'prev', 2).reverse();
  const after = siblingElements(titleEl, 'next', 2);
  for (const el of [...before, ...after]) {
    const hint = `${el.tagName} ${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
    const text = elementText(page, el);
    if (!SUBTITLE_HINT.test(hint) || !text || text.length > MAX_HEADLINE_CHARS) continue;
    out.push(cleanText(text, page.script));
  }
  return out;
}
