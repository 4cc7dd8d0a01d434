import { describe, expect, it } from 'vitest';
import { isNumberBreak, joinNumberBreaks } from '../../../../lambdas/normalize/extract/number-breaks.js';
import { normalize } from '../../../../lambdas/normalize/index.js';

/** A long enough prose paragraph so each synthetic page is an article. */
const PROSE = '记者从市发改委获悉，今年全市计划实施重大产业项目一百余个，其中新开工项目将尽快落地见效，各地各部门要全力以赴抓推进。';
const page = (body: string) =>
  new TextEncoder().encode(`<html><head><title>项目建设推进会召开</title></head><body><article><h1>项目建设推进会召开</h1><p>${PROSE}</p>${body}<p>${PROSE}</p></article></body></html>`);
const capture = (lines: string) => new TextEncoder().encode(`项目建设推进会召开\n\n${PROSE}\n${lines}\n${PROSE}\n`);
const figuresOf = (bytes: Uint8Array) => normalize(bytes, {}).figures.filter((f) => !PROSE.includes(f.text)).map((f) => [f.text, f.value, f.unit]);

describe('a line break inside a number keeps the number whole', () => {
  it('joins the digits across a source line break in an HTML paragraph', () => {
    expect(figuresOf(page(`<p>该项目总投资5\n00万元，增长3.\n  5%，新增就业2\r\n,000人。${PROSE}</p>`))).toEqual([
      ['500万元', 5_000_000, 'CNY'],
      ['3.5%', 3.5, 'percent'],
      ['2,000人', 2000, 'count'],
    ]);
  });

  it('joins the two lines of a number cut by <br>, but not two paragraphs', () => {
    const record = normalize(page(`<p>该项目总投资5<br>00万元，占地12<br/>0亩。${PROSE}</p>`), {});
    expect(record.paragraphs[1]).toBe(`该项目总投资500万元，占地120亩。${PROSE}`);
    expect(figuresOf(page(`<p>今年全市项目增长5</p><p>6个项目已开工，${PROSE}</p>`))).toEqual([['6个', 6, 'count']]);
  });

  it('joins a text capture\'s lines only where the break falls inside a number', () => {
    expect(figuresOf(capture(`该项目总投资5\n00万元，${PROSE}`))).toEqual([['500万元', 5_000_000, 'CNY']]);
    const record = normalize(capture(`会议确定的目标是2024\n年底前完成，${PROSE}`), {});
    expect(record.paragraphs[1]).toBe('会议确定的目标是2024');
  });
});

describe('joinNumberBreaks and isNumberBreak', () => {
  it('needs Han text before the digits and Han text or % right after them', () => {
    expect(joinNumberBreaks('投资5\n00万元')).toBe('投资500万元');
    expect(joinNumberBreaks('投资5 \n 00万元')).toBe('投资500万元');
    // A list number, a year closing a line, a number followed by Latin text: left alone.
    expect(joinNumberBreaks('1\n2\n3')).toBe('1\n2\n3');
    expect(joinNumberBreaks('发布于2024\n年底')).toBe('发布于2024\n年底');
    expect(joinNumberBreaks('型号A5\n00 series')).toBe('型号A5\n00 series');
    expect(joinNumberBreaks('共5\n00 kg')).toBe('共5\n00 kg');
    expect(isNumberBreak('总投资5', '00万元')).toBe(true);
    expect(isNumberBreak('2019', '2020年')).toBe(false);
    expect(isNumberBreak('增长5。', '6个')).toBe(false);
    // A headline ending in a number, then a lead opening with a date.
    expect(isNumberBreak('跻身前20', '9月25日，联合国发布')).toBe(false);
    expect(joinNumberBreaks('跻身前20\n9月25日，联合国发布')).toBe('跻身前20\n9月25日，联合国发布');
  });
});
