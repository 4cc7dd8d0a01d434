import { describe, expect, it } from 'vitest';
import { capNestingDepth } from '../../../../lambdas/normalize/parse/dom-safety.js';

/** The regex formulation capNestingDepth's hand-written scanner replaced: it defines what a tag is. */
const NON_NESTING = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'keygen', 'p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option', 'optgroup', 'tbody', 'thead', 'tfoot', 'colgroup', 'rp', 'rt']);
const KEEP_STRAY = new Set(['math', 'svg', 'mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
const RAW_END: Record<string, RegExp> = { script: /<\/script(?:[\s/][^>]*)?>/gi, style: /<\/style(?:[\s/][^>]*)?>/gi, textarea: /<\/textarea(?:[\s/][^>]*)?>/gi };
/**
 * The plain formulation: tags as the regex finds them; the open elements as a stack searched with lastIndexOf (a closing
 * tag closes the innermost open element of its name and all inside it; a stray one changes nothing and is left out);
 * `<x/>` opens x.
 */
function referenceCap(html: string, maxDepth: number): { html: string; dropped: number } {
  let dropped = 0;
  let strays = 0;
  const parts: string[] = [];
  let copiedTo = 0;
  const stack: Array<{ name: string; dropped: boolean }> = [];
  const re = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const [whole, closing, rawName] = m;
    if (!rawName) continue;
    const name = rawName.toLowerCase();
    if (NON_NESTING.has(name)) continue;
    let drop = false;
    if (closing) {
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at < 0) {
        // Stray: the parser ignores it, so it is left out, except where htmlparser2 still reads it (foreign content
        // closers) or where it is text (inside a title or xmp).
        if (!KEEP_STRAY.has(name) && !stack.some((e) => e.name === 'title' || e.name === 'xmp')) {
          strays++;
          parts.push(html.slice(copiedTo, m.index));
          copiedTo = m.index + whole.length;
        }
        continue;
      }
      drop = stack[at]!.dropped;
      stack.length = at;
    } else {
      const rawEnd = RAW_END[name];
      if (rawEnd) {
        rawEnd.lastIndex = re.lastIndex;
        const end = rawEnd.exec(html);
        re.lastIndex = end ? rawEnd.lastIndex : html.length;
        continue;
      }
      drop = stack.filter((e) => !e.dropped).length >= maxDepth;
      stack.push({ name, dropped: drop });
    }
    if (drop) {
      dropped++;
      parts.push(html.slice(copiedTo, m.index));
      copiedTo = m.index + whole.length;
    }
  }
  if (dropped === 0 && strays === 0) return { html, dropped };
  parts.push(html.slice(copiedTo));
  return { html: parts.join(''), dropped };
}

const PIECES = ['<div>', '</div>', '<span>', '</span>', '<p>', '</p>', '<br/>', '<b >', '</b>', '<a-->', '<a:b->', '</a-:>', '<!--', '-->', '<!-->',
  '<script>', '</script >', '</SCRIPT>', '<style>', '</style>', '<textarea>', '</textarea>', '<', '>', '/', '/>', 'x', ' ', '<DIV class="a>b">',
  '</>', '< div>', '<div/>', '<1>', '<_a>', '<a_>', '<a', 'a>', '<li>', '</li>', '<!DOCTYPE html>', '<?xml?>', '中', '<svg:rect/>', '<div\n>',
  '<TextArea>', '</TEXTAREA >', '<title>', '</title>', '</svg>', '</zz>', '<COLGROUP>', '</colgroup>', '<optgroup/>', '<Td>', '</TR>', '<ScRiPt/>', '<x-y-z>', '</x-y-z->'];

describe('capNestingDepth scanner', () => {
  it('drops exactly what the regex formulation drops, on random markup at small depths', () => {
    let state = 3;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const differing: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const html = Array.from({ length: Math.floor(next() * 30) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
      const depth = 1 + Math.floor(next() * 4);
      const got = capNestingDepth(html, depth);
      const want = referenceCap(html, depth);
      if (got.html !== want.html || got.dropped !== want.dropped) differing.push(html);
    }
    expect(differing).toEqual([]);
  });

  it('follows the parser on stray closing tags, <x/> and </script foo> (issue 10 item 7)', () => {
    // Stray </zz> close nothing: the spans stay open, so the second run of spans is too deep. The parser ignores a
    // stray closer (after searching its open elements for it), so it is left out; in a title it is text, and a
    // stray </svg> still ends htmlparser2's foreign context: those stay.
    expect(capNestingDepth('<span><span></zz></zz><span>x', 2)).toEqual({ html: '<span><span>x', dropped: 1 });
    expect(capNestingDepth('<title>a</zz>b</title><i></svg></desc>x', 2)).toEqual({ html: '<title>a</zz>b</title><i></svg></desc>x', dropped: 0 });
    // <span/> opens a span in HTML.
    expect(capNestingDepth('<span/><span/><span/>x', 2)).toEqual({ html: '<span/><span/>x', dropped: 1 });
    // </script foo> ends the script; the spans after it are scanned.
    expect(capNestingDepth('<script>a</script foo><i><i><i>x', 2)).toEqual({ html: '<script>a</script foo><i><i>x', dropped: 1 });
    // A closing tag closes everything opened inside its element; the closer of a dropped element is dropped too.
    expect(capNestingDepth('<a><b><c><d></d></c></b></a><e>', 2)).toEqual({ html: '<a><b></b></a><e>', dropped: 4 });
  });

  it('stays linear on a long unterminated tail', () => {
    const html = `<div>${'<a'.repeat(200000)}`;
    expect(capNestingDepth(html, 10)).toEqual({ html, dropped: 0 });
  });
});
