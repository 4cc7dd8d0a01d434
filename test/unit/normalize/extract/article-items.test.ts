/**
 * countArticleItems (extract/body.ts): innermost <article> elements with an item's worth of link-poor text whose long
 * blocks reached the body. Its walk leaves out subtrees with fewer than ARTICLE_ITEM_MIN_CHARS (150) characters; these
 * synthetic pages check that no item is lost by that: items under a link (its text all link text) and items nested in
 * small-looking wrappers. The counts are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Element } from 'domhandler';
import { countArticleItems } from '../../../../lambdas/normalize/extract/body.js';
import { computeStatsPair } from '../../../../lambdas/normalize/extract/body-stats.js';
import { loadHtml } from '../../../../lambdas/normalize/parse/load-html.js';

/** A paragraph of `n` Han characters (no white space), each story its own text. */
const story = (ch: string, n: number): string => ch.repeat(n);

function count(html: string, blockTexts: string[]): number {
  const $ = loadHtml(html);
  const { plain } = computeStatsPair($.root()[0]!);
  const root = $('#root')[0] as Element;
  const blocks = blockTexts.map((text) => ({ text, chars: text.length, linkChars: 0, headlineLink: false }));
  return countArticleItems([root], plain, blocks);
}

describe('countArticleItems', () => {
  it('counts two stories each in an <article> under a link (the link holds the item; its text is link text)', () => {
    const a = story('甲', 160);
    const b = story('乙', 160);
    const html = `<div id="root"><a href="/1"><article><p>${a}</p></article></a><a href="/2"><article><p>${b}</p></article></a></div>`;
    expect(count(html, [a, b])).toBe(2);
  });

  it('finds items three levels down and leaves out a short <article> (a teaser card)', () => {
    const a = story('丙', 200);
    const b = story('丁', 151);
    const html = `<div id="root"><section><div><article><p>${a}</p></article></div></section>` +
      `<div><div><div><article><p>${b}</p></article></div></div></div><article><p>${story('戊', 40)}</p></article></div>`;
    expect(count(html, [a, b])).toBe(2);
  });

  it('a story of 149 characters is no item, one of 150 is', () => {
    const long = story('己', 150);
    const html = (n: number) => `<div id="root"><article><p>${long}</p></article><div><article><p>${story('庚', n)}</p></article></div></div>`;
    expect(count(html(150), [long, story('庚', 150)])).toBe(2);
    expect(count(html(149), [long, story('庚', 149)])).toBe(1);
  });
});
