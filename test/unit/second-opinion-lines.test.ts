/**
 * extract/second-opinion.ts articleLines: the lines, characters and link characters of Readability's article HTML.
 * Expected values worked out by hand from the rule: a line break after each literal block-closing tag or <br> of the
 * string (BLOCK_END, not the parser's implied closes), text = the text nodes inside <body> (comments and attribute
 * values excluded, entities decoded), linkChars = the non-space characters inside each <a> outside a <template>
 * (a nested <a> counts again). Each case is also checked against the reference reading (linkedom, the former code).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { articleLines } from '../../lambdas/normalize/extract/second-opinion.js';

const { parseHTML } = createRequire(import.meta.url)('linkedom') as typeof import('linkedom');
const BLOCK_END = /<\/(?:p|div|h[1-6]|li|blockquote|pre|tr|section|article|figcaption|dd|dt)\s*>|<br\s*\/?>/gi;
const nonSpace = (t: string): number => t.replace(/\s+/g, '').length;

/** The former reading: the marked article parsed with linkedom, body text and every <a>'s text. */
function reference(content: string): ReturnType<typeof articleLines> {
  const { document } = parseHTML(`<!doctype html><html><body>${content.replace(BLOCK_END, (m) => `${m}\n`)}</body></html>`);
  const text = document.body.textContent ?? '';
  let linkChars = 0;
  document.querySelectorAll('a').forEach((a) => (linkChars += nonSpace(a.textContent ?? '')));
  return { blocks: text.split('\n').map((l) => l.trim()).filter((l) => l !== ''), chars: nonSpace(text), linkChars };
}

const CASES: { name: string; html: string; want: ReturnType<typeof articleLines> }[] = [
  { name: 'paragraphs and a link', html: '<div><p>一二三</p><p>四<a href="#">五六</a></p></div>', want: { blocks: ['一二三', '四五六'], chars: 6, linkChars: 2 } },
  // <div> closes the open <p> in the parser, but only the literal </div> and </p> break lines.
  { name: 'implied close: no break', html: '<p>甲乙<div>丙丁</div>戊</p>', want: { blocks: ['甲乙丙丁', '戊'], chars: 5, linkChars: 0 } },
  { name: '<br> forms; <br> with attributes does not break', html: '一<br>二<br/>三<br />四<br class="x">五', want: { blocks: ['一', '二', '三', '四五'], chars: 5, linkChars: 0 } },
  { name: 'a served newline breaks too; blank lines dropped', html: '<div> </div><p>\n 甲 \n乙</p>', want: { blocks: ['甲', '乙'], chars: 2, linkChars: 0 } },
  { name: 'entities decoded; escaped tags are text', html: '<p>&nbsp;甲&amp;乙 &lt;/p&gt; 丙</p>', want: { blocks: ['甲&乙 </p> 丙'], chars: 8, linkChars: 0 } },
  { name: 'a </p> inside a comment or an attribute is no text', html: '<p>甲<!-- </p> -->乙</p><p title="</p>">丙</p>', want: { blocks: ['甲乙', '丙'], chars: 3, linkChars: 0 } },
  { name: 'table rows break, cells do not', html: '<table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td></tr></table>', want: { blocks: ['甲乙', '丙'], chars: 3, linkChars: 0 } },
  { name: 'upper-case tags', html: '<P>甲</P><A HREF="x">乙 丙</A>', want: { blocks: ['甲', '乙 丙'], chars: 3, linkChars: 2 } },
  // The inner <a> does not close the outer one: 外 once, 内 twice.
  { name: 'nested links count again', html: '<p><a href="1">外<a href="2">内</a></a></p>', want: { blocks: ['外内'], chars: 2, linkChars: 3 } },
  { name: 'links inside a template are not links, their text is text', html: '<p>甲<template><a href="1">乙</a></template></p><a href="2">丙<template>丁</template></a>', want: { blocks: ['甲乙', '丙丁'], chars: 4, linkChars: 2 } },
  { name: 'script text is text (raw, with its marks)', html: '<p>甲<script>var a="</p>";</script>乙</p>', want: { blocks: ['甲var a="</p>', '";乙'], chars: 14, linkChars: 0 } },
  { name: 'an svg link is a link', html: '<p>甲<svg><a href="1"><text>乙</text></a></svg></p>', want: { blocks: ['甲乙'], chars: 2, linkChars: 1 } },
  // A stray </body> closes the body: what follows is not body text, but its links are still counted.
  { name: 'after a stray </body>', html: '<p>甲</p></body><p>乙<a href="1">丙</a></p>', want: { blocks: ['甲'], chars: 1, linkChars: 1 } },
  { name: 'unicode spaces are white space', html: '<li>\u3000甲\u00a0乙\u3000</li><li>丙</li>', want: { blocks: ['甲\u00a0乙', '丙'], chars: 3, linkChars: 0 } },
  { name: 'empty', html: '', want: { blocks: [], chars: 0, linkChars: 0 } },
];

describe('articleLines', () => {
  for (const c of CASES) {
    it(c.name, () => {
      expect(articleLines(c.html)).toEqual(c.want);
    });
    it(`${c.name}: as the linkedom reading`, () => {
      expect(reference(c.html)).toEqual(c.want);
    });
  }
});
