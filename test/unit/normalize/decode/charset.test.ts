import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeBytes, findDeclaredCharset, resolveCharsetLabel } from '../../../../lambdas/normalize/decode/charset.js';
import { encodeHtml } from '../../../../seeds/html/encode.js';

const SIMPLIFIED = '镇江市项目攻坚暨产业强市大会召开，市委书记马明龙出席会议并讲话。';
const TRADITIONAL = '鎮江市項目攻堅暨產業強市大會召開，市委書記馬明龍出席會議並講話。';
const page = (charset: string | null, body: string) =>
  `<html><head>${charset ? `<meta http-equiv="Content-Type" content="text/html; charset=${charset}">` : ''}<title>t</title></head><body><p>${body}</p></body></html>`;

describe('decodeBytes', () => {
  it('decodes GBK bytes declared gb2312 as GB18030 (the superset servers really send)', () => {
    // 镕 and 喆 are GBK-only: not in GB2312, so a strict gb2312 decoder would lose them.
    const text = `${SIMPLIFIED}镕喆`;
    const { bytes } = encodeHtml(page('gb2312', text), 'gbk');
    const d = decodeBytes(bytes);
    expect(d.charset).toBe('gb18030');
    expect(d.source).toBe('meta');
    expect(d.text).toContain(text);
  });

  it('decodes GB18030 four-byte sequences', () => {
    // U+20000 𠀀 is encoded by GB18030 as the four bytes 95 32 82 36.
    const bytes = new Uint8Array([...new TextEncoder().encode('<meta charset="gb18030"><p>'), 0x95, 0x32, 0x82, 0x36, ...new TextEncoder().encode('</p>')]);
    expect(decodeBytes(bytes).text).toContain('𠀀');
  });

  it('decodes Big5 declared in <meta>', () => {
    const { bytes } = encodeHtml(page('big5', TRADITIONAL), 'big5');
    const d = decodeBytes(bytes);
    expect(d.charset).toBe('big5');
    expect(d.text).toContain(TRADITIONAL);
  });

  it('trusts valid UTF-8 over a lying declaration, and says so', () => {
    const bytes = new TextEncoder().encode(page('gbk', SIMPLIFIED));
    const d = decodeBytes(bytes);
    expect(d.charset).toBe('utf-8');
    expect(d.source).toBe('utf8-valid');
    expect(d.text).toContain(SIMPLIFIED);
    expect(d.warnings.join()).toMatch(/ignored/);
  });

  it('trusts valid UTF-8 over a lying caller charset too', () => {
    const d = decodeBytes(new TextEncoder().encode(SIMPLIFIED), { declared: 'big5' });
    expect(d.text).toBe(SIMPLIFIED);
  });

  it('uses the caller charset (HTTP header, --charset) before <meta>', () => {
    const { bytes } = encodeHtml(page('big5', SIMPLIFIED), 'gbk');
    const d = decodeBytes(bytes, { declared: 'GBK' });
    expect(d.source).toBe('caller');
    expect(d.text).toContain(SIMPLIFIED);
  });

  it('falls back to sniffing when a declared charset does not fit the bytes', () => {
    const { bytes } = encodeHtml(page('big5', SIMPLIFIED.repeat(5)), 'gbk');
    const d = decodeBytes(bytes);
    expect(d.charset).toBe('gb18030');
    expect(d.source).toBe('sniff');
    expect(d.warnings.join()).toMatch(/does not fit/);
    expect(d.text).toContain(SIMPLIFIED);
  });

  it('sniffs undeclared GBK and undeclared Big5', () => {
    expect(decodeBytes(encodeHtml(page(null, SIMPLIFIED.repeat(3)), 'gbk').bytes).text).toContain(SIMPLIFIED);
    const big5 = decodeBytes(encodeHtml(page(null, TRADITIONAL.repeat(3)), 'big5').bytes);
    expect(big5.charset).toBe('big5');
    expect(big5.text).toContain(TRADITIONAL);
  });

  it('honours a byte-order mark above everything', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(page('gbk', SIMPLIFIED))]);
    expect(decodeBytes(utf8)).toMatchObject({ charset: 'utf-8', source: 'bom' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(SIMPLIFIED, 'utf16le')]);
    expect(decodeBytes(utf16).text).toBe(SIMPLIFIED);
  });

  it('reads declarations from <meta charset>, http-equiv, XML and the zh-cwced <text> wrapper', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(findDeclaredCharset(enc('<meta charset="GB2312">'))).toBe('gb2312');
    expect(findDeclaredCharset(enc('<text id="x" encoding="gbk"><html>'))).toBe('gbk');
    expect(findDeclaredCharset(enc('<?xml version="1.0" encoding="big5"?>'))).toBe('big5');
    expect(findDeclaredCharset(enc('<meta charset="no-such-charset">'))).toBeNull();
    expect(charsetFromContentType('text/html; charset="GBK"')).toBe('gbk');
    expect(resolveCharsetLabel('x-gbk')).toBe('gb18030');
    expect(resolveCharsetLabel('cp950')).toBe('big5');
  });
});
