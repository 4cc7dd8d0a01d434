import { describe, expect, it } from 'vitest';
import { pinyin } from 'pinyin-pro';
import { isReadingOf, stripPinyinAnnotations } from '../../../../lambdas/normalize/clean/pinyin-annotations.js';
import { toSimplifiedChars } from '../../../../lambdas/normalize/clean/simplified.js';
import { readSeed, SEED_IDS } from './seed-texts.js';

describe('stripPinyinAnnotations: readings', () => {
  it('removes a reading of the character before it', () => {
    expect(stripPinyinAnnotations('鎮(zhèn)江')).toEqual({ text: '鎮江', removed: 1 });
  });

  it('accepts full-width parentheses and ü with a tone mark', () => {
    expect(stripPinyinAnnotations('規律（lǜ）性')).toEqual({ text: '規律性', removed: 1 });
  });

  it('checks the Simplified form too and keeps several annotations apart', () => {
    expect(stripPinyinAnnotations('產(chǎn)業(yè)強(qiáng)市')).toEqual({ text: '產業強市', removed: 3 });
  });

  it('finds readings keyed only on the Simplified form', () => {
    // pinyin-pro: 塿 → lǒu only; its Simplified form 𪣻 → lóu.
    expect(pinyin('塿', { multiple: true, type: 'array' })).not.toContain('lóu');
    expect(stripPinyinAnnotations('塿(lóu)')).toEqual({ text: '塿', removed: 1 });
  });

  it('accepts decomposed (NFD) tone marks', () => {
    expect(stripPinyinAnnotations('鎮(zhèn)江'.normalize('NFD'))).toEqual({ text: '鎮江', removed: 1 });
  });

  it.each([
    ['黨(工)委'],
    ['會議。(記者 陳志奎)'],
    ['admin1年前 (2024-09-24)'],
    ['南京(qū)市'], // qū is not a reading of 京
    ['區域崿F(xiàn)加速'], // F is not a Han character and no ? precedes
    ['鎮(zhen)江'], // toneless: no toneless fallback
    ['鎮(Zhèn)江'], // upper case is not an annotation
  ])('keeps %s unchanged', (input) => {
    expect(stripPinyinAnnotations(input)).toEqual({ text: input, removed: 0 });
  });
});

describe('stripPinyinAnnotations: after mojibake ?', () => {
  it.each([
    ['一串串?dāng)?shù)字', '一串串??字', 2],
    ['馬明龍?jiān)谥v話', '馬明龍?谥v話', 1],
    ['第一要?jiǎng)?wù)', '第一要??', 2],
    ['當(dāng)?shù)仄骄怠R嬲袑?shí)舉', '當?仄骄怠R嬲袑?舉', 3],
    ['區(qū)域?qū)崿F(xiàn)加速', '區域?崿F(xiàn)加速', 2],
    ['一串串?(shù)字', '一串串?字', 1],
  ])('%s → %s', (input, text, removed) => {
    expect(stripPinyinAnnotations(input)).toEqual({ text, removed });
  });

  it('leaves a toneless or unclosed Latin tail after ? alone', () => {
    for (const input of ['what?a) b', '你好?dāng 字', 'x?(de)']) {
      expect(stripPinyinAnnotations(input)).toEqual({ text: input, removed: 0 });
    }
  });
});

describe('isReadingOf', () => {
  it('compares with tone marks', () => {
    expect(isReadingOf('zhèn', '鎮')).toBe(true);
    expect(isReadingOf('zhēn', '鎮')).toBe(false);
    expect(isReadingOf('lǜ', '律')).toBe(true);
  });
});

// Per-seed counts measured on the raw captures (see report); each annotation class counted independently below.
const EXPECTED_REMOVED: Record<(typeof SEED_IDS)[number], number> = { '000': 0, '001': 516, '002': 159, '003': 0, '004': 241 };
const HAN_THEN_SYLLABLE = /(\p{Script=Han})[(（]([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+)[)）]/gu;

function remainingReadings(text: string): string[] {
  return [...text.matchAll(HAN_THEN_SYLLABLE)]
    .filter(([, han = '', syl = '']) =>
      [han, toSimplifiedChars(han)].some((form) => pinyin(form, { multiple: true, type: 'array' }).includes(syl)))
    .map((m) => m[0]);
}

describe('stripPinyinAnnotations on whole seeds', () => {
  it.each(SEED_IDS)('seed %s: removes every reading annotation and only those', (id) => {
    const raw = readSeed(id);
    const { text, removed } = stripPinyinAnnotations(raw);
    expect(remainingReadings(raw).length).toBeGreaterThanOrEqual(id === '000' || id === '003' ? 0 : 100);
    expect(remainingReadings(text)).toEqual([]);
    expect(text).not.toMatch(/\?[(（]?[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+[)）]/u);
    expect(removed).toBe(EXPECTED_REMOVED[id]);
  });

  it('seed 001 keeps 黨(工)委 and the reporter credit', () => {
    const { text } = stripPinyinAnnotations(readSeed('001'));
    expect(text).toContain('各地黨(工)委');
    expect(text).toContain('(記者 陳志奎)');
    expect(text).toContain('鎮江市項目攻堅暨產業強市大會召開');
  });

  it('seed 004 keeps the unverifiable F(xiàn)', () => {
    expect(stripPinyinAnnotations(readSeed('004')).text).toContain('區域?崿F(xiàn)加速');
  });

  it('reading annotations across the seeds total 908, plus 8 after-? cases', () => {
    const readings = SEED_IDS.map((id) => remainingReadings(readSeed(id)).length).reduce((a, b) => a + b, 0);
    const total = SEED_IDS.map((id) => stripPinyinAnnotations(readSeed(id)).removed).reduce((a, b) => a + b, 0);
    expect(readings).toBe(908);
    expect(total - readings).toBe(8);
  });
});
