/**
 * One iterative walk over a parsed page that does what a dozen cheerio selector queries and `.text()` calls did,
 * each of which walked the whole document again:
 *   - removes the elements that hold no readable text (script, style, noscript, template, iframe, svg);
 *   - lists, in document order, the elements the layout reads: headline candidates, footer/banner chrome, info/editor
 *     candidates (by class/id), <body>, and the <head> facts (<meta>, <title>, <link rel=canonical>, <html lang>,
 *     [itemprop=datePublished], <time pubdate>, the text of JSON-LD scripts);
 *   - concatenates the page's text once and remembers where each listed element's text starts and ends in it, so an
 *     element's text (what cheerio's `.text()` returns) is a slice instead of another subtree walk.
 * Selectors are matched the way css-select matches them on an htmlparser2 document: tag names lower-cased by the
 * parser, `.x` a white-space separated class token (case-sensitive), `#x` the exact id, `[a]` attribute present.
 */
import { detectScript, type Script } from '../clean/simplified.js';
import type { AnyNode, Element, ParentNode } from 'domhandler';

/** Removed before anything is read: they hold code or graphics, not text. */
const REMOVED_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg']);

/** `h1, .title, .article-title, .post-title, .news-title, .tit, #title, td.title, .headline, .biaoti` */
const HEADLINE_TAGS: ReadonlySet<string> = new Set(['h1']);
const HEADLINE_CLASSES = classTokenPattern(['title', 'article-title', 'post-title', 'news-title', 'tit', 'headline', 'biaoti']);
/**
 * Compound headline classes, any case: `con-title`, `title-text`, `Title`, `article_title`, `detail-tit`. Templates
 * name the headline element this way when they have no <h1> (issue 9 class 4: a logo or channel <h1> won over a
 * `div.title-text` / `p.con-title` / `span.Title` headline), or number it (`div.tit2` holding the whole
 * "专栏 | 标题" line, zh-cwced 36efbc69), or call it `Heading` alone (`div.Heading`, zh-cwced 6820ebe7, read by
 * title.ts headingBeforeBody on a page without a <title>; `panel-heading` and other prefixed forms are box headings,
 * not taken). A candidate is still chosen only when the <title> or
 * og:title agrees with it (title.ts), so a `list-title` box heading is not taken; kicker/sub-headline, footer, side and
 * list headings are excluded by their prefix. Checked on zh-cwced, aeb, gne and the seeds.
 */
const COMPOUND_HEADLINE_CLASS = /(?:^|\s)(?!(?:sub|foot|side|list|nav|hot|rel|related|rec|box)[-_]?t)(?:(?:[a-z]+[-_])?(?:title|tit|headline)(?:[-_](?:text|txt|name|h1|h2)|[12])?|heading)(?:$|\s)/i;
const HEADLINE_IDS: ReadonlySet<string> = new Set(['title']);
/** Inline scripts kept for their date assignments: templates put them in the first few dozen (a page of 1,000 ad
 * snippets keeps its first 100 only). */
const MAX_INLINE_SCRIPTS = 100;
const HEADING_TAGS: ReadonlySet<string> = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);
/** `footer, .footer, #footer, .foot, #foot, .bottom, #bottom, .copyright, #copyright, .banner, .top-banner, #top, .header, header` */
const CHROME_TAGS: ReadonlySet<string> = new Set(['footer', 'header']);
const CHROME_CLASSES = classTokenPattern(['footer', 'foot', 'bottom', 'copyright', 'banner', 'top-banner', 'header']);
const CHROME_IDS: ReadonlySet<string> = new Set(['footer', 'foot', 'bottom', 'copyright', 'top']);

/** css-select's `.token` test (`(?:^|\s)token(?:$|\s)`), for several tokens at once. */
function classTokenPattern(tokens: readonly string[]): RegExp {
  const escaped = tokens.map((t) => t.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&'));
  return new RegExp(`(?:^|\\s)(?:${escaped.join('|')})(?:$|\\s)`);
}

export interface PageIndex {
  /** Every text node of the document (after removal), concatenated in document order. */
  readonly text: string;
  /** The script `text` is served in: which of the page's strings OpenCC may convert (clean/simplified.ts). */
  readonly script: Script;
  headlines: Element[];
  /** Elements with a compound headline class (COMPOUND_HEADLINE_CLASS), not already in `headlines`: a weaker kind of
   * candidate, taken only when the <title>/og:title contains its text (extract/title.ts). */
  namedHeadlines: Element[];
  /** <h2>–<h6> elements, in document order: the headline of a template without <h1> or headline class whose <title>
   * is only a channel or site name (extract/title.ts). */
  headings: Element[];
  chrome: Element[];
  /**
   * Elements with a class or an id attribute (`[class], [id]`) whose "class id" text matches the caller's `editor`
   * pattern, else its `info` pattern (extract/html-layout.ts: info-line and editor-credit candidates).
   */
  editorHinted: Element[];
  infoHinted: Element[];
  bodies: Element[];
  metas: Element[];
  /** `a[href]` elements, in document order: what `$('a[href]')` lists while the tree is unchanged since the walk
   * (extract/title.ts reads them for a headline link to the page itself). */
  links: Element[];
  /** `b, strong, font` elements, in document order (what that selector lists while the tree is unchanged): the bold
   * line that may be a template's only headline (extract/title.ts). */
  emphasised: Element[];
  /** The text of every `script[type="application/ld+json"]`, read before scripts are removed (the one JSON-LD path). */
  jsonLdTexts: string[];
  /** First match of `title`, `link[rel="canonical"]`, `html`, `[itemprop="datePublished"]`, `time[pubdate]`. */
  title: Element | null;
  canonicalLink: Element | null;
  html: Element | null;
  datePublishedItem: Element | null;
  pubdateTime: Element | null;
  /** The first `time[datetime]` (any): a visible time element, read after the info line (English pages mark dates so). */
  datetimeTime: Element | null;
  /**
   * The text of inline scripts (no `src`, not JSON-LD), at most MAX_INLINE_SCRIPTS of them: self-media and WeChat
   * templates state the publish time only there (`var ct = "<epoch>"`, `"publishTime": …`); extract/html-meta.ts
   * reads date assignments from them. The strings are the DOM's own (not copied).
   */
  inlineScripts: string[];
  /**
   * cheerio `$(el).text()`: sliced from `text` for listed elements while the tree is unchanged since the walk
   * (`frozen`), else read from the live subtree.
   */
  textOf(el: AnyNode): string;
  /** Where a listed element's text starts in `text` (undefined once thawed or for an unlisted element). */
  textStart(el: AnyNode): number | undefined;
  /** Call when the tree may have changed since the walk: texts are then read from the live tree. */
  thaw(): void;
}

/**
 * Walks the document under `root` once (see the file comment). Mutates the tree: the REMOVED_TAGS elements are
 * detached, as cheerio's `.remove()` does.
 */
export function indexPage(root: ParentNode, hints: ClassHints): PageIndex {
  const found = {
    headlines: [] as Element[], namedHeadlines: [] as Element[], headings: [] as Element[], chrome: [] as Element[], editorHinted: [] as Element[], infoHinted: [] as Element[], bodies: [] as Element[],
    metas: [] as Element[], links: [] as Element[], emphasised: [] as Element[], jsonLdTexts: [] as string[],
    title: null as Element | null, canonicalLink: null as Element | null, html: null as Element | null,
    datePublishedItem: null as Element | null, pubdateTime: null as Element | null, datetimeTime: null as Element | null, inlineScripts: [] as string[],
  };
  const parts: string[] = [];
  let length = 0;
  const spans = new Map<AnyNode, [number, number]>();
  // The next sibling elements of headline candidates (HEADLINE_SIBLINGS), which extract/ reads the text of
  // (html-layout.ts info lines): spanned too, but kept out of `spans`, so `textStart` still knows listed elements only.
  const siblingSpans = new Map<AnyNode, [number, number]>();
  const wanted = new Set<AnyNode>();
  // Stack entries: a node to visit, or the span of a listed element to close when its subtree is done.
  const stack: Array<AnyNode | [number, number]> = [];
  pushChildren(stack, root);
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (Array.isArray(item)) {
      item[1] = length;
      continue;
    }
    if (item.type === 'text') {
      parts.push(item.data);
      length += item.data.length;
      continue;
    }
    if (!('children' in item)) continue;
    if (isTag(item)) {
      if (REMOVED_TAGS.has(item.name)) {
        // JSON-LD is metadata the page gives for itself: keep its text before the script goes.
        if (item.name === 'script' && equalsIgnoringCase(item.attribs.type, 'application/ld+json')) found.jsonLdTexts.push(rawText(item));
        else if (item.name === 'script' && !hasOwn(item.attribs, 'src') && found.inlineScripts.length < MAX_INLINE_SCRIPTS) found.inlineScripts.push(rawText(item));
        detach(item);
        continue;
      }
      const kind = classify(item, found, hints);
      const sibling = wanted.size !== 0 && wanted.delete(item);
      if (kind !== UNREAD || sibling) {
        const span: [number, number] = [length, length];
        (kind !== UNREAD ? spans : siblingSpans).set(item, span);
        stack.push(span);
        if (kind === HEADLINE_CANDIDATE) wantSiblings(item, wanted);
      }
    }
    pushChildren(stack, item);
  }
  const text = parts.join('');
  let frozen = true;
  return {
    ...found,
    text,
    script: detectScript(text),
    textOf: (el) => {
      const span = frozen ? (spans.get(el) ?? siblingSpans.get(el)) : undefined;
      return span ? text.slice(span[0], span[1]) : liveText(el);
    },
    textStart: (el) => (frozen ? spans.get(el)?.[0] : undefined),
    thaw: () => {
      frozen = false;
    },
  };
}

function pushChildren(stack: Array<AnyNode | [number, number]>, node: AnyNode): void {
  if (!('children' in node)) return;
  const kids = (node as ParentNode).children;
  for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
}

/** domutils `isTag`: the node types css-select matches. */
function isTag(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/**
 * Class/id patterns sorting classed elements into editor-credit and info-line candidates (editor first). They are
 * tested on the class and on the id separately, which equals testing "class id" when every alternative is made of
 * letters (an optional `\b` may follow): such a match cannot contain the space between the two.
 */
export interface ClassHints {
  editor: RegExp;
  info: RegExp;
}

/** What one class or id value matches, as bits. */
const HEADLINE_CLASS = 1;
const CHROME_CLASS = 2;
const EDITOR_HINT = 4;
const INFO_HINT = 8;
const NAMED_HEADLINE = 16;
/** Distinct class/id values remembered per ClassHints (pages of a site repeat them; a bound keeps memory flat). */
const MAX_REMEMBERED_VALUES = 20_000;
const bitsByHints = new WeakMap<ClassHints, Map<string, number>>();

/** HEADLINE_CLASSES, CHROME_CLASSES and the caller's hint patterns on one attribute value, remembered. */
function attributeBits(value: string, hints: ClassHints): number {
  let memo = bitsByHints.get(hints);
  if (!memo) bitsByHints.set(hints, (memo = new Map()));
  let bits = memo.get(value);
  if (bits === undefined) {
    bits = (HEADLINE_CLASSES.test(value) ? HEADLINE_CLASS : COMPOUND_HEADLINE_CLASS.test(value) ? NAMED_HEADLINE : 0) | (CHROME_CLASSES.test(value) ? CHROME_CLASS : 0) |
      (hints.editor.test(value) ? EDITOR_HINT : 0) | (hints.info.test(value) ? INFO_HINT : 0);
    if (memo.size >= MAX_REMEMBERED_VALUES) memo.clear();
    memo.set(value, bits);
  }
  return bits;
}

/** What `classify` says of an element: its text is not asked for, may be, or it is a headline candidate (`headlines`,
 * `namedHeadlines`: the next siblings' text is asked for too). */
const UNREAD = 0;
const READ = 1;
const HEADLINE_CANDIDATE = 2;

/**
 * Next sibling elements of a headline candidate whose text is spanned: html-layout.ts reads the text of the headline's
 * next 3 (its info-line candidates, `siblingElements(titleEl, 'next', 3)`), and one of them is often the article's
 * container, which `liveText` walked again (zh-cwced: 1.4% of normalize's CPU).
 */
const HEADLINE_SIBLINGS = 3;

/** Adds the next HEADLINE_SIBLINGS sibling elements of `el` that the walk keeps (not REMOVED_TAGS) to `wanted`: they are
 * the ones `siblingElements(el, 'next', HEADLINE_SIBLINGS)` lists after the walk. */
function wantSiblings(el: Element, wanted: Set<AnyNode>): void {
  let n = 0;
  for (let node = el.next; node && n < HEADLINE_SIBLINGS; node = node.next) {
    if (isTag(node) && !REMOVED_TAGS.has(node.name)) {
      wanted.add(node);
      n++;
    }
  }
}

/** Files the element under every list it belongs to; says whether its text may be asked for (UNREAD, READ,
 * HEADLINE_CANDIDATE). */
function classify(el: Element, found: Omit<PageIndex, 'text' | 'script' | 'textOf' | 'textStart' | 'thaw'>, hints: ClassHints): number {
  const a = el.attribs;
  const name = el.name;
  const cls = a.class;
  const id = a.id;
  const clsBits = cls === undefined ? 0 : attributeBits(cls, hints);
  const idBits = id === undefined ? 0 : attributeBits(id, hints);
  let needsText: number = UNREAD;
  if (HEADLINE_TAGS.has(name) || clsBits & HEADLINE_CLASS || (id !== undefined && HEADLINE_IDS.has(id))) {
    found.headlines.push(el);
    needsText = HEADLINE_CANDIDATE;
  } else if (clsBits & NAMED_HEADLINE) {
    found.namedHeadlines.push(el);
    needsText = HEADLINE_CANDIDATE;
  } else if (HEADING_TAGS.has(name)) {
    // A heading is the headline only on pages with no headline candidate (title.ts headingBeforeBody): its siblings'
    // text is read from the live tree then.
    found.headings.push(el);
    needsText = READ;
  }
  if (CHROME_TAGS.has(name) || clsBits & CHROME_CLASS || (id !== undefined && CHROME_IDS.has(id))) {
    found.chrome.push(el);
    needsText ||= READ;
  }
  if (hasOwn(a, 'class') || hasOwn(a, 'id')) {
    // The caller's patterns run over "class id"; a match cannot span the space (see attributeBits), so the class's
    // and the id's answers combine with OR.
    const hint = clsBits | idBits;
    const list = hint & EDITOR_HINT ? found.editorHinted : hint & INFO_HINT ? found.infoHinted : null;
    if (list) {
      list.push(el);
      needsText ||= READ;
    }
  }
  if (a.itemprop === 'datePublished' && !found.datePublishedItem) found.datePublishedItem = el;
  switch (name) {
    case 'body':
      found.bodies.push(el);
      return needsText || READ;
    case 'meta':
      found.metas.push(el);
      break;
    case 'a':
      if (hasOwn(a, 'href')) found.links.push(el);
      break;
    case 'b':
    case 'strong':
    case 'font':
      found.emphasised.push(el);
      break;
    case 'title':
      if (found.title) break;
      found.title = el;
      return needsText || READ;
    case 'link':
      if (!found.canonicalLink && equalsIgnoringCase(a.rel, 'canonical')) found.canonicalLink = el;
      break;
    case 'html':
      found.html ??= el;
      break;
    case 'time':
      if (!found.pubdateTime && hasOwn(a, 'pubdate')) found.pubdateTime = el;
      if (!found.datetimeTime && hasOwn(a, 'datetime')) found.datetimeTime = el;
      break;
  }
  return needsText;
}

/** A raw-text element's content (a script body is one text node). */
function rawText(el: Element): string {
  let out = '';
  for (const child of el.children) if (child.type === 'text') out += (child as { data: string }).data;
  return out;
}

/** css-select's `[attr="value"]` for attributes HTML compares case-insensitively (`rel`, `type`). */
function equalsIgnoringCase(attr: string | undefined, lowerValue: string): boolean {
  return attr !== undefined && attr.length === lowerValue.length && attr.toLowerCase() === lowerValue;
}

/** domutils `removeElement`, as cheerio's `.remove()` calls it. */
function detach(el: Element): void {
  if (el.prev) el.prev.next = el.next;
  if (el.next) el.next.prev = el.prev;
  if (el.parent) {
    const kids = el.parent.children;
    const at = kids.lastIndexOf(el);
    if (at >= 0) kids.splice(at, 1);
  }
  el.next = null;
  el.prev = null;
  el.parent = null;
}

/** domutils `textContent` (cheerio's `.text()`) without recursion: the subtree's text nodes in document order. */
export function liveText(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  const parts: string[] = [];
  const stack: AnyNode[] = [];
  pushChildren(stack as Array<AnyNode | [number, number]>, node);
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') parts.push(n.data);
    else if (n.type !== 'comment') pushChildren(stack as Array<AnyNode | [number, number]>, n);
  }
  return parts.join('');
}
