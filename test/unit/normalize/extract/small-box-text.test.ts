/**
 * Footer boxes and section headers are read from the text of small elements (extract/body-blocks.ts). The stats say
 * "few characters", not "few nodes": in a deep nest every wrapper holds the same few characters, so each read is
 * bounded by nodes (issue 10: reading every wrapper's whole subtree was quadratic in the depth). Synthetic markup.
 */
import { describe, expect, it } from 'vitest';
import type { Element } from 'domhandler';
import { chromeSectionCut, FOOTER_BOX_MAX_NODES, isFooterBox, SHORT_LINE_MAX_NODES } from '../../../../lambdas/normalize/extract/body-blocks.js';
import { computeStats } from '../../../../lambdas/normalize/extract/body-stats.js';
import { loadHtml } from '../../../../lambdas/normalize/parse/load-html.js';

function first(html: string, selector: string) {
  const $ = loadHtml(`<html><body>${html}</body></html>`);
  return { el: $(selector)[0]! as Element, stats: computeStats($.root()[0]!, { stripUnlikely: false }) };
}

describe('small-box text is read within a node budget', () => {
  it('a footer box: its mark is seen in a small box, not past FOOTER_BOX_MAX_NODES nodes', () => {
    const small = first('<div id="box"><span>苏ICP备12345678号</span></div>', '#box');
    expect(isFooterBox(small.el, small.stats)).toBe(true);
    const buried = first(`<div id="box">${'<span></span>'.repeat(FOOTER_BOX_MAX_NODES)}<span>苏ICP备12345678号</span></div>`, '#box');
    expect(isFooterBox(buried.el, buried.stats)).toBe(false);
  });

  it('a section header: seen in a short heading, not past SHORT_LINE_MAX_NODES nodes', () => {
    // The header opens its container (a header set after text in the same container is inline: no cut).
    const html = (filler: string) => `<div id="c"><div class="hd"><h3 id="h">${filler}为你推荐</h3></div><div class="bd">一</div></div>`;
    const small = first(html(''), '#h');
    expect(chromeSectionCut(small.el, small.stats)?.attribs.id).toBe('c');
    const buried = first(html('<b></b>'.repeat(SHORT_LINE_MAX_NODES)), '#h');
    expect(chromeSectionCut(buried.el, buried.stats)).toBeNull();
  });
});
