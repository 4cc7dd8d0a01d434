/**
 * The hostile corpus of issue 10: inputs generated on demand (nothing large is committed), each of a named
 * class, for `npm run bench:hostile` (test/bench/hostile.ts) and the hostile tests. Sizes follow the issue's
 * reports (2.2 MB nesting bypass, 150k <p>, 5 M `，`, ...) and go up to the normalizer's 16 MiB input cap.
 * `expect` says what a correct normalizer gives: an error code, or a record (possibly with a warning).
 */
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';

export interface HostileInput {
  /** The class, e.g. "nesting" (the bench prints one row per class). */
  kind: string;
  /** Unique name within the corpus. */
  name: string;
  /** Builds the bytes (called once per run, in the process that normalizes them). */
  bytes: () => Uint8Array;
  /** An error code, or 'record' for any record. */
  expect: string;
}

const enc = new TextEncoder();
const utf8 = (s: string) => enc.encode(s);
const repeat = (s: string, n: number) => s.repeat(n);

/** A plain article page around `body` (already HTML), with a normal headline, so only `body` is hostile. */
export function articlePage(body: string, title = '江苏召开全省高质量发展大会'): string {
  return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}_新华报业网</title></head><body>
<div class="header"><a href="/">首页</a></div><div class="article"><h1>${title}</h1><div class="info">2024-02-21 10:30 来源：新华日报</div>
<div class="content"><p>2月21日，全省高质量发展大会在南京召开，会议总结去年工作，部署今年重点任务，推动经济持续回升向好。</p>${body}
<p>会议强调，要坚定信心、真抓实干，奋力推进中国式现代化江苏新实践，为全国大局作出更大贡献。</p></div></div></body></html>`;
}

/** A deterministic pseudo-random byte source (xorshift32), so the corpus is the same on every run. */
function randomBytes(n: number, seed: number, avoid?: (b: number) => boolean): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    let b: number;
    do {
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      b = x & 0xff;
    } while (avoid?.(b));
    out[i] = b;
  }
  return out;
}

function utf32(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const cps = [...(bom ? '\ufeff' : ''), ...text].map((c) => c.codePointAt(0)!);
  const buf = new DataView(new ArrayBuffer(cps.length * 4));
  cps.forEach((cp, i) => buf.setUint32(i * 4, cp, littleEndian));
  return new Uint8Array(buf.buffer);
}

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const buf = new DataView(new ArrayBuffer((text.length + 1) * 2));
  buf.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) buf.setUint16((i + 1) * 2, text.charCodeAt(i), littleEndian);
  return new Uint8Array(buf.buffer);
}

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

const MB = 1024 * 1024;
/** Just under the normalizer's 16 MiB input cap (MAX_INPUT_BYTES), leaving room for the page shell. */
const NEAR_CAP = 16 * MB - 4096;

/** Repeats `unit` until `bytes` UTF-8 bytes (rounded down to whole units). */
const fill = (unit: string, bytes: number) => repeat(unit, Math.floor(bytes / utf8(unit).length));

function* nesting(): Generator<HostileInput> {
  const kind = 'nesting';
  // Issue: <span>x900 then stray </zz>x900, repeated to 2.2 MB: 72 s (quadratic).
  for (const mb of [0.5, 2.2, 8]) {
    const unit = repeat('<span>', 900) + repeat('</zz>', 900);
    yield { kind, name: `span900-stray-zz900-${mb}MB`, bytes: () => utf8(articlePage(fill(unit, mb * MB))), expect: 'record' };
  }
  // Issue: 200k <span/> (self-closing is not a void element in HTML: each one opens a span): 32 s.
  for (const n of [50_000, 200_000, 1_000_000]) yield { kind, name: `self-closing-span-${n}`, bytes: () => utf8(articlePage(repeat('<span/>', n))), expect: 'record' };
  // Issue: a `</script foo>` variant: the end tag with an attribute-like tail, which the depth scan did not see.
  for (const n of [10_000, 100_000]) {
    yield { kind, name: `script-end-with-tail-${n}`, bytes: () => utf8(articlePage(repeat('<span><script>x</script foo>', n))), expect: 'record' };
    yield { kind, name: `span900-stray-script-tail-${n}`, bytes: () => utf8(articlePage(repeat(repeat('<span>', 900) + repeat('</script foo>', 900), n / 1000))), expect: 'record' };
  }
  for (const n of [100_000, 1_000_000]) {
    yield { kind, name: `deep-div-${n}`, bytes: () => utf8(articlePage(repeat('<div>', n) + '<p>深处的文字。</p>' + repeat('</div>', n))), expect: 'record' };
    yield { kind, name: `deep-unclosed-b-${n}`, bytes: () => utf8(articlePage(repeat('<b>', n))), expect: 'record' };
    yield { kind, name: `misnested-b-i-${n}`, bytes: () => utf8(articlePage(repeat('<b><i></b></i>', n / 10))), expect: 'record' };
  }
  yield { kind, name: 'deep-table-50k', bytes: () => utf8(articlePage(repeat('<table><tr><td>', 50_000))), expect: 'record' };
  yield { kind, name: 'deep-custom-elements-200k', bytes: () => utf8(articlePage(repeat('<x-a>', 200_000))), expect: 'record' };
  // The unterminated tags read as one tag of 16 MB up to the next '>' (the closing paragraph's <p>): over the tag
  // budget (parse/budget.ts MAX_TAG_CHARS), so it is dropped and both paragraphs are read. The first '<!--' runs to
  // the page's end, so the article is inside a comment; 16 M '<' make the body all punctuation: no article.
  yield { kind, name: 'unterminated-tags-near-cap', bytes: () => utf8(articlePage(fill('<div class="a', NEAR_CAP))), expect: 'record' };
  yield { kind, name: 'lt-only-near-cap', bytes: () => utf8(articlePage(fill('<', NEAR_CAP))), expect: 'NO_ARTICLE' };
  yield { kind, name: 'comment-openers-4MB', bytes: () => utf8(articlePage(fill('<!--', 4 * MB))), expect: 'NO_ARTICLE' };
  yield { kind, name: 'many-attributes-1M', bytes: () => utf8(articlePage(`<div ${repeat('a=1 ', 1_000_000)}>x</div>`)), expect: 'record' };
}

function* manyBlocks(): Generator<HostileInput> {
  const kind = 'many-blocks';
  // Issue: 130k text lines (2 MB) and 150k <p> (2.9 MB) gave INTERNAL (stack overflow); 1e6 <p> reached 1.27 GB.
  const numbered = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('');
  // Lines long enough to be prose (extract/text-layout.ts: 20 characters and sentence punctuation), each ending
  // differently (extract/gates.ts reads lines ending alike as a list page), so the capture is an article.
  for (const n of [130_000, 180_000]) yield { kind, name: `text-lines-${n}`, bytes: () => utf8('江苏新闻\n全省大会召开\n' + numbered(n, (i) => `第${i}条：会议强调要真抓实干，推动经济持续回升向好，编号${i}。\n`)), expect: 'record' };
  for (const n of [150_000, 300_000]) yield { kind, name: `p-${n}`, bytes: () => utf8(articlePage(numbered(n, (i) => `<p>第${i}条：会议强调要真抓实干。</p>`))), expect: 'record' };
  yield { kind, name: 'p-empty-near-cap', bytes: () => utf8(articlePage(fill('<p></p>', NEAR_CAP))), expect: 'record' };
  yield { kind, name: 'p-x-near-cap', bytes: () => utf8(articlePage(fill('<p>x</p>', NEAR_CAP))), expect: 'record' };
  yield { kind, name: 'br-1M', bytes: () => utf8(articlePage(`<p>${repeat('一句话<br>', 1_000_000)}</p>`)), expect: 'record' };
  yield { kind, name: 'div-siblings-500k', bytes: () => utf8(articlePage(repeat('<div>一段文字内容。</div>', 500_000))), expect: 'record' };
  yield { kind, name: 'li-links-200k', bytes: () => utf8(articlePage(`<ul>${repeat('<li><a href="/a.html">新闻标题</a></li>', 200_000)}</ul>`)), expect: 'record' };
  yield { kind, name: 'table-cells-500k', bytes: () => utf8(articlePage(`<table><tr>${repeat('<td>数据</td>', 500_000)}</tr></table>`)), expect: 'record' };
  yield { kind, name: 'one-line-near-cap', bytes: () => utf8(articlePage(`<p>${fill('会议强调要真抓实干。', NEAR_CAP)}</p>`)), expect: 'record' };
  // Text split by empty comments: no element and no long plain run, so only the page's character budget bounds it.
  yield { kind, name: 'comment-split-text-near-cap', bytes: () => utf8(articlePage(`<p>${fill('会议强调要真抓实干。<!---->', NEAR_CAP)}</p>`)), expect: 'record' };
  yield { kind, name: 'text-one-line-near-cap', bytes: () => utf8(`标题\n${fill('会议强调要真抓实干。', NEAR_CAP)}`), expect: 'record' };
  yield { kind, name: 'text-blank-lines-near-cap', bytes: () => utf8(`标题\n${repeat('会议强调要真抓实干，推动全省经济持续回升向好，为全国大局作出更大贡献。\n', 3)}${fill('\n', NEAR_CAP)}`), expect: 'record' };
  yield { kind, name: 'scripts-1M', bytes: () => utf8(articlePage(repeat('<script>var a=1;</script>', 500_000))), expect: 'record' };
  // A head of repeated meta, link or script tags (before the page's own <meta charset> and <title>): it spent the page's
  // element (or character) budget before <body>, the body's tags were dropped, and htmlparser2 left the article's text in
  // the still-open <head>: NO_ARTICLE. The head has its own budget now (parse/budget.ts MAX_HEAD_ELEMENTS).
  const inHead = (tags: string) => utf8(articlePage('').replace('<head>', `<head>${tags}`));
  yield { kind, name: 'head-meta-100k', bytes: () => inHead(repeat('<meta name="keywords" content="新闻">', 100_000)), expect: 'record' };
  yield { kind, name: 'head-canonical-50k', bytes: () => inHead(repeat('<link rel="canonical" href="http://www.example.com/a.html">', 50_000)), expect: 'record' };
  yield { kind, name: 'head-scripts-50k', bytes: () => inHead(repeat('<script>var a=1;</script>', 50_000)), expect: 'record' };
  // Elements that are not head content inside <head> count on the page's budget; past it </head> and <body> are kept.
  yield { kind, name: 'head-divs-25k', bytes: () => inHead(repeat('<div></div>', 25_000)), expect: 'record' };
  yield { kind, name: 'head-long-metas-100', bytes: () => inHead(repeat(`<meta name="description" content="${repeat('x', 40_000)}">`, 100)), expect: 'record' };
}

function* slowText(): Generator<HostileInput> {
  const kind = 'slow-text';
  // Issue: `&nbsp;&copy;&unknown;&` x300k: 33 s.
  for (const n of [100_000, 300_000, 600_000]) yield { kind, name: `entities-mixed-${n}`, bytes: () => utf8(articlePage(`<p>${repeat('&nbsp;&copy;&unknown;&', n)}</p>`)), expect: 'record' };
  yield { kind, name: 'entities-in-attributes-300k', bytes: () => utf8(articlePage(`<p title="${repeat('&nbsp;&copy;&unknown;&', 300_000)}">x</p>`)), expect: 'record' };
  yield { kind, name: 'numeric-entities-1M', bytes: () => utf8(articlePage(`<p>${repeat('&#x6c5f;&#33487;', 500_000)}</p>`)), expect: 'record' };
  yield { kind, name: 'bogus-numeric-entities-1M', bytes: () => utf8(articlePage(`<p>${repeat('&#99999999999;&#x;&#', 400_000)}</p>`)), expect: 'record' };
  yield { kind, name: 'ampersands-near-cap', bytes: () => utf8(articlePage(`<p>${fill('&', NEAR_CAP)}</p>`)), expect: 'record' };
  yield { kind, name: 'nbsp-near-cap', bytes: () => utf8(articlePage(`<p>${fill('&nbsp;', NEAR_CAP)}</p>`)), expect: 'record' };
  yield { kind, name: 'unicode-spaces-4M', bytes: () => utf8(articlePage(`<p>会议${repeat('\u3000\u00a0\u2003 ', 1_000_000)}召开</p>`)), expect: 'record' };
  yield { kind, name: 'zero-width-4M', bytes: () => utf8(articlePage(`<p>${repeat('会\u200b议\u200d', 1_000_000)}</p>`)), expect: 'record' };
  yield { kind, name: 'pinyin-annotations-200k', bytes: () => utf8(articlePage(`<p>${repeat('江(jiāng)苏(sū)', 200_000)}</p>`)), expect: 'record' };
  yield { kind, name: 'brackets-500k', bytes: () => utf8(articlePage(`<p>${repeat('（', 500_000)}${repeat('）', 500_000)}</p>`)), expect: 'record' };
  yield { kind, name: 'dates-200k', bytes: () => utf8(articlePage(`<p>${repeat('2024年2月21日 ', 200_000)}</p>`)), expect: 'record' };
  yield { kind, name: 'digits-near-cap', bytes: () => utf8(articlePage(`<p>会议${fill('1', NEAR_CAP)}</p>`)), expect: 'record' };
  yield { kind, name: 'credit-lines-100k', bytes: () => utf8(articlePage(`<p>${repeat('记者 张三 ', 100_000)}</p>`)), expect: 'record' };
  // A caption credit that fails at its end (the caption pattern was tried from every space to the end: quadratic), and a
  // closing byline whose role words read two ways (exponential: 40 names would never finish).
  yield { kind, name: 'caption-names-100k', bytes: () => utf8(articlePage(`<p>大会现场。${repeat('记者 张三 ', 100_000)}x 摄</p>`)), expect: 'record' };
  yield { kind, name: 'byline-role-names-40', bytes: () => utf8(articlePage('').replace('作出更大贡献。</p>', `作出更大贡献。（${repeat('记者张三 ', 40)}x</p>`)), expect: 'record' };
  // A 4 KB head of empty comments before text (each comment could end at any later -->: 2^n tries), and a text
  // capture with a 200,000-letter line (the e-mail pattern tried from every letter to the end of the run).
  yield { kind, name: 'comments-before-text-4KB', bytes: () => utf8(`${repeat('<!---->', 580)}江苏新闻\n全省大会召开\n${repeat('会议强调要真抓实干，推动经济持续回升向好，为全国大局作出更大贡献。\n', 5)}`), expect: 'record' };
  yield { kind, name: 'text-word-line-200k', bytes: () => utf8(`江苏新闻\n全省大会召开\n${repeat('a', 200_000)}\n${repeat('会议强调要真抓实干，推动经济持续回升向好，为全国大局作出更大贡献。\n', 5)}`), expect: 'record' };
  yield { kind, name: 'source-lines-100k', bytes: () => utf8(articlePage(repeat('<p>来源：新华日报</p>', 100_000))), expect: 'record' };
  yield { kind, name: 'traditional-2M', bytes: () => utf8(articlePage(`<p>${repeat('會議強調要真抓實幹，推動經濟發展。', 120_000)}</p>`)), expect: 'record' };
  yield { kind, name: 'mojibake-2M', bytes: () => utf8(articlePage(`<p>${repeat('æ±Ÿè‹çœ', 300_000)}</p>`)), expect: 'record' };
  yield { kind, name: 'replacement-chars-1M', bytes: () => utf8(articlePage(`<p>会议${repeat('\ufffd?', 500_000)}</p>`)), expect: 'record' };
  yield { kind, name: 'surrogates-lone-escaped-200k', bytes: () => utf8(articlePage(`<p>会议召开${repeat('&#xD800;', 200_000)}</p>`)), expect: 'record' };
}

/** Inputs whose text patterns slow the enrichment (issue 10 items 1 and 8: people and figures, fixed in enrich/). */
function* enrichText(): Generator<HostileInput> {
  const kind = 'enrich-text';
  yield { kind, name: 'percent-sentence-20k', bytes: () => utf8(articlePage(`<p>${repeat('增长1%，', 20_000)}</p>`)), expect: 'record' };
  yield { kind, name: 'trillion-yuan-10k', bytes: () => utf8(articlePage(`<p>${repeat('投资3万亿元，', 10_000)}</p>`)), expect: 'record' };
  yield { kind, name: 'counts-2000-in-15KB', bytes: () => utf8(articlePage(`<p>${repeat('有3个，', 2_000)}</p>`)), expect: 'record' };
  yield { kind, name: 'names-list-100k', bytes: () => utf8(articlePage(`<p>${repeat('张三、', 100_000)}</p>`)), expect: 'record' };
  yield { kind, name: 'titles-50k', bytes: () => utf8(articlePage(`<p>${repeat('市委书记', 50_000)}</p>`)), expect: 'record' };
  yield { kind, name: 'wanyiyuan-100k', bytes: () => utf8(articlePage(`<p>${repeat('万亿元', 100_000)}</p>`)), expect: 'record' };
  yield { kind, name: 'percent-200k', bytes: () => utf8(articlePage(`<p>${repeat('1%', 200_000)}</p>`)), expect: 'record' };
  yield { kind, name: 'officials-10k', bytes: () => utf8(articlePage(repeat('<p>省委常委、市委书记韩立明出席会议。</p>', 10_000))), expect: 'record' };
  yield { kind, name: 'place-names-100k', bytes: () => utf8(articlePage(`<p>${repeat('南京市玄武区', 100_000)}</p>`)), expect: 'record' };
}

function* garbage(): Generator<HostileInput> {
  const kind = 'garbage';
  const html = () => utf8(articlePage(repeat('<p>会议强调要真抓实干，推动经济持续回升向好。</p>', 200)));
  // Issue: zlib/raw-deflate compressed HTML and random bytes without NUL became records.
  yield { kind, name: 'zlib-html', bytes: () => new Uint8Array(deflateSync(html())), expect: 'UNSUPPORTED_INPUT' };
  yield { kind, name: 'zlib-html-best', bytes: () => new Uint8Array(deflateSync(html(), { level: 9 })), expect: 'UNSUPPORTED_INPUT' };
  yield { kind, name: 'zlib-html-fast', bytes: () => new Uint8Array(deflateSync(html(), { level: 1 })), expect: 'UNSUPPORTED_INPUT' };
  yield { kind, name: 'raw-deflate-html', bytes: () => new Uint8Array(deflateRawSync(html())), expect: 'UNSUPPORTED_INPUT' };
  yield { kind, name: 'raw-deflate-html-fast', bytes: () => new Uint8Array(deflateRawSync(html(), { level: 1 })), expect: 'UNSUPPORTED_INPUT' };
  yield { kind, name: 'brotli-html', bytes: () => new Uint8Array(brotliCompressSync(html())), expect: 'UNSUPPORTED_INPUT' };
  yield { kind, name: 'gzip-html', bytes: () => new Uint8Array(gzipSync(html())), expect: 'UNSUPPORTED_INPUT' };
  yield { kind, name: 'gzip-twice-html', bytes: () => new Uint8Array(gzipSync(gzipSync(html()))), expect: 'UNSUPPORTED_INPUT' };
  for (const [size, seed] of [[4096, 1], [65_536, 2], [MB, 3], [8 * MB, 4], [300, 5], [16 * MB - 1, 6]] as const) {
    yield { kind, name: `random-no-nul-${size}`, bytes: () => randomBytes(size, seed, (b) => b === 0), expect: 'UNSUPPORTED_INPUT' };
  }
  yield { kind, name: 'random-high-bytes-64k', bytes: () => randomBytes(65_536, 7, (b) => b < 0x80), expect: 'UNSUPPORTED_INPUT' };
  yield { kind, name: 'random-after-html-head', bytes: () => concat(utf8('<html><head><title>x</title></head><body>'), randomBytes(200_000, 8, (b) => b === 0)), expect: 'UNSUPPORTED_INPUT' };
  // Issue: UTF-32LE with BOM was read as UTF-16 (FF FE 00 00 starts like a UTF-16LE BOM).
  yield { kind, name: 'utf32le-bom-html', bytes: () => utf32(articlePage(repeat('<p>会议强调要真抓实干，推动经济持续回升向好。</p>', 20)), true), expect: 'record' };
  yield { kind, name: 'utf32be-bom-html', bytes: () => utf32(articlePage(repeat('<p>会议强调要真抓实干，推动经济持续回升向好。</p>', 20)), false), expect: 'record' };
  yield { kind, name: 'utf16le-bom-html', bytes: () => utf16(articlePage(repeat('<p>会议强调要真抓实干，推动经济持续回升向好。</p>', 20)), true), expect: 'record' };
  yield { kind, name: 'utf16be-bom-html', bytes: () => utf16(articlePage(repeat('<p>会议强调要真抓实干，推动经济持续回升向好。</p>', 20)), false), expect: 'record' };
  // Issue: an FF FE BOM skipped the binary check: a BOM in front of an image or random bytes is still binary.
  yield { kind, name: 'fffe-then-png', bytes: () => concat(new Uint8Array([0xff, 0xfe, 0x89, 0x50, 0x4e, 0x47]), randomBytes(10_000, 9)), expect: 'UNSUPPORTED_INPUT' };
  yield { kind, name: 'fffe-then-random', bytes: () => concat(new Uint8Array([0xff, 0xfe]), randomBytes(100_000, 10)), expect: 'UNSUPPORTED_INPUT' };
  yield { kind, name: 'feff-then-random', bytes: () => concat(new Uint8Array([0xfe, 0xff]), randomBytes(100_000, 11)), expect: 'UNSUPPORTED_INPUT' };
  yield { kind, name: 'fffe-then-gzip', bytes: () => concat(new Uint8Array([0xff, 0xfe]), new Uint8Array(gzipSync(html()))), expect: 'UNSUPPORTED_INPUT' };
  yield { kind, name: 'utf8-bom-then-random', bytes: () => concat(new Uint8Array([0xef, 0xbb, 0xbf]), randomBytes(100_000, 12, (b) => b === 0)), expect: 'UNSUPPORTED_INPUT' };
  // NULs after the sniffed bytes but within the sniffed characters: the decoded-text check sees them.
  yield { kind, name: 'nul-after-sniff-window', bytes: () => concat(html(), new Uint8Array(100_000)), expect: 'UNSUPPORTED_INPUT' };
  // Small compressed pages: too short for a NUL to be likely, so only the control-byte share or the header tells.
  for (const [i, text] of ['<p>短</p>', '<html><body><h1>标题</h1><p>正文内容</p></body></html>', articlePage('')].entries()) {
    yield { kind, name: `zlib-small-${i}`, bytes: () => new Uint8Array(deflateSync(utf8(text))), expect: 'UNSUPPORTED_INPUT' };
    yield { kind, name: `raw-deflate-small-${i}`, bytes: () => new Uint8Array(deflateRawSync(utf8(text))), expect: 'UNSUPPORTED_INPUT' };
  }
  yield { kind, name: 'control-bytes-64k', bytes: () => randomBytes(65_536, 13, (b) => b === 0 || b > 0x1f), expect: 'UNSUPPORTED_INPUT' };
  yield { kind, name: 'empty', bytes: () => new Uint8Array(0), expect: 'EMPTY_INPUT' };
  yield { kind, name: 'over-cap', bytes: () => new Uint8Array(16 * MB + 1).fill(0x61), expect: 'INPUT_TOO_LARGE' };
}

function* fieldLimits(): Generator<HostileInput> {
  const kind = 'field-limits';
  // Issue: a 1,000,000-character title was kept whole; C0 controls and U+202E were kept; 5 M `，` was an article.
  for (const n of [1_000, 100_000, 1_000_000]) yield { kind, name: `title-${n}-chars`, bytes: () => utf8(articlePage('', repeat('长', n))), expect: 'record' };
  yield { kind, name: 'title-tag-only-1M', bytes: () => utf8(`<html><head><title>${repeat('题', 1_000_000)}</title></head><body>${articlePage('').replace(/<h1>.*?<\/h1>/, '')}</body></html>`), expect: 'record' };
  yield { kind, name: 'c0-controls', bytes: () => utf8(articlePage('<p>控制\u0001字\u0007符\u001b[31m在\u0008正文\u000b里，会议强调要真抓实干推动发展。</p>', '标\u0002题\u001f有控制符')), expect: 'record' };
  yield { kind, name: 'bidi-overrides', bytes: () => utf8(articlePage('<p>会议\u202e强调\u202d要\u2066真抓\u2069实干\u200f推动\u061c经济发展，为全国大局作出贡献。</p>', '\u202e题标\u202c的反向')), expect: 'record' };
  yield { kind, name: 'c1-controls', bytes: () => utf8(articlePage('<p>会议\u0085强调\u009b要真抓实干\u0080推动经济发展，为全国大局作出更大贡献。</p>')), expect: 'record' };
  yield { kind, name: 'escaped-controls', bytes: () => utf8(articlePage('<p>会议&#1;强调&#x1b;要&#x202E;真抓实干，推动经济发展，为全国大局作出更大贡献。</p>', '题&#x202e;目&#7;')), expect: 'record' };
  for (const n of [100_000, 1_000_000, 5_000_000]) yield { kind, name: `fullwidth-commas-${n}`, bytes: () => utf8(`<html><body><h1>标题</h1><p>${repeat('，', n)}</p></body></html>`), expect: 'NO_ARTICLE' };
  yield { kind, name: 'ascii-punctuation-4M', bytes: () => utf8(`<html><body><h1>标题</h1><p>${repeat('.,;!?', 800_000)}</p></body></html>`), expect: 'NO_ARTICLE' };
  yield { kind, name: 'text-commas-5M', bytes: () => utf8(`标题\n${repeat('，', 5_000_000)}`), expect: 'NO_ARTICLE' };
  yield { kind, name: 'long-subtitle', bytes: () => utf8(articlePage('').replace('<h1>', `<h2>${repeat('副', 500_000)}</h2><h1>`)), expect: 'record' };
  yield { kind, name: 'long-byline', bytes: () => utf8(articlePage('').replace('来源：新华日报', `来源：${repeat('新', 200_000)} 记者 ${repeat('张', 200_000)}`)), expect: 'record' };
  yield { kind, name: 'long-site-name', bytes: () => utf8(articlePage('').replace('<head>', `<head><meta property="og:site_name" content="${repeat('网', 500_000)}">`)), expect: 'record' };
  yield { kind, name: 'long-canonical', bytes: () => utf8(articlePage('').replace('<head>', `<head><link rel="canonical" href="http://www.example.com/${repeat('a', 1_000_000)}">`)), expect: 'record' };
  yield { kind, name: 'long-word-paragraph', bytes: () => utf8(articlePage(`<p>${repeat('a', 4 * MB)}</p>`)), expect: 'record' };
}

function* variants(): Generator<HostileInput> {
  // More sizes of the main patterns, so each class has a spread and the worst case is found, not guessed.
  const kind = 'nesting';
  for (const depth of [900, 999, 1000, 1001, 5000]) {
    yield { kind, name: `deep-span-${depth}-x50`, bytes: () => utf8(articlePage(repeat(repeat('<span>', depth) + '字' + repeat('</span>', depth), 50))), expect: 'record' };
  }
  for (const [i, stray] of ['</zz>', '</p>', '</div>', '</span >', '</SPAN>', '</br>'].entries()) {
    yield { kind, name: `span900-stray-${i}-${stray.replace(/[^a-z]/gi, '')}-2MB`, bytes: () => utf8(articlePage(fill(repeat('<span>', 900) + repeat(stray, 900), 2 * MB))), expect: 'record' };
  }
  for (const [i, opener] of ['<span >', '<span a=1>', '<SPAN>', '<x:y>', '<a-b>', '<span\t>'].entries()) {
    yield { kind, name: `opener-${i}-${opener.replace(/[^a-z0-9]/gi, '')}-deep-200k`, bytes: () => utf8(articlePage(repeat(opener, 200_000))), expect: 'record' };
  }
}

/** Every input of the corpus, in a fixed order. */
export function hostileCorpus(): HostileInput[] {
  const all = [...nesting(), ...variants(), ...manyBlocks(), ...slowText(), ...enrichText(), ...garbage(), ...fieldLimits()];
  const names = new Set<string>();
  for (const input of all) {
    if (names.has(input.name)) throw new Error(`duplicate corpus name ${input.name}`);
    names.add(input.name);
  }
  return all;
}
