/**
 * Parse decoded HTML once; every extractor gets the same document.
 * We use cheerio's htmlparser2 build (`cheerio/slim`): on this machine it parses about 8 times faster than
 * parse5 (cheerio's default), and it is forgiving of the unbalanced, truncated markup Chinese CMSs emit.
 * It does not build a spec-exact tree (no implicit <tbody>, no adoption agency), which extraction does not need.
 */
import { load, type CheerioAPI } from 'cheerio/slim';
import { Tokenizer } from 'htmlparser2';
import type { Document } from 'domhandler';
import { FAST_TOKENIZER, parseWith, tokenizerMatchesStock } from './skipping-tokenizer.js';

export type { CheerioAPI };

/** Deeper nesting than this is flattened before parsing: no real page nests 1,000 levels; 100,000-level pages exist to crash parsers. */
export const MAX_NESTING_DEPTH = 1000;

/** The skipping tokenizer (parse/skipping-tokenizer.ts) when it agrees with htmlparser2's own on the probe page. */
const TOKENIZER = tokenizerMatchesStock() ? FAST_TOKENIZER : Tokenizer;

export function loadHtml(html: string): CheerioAPI {
  return loadDocument(html).$;
}

/**
 * `loadHtml`, with the parsed document itself. Every `$()` or `$.root()` builds a Cheerio object, and the first of a
 * page costs about 0.5% of normalize's CPU (zh-cwced): the normalize path reads the document directly and builds none
 * unless a selector is asked (a site's body selector).
 */
export function loadDocument(html: string): { $: CheerioAPI; root: Document } {
  const root = parseWith(html, TOKENIZER);
  return { $: load(root, { xml: false }), root };
}
