import { describe, expect, it } from 'vitest';
import { loadHtml } from '../../../../lambdas/normalize/parse/load-html.js';
import { capNestingDepth, flattenDeepNesting, maxNestingDepth } from '../../../../lambdas/normalize/parse/dom-safety.js';

describe('capNestingDepth (before parsing)', () => {
  it('returns ordinary pages unchanged, including unclosed <p>/<li>/<td> and void tags', () => {
    const html = `<html><body>${'<p>para<br><img src=x>'.repeat(3000)}<ul>${'<li>item'.repeat(3000)}</ul><script>var s = "${'<div>'.repeat(2000)}";</script></body></html>`;
    const out = capNestingDepth(html, 1000);
    expect(out.dropped).toBe(0);
    expect(out.html).toBe(html);
  });

  it('drops opening and closing tags beyond the depth and keeps all text', () => {
    const html = `<div>${'<span>'.repeat(50)}deep text${'</span>'.repeat(50)}</div><p>after</p>`;
    const out = capNestingDepth(html, 10);
    expect(out.dropped).toBe(2 * (51 - 10));
    const $ = loadHtml(out.html);
    expect($.root().text()).toBe('deep textafter');
    expect(maxNestingDepth($)).toBeLessThanOrEqual(11);
  });
});

describe('flattenDeepNesting (after parsing)', () => {
  it('lifts elements deeper than maxDepth under their ancestor at maxDepth, keeping text order', () => {
    const $ = loadHtml(`<div>${'<b>'.repeat(40)}one<i>two</i>three${'</b>'.repeat(40)}</div><p>four</p>`);
    const lifted = flattenDeepNesting($, 5);
    expect(lifted).toBeGreaterThan(0);
    expect(maxNestingDepth($)).toBeLessThanOrEqual(6);
    expect($.root().text()).toBe('onetwothreefour');
  });

  it('does nothing to a shallow document', () => {
    const $ = loadHtml('<div><p>a</p><p>b</p></div>');
    expect(flattenDeepNesting($, 5)).toBe(0);
    expect($.root().html()).toBe('<div><p>a</p><p>b</p></div>');
  });
});
