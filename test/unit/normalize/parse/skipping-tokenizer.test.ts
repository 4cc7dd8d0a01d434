import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tokenizer } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { FAST_TOKENIZER, parseWith, sameTree, tokenizerMatchesStock } from '../../../../lambdas/normalize/parse/skipping-tokenizer.js';

const SEEDS = join(import.meta.dirname, '../../../../seeds/html');

/** Random markup from pieces that exercise every state the skipping tokenizer changes. */
function randomMarkup(seed: number, count: number): string[] {
  const pieces = ['<div>', '</div>', '<p class="', '"', "'", '=', ' a=', '>', '<', '&', '&amp;', '&#39;', '&#x4e2d;', '&nbsp', '&copy;x',
    '&unknown;', 'text', '中文', ' ', '\n', '<script>', '</script>', '</SCRIPT >', '</scrip', '<style>', '</style>', '<title>', '</title>',
    '<textarea>', '</textarea>', '<!--', '-->', '<![CDATA[', ']]>', '<!DOCTYPE x>', '<?php ?>', '<br/>', '/', '<a href=x&y>',
    "<b title='&amp;'>", '</b>', '<xmp>', '</xmp>', '&#', '</ p>', '<</script>'];
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() * 25) }, () => pieces[Math.floor(next() * pieces.length)]).join(''));
}

describe('skipping tokenizer', () => {
  it('agrees with the stock tokenizer on its probe page (else loadHtml falls back)', () => {
    expect(tokenizerMatchesStock()).toBe(true);
  });

  it('builds the same document as the stock tokenizer on the seed pages', () => {
    const pages = readdirSync(SEEDS).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(5);
    for (const f of pages) {
      const html = readFileSync(join(SEEDS, f), 'utf8');
      expect(sameTree(parseWith(html, FAST_TOKENIZER), parseWith(html, Tokenizer)), f).toBe(true);
    }
  });

  it('builds the same document on random tag soup (entities, quotes, raw text, comments, unterminated ends)', () => {
    const differing = randomMarkup(7, 20000).filter((html) => !sameTree(parseWith(html, FAST_TOKENIZER), parseWith(html, Tokenizer)));
    expect(differing).toEqual([]);
  });

  it('sameTree notices a changed attribute, text or structure', () => {
    const doc = (html: string) => parseWith(html, Tokenizer);
    expect(sameTree(doc('<p a="1">x</p>'), doc('<p a="2">x</p>'))).toBe(false);
    expect(sameTree(doc('<p>x</p>'), doc('<p>y</p>'))).toBe(false);
    expect(sameTree(doc('<p>x</p>'), doc('<p>x</p><p></p>'))).toBe(false);
    expect(sameTree(doc('<p>x &amp; y</p>'), doc('<p>x &amp; y</p>'))).toBe(true);
  });
});
