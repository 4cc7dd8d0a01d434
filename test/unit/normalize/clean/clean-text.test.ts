import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../../lambdas/normalize/clean/clean-text.js';
import { normalizeSpace } from '../../../../lambdas/normalize/clean/whitespace.js';

describe('cleanText: strip, convert, collapse, count', () => {
  it('strips readings before converting, and counts what it did', () => {
    expect(cleanText('鎮(zhèn)江市項(xiàng)目  攻堅(jiān)')).toEqual({ raw: '鎮(zhèn)江市項(xiàng)目 攻堅(jiān)', text: '镇江市项目 攻坚', pinyinRemoved: 3, garbled: 0 });
  });
  it('flags garbled runs and keeps them as served', () => {
    const r = cleanText('一串串?dāng)?shù)字,系統回顧');
    expect(r.text).toBe('一串串??字,系统回顾');
    expect(r).toMatchObject({ pinyinRemoved: 2, garbled: 1 });
  });
  it('leaves Japanese kanji alone (kana mark the text as Japanese)', () => {
    expect(cleanText('東京都は新しい計画を発表しました。').text).toBe('東京都は新しい計画を発表しました。');
  });
  it('leaves Latin text alone', () => {
    expect(cleanText('  Gaming used to be (so) simple?  ')).toEqual({ raw: 'Gaming used to be (so) simple?', text: 'Gaming used to be (so) simple?', pinyinRemoved: 0, garbled: 0 });
  });
});

describe('normalizeSpace of its own output (cleanText relies on it to skip a second pass)', () => {
  it('gives the same string on random mixes of white space, combining marks and Han', () => {
    const alphabet = [' ', '\u2000', '\u2001', '\u3000', '\u00a0', '\n', '\u200b', '\u2060', '\ufeff', 'e', '\u0301', '\u212b', '中', '\uf900', '\u1e9b', '\u0323'];
    let state = 3;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 20000; i++) {
      const once = normalizeSpace(Array.from({ length: Math.floor(next() * 9) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
      if (normalizeSpace(once) !== once) throw new Error(JSON.stringify(once));
    }
  });
});
