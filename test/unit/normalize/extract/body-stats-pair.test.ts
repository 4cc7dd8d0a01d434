/**
 * Both scoring modes' stats come from one walk (extract/body-stats.ts computeStatsPair). Each map must be what a walk
 * of that mode alone gives: the same elements, in the same (post-)order, with the same figures; the strict map leaves
 * out everything under an unlikely-chrome element. Synthetic markup; the expected counts are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { Element } from 'domhandler';
import { computeStatsPair } from '../../../../lambdas/normalize/extract/body-stats.js';
import { loadHtml } from '../../../../lambdas/normalize/parse/load-html.js';

const PAGE = [
  '<html><body><div id="main"><p>一二三，四五。</p><p>六七八</p></div>',
  '<div class="sidebar"><p>侧栏文字</p><div class="inner"><a href="/x">链接</a></div></div>',
  '<div class="comment-box"><span>评论</span></div>',
  '<table><tr><td><div class="sidebar">表内</div></td></tr></table>',
  '<div hidden><p>藏</p></div><script>var a=1;</script></body></html>',
].join('');

const label = (el: Element): string => `${el.name}${el.attribs.class ? `.${el.attribs.class}` : ''}${el.attribs.id ? `#${el.attribs.id}` : ''}`;

describe('computeStatsPair', () => {
  const $ = loadHtml(PAGE);
  const { plain, strict } = computeStatsPair($.root()[0]!);

  it('plain: every element, children before parents, the sidebar counted', () => {
    // htmlparser2 adds no <head> or <tbody>; the hidden div and the script are listed (skipped), not their insides.
    expect([...plain.keys()].map(label).join(' ')).toBe('p p div#main p a div.inner div.sidebar span div.comment-box div.sidebar td tr table div script body html');
    const body = plain.get($('body')[0] as Element)!;
    // 一二三，四五。(7) 六七八(3) 侧栏文字(4) 链接(2) 评论(2) 表内(2) = 20; the hidden div and the script are skipped.
    expect(body.chars).toBe(20);
    expect(body.linkChars).toBe(2);
    expect(body.punct).toBe(2);
    expect(plain.get($('div.sidebar')[0] as Element)!.chars).toBe(6);
  });

  it('strict: unlikely chrome (outside a table) is skipped and its subtree left out; the rest keeps its order', () => {
    const sidebar = $('div.sidebar')[0] as Element;
    expect(strict.get(sidebar)!.skipped).toBe(true);
    expect(strict.has($('div.inner')[0] as Element)).toBe(false);
    expect(strict.has($('div.sidebar p')[0] as Element)).toBe(false);
    expect(strict.get($('div.comment-box')[0] as Element)!.skipped).toBe(true);
    // The sidebar inside a table cell is not stripped (Readability keeps table layouts).
    expect(strict.get($('td div.sidebar')[0] as Element)!.skipped).toBe(false);
    const body = strict.get($('body')[0] as Element)!;
    expect(body.chars).toBe(7 + 3 + 2); // the article's 10 and the table's 2
    expect(body.linkChars).toBe(0);
    expect([...strict.keys()].map(label).join(' ')).toBe('p p div#main div.sidebar div.comment-box div.sidebar td tr table div script body html');
  });

  it('an unlikely element deep below makes every ancestor measure its own strict record, unless they come out the same', () => {
    const $$ = loadHtml('<body><div id="deep"><div><div><div class="sidebar">侧</div></div></div><p>文</p></div><div id="same"><div><div class="sidebar"></div></div><p>文</p></div></body>');
    const pair = computeStatsPair($$.root()[0]!);
    const deep = $$('#deep')[0] as Element;
    expect(pair.plain.get(deep)!.chars).toBe(2);
    expect(pair.strict.get(deep)!.chars).toBe(1);
    // An empty sidebar: its strict record (skipped) is not its plain one, but its parent measures all zeros either
    // way, so from there up the plain record is shared again.
    const same = $$('#same')[0] as Element;
    expect(pair.strict.get(same)).toBe(pair.plain.get(same));
    expect(pair.strict.get($$('#same div.sidebar')[0] as Element)).not.toBe(pair.plain.get($$('#same div.sidebar')[0] as Element));
  });

  it('an element with nothing unlikely below shares its plain record', () => {
    const main = $('div#main')[0] as Element;
    expect(strict.get(main)).toBe(plain.get(main));
    expect(strict.get($('body')[0] as Element)).not.toBe(plain.get($('body')[0] as Element));
  });
});
