/**
 * pinyin-annotations.ts loads pinyin-pro lazily through `require`, which resolves to the package's CommonJS
 * build, where it used to import the ES build. Both builds must hold the same readings: compared here for every
 * Han code point, with the exact call pinyin-annotations.ts makes.
 */
import { createRequire } from 'node:module';
import * as esmBuild from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { isReadingOf, NEUTRAL_TONE_HAN, READING_SHAPE, toneless } from '../../../../lambdas/normalize/clean/pinyin-annotations.js';
import { hanCodePoints } from './han-code-points.js';

const cjsBuild = createRequire(import.meta.url)('pinyin-pro') as typeof esmBuild;
const READINGS = { multiple: true, type: 'array' } as const;

describe('pinyin-pro CommonJS build (loaded lazily) against the ES build', () => {
  it('is a different module instance, so the comparison means something', () => {
    expect(cjsBuild.pinyin).not.toBe(esmBuild.pinyin);
  });

  it('gives the same readings for every Han code point', () => {
    const differing = hanCodePoints().filter((ch) => {
      const cjs = cjsBuild.pinyin(ch, READINGS);
      const esm = esmBuild.pinyin(ch, READINGS);
      return cjs.length !== esm.length || cjs.some((reading, i) => reading !== esm[i]);
    });
    expect(differing).toEqual([]);
  });

  it('isReadingOf accepts what the ES build lists and rejects what it does not', () => {
    expect(esmBuild.pinyin('行', READINGS)).toEqual(expect.arrayContaining(['xíng', 'háng']));
    expect(isReadingOf('háng', '行')).toBe(true);
    expect(isReadingOf('xíng', '行')).toBe(true);
    expect(isReadingOf('zhèn', '行')).toBe(false);
  });

  it('gives only readings of the shape, and toneless ones only for the characters, that isReadingOf checks before loading it', () => {
    const readingsByChar = hanCodePoints().map((ch) => [ch, esmBuild.pinyin(ch, READINGS).map((r) => r.normalize('NFC'))] as const);
    const letters = (r: string) => /^[^\p{Script=Han}]+$/u.test(r);
    const letterReadings = [...new Set(readingsByChar.flatMap(([, rs]) => rs.filter(letters)))];
    expect(letterReadings.length).toBeGreaterThan(1000);
    expect(letterReadings.filter((r) => !READING_SHAPE.test(toneless(r)))).toEqual([]);
    // Readings pinyin-pro lacks a letter form for come back as the character itself: not pinyin, never matched.
    expect(readingsByChar.every(([, rs]) => rs.every((r) => letters(r) || /\p{Script=Han}/u.test(r)))).toBe(true);
    const neutral = readingsByChar.filter(([, rs]) => rs.some((r) => letters(r) && toneless(r) === r)).map(([ch]) => ch);
    expect(neutral.sort()).toEqual([...NEUTRAL_TONE_HAN].sort());
  });

  it('refuses words that are no syllable and keeps every shape of a real one', () => {
    expect(['value', 'b', 'h', 'scope', 'humancapital', 'sinafinance'].filter((w) => READING_SHAPE.test(toneless(w)))).toEqual([]);
    expect(['zhuàng', 'lǜ', 'ế', 'hng', 'ḿ', 'ń', 'er', 'de'].map(toneless).every((w) => READING_SHAPE.test(w))).toBe(true);
    expect(isReadingOf('a', '场')).toBe(false);
    expect(isReadingOf('a', '啊')).toBe(true);
    expect(isReadingOf('de', '的')).toBe(true);
    expect(isReadingOf('me', '麼')).toBe(true); // the Traditional form listed itself
  });
});
