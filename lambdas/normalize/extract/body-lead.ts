/**
 * The article's lead or abstract in its own container just before the body container (issue 9; zh-cwced 2397c95d: a
 * paper's 摘要 box above its text was lost). Scoring picks the container with the most prose; a lead box beside it is
 * one paragraph and scores below the sibling share, so it stays out unless looked for.
 *
 * The rule (no site, page or label is known here):
 *   - walk back from the first chosen container over its earlier siblings; when it has none with text, climb (at most
 *     LEAD_MAX_CLIMB levels: wrappers around the body container) and go on among the parent's earlier siblings;
 *   - each earlier sibling with text is tried as the lead, then its last text-bearing descendants (at most
 *     LEAD_MAX_DESCEND levels: a lead at the end of the headline block); one that is no lead is passed over when it is
 *     short (LEAD_GAP_MAX_CHARS: a share bar, a citation line), at most LEAD_MAX_GAP_BLOCKS of them; the block holding
 *     the headline ends the walk (a box above the headline is no lead of the article);
 *   - a lead is labelled as one (LEAD_LABEL: 摘要, 导语, 内容提要, 编者按… opening its text) or named so by its class
 *     (LEAD_CLASS), holds LEAD_MIN_CHARS..LEAD_MAX_CHARS of prose with clause marks (LEAD_MIN_CLAUSE_DENSITY), almost no
 *     link text (a teaser list fails), is shorter than the body, speaks of the headline (LEAD_MIN_AGREEMENT:
 *     a box of other stories' summaries fails), and does not open with a sentence the body holds (a digest).
 * Tested on synthetic pages (test/unit/normalize/extract/lead-block-classes.test.ts). On zh-cwced, aeb and gne it is
 * taken on one page, zh-cwced 2397c95d (its 摘要 and Abstract box, past a share bar and a citation line).
 */
import type { AnyNode, Element } from 'domhandler';
import { collapseSpace, plainText } from './body-blocks.js';
import { isElement, type StatsMap } from './body-stats.js';
import { titleAgreement } from './confidence.js';
import { holdsElementNamed } from '../parse/elements.js';

/** Levels climbed above the first chosen container when nothing with text stands before it (the body container in a
 * wrapper or two; a document embedded in a <div> brings its own <html><body>). */
const LEAD_MAX_CLIMB = 4;
/** Blocks passed over between the lead and the body (a share bar, a citation line), each at most this long. */
const LEAD_MAX_GAP_BLOCKS = 2;
const LEAD_GAP_MAX_CHARS = 200;
/** Levels into a passed block's last text-bearing descendant (the headline block ending with its summary). */
const LEAD_MAX_DESCEND = 3;
/** A lead is a paragraph or two: a label alone is too short, a whole article too long. */
const LEAD_MIN_CHARS = 30;
const LEAD_MAX_CHARS = 1500;
/** Prose: at least this share of clause marks (Chinese prose runs 0.06-0.12; a headline, a keyword line or a date line
 * has none; English prose counts only its commas and semicolons, ~0.01: zh-cwced 2397c95d's 摘要 + Abstract box is
 * 15 marks in 677 characters, 0.022). */
const LEAD_MIN_CLAUSE_DENSITY = 0.02;
/** A lead holds almost no link text (a box of teaser links is all links). */
const LEAD_MAX_LINK_DENSITY = 0.1;
/** The lead speaks of the headline: this share of its bigrams (words) at least (a lead is short, so more than the
 * body's TITLE_LOW_AGREEMENT). */
const LEAD_MIN_AGREEMENT = 0.3;
/** The length of the lead's opening looked for in the body: a lead the body repeats (the same first paragraph, or a
 * digest of the body's sentences: gne ednchina-1) is not joined. */
const LEAD_REPEAT_PROBE_CHARS = 30;
/** A body paragraph may be one short sentence: the probe ends with the lead's first sentence. */
const AFTER_FIRST_SENTENCE = /^(.*?[。！？!?]).*$/s;

/** A label opening the block: 摘要：, 【导语】, 内容提要:, 编者按：, Abstract:… */
const LEAD_LABEL = /^[【\[〔(（]?\s*(?:内容|文章)?(?:摘\s*要|提\s*要|导\s*语|核心提示|编者按|编者的话|abstract|summary)\s*(?:[】\]〕)）]\s*[:：]?|[:：])/i;
/** What a lead's text may open with before its label or first word: an icon font's glyph (private use), a bullet. */
const LEADING_MARKS = /^[^\p{L}\p{N}【\[〔(（]+/u;
/** Class or id naming a lead (pinyin: zhaiyao 摘要, daoyu 导语, tiyao 提要). */
const LEAD_CLASS = /summary|abstract|standfirst|digest|zhaiyao|daoyu|tiyao|(?:^|[\s_-])(?:lead|dek)(?:$|[\s_-])/i;

export interface LeadInput {
  /** The chosen container(s), in document order. */
  roots: readonly Element[];
  stats: StatsMap;
  title: string;
  /** The headline's element (title.ts), when known. */
  headline?: Element;
  /** The body's text (a lead the body repeats, a digest of its sentences, is not joined) and its length in characters. */
  bodyText: string;
  bodyChars: number;
}

/** The lead block before the chosen container(s) (see above), or null. */
export function leadBefore(input: LeadInput): Element | null {
  const { stats } = input;
  let el: Element = input.roots[0]!;
  let gap = 0;
  for (let level = 0; level <= LEAD_MAX_CLIMB; level++) {
    for (let sib = prevElement(el); sib; sib = prevElement(sib)) {
      const s = stats.get(sib);
      if (!s || s.skipped || s.chars === 0) continue;
      const lead = leadIn(sib, input);
      if (lead) return lead;
      if (holdsHeadline(sib, input) || s.chars > LEAD_GAP_MAX_CHARS || ++gap > LEAD_MAX_GAP_BLOCKS) return null;
    }
    const parent = el.parent;
    if (!parent || !isElement(parent) || isDocumentLevel(parent)) return null;
    el = parent;
  }
  return null;
}

/** `el` or, short of it, its last text-bearing descendants: the first that is a lead. */
function leadIn(el: Element, input: LeadInput): Element | null {
  let node: Element | null = el;
  for (let level = 0; node && level <= LEAD_MAX_DESCEND; level++) {
    if (isLead(node, input)) return node;
    node = lastWithText(node, input.stats);
  }
  return null;
}

function isLead(el: Element, input: LeadInput): boolean {
  const s = input.stats.get(el);
  if (!s || s.skipped || s.chars < LEAD_MIN_CHARS || s.chars > LEAD_MAX_CHARS || s.chars >= input.bodyChars) return false;
  if (s.linkChars > s.chars * LEAD_MAX_LINK_DENSITY || s.punct < s.chars * LEAD_MIN_CLAUSE_DENSITY) return false;
  if (holdsHeadline(el, input)) return false;
  const text = collapseSpace(plainText(el)).replace(LEADING_MARKS, '');
  const label = LEAD_LABEL.exec(text);
  if (!label && !LEAD_CLASS.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`)) return false;
  const prose = label ? text.slice(label[0].length).trim() : text;
  if (titleAgreement(input.title, prose) < LEAD_MIN_AGREEMENT) return false;
  const probe = prose.slice(0, LEAD_REPEAT_PROBE_CHARS).replace(AFTER_FIRST_SENTENCE, '$1');
  return !input.bodyText.includes(probe);
}

/** The headline's element; when title.ts found none, a block opening with the headline's text or holding an <h1> (a
 * citation line naming the title, 文章引用：X. <title>[J]…, is passed over). */
function holdsHeadline(el: Element, input: LeadInput): boolean {
  if (input.headline) return el === input.headline || contains(el, input.headline);
  const want = input.title.replace(/\s+/g, '');
  if (want.length > 0 && plainText(el, HEADLINE_PROBE_NODES)?.replace(/\s+/g, '').startsWith(want)) return true;
  return holdsElementNamed(el, 'h1', HEADLINE_PROBE_NODES);
}
/** Nodes read for a passed block's opening (a headline block is small; LEAD_GAP_MAX_CHARS bounds the blocks asked). */
const HEADLINE_PROBE_NODES = 200;


function lastWithText(el: Element, stats: StatsMap): Element | null {
  for (let i = el.children.length - 1; i >= 0; i--) {
    const c = el.children[i]!;
    if (c.type === 'text' && c.data.trim() !== '') return null;
    if (isElement(c) && (stats.get(c)?.chars ?? 0) > 0) return c;
  }
  return null;
}

function prevElement(el: Element): Element | null {
  for (let n: AnyNode | null = el.prev; n; n = n.prev) if (isElement(n)) return n;
  return null;
}

/** The document's own <html> or <body> (not one of a document embedded in a <div>): the walk stops there. */
function isDocumentLevel(el: Element): boolean {
  if (el.name !== 'body' && el.name !== 'html') return false;
  for (let p = el.parent; p; p = p.parent) if (isElement(p) && (p.name === 'body' || p.name === 'html')) return false;
  return true;
}

function contains(ancestor: Element, el: Element): boolean {
  for (let p = el.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}
