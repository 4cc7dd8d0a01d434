/**
 * Decoded HTML → a parsed page, guarded and indexed: the guard scan (dom-safety.ts: nesting cap and the page budget)
 * before the parse (load-html.ts), the DOM guard after it, then the one walk over the tree (page-index.ts). DOM only:
 * what the page says is read in extract/. Link discovery (lambdas/discover/) parses through `guardHtml` + `parseDom`
 * too, so both read the same tree under the same guards.
 */
import type { Document } from 'domhandler';
import { flattenDeepNesting, guardMarkup, type MarkupLimits } from './dom-safety.js';
import { loadDocument, MAX_NESTING_DEPTH, type CheerioAPI } from './load-html.js';
import { indexPage, type ClassHints, type PageIndex } from './page-index.js';
import { parsedNestingDepth } from './skipping-tokenizer.js';
import { MAX_HEAD_CHARS, MAX_HEAD_ELEMENTS, MAX_LINE_BREAKS_PAST_BUDGET, MAX_REPEATED_LINES_PAST_BUDGET, MAX_PAGE_CHARS, MAX_PAGE_ELEMENTS, MAX_TAG_CHARS, MAX_TEXT_RUN_CHARS } from './budget.js';

/** A page as the parser reads it: guarded by the scan, with what the scan did. */
export interface GuardedHtml {
  html: string;
  /** The string guard dropped tags before the parse (the tree may still change when it is flattened again). */
  nestingCapped: boolean;
  warnings: string[];
}

interface ParsedPage {
  $: CheerioAPI;
  /** The document `$` holds (`$.root()[0]`, without building a Cheerio object). */
  root: Document;
  page: PageIndex;
  nestingCapped: boolean;
  warnings: string[];
}

/** The guard scan over decoded HTML: nesting beyond MAX_NESTING_DEPTH dropped, the page kept within the budget (budget.ts). */
export function guardHtml(served: string, limits: Partial<MarkupLimits> = {}): GuardedHtml {
  const bounds: MarkupLimits = { maxDepth: MAX_NESTING_DEPTH, maxElements: MAX_PAGE_ELEMENTS, maxChars: MAX_PAGE_CHARS, maxRunChars: MAX_TEXT_RUN_CHARS, maxLineBreaks: MAX_LINE_BREAKS_PAST_BUDGET, maxRepeatedLines: MAX_REPEATED_LINES_PAST_BUDGET, maxTagChars: MAX_TAG_CHARS, maxHeadElements: MAX_HEAD_ELEMENTS, maxHeadChars: MAX_HEAD_CHARS, ...limits };
  const { html, dropped, trimmedRuns, longTags, headDropped, repeatedLines, overElements, cut } = guardMarkup(served, bounds);
  const warnings: string[] = [];
  if (trimmedRuns > 0) warnings.push(`${trimmedRuns} run(s) of text longer than ${bounds.maxRunChars} characters were cut to that length`);
  if (longTags > 0) warnings.push(`${longTags} tag(s) longer than ${bounds.maxTagChars} characters were dropped`);
  if (headDropped > 0) warnings.push(`${headDropped} head element(s) past the head's budget (${bounds.maxHeadElements} elements, ${bounds.maxHeadChars} characters of tags) were dropped`);
  if (overElements) {
    warnings.push(`tags after the page's first ${bounds.maxElements} elements were dropped (${overElements.tagsDropped} tags from character ${overElements.at} of ${served.length}): only their text was read`);
    if (repeatedLines > 0) warnings.push(`${repeatedLines} repeated line(s) past the element budget were dropped (each the same as a line read before it there)`);
  }
  if (cut) {
    const what = cut.reason === 'lines' ? `${bounds.maxLineBreaks} lines past the element budget`
      : cut.reason === 'repeated-lines' ? `${bounds.maxRepeatedLines} repeated lines past the element budget` : `${bounds.maxChars} characters of markup`;
    warnings.push(`page cut after its first ${what} (at character ${cut.at} of ${served.length}): the rest was not read`);
  }
  return { html, nestingCapped: dropped > 0, warnings };
}

/** The guarded page parsed, with deep nesting the parser built on its own flattened; `warnings` adds the flattening. */
export function parseDom(guarded: GuardedHtml): { $: CheerioAPI; root: Document; warnings: string[] } {
  const warnings = [...guarded.warnings];
  const { $, root } = loadDocument(guarded.html);
  // The string guard handles well-formed depth; the DOM guard catches what a forgiving parser nests on its own. When
  // the string guard dropped tags, extract/body.ts flattens the tree itself (as before).
  // The walk can lift nothing when no element or CDATA sits deeper than the cap (its children would be the first lifted).
  const depth = parsedNestingDepth(root);
  const mayBeTooDeep = depth === undefined || depth > MAX_NESTING_DEPTH;
  if (guarded.nestingCapped || (mayBeTooDeep && flattenDeepNesting($, MAX_NESTING_DEPTH))) warnings.push(`markup nested deeper than ${MAX_NESTING_DEPTH} levels was flattened`);
  return { $, root, warnings };
}

export function parsePage(guarded: GuardedHtml, classHints: ClassHints): ParsedPage {
  const { $, root, warnings } = parseDom(guarded);
  // Removes script/style/… and lists what extract/ reads, in one walk.
  const page = indexPage(root, classHints);
  return { $, root, page, nestingCapped: guarded.nestingCapped, warnings };
}
