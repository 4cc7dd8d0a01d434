import { describe, expect, it } from 'vitest';
import { findGarbledRuns, MAX_GARBLED_GAP_CHARS } from '../../../../lambdas/normalize/clean/mojibake.js';
import { stripPinyinAnnotations } from '../../../../lambdas/normalize/clean/pinyin-annotations.js';
import { toSimplified } from '../../../../lambdas/normalize/clean/simplified.js';
import { readSeed, SEED_IDS } from './seed-texts.js';

const runTexts = (text: string): string[] => findGarbledRuns(text).map((run) => run.text);

describe('findGarbledRuns: strong markers', () => {
  it('flags ? replacement runs and reports offsets into the input', () => {
    const text = '一个个镜头、一串串??字,系统回顾';
    const runs = findGarbledRuns(text);
    expect(runs).toEqual([{ start: 9, end: 11, text: '??' }]);
    expect(text.slice(runs[0]!.start, runs[0]!.end)).toBe('??');
  });

  it('joins ? markers and lone Latin letters between Han characters into one run', () => {
    expect(runTexts('馬明龍?谥v話中強調')).toEqual(['?谥v']);
    expect(runTexts('明顯高于當?仄骄怠R嬲袑?舉做優服務')).toEqual(['?仄骄怠R嬲袑?']);
  });

  it('flags a leftover pinyin annotation with the ? before it', () => {
    expect(runTexts('帶動一批區域?崿F(xiàn)加速發展')).toEqual(['?崿F(xiàn)']);
    expect(runTexts('正常文本(xiàn)正常')).toEqual(['(xiàn)']);
    expect(runTexts('正常文本(de)正常')).toEqual([]); // toneless: could be anything
  });

  it('finds each kind of strong marker, so a text without their characters is skipped, not missed', () => {
    // One marker character of each kind: U+FFFD, ?, a tone mark (precomposed and combining), a Latin-1 lead.
    expect(runTexts('文本\ufffd\ufffd文本')).toEqual(['\ufffd\ufffd']);
    expect(runTexts('正常文本(lǜ)正常')).toEqual(['(lǜ)']);
    expect(runTexts('正常文本(xia\u0300n)正常')).toEqual(['(xia\u0300n)']);
    expect(runTexts('市委 Ã¥Â¸Â‚ 书记')).toEqual(['Ã¥Â¸Â‚']);
    expect(runTexts('（记者 王五）发行A股(2024)')).toEqual([]);
  });

  it('does not let weak markers alone make a run', () => {
    expect(runTexts('发行A股和B股')).toEqual([]);
  });

  it('flags U+FFFD and UTF-8-as-cp1252 runs', () => {
    expect(runTexts('市委\ufffd\ufffd书记')).toEqual(['\ufffd\ufffd']);
    expect(runTexts('å¸‚å§” 书记')).toEqual(['å¸‚å§”']);
  });

  it('splits markers further apart than MAX_GARBLED_GAP_CHARS into separate runs', () => {
    const gap = '正'.repeat(MAX_GARBLED_GAP_CHARS);
    expect(runTexts(`甲?${gap}?丙`)).toEqual([`?${gap}?`]); // exactly the limit: one run
    expect(runTexts(`甲?${gap}正?丙`)).toEqual(['?', '?']); // one more: two runs
  });
});

describe('findGarbledRuns: no false positives', () => {
  it.each([
    '你知道吗? 我不知道',
    '你知道吗?',
    '他问:“真的吗?”',
    '真的吗?\n下一段',
    '发行A股',
    '5G网络设施',
    '国家EDA技术创新中心',
    '“3+3+X”现代化产业体系',
    '“GDP增速高于全市平均水平”',
    '“项目为王”“我认为”“我感觉”……——',
    '原文地址:https://jsnews.jschina.com.cn/list.php?id=3&page=2',
    '气温25°C,Müller 和 José',
    '各地黨(工)委,(記者 陳志奎)',
  ])('%s', (text) => {
    expect(findGarbledRuns(text)).toEqual([]);
  });

  it('never changes the text', () => {
    const text = '一串串??字';
    findGarbledRuns(text);
    expect(text).toBe('一串串??字');
  });
});

const EXPECTED_RUNS: Record<(typeof SEED_IDS)[number], string[]> = {
  '000': [],
  '001': ['??', '?谥v', '??', '?仄骄怠R嬲袑?'],
  '002': [],
  '003': [],
  '004': ['?崿F(xiàn)'],
};

describe('findGarbledRuns on the seeds', () => {
  it.each(SEED_IDS)('seed %s after stripPinyinAnnotations and after toSimplified', (id) => {
    const stripped = stripPinyinAnnotations(readSeed(id)).text;
    expect(runTexts(stripped)).toEqual(EXPECTED_RUNS[id]);
    expect(findGarbledRuns(toSimplified(stripped))).toHaveLength(EXPECTED_RUNS[id].length);
  });

  it('seed 001 runs sit where the brief located them', () => {
    const stripped = stripPinyinAnnotations(readSeed('001')).text;
    const contexts = findGarbledRuns(stripped).map((run) => stripped.slice(run.start - 3, run.end + 1));
    expect(contexts).toEqual(['一串串??字', '馬明龍?谥v話', '第一要??”', '高于當?仄骄怠R嬲袑?舉']);
  });
});
