/**
 * Decoded HTML → a parsed page, guarded and indexed: the nesting guards (dom-safety.ts) around the parse
 * (load-html.ts), then the one walk over the tree (page-index.ts). DOM only: what the page says is read in extract/.
 */
import type { ParentNode } from 'domhandler';
import { capNestingDepth, flattenDeepNesting } from './dom-safety.js';
import { loadHtml, MAX_NESTING_DEPTH, type CheerioAPI } from './load-html.js';
import { indexPage, type ClassHints, type PageIndex } from './page-index.js';

interface ParsedPage {
  $: CheerioAPI;
  page: PageIndex;
  /** The string guard dropped tags before the parse (the tree may still change when it is flattened again). */
  nestingCapped: boolean;
  warnings: string[];
}

export function parsePage(served: string, classHints: ClassHints): ParsedPage {
  const warnings: string[] = [];
  const { html, dropped } = capNestingDepth(served, MAX_NESTING_DEPTH);
  const nestingCapped = dropped > 0;
  const $ = loadHtml(html);
  // The string guard handles well-formed depth; the DOM guard catches what a forgiving parser nests on its own.
  if (nestingCapped || flattenDeepNesting($, MAX_NESTING_DEPTH)) warnings.push(`markup nested deeper than ${MAX_NESTING_DEPTH} levels was flattened`);
  // Removes script/style/… and lists what extract/ reads, in one walk.
  const page = indexPage($.root()[0] as unknown as ParentNode, classHints);
  return { $, page, nestingCapped, warnings };
}
