/**
 * Keeps hostile markup from crashing or hanging the extractors. Two guards:
 *
 * 1. `capNestingDepth(html)`, BEFORE parsing: htmlparser2 keeps its open-element stack with `unshift`, so parsing
 *    n nested elements costs O(n²): 100,000 nested `<span>`s take ~30 s. The guard scans tags once and drops the
 *    opening (and matching closing) tags beyond `maxDepth`; text is kept. Call it on the decoded HTML before `loadHtml`.
 * 2. `flattenDeepNesting($)`, AFTER parsing, for documents built some other way:
 * htmlparser2 parses any depth without recursion, but many consumers do recurse: domutils `textContent`
 * (cheerio's `.text()`), `$.html()`, css-select's descendant matching. 100,000 nested `<div>`s (or `<b>`, `<span>`)
 * overflow the call stack there. `flattenDeepNesting` caps the depth: every element deeper than `maxDepth` is
 * lifted, in document order, to be a child of its ancestor at `maxDepth`, so no text is lost, only the pathological
 * nesting. Every walk in this module is iterative. Call it once right after `loadHtml`, before any `.text()`.
 */
import type { CheerioAPI } from 'cheerio/slim';
import type { AnyNode, ChildNode, ParentNode } from 'domhandler';
import { MAX_NESTING_DEPTH } from './load-html.js';

export { MAX_NESTING_DEPTH };

/** Elements that never nest (void) or whose end tag the parser implies (an unclosed `<p>`/`<li>`/`<td>` is closed by
 * its next sibling), so they do not add depth; counting them would make ordinary sloppy pages look deep. */
const NON_NESTING_TAGS: ReadonlySet<string> = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen',
  'p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option', 'optgroup', 'tbody', 'thead', 'tfoot', 'colgroup', 'rp', 'rt',
]);
/** Raw-text elements: their content is not markup and is skipped by the scan. */
const RAW_TEXT_END: Readonly<Record<string, RegExp>> = {
  // The tokenizer ends raw text at `</script` followed by white space, '/' or '>', so `</script foo>` ends it too
  // (issue 10: the scan read on to the end of the page as script, and what followed went unguarded).
  script: /<\/script(?:[\s/][^>]*)?>/gi,
  style: /<\/style(?:[\s/][^>]*)?>/gi,
  textarea: /<\/textarea(?:[\s/][^>]*)?>/gi,
};

/** Closing tags kept even when stray: htmlparser2 leaves its foreign (SVG/MathML) context on them, open or not. */
const KEEP_STRAY_CLOSERS: ReadonlySet<string> = new Set([
  'math', 'svg', 'mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title',
]);

/**
 * The tags `capNestingDepth` sees, one at a time, as the pattern
 * `<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>` would match them (comments are skipped), written out
 * by hand with `indexOf`: the regex with four groups per tag cost as much as a fifth of a parse.
 */
class TagScanner {
  /** The last tag found: [start, end) in the source, closing `</x>`, self-closing `<x/>`, its name's [start, end). */
  start = 0;
  end = 0;
  closing = false;
  selfClosing = false;
  nameStart = 0;
  nameEnd = 0;
  /** Where the next search starts (a RegExp's lastIndex). */
  next = 0;
  /** No '>' follows this position, so no tag starts at or after it (keeps unterminated tail markup linear). */
  private noTagFrom = Infinity;

  constructor(private readonly html: string) {}

  /** Finds the next tag from `next`; false at the end of the source. */
  find(): boolean {
    const html = this.html;
    for (let lt = html.indexOf('<', this.next); lt >= 0; lt = html.indexOf('<', lt + 1)) {
      if (html.startsWith('<!--', lt)) {
        const close = html.indexOf('-->', lt + 4);
        this.next = close < 0 ? html.length : close + 3;
        lt = this.next - 1;
        continue;
      }
      if (this.readTag(lt)) return true;
    }
    this.next = html.length;
    return false;
  }

  private readTag(lt: number): boolean {
    const html = this.html;
    const closing = html.charCodeAt(lt + 1) === SLASH;
    const nameStart = closing ? lt + 2 : lt + 1;
    if (lt >= this.noTagFrom || !isAsciiLetter(html.charCodeAt(nameStart))) return false;
    // `[\w:-]*` then `\b`: the name ends at the last word character of the run.
    let runEnd = nameStart + 1;
    let nameEnd = runEnd;
    for (let c = html.charCodeAt(runEnd); isNameChar(c); c = html.charCodeAt(++runEnd)) if (isWordChar(c)) nameEnd = runEnd + 1;
    const gt = html.indexOf('>', nameEnd);
    if (gt < 0) {
      this.noTagFrom = lt;
      return false;
    }
    this.start = lt;
    this.end = gt + 1;
    this.closing = closing;
    this.selfClosing = gt - 1 >= nameEnd && html.charCodeAt(gt - 1) === SLASH;
    this.nameStart = nameStart;
    this.nameEnd = nameEnd;
    this.next = gt + 1;
    return true;
  }
}

/** What a tag name means to the depth scan. */
const OTHER = 0;
const NON_NESTING = 1;
const RAW_TEXT = 2;
/** Names up to this many letters are packed into one small integer (5 bits a letter) and looked up without a string. */
const PACKED_MAX_LETTERS = 6;
const LETTER_BITS = 5;

/** Letters a-z / A-Z packed case-insensitively (a=1 … z=26), or -1 when a character is not a letter or it is too long. */
function packName(s: string, start: number, end: number): number {
  if (end - start > PACKED_MAX_LETTERS) return -1;
  let key = 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (!isAsciiLetter(c)) return -1;
    key = (key << LETTER_BITS) | ((c | 0x20) - 0x60);
  }
  return key;
}

function buildKinds(): { packed: Map<number, number>; long: Map<string, number> } {
  const packed = new Map<number, number>();
  const long = new Map<string, number>();
  const add = (name: string, kind: number) => {
    const key = packName(name, 0, name.length);
    if (key >= 0) packed.set(key, kind);
    else long.set(name, kind);
  };
  for (const name of NON_NESTING_TAGS) add(name, NON_NESTING);
  for (const name of Object.keys(RAW_TEXT_END)) add(name, RAW_TEXT);
  return { packed, long };
}
const KINDS = buildKinds();

/**
 * A tag name as the depth scan keys it: the packed letters (packName) when it packs, else the lower-cased string. One
 * name always gets the same id, and two names the same id only when they are equal ignoring case; most names pack, so
 * the scan makes no string per tag (a slice and a lower-cased copy each were most of what it allocated).
 */
type NameId = number | string;

function nameIdAt(html: string, start: number, end: number): NameId {
  const key = packName(html, start, end);
  return key >= 0 ? key : html.slice(start, end).toLowerCase();
}

function nameId(name: string): NameId {
  return nameIdAt(name, 0, name.length);
}

/** NON_NESTING, RAW_TEXT or OTHER for a name id (as tagKind). */
function kindOfId(id: NameId): number {
  return (typeof id === 'number' ? KINDS.packed.get(id) : KINDS.long.get(id)) ?? OTHER;
}

/** NON_NESTING, RAW_TEXT or OTHER for the tag name at [start, end) of `html` (compared lower-cased). */
function tagKind(html: string, start: number, end: number): number {
  const key = packName(html, start, end);
  if (key >= 0) return KINDS.packed.get(key) ?? OTHER;
  if (end - start <= PACKED_MAX_LETTERS) return OTHER; // a short name with a digit, '_', ':' or '-'
  return KINDS.long.get(html.slice(start, end).toLowerCase()) ?? OTHER;
}

const SLASH = 0x2f;
function isAsciiLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}
/** `\w` of a non-Unicode RegExp. */
function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}
function isNameChar(c: number): boolean {
  return isWordChar(c) || c === 0x3a || c === 0x2d;
}

/** Where `guardMarkup` stopped reading a page over its character budget: the HTML is cut at `at`. */
export interface MarkupCut {
  /** The bound that was hit: the characters, the line breaks kept past the element budget, or the repeated lines dropped there. */
  reason: 'characters' | 'lines' | 'repeated-lines';
  /** Position in the input where the cut output ends. */
  at: number;
}

/** Where the kept start tags reached `maxElements`: from `at` on every tag was dropped and only text was kept. */
export interface ElementsOver {
  /** Position in the input of the first tag dropped for the budget. */
  at: number;
  /** Tags (start and end, raw-text elements with their body) dropped from there. */
  tagsDropped: number;
}

/** Bounds of one guard scan; each is a count. */
export interface MarkupLimits {
  /** Nesting deeper than this is dropped (see capNestingDepth). */
  maxDepth: number;
  /** Start tags kept (every element: void and raw-text ones too; not those dropped for depth); past it tags are dropped, text kept. */
  maxElements: number;
  /** Characters kept outside script, style and textarea bodies (text, kept tags, comments) before the page is cut. */
  maxChars: number;
  /** A run of plain text (no '<') longer than this keeps only its first `maxRunChars` characters. */
  maxRunChars: number;
  /** A start tag longer than this (attributes and all) is dropped, with a raw-text element's body. */
  maxTagChars: number;
  /** Past `maxElements`, line breaks (a `<br>` for each block tag after text) kept before the page is cut. */
  maxLineBreaks: number;
  /** Past `maxElements`, lines dropped for repeating an earlier one there before the page is cut. */
  maxRepeatedLines: number;
  /** Start tags of head content kept before the head ends, counted here and not in `maxElements`; past it they are dropped. */
  maxHeadElements: number;
  /** Characters of those start tags, counted here and not in `maxChars`; a head tag that does not fit is dropped. */
  maxHeadChars: number;
}

/** What one guard scan did: the HTML to parse, tags dropped for depth, text runs shortened, tags dropped past the
 * element budget, and where it was cut. */
export interface GuardedMarkup {
  html: string;
  dropped: number;
  trimmedRuns: number;
  /** Start tags dropped for being longer than `maxTagChars`. */
  longTags: number;
  /** Head elements dropped past `maxHeadElements` or `maxHeadChars` (a title, script or style with its text). */
  headDropped: number;
  /** Past `maxElements`, lines dropped (text and line break) for being the same as a line read before them there. */
  repeatedLines: number;
  overElements: ElementsOver | null;
  cut: MarkupCut | null;
}

/**
 * Head content: these start tags, from the page's start until `</head>`, `<body>` or any other start tag (`<html>` and
 * `<head>` aside), are counted on the head's budget (MarkupLimits.maxHeadElements / maxHeadChars). The elements HTML
 * puts in a head, but `<template>`, whose content is any markup.
 */
const HEAD_CONTENT: ReadonlySet<string> = new Set(['meta', 'link', 'base', 'title', 'style', 'script', 'noscript']);
/** Where a dropped head `<title>` ends: the parser reads its content as text up to this tag. */
const TITLE_END = /<\/title(?:[\s/][^>]*)?>/gi;

/** The names the depth scan compares with, as name ids. */
const HEAD_CONTENT_IDS: ReadonlySet<NameId> = new Set([...HEAD_CONTENT].map(nameId));
const KEEP_STRAY_CLOSER_IDS: ReadonlySet<NameId> = new Set([...KEEP_STRAY_CLOSERS].map(nameId));
const RAW_TEXT_END_BY_ID: ReadonlyMap<NameId, RegExp> = new Map(Object.entries(RAW_TEXT_END).map(([name, end]) => [nameId(name), end]));
const HEAD_ID = nameId('head');
const HTML_ID = nameId('html');
const BODY_ID = nameId('body');
const TITLE_ID = nameId('title');
const XMP_ID = nameId('xmp');

/** 'blockquote' and 'figcaption': no name in LINE_BREAK_TAGS or RAW_TEXT_END is longer. */
const LONGEST_LOOKED_UP_NAME = 10;

/**
 * Tags that end a line of text: past the element budget such a tag, when text came since the last one, is replaced
 * by a `<br>`, so the paragraphs it separated stay blocks of their own (the body extractor ends a block at `<br>`)
 * rather than one run of up to a million characters. The block elements of HTML that news pages wrap text in; an
 * inline tag (span, a, b, font ...) is dropped for nothing.
 */
const LINE_BREAK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'caption',
]);

/**
 * Drops opening tags nested deeper than `maxDepth` (and their closing tags), without parsing. Returns the input
 * unchanged (same string) when nothing is that deep. One linear scan.
 *
 * The depth is the parser's, so the scan keeps the open elements the way htmlparser2 does: a closing tag closes the
 * innermost open element of its name and everything opened inside it, and a closing tag with no open element of
 * its name changes nothing (issue 10: counting every `</zz>` as a close let `<span>`x900 `</zz>`x900, repeated, nest
 * without bound and parse in 72 s). `<span/>` opens a span in HTML (the slash is ignored), so it counts (200k `<span/>`
 * took 32 s); void elements and the implied-end ones do not.
 */
export function capNestingDepth(html: string, maxDepth: number = MAX_NESTING_DEPTH): { html: string; dropped: number } {
  const { html: out, dropped } = guardMarkup(html, { maxDepth, maxElements: Infinity, maxChars: Infinity, maxRunChars: Infinity, maxLineBreaks: Infinity, maxRepeatedLines: Infinity, maxTagChars: Infinity, maxHeadElements: Infinity, maxHeadChars: Infinity });
  return { html: out, dropped };
}

/**
 * capNestingDepth's scan, which also keeps the page within a budget (`limits`): a plain text run over `maxRunChars`
 * is shortened (the markup after it is still read); once the kept start tags reach `maxElements`, every further tag
 * is dropped (a block tag after text for a `<br>`; script, style and textarea with their body) and only text and
 * comments are kept, so an article after 20,000 junk elements is still read (`overElements` says from where), and a
 * line the same as one read before it past the budget is dropped (`repeatedLines`: 100,000 `<p>来源：X</p>` inside an
 * article used up the line breaks before its closing paragraph; after `maxRepeatedLines` of them the page is cut); the
 * head's start tags (HEAD_CONTENT, up to the head's end) count on `maxHeadElements` / `maxHeadChars` instead, and past
 * those are dropped (`headDropped`), so a head of 100,000 `<meta>` leaves the body its budget; the
 * page is cut where the kept characters outside raw text go over `maxChars` or the `<br>`s over `maxLineBreaks`
 * (`cut` says where; null when all was read). What is
 * dropped does not count. A cut falls before a tag or in text, never between the two halves of a surrogate pair;
 * the parser closes what is still open at the end.
 */
export function guardMarkup(html: string, limits: MarkupLimits): GuardedMarkup {
  const { maxDepth, maxElements, maxChars, maxRunChars, maxLineBreaks, maxRepeatedLines, maxTagChars, maxHeadElements, maxHeadChars } = limits;
  let depth = 0;
  let dropped = 0;
  let trimmedRuns = 0;
  let strays = 0;
  let longTags = 0;
  const parts: string[] = [];
  let copiedTo = 0;
  // Open elements, innermost last: name id (the lower-cased name) and whether its opening tag was dropped.
  const openNames: NameId[] = [];
  const openDropped: boolean[] = [];
  // How many elements of each name are open, so a stray closing tag is found out without searching the stack.
  const openCount = new Map<NameId, number>();
  // The budget: start tags and characters kept; the input is read up to `readTo` (raw text bodies are skipped).
  let elements = 0;
  let chars = 0;
  let readTo = 0;
  // The head: read until `</head>`, `<body>` or another start tag; its start tags counted on their own budget.
  let inHead = true;
  let headElements = 0;
  let headChars = 0;
  let headDropped = 0;
  // The current tag is a start tag of head content, already counted on the head's budget.
  let headTag = false;
  let repeatedLines = 0;
  // A `<head>` start tag was kept and no `</head>` since; a `<body>` start tag was kept. Past the element budget the
  // first `</head>` and `<body>` are kept (see textOnly).
  let headOpen = false;
  let bodyKept = false;
  const tag = new TagScanner(html);
  // Leaves the current tag out of the guarded HTML (the text before it is kept) and, given its raw-text end, its body.
  const skipTag = (bodyEnd?: RegExp) => {
    if (tag.start > copiedTo) parts.push(html.slice(copiedTo, tag.start));
    copiedTo = tag.end;
    if (bodyEnd) copiedTo = readTo = tag.next = endOfBody(html, tag.next, bodyEnd);
  };
  const drop = () => {
    dropped++;
    skipTag();
  };
  let overElements: ElementsOver | null = null;
  // Where the text before the current tag starts (the end of the tag before it).
  let textFrom = 0;
  const cutAt = (at: number, inText = true, reason: MarkupCut['reason'] = 'characters'): GuardedMarkup => {
    const end = inText && isHighSurrogate(html.charCodeAt(at - 1)) ? at - 1 : at;
    parts.push(html.slice(copiedTo, end));
    return { html: parts.join(''), dropped, trimmedRuns, longTags, headDropped, repeatedLines, overElements, cut: { reason, at: end } };
  };
  // The text and comments in [from, to): a long plain run at its start shortened, the characters counted.
  const readText = (from: number, to: number): GuardedMarkup | null => {
    let keepTo = to;
    let resumeAt = to;
    if (to - from > maxRunChars) {
      const lt = html.indexOf('<', from);
      const plainTo = lt < 0 || lt > to ? to : lt;
      if (plainTo - from > maxRunChars) {
        keepTo = from + maxRunChars;
        if (isHighSurrogate(html.charCodeAt(keepTo - 1))) keepTo--;
        resumeAt = plainTo;
      }
    }
    const first = keepTo - from;
    const rest = to - resumeAt;
    if (chars + first + rest > maxChars) {
      const left = maxChars - chars;
      if (left <= first) return cutAt(from + left);
      parts.push(html.slice(copiedTo, keepTo));
      copiedTo = resumeAt;
      return cutAt(resumeAt + (left - first));
    }
    if (resumeAt > keepTo) {
      trimmedRuns++;
      parts.push(html.slice(copiedTo, keepTo));
      copiedTo = resumeAt;
    }
    chars += first + rest;
    return null;
  };
  // A tag that is kept: its characters, and for a start tag the element, counted. False past the element budget.
  const keep = (): GuardedMarkup | false | null => {
    if (headTag) return null;
    const element = !tag.closing || isElementCloser(html, tag.nameStart, tag.nameEnd);
    if (element && elements + 1 > maxElements) return false;
    if (chars + (tag.end - tag.start) > maxChars) return cutAt(tag.start, false);
    chars += tag.end - tag.start;
    if (element) elements++;
    return null;
  };
  // Past the element budget: the rest of the page as text, every tag dropped (the current one first).
  const textOnly = (): GuardedMarkup => {
    overElements = { at: tag.start, tagsDropped: 0 };
    let lineBreaks = 0;
    let textSinceBreak = hasNonSpace(html, textFrom, tag.start);
    readTo = tag.start; // the text before this tag is read
    // The lines kept since the first line break (the first line holds the page before it): the current one starts at
    // parts[lineFrom] and `chars` was `lineChars` there; a line the same as one of `lines` (white space trimmed) is
    // dropped. At most maxLineBreaks lines are remembered, of at most maxChars characters in all.
    const lines = new Set<string>();
    let lineFrom = -1;
    let lineChars = 0;
    do {
      if (!textSinceBreak) textSinceBreak = hasNonSpace(html, readTo, tag.start);
      const stop = readText(readTo, tag.start);
      if (stop) return stop;
      const kind = tagKind(html, tag.nameStart, tag.nameEnd);
      // Only names as short as the longest line-break or raw-text name are looked up (no string per long name).
      const name = tag.nameEnd - tag.nameStart <= LONGEST_LOOKED_UP_NAME ? html.slice(tag.nameStart, tag.nameEnd).toLowerCase() : '';
      // htmlparser2 implies no <body>: with `</head>` and `<body>` dropped, the text past the budget stayed in the open
      // <head> (20,000 elements inside the head: NO_ARTICLE). The first of each is kept, so the text is the body's.
      if (tag.closing ? headOpen && name === 'head' : !bodyKept && name === 'body') {
        if (tag.closing) headOpen = false;
        else bodyKept = true;
        readTo = tag.end;
        textSinceBreak = false;
        continue;
      }
      const lineBreak = textSinceBreak && LINE_BREAK_TAGS.has(name);
      if (lineBreak && lineFrom >= 0) {
        if (tag.start > copiedTo) parts.push(html.slice(copiedTo, tag.start));
        copiedTo = tag.start;
        const line = parts.slice(lineFrom).join('').trim();
        if (lines.has(line)) {
          parts.length = lineFrom;
          chars = lineChars;
          if (repeatedLines >= maxRepeatedLines) return cutAt(tag.start, false, 'repeated-lines');
          repeatedLines++;
          overElements.tagsDropped++;
          copiedTo = readTo = tag.end;
          textSinceBreak = false;
          continue;
        }
        if (lineBreaks < maxLineBreaks) lines.add(line);
      }
      if (lineBreak && lineBreaks >= maxLineBreaks) return cutAt(tag.start, false, 'lines');
      overElements.tagsDropped++;
      skipTag();
      readTo = tag.end;
      if (lineBreak) {
        parts.push('<br>');
        lineBreaks++;
        textSinceBreak = false;
        lineFrom = parts.length;
        lineChars = chars;
      }
      const rawEnd = kind === RAW_TEXT && !tag.closing ? RAW_TEXT_END[name] : undefined;
      if (rawEnd) copiedTo = readTo = tag.next = endOfBody(html, tag.next, rawEnd);
    } while (tag.find());
    const stop = readText(readTo, html.length);
    if (stop) return stop;
    parts.push(html.slice(copiedTo));
    return { html: parts.join(''), dropped, trimmedRuns, longTags, headDropped, repeatedLines, overElements, cut: null };
  };
  while (tag.find()) {
    const stop = readText(readTo, tag.start);
    if (stop) return stop;
    textFrom = readTo;
    readTo = tag.end;
    const name = nameIdAt(html, tag.nameStart, tag.nameEnd);
    const kind = kindOfId(name);
    if (!tag.closing && tag.end - tag.start > maxTagChars) {
      // Dropped, not counted (a raw-text one with its body); its closing tag is then stray and left out too.
      longTags++;
      skipTag(kind === RAW_TEXT ? RAW_TEXT_END_BY_ID.get(name) : undefined);
      continue;
    }
    headTag = false;
    if (inHead) {
      if (!tag.closing && HEAD_CONTENT_IDS.has(name)) {
        if (headElements >= maxHeadElements || headChars + (tag.end - tag.start) > maxHeadChars) {
          // Dropped, not counted, with the text a title, script or style holds; a noscript's closer is then stray.
          headDropped++;
          skipTag(name === TITLE_ID ? TITLE_END : kind === RAW_TEXT ? RAW_TEXT_END_BY_ID.get(name) : undefined);
          continue;
        }
        headElements++;
        headChars += tag.end - tag.start;
        headTag = true;
      } else if (tag.closing ? name === HEAD_ID : name !== HTML_ID && name !== HEAD_ID) inHead = false;
    }
    if (kind === NON_NESTING) {
      const over = keep();
      if (over === false) return textOnly();
      if (over) return over;
      continue;
    }
    if (!bodyKept || headOpen) {
      if (name === HEAD_ID) headOpen = !tag.closing;
      else if (name === BODY_ID && !tag.closing) bodyKept = true;
    }
    if (tag.closing) {
      if (!openCount.get(name)) {
        // Stray: the parser ignores it, after searching its whole open-element stack for the name (issue 10: 900
        // open spans then stray closers, 2 MB, read 1,000 entries per closer). Dropped, and not counted.
        if (!KEEP_STRAY_CLOSER_IDS.has(name) && !openCount.get(TITLE_ID) && !openCount.get(XMP_ID)) {
          strays++;
          skipTag();
          continue;
        }
        const over = keep();
        if (over === false) return textOnly();
        if (over) return over;
        continue;
      }
      let droppedMatch = false;
      for (;;) {
        const top = openNames.pop()!;
        const wasDropped = openDropped.pop()!;
        openCount.set(top, openCount.get(top)! - 1);
        if (!wasDropped) depth--;
        if (top === name) {
          droppedMatch = wasDropped;
          break;
        }
      }
      if (droppedMatch) drop();
      else {
        const over = keep();
        if (over === false) return textOnly();
        if (over) return over;
      }
      continue;
    }
    const rawEnd = kind === RAW_TEXT ? RAW_TEXT_END_BY_ID.get(name) : undefined;
    if (rawEnd) {
      const over = keep();
      if (over === false) return textOnly();
      if (over) return over;
      readTo = tag.next = endOfBody(html, tag.next, rawEnd);
      continue;
    }
    const tooDeep = depth >= maxDepth;
    if (!tooDeep) {
      const over = keep();
      if (over === false) return textOnly();
      if (over) return over;
    }
    openNames.push(name);
    openDropped.push(tooDeep);
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
    if (tooDeep) drop();
    else depth++;
  }
  const stop = readText(readTo, html.length);
  if (stop) return stop;
  if (dropped === 0 && trimmedRuns === 0 && strays === 0 && longTags === 0 && headDropped === 0) return { html, dropped, trimmedRuns, longTags, headDropped, repeatedLines, overElements, cut: null };
  parts.push(html.slice(copiedTo));
  return { html: parts.join(''), dropped, trimmedRuns, longTags, headDropped, repeatedLines, overElements, cut: null };
}

/** Where a raw-text (or title) body that starts at `from` ends: past its closing tag, or the end of the input. */
function endOfBody(html: string, from: number, end: RegExp): number {
  end.lastIndex = from;
  return end.exec(html) ? end.lastIndex : html.length;
}

/** `</p>` or `</br>`: a closing tag that makes an element (htmlparser2 reads a `</p>` with no open p as `<p></p>`
 * and any `</br>` as `<br>`, so 2 MB of stray `</p>` were 400,000 elements past the element budget: 21 s). Counted as
 * one element each, open p or not: a bound. */
function isElementCloser(s: string, start: number, end: number): boolean {
  const len = end - start;
  if (len === 1) return (s.charCodeAt(start) | 0x20) === 0x70;
  return len === 2 && (s.charCodeAt(start) | 0x20) === 0x62 && (s.charCodeAt(start + 1) | 0x20) === 0x72;
}

/** Whether [from, to) of `s` holds a character other than ASCII white space. */
function hasNonSpace(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d && c !== 0x0c) return true;
  }
  return false;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** Node types that own children in domhandler. */
function hasChildNodes(node: AnyNode): node is ParentNode {
  return 'children' in node && Array.isArray((node as ParentNode).children);
}

/**
 * Flattens nesting deeper than `maxDepth` (depth of the document root = 0). Returns how many elements were lifted
 * (0 on every ordinary page). Mutates the document held by `$`.
 */
export function flattenDeepNesting($: CheerioAPI, maxDepth: number = MAX_NESTING_DEPTH): number {
  const root = $.root()[0] as unknown as ParentNode;
  let lifted = 0;
  // Two parallel stacks (node, its depth) rather than an object per element: this runs over every page.
  const nodes: ParentNode[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth >= maxDepth) {
      lifted += liftDescendants(node);
      continue;
    }
    const kids = node.children;
    for (let i = 0; i < kids.length; i++) {
      const child = kids[i]!;
      if (hasChildNodes(child)) {
        nodes.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return lifted;
}

/**
 * Re-parents every descendant of `host` as a direct child of `host`, in document order; lifted elements keep their
 * attributes but lose their children (which are lifted too). Iterative; returns the number of elements lifted.
 */
function liftDescendants(host: ParentNode): number {
  const ordered: ChildNode[] = [];
  const stack: ChildNode[] = [...host.children].reverse();
  let lifted = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    ordered.push(node);
    if (hasChildNodes(node) && node.children.length > 0) {
      lifted++;
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
      node.children = [];
    }
  }
  if (lifted === 0) return 0;
  relink(host, ordered);
  return lifted;
}

/** Makes `children` the child list of `parent`, fixing the parent/prev/next links domhandler keeps. */
function relink(parent: ParentNode, children: ChildNode[]): void {
  for (let i = 0; i < children.length; i++) {
    const c = children[i]!;
    c.parent = parent;
    c.prev = children[i - 1] ?? null;
    c.next = children[i + 1] ?? null;
  }
  parent.children = children;
}

/** Depth of the deepest node (document root = 0), computed iteratively. For tests and diagnostics. */
export function maxNestingDepth($: CheerioAPI): number {
  const root = $.root()[0] as unknown as ParentNode;
  let max = 0;
  const stack: Array<{ node: AnyNode; depth: number }> = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth > max) max = depth;
    if (hasChildNodes(node)) for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
  }
  return max;
}
