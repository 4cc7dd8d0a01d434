/**
 * One bottom-up pass over the DOM that measures every element once (text length in characters, link text,
 * clause punctuation, paragraph/list/image counts), so the scorer never calls `.text()` on a subtree.
 * Iterative (no recursion), so deep nesting cannot overflow the stack. The Map is owned by the caller's
 * `findArticleBody` run; nothing is written onto DOM nodes.
 */
import type { AnyNode, Element } from 'domhandler';
import { BLOCK_TAGS, CLASS_PATTERNS, HEADING_TAGS, HIDDEN_STYLE, LINK_LINE_MAX_DENSITY, SKIP_TAGS, UNLIKELY_ROLES } from './body-patterns.js';

export interface NodeStats {
  /** Non-white-space characters of visible text in the subtree. */
  chars: number;
  /** Of those, characters inside links. */
  linkChars: number;
  /** Clause punctuation marks (，。、；：, etc.) in the subtree. */
  punct: number;
  /** Text that belongs to this element's own paragraph: loose text and inline descendants, not nested blocks. */
  ownChars: number;
  ownLinkChars: number;
  ownPunct: number;
  /** Counts of descendant elements used by conditional cleaning. */
  p: number;
  li: number;
  img: number;
  input: number;
  embed: number;
  headingChars: number;
  /** Characters (and their link characters) of link-list lines: blocks whose own text is mostly link text. */
  listLineChars: number;
  listLineLinkChars: number;
  /** Characters inside ul/ol descendants (for "is this a list" in cleaning). */
  listChars: number;
  /** True when the subtree is not article text at all (script, hidden, unlikely chrome...). */
  skipped: boolean;
}

export type StatsMap = Map<Element, NodeStats>;

export interface StatsOptions {
  /** Skip elements whose class/id look like chrome (Readability's first pass). */
  stripUnlikely: boolean;
}

const EMPTY: Readonly<NodeStats> = Object.freeze({
  chars: 0, linkChars: 0, punct: 0, ownChars: 0, ownLinkChars: 0, ownPunct: 0,
  p: 0, li: 0, img: 0, input: 0, embed: 0, headingChars: 0, listChars: 0, listLineChars: 0, listLineLinkChars: 0, skipped: true,
});

/** Per-UTF-16-unit class: 0 text, 1 white space, 2 clause mark (the set of CLAUSE_PUNCTUATION). One lookup per char
 * keeps the stats pass linear and cheap (it touches every character of the page once). */
const CHAR_CLASS = buildCharClass();
function buildCharClass(): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (let c = 0; c <= 32; c++) t[c] = 1;
  for (const c of [0xa0, 0x3000, 0x200b, 0xfeff, 0x2028, 0x2029]) t[c] = 1;
  for (const ch of '，。、；：！？,;\uFF0C\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32') t[ch.charCodeAt(0)] = 2;
  return t;
}

function emptyStats(): NodeStats {
  return {
    chars: 0, linkChars: 0, punct: 0, ownChars: 0, ownLinkChars: 0, ownPunct: 0, p: 0, li: 0, img: 0, input: 0,
    embed: 0, headingChars: 0, listChars: 0, listLineChars: 0, listLineLinkChars: 0, skipped: false,
  };
}

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Measures every element under `root`. Skipped subtrees get a zero record with `skipped: true`. */
export function computeStats(root: AnyNode, opts: StatsOptions): StatsMap {
  const { plain, strict } = computeStatsPair(root);
  return opts.stripUnlikely ? strict : plain;
}

/** The stats of both scoring modes: `plain` (stripUnlikely false) and `strict` (true). */
export interface StatsPair {
  plain: StatsMap;
  strict: StatsMap;
}

/** Where an element stands in the strict (stripUnlikely) measure (the low bits of its walk flags). */
const NORMAL = 0;
/** An unlikely-chrome element: skipped when stripping, its subtree left out. */
const UNLIKELY_ROOT = 1;
/** Inside an unlikely element: not in the strict map at all. */
const UNDER_UNLIKELY = 2;
const STANDING = 3;
/** Walk flags: the element's children are pushed (it is measured when it comes back to the top). */
const EXPANDED = 4;
/** Walk flags: a child's strict record is not its plain one (an unlikely element somewhere below), so the element's
 * strict record is measured on its own; set by the child as it is finished. */
const STRICT_DIFFERS = 8;

/**
 * Both maps in one post-order walk, each as `computeStats` would build it alone (same entries, same order, equal
 * records): the text of every text node is counted once, and an element whose subtree holds no unlikely element shares
 * its plain record in the strict map (records are never written to after they are made). Two walks cost the body
 * stats twice per page (zh-cwced: about 4% of normalize's CPU). The walk's stack is three parallel arrays (element, its
 * flags, its parent's place on the stack): no object per element, and a finished child tells its parent whether their
 * strict records differ, so no element looks its children up in both maps again.
 */
export function computeStatsPair(root: AnyNode, revealVisibilityHidden = false): StatsPair {
  const plain: StatsMap = new Map();
  const strict: StatsMap = new Map();
  const nodes: Element[] = [];
  const flags: number[] = [];
  const parents: number[] = [];
  const rootChildren = 'children' in root ? (root.children as AnyNode[]) : [];
  for (let i = rootChildren.length - 1; i >= 0; i--) {
    const c = rootChildren[i]!;
    if (isElement(c)) {
      nodes.push(c);
      flags.push(NORMAL);
      parents.push(-1);
    }
  }
  while (nodes.length > 0) {
    const top = nodes.length - 1;
    const node = nodes[top]!;
    const f = flags[top]!;
    if ((f & EXPANDED) === 0) {
      if (isSkippedAlways(node, revealVisibilityHidden)) {
        plain.set(node, EMPTY);
        if (f !== UNDER_UNLIKELY) strict.set(node, EMPTY);
        nodes.pop();
        flags.pop();
        parents.pop();
        continue;
      }
      const unlikelyRoot = f === NORMAL && isUnlikely(node);
      flags[top] = EXPANDED | (unlikelyRoot ? UNLIKELY_ROOT : f);
      const childFlags = f === NORMAL && !unlikelyRoot ? NORMAL : UNDER_UNLIKELY;
      const kids = node.children;
      for (let i = kids.length - 1; i >= 0; i--) {
        const c = kids[i]!;
        if (isElement(c)) {
          nodes.push(c);
          flags.push(childFlags);
          parents.push(top);
        }
      }
      continue;
    }
    const parent = parents[top]!;
    nodes.pop();
    flags.pop();
    parents.pop();
    const own = measure(node, plain);
    plain.set(node, own);
    const stand = f & STANDING;
    if (stand === UNLIKELY_ROOT) {
      strict.set(node, EMPTY);
      if (parent >= 0) flags[parent]! |= STRICT_DIFFERS;
    } else if (stand === NORMAL) {
      const record = f & STRICT_DIFFERS ? measure(node, strict) : own;
      strict.set(node, record);
      if (record !== own && parent >= 0) flags[parent]! |= STRICT_DIFFERS;
    }
  }
  return { plain, strict };
}

/** One shared record for the many elements that measure all zeros (empty containers, <img>, <br>, <input>…). */
const ZERO: Readonly<NodeStats> = Object.freeze(emptyStats());
/** Scratch record `measure` adds into; copied out only when the element has something to count. */
const scratch = emptyStats();

function resetStats(s: NodeStats): NodeStats {
  s.chars = s.linkChars = s.punct = s.ownChars = s.ownLinkChars = s.ownPunct = 0;
  s.p = s.li = s.img = s.input = s.embed = s.headingChars = s.listChars = s.listLineChars = s.listLineLinkChars = 0;
  return s;
}

function isZero(s: NodeStats): boolean {
  return s.chars === 0 && s.linkChars === 0 && s.punct === 0 && s.ownChars === 0 && s.ownLinkChars === 0 && s.ownPunct === 0 &&
    s.p === 0 && s.li === 0 && s.img === 0 && s.input === 0 && s.embed === 0 && s.headingChars === 0 && s.listChars === 0 &&
    s.listLineChars === 0 && s.listLineLinkChars === 0;
}

/** Combines an element's children's measures (children are measured first). */
function measure(el: Element, stats: StatsMap): NodeStats {
  const s = resetStats(scratch);
  for (const child of el.children) {
    if (child.type === 'text') {
      const chars = countChars(child.data);
      const punct = countedPunct;
      s.chars += chars;
      s.punct += punct;
      s.ownChars += chars;
      s.ownPunct += punct;
    } else if (isElement(child)) {
      addChild(s, child, stats.get(child) ?? EMPTY);
    }
  }
  const name = el.name;
  if (name === 'a') {
    s.linkChars = s.chars;
    s.ownLinkChars = s.ownChars;
  }
  if (HEADING_TAGS.has(name)) s.headingChars = s.chars;
  if (BLOCK_TAGS.has(name) && s.ownChars > 0 && s.ownLinkChars > s.ownChars * LINK_LINE_MAX_DENSITY) {
    s.listLineChars += s.ownChars;
    s.listLineLinkChars += s.ownLinkChars;
  }
  if (name === 'ul' || name === 'ol') s.listChars = s.chars;
  return isZero(s) ? ZERO : copyStats(s);
}

function copyStats(s: NodeStats): NodeStats {
  return {
    chars: s.chars, linkChars: s.linkChars, punct: s.punct, ownChars: s.ownChars, ownLinkChars: s.ownLinkChars, ownPunct: s.ownPunct,
    p: s.p, li: s.li, img: s.img, input: s.input, embed: s.embed, headingChars: s.headingChars, listChars: s.listChars,
    listLineChars: s.listLineChars, listLineLinkChars: s.listLineLinkChars, skipped: false,
  };
}

function addChild(s: NodeStats, el: Element, c: NodeStats): void {
  s.chars += c.chars;
  s.linkChars += c.linkChars;
  s.punct += c.punct;
  s.p += c.p;
  s.li += c.li;
  s.img += c.img;
  s.input += c.input;
  s.embed += c.embed;
  s.headingChars += c.headingChars;
  s.listChars += c.listChars;
  s.listLineChars += c.listLineChars;
  s.listLineLinkChars += c.listLineLinkChars;
  const name = el.name;
  if (name === 'p') s.p++;
  else if (name === 'li') s.li++;
  else if (name === 'img') s.img++;
  else if (name === 'input' || name === 'textarea' || name === 'select') s.input++;
  else if (name === 'object' || name === 'embed' || name === 'iframe') s.embed++;
  if (!BLOCK_TAGS.has(name)) {
    s.ownChars += c.ownChars;
    s.ownLinkChars += c.ownLinkChars;
    s.ownPunct += c.ownPunct;
  }
}

/** The clause marks counted by the last `countChars` call (a side result, so no pair is allocated per text node). */
let countedPunct = 0;

/** Non-white-space chars of a text node; the clause marks among them are left in `countedPunct`. */
export function countChars(data: string): number {
  let chars = 0;
  let punct = 0;
  for (let i = 0; i < data.length; i++) {
    const k = CHAR_CLASS[data.charCodeAt(i)]!;
    if (k === 1) continue;
    chars++;
    if (k === 2) punct++;
  }
  countedPunct = punct;
  return chars;
}

/** Skipped in both modes: not text (script, hidden, a chrome role...). `revealVisibilityHidden`: inline
 * `visibility: hidden` is read as shown (SCRIPT_REVEALED_FALLBACK in body.ts); `display: none` and `hidden` never are. */
function isSkippedAlways(el: Element, revealVisibilityHidden: boolean): boolean {
  if (el.type !== 'tag' || SKIP_TAGS.has(el.name)) return true;
  const a = el.attribs;
  if (a.hidden !== undefined || a['aria-hidden'] === 'true') return true;
  if (a.style && HIDDEN_STYLE.test(a.style) && (DISPLAY_NONE.test(a.style) || (!revealVisibilityHidden && !hasVisibleDescendant(el)))) return true;
  return !!a.role && UNLIKELY_ROLES.has(a.role);
}

/** Skipped only when stripping unlikely chrome (Readability's first pass): class/id look like chrome. */
function isUnlikely(el: Element): boolean {
  if (el.name === 'body' || el.name === 'a' || el.name === 'html') return false;
  const a = el.attribs;
  // Most elements have neither class nor id: their "class id" is one space, which no pattern matches (no string built).
  if (!a.class && !a.id) return BLANK_CLASS_ID_UNLIKELY && !hasTableOrCodeAncestor(el);
  const classId = `${a.class ?? ''} ${a.id ?? ''}`;
  return CLASS_PATTERNS.unlikely.test(classId) && !CLASS_PATTERNS.maybeCandidate.test(classId) && !hasTableOrCodeAncestor(el);
}

/** What isUnlikely's patterns say of an element with no class and no id ("class id" = " "): computed, not assumed. */
const BLANK_CLASS_ID_UNLIKELY = CLASS_PATTERNS.unlikely.test(' ') && !CLASS_PATTERNS.maybeCandidate.test(' ');

/**
 * `visibility: hidden` is inherited but not final: a descendant with `visibility: visible` is shown (CSS 2.1 §11.2).
 * WeChat-style templates hide the article container inline and show its children so (issue 9 class 3: the whole
 * article was dropped and the page became NO_ARTICLE). `display: none` hides the subtree for good.
 */
const DISPLAY_NONE = /display\s*:\s*none/i;
const VISIBLE_STYLE = /visibility\s*:\s*visible/i;
/** Elements of a hidden subtree looked at for a visible descendant (work bound on huge hidden blocks). */
const MAX_VISIBLE_SCAN_NODES = 2000;

/** Does any element under `root` carry inline `visibility: hidden` without `display: none` (a subtree the
 * script-revealed fallback would read)? Walked only on the NO_ARTICLE path. */
export function hasInlineVisibilityHidden(root: AnyNode): boolean {
  const stack: AnyNode[] = 'children' in root ? [...(root.children as AnyNode[])] : [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'tag') continue;
    const e = node as Element;
    const style = e.attribs.style;
    if (style && VISIBILITY_HIDDEN.test(style) && !DISPLAY_NONE.test(style)) return true;
    for (const c of e.children) stack.push(c);
  }
  return false;
}
const VISIBILITY_HIDDEN = /visibility\s*:\s*hidden/i;

function hasVisibleDescendant(el: Element): boolean {
  const stack: AnyNode[] = [...el.children];
  for (let seen = 0; stack.length > 0 && seen < MAX_VISIBLE_SCAN_NODES; seen++) {
    const node = stack.pop()!;
    if (node.type !== 'tag') continue;
    const e = node as Element;
    if (e.attribs.style && VISIBLE_STYLE.test(e.attribs.style)) return true;
    for (const c of e.children) stack.push(c);
  }
  return false;
}

function hasTableOrCodeAncestor(el: Element): boolean {
  for (let p = el.parent; p && p.type === 'tag'; p = p.parent) if (p.name === 'table' || p.name === 'code') return true;
  return false;
}

/** Readability `_getClassWeight`: ±CLASS_WEIGHT for class and for id matching the positive/negative tables. */
export function classWeight(el: Element, weight: number): number {
  return valueWeight(el.attribs.class, weight) + valueWeight(el.attribs.id, weight);
}

function valueWeight(v: string | undefined, weight: number): number {
  if (!v) return 0;
  let w = 0;
  if (CLASS_PATTERNS.negative.test(v)) w -= weight;
  if (CLASS_PATTERNS.positive.test(v)) w += weight;
  return w;
}
