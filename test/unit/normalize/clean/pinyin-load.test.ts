/**
 * pinyin-annotations.ts checks readings against a generated table (clean/pinyin-readings.ts) instead of loading
 * pinyin-pro at run time. These checks hold the table to pinyin-pro, its source of truth: the committed table is what
 * scripts/build-pinyin-table.ts writes from the installed package, it lists exactly pinyin-pro's readings of every
 * Han code point, and isReadingOf gives pinyin-pro's verdict for every Han code point.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isReadingOf, READING_SHAPE, toneless } from '../../../../lambdas/normalize/clean/pinyin-annotations.js';
import { PINYIN_READINGS_JSON, PINYIN_READINGS_SOURCE } from '../../../../lambdas/normalize/clean/pinyin-readings.js';
import { toSimplifiedChars } from '../../../../lambdas/normalize/clean/simplified.js';
import { buildPinyinTable, PINYIN_TABLE_PATH, pinyinProReadings, pinyinTableModule } from '../../../../scripts/build-pinyin-table.js';
import { hanCodePoints } from './han-code-points.js';

const HAN_CHARS = hanCodePoints();
const TABLE = JSON.parse(PINYIN_READINGS_JSON) as Record<string, string>;
const isLetters = (r: string) => /^[^\p{Script=Han}]+$/u.test(r);

/** pinyin-pro's letter readings of every Han code point (the character itself, its answer for "none", left out). */
const PINYIN_PRO = new Map(HAN_CHARS.map((ch) => [ch, pinyinProReadings(ch).filter(isLetters)]));
const proReadings = (ch: string): string[] => PINYIN_PRO.get(ch) ?? pinyinProReadings(ch).filter(isLetters);

/** The verdict the normalizer gave when it asked pinyin-pro at run time: a reading of the character or of its Simplified form. */
function pinyinProVerdict(syllable: string, han: string): boolean {
  const wanted = syllable.normalize('NFC');
  return READING_SHAPE.test(toneless(wanted)) && [han, toSimplifiedChars(han)].some((form) => proReadings(form).includes(wanted));
}

describe('the generated reading table (clean/pinyin-readings.ts) against pinyin-pro', () => {
  it('is what scripts/build-pinyin-table.ts generates from the installed package', () => {
    expect(pinyinTableModule(buildPinyinTable())).toBe(readFileSync(PINYIN_TABLE_PATH, 'utf8'));
    const version = (JSON.parse(readFileSync(new URL('../../../../node_modules/pinyin-pro/package.json', import.meta.url), 'utf8')) as { version: string }).version;
    expect(PINYIN_READINGS_SOURCE).toMatch(new RegExp(`^pinyin-pro@${version.replaceAll('.', '\\.')}: `));
  });

  it('lists exactly pinyin-pro\'s readings of every Han code point', () => {
    expect(HAN_CHARS.length).toBeGreaterThan(90_000);
    const listed = new Map<string, string[]>();
    for (const [reading, chars] of Object.entries(TABLE)) {
      for (const ch of chars) listed.set(ch, [...(listed.get(ch) ?? []), reading]);
    }
    const differing = HAN_CHARS.filter((ch) => {
      const table = (listed.get(ch) ?? []).sort();
      const pro = [...proReadings(ch)].sort();
      return table.length !== pro.length || table.some((r, i) => r !== pro[i]);
    });
    expect(differing).toEqual([]);
    expect(listed.size).toBeGreaterThan(20_000);
  });

  it('gives pinyin-pro\'s verdict for every Han code point, on its readings, its neighbours\' and their toneless forms', () => {
    const fixed = ['a', 'de', 'me', 'zhèn', 'value', 'ḿ', 'ê'];
    let accepted = 0;
    let refused = 0;
    const differing: string[] = [];
    HAN_CHARS.forEach((ch, i) => {
      const near = [ch, toSimplifiedChars(ch), HAN_CHARS[i - 1], HAN_CHARS[i + 1]].filter((c): c is string => c !== undefined);
      const toned = near.flatMap(proReadings);
      for (const syllable of new Set([...toned, ...toned.map(toneless), ...fixed])) {
        const verdict = isReadingOf(syllable, ch);
        if (verdict !== pinyinProVerdict(syllable, ch)) differing.push(`${ch}(${syllable})`);
        if (verdict) accepted += 1;
        else refused += 1;
      }
    });
    expect(differing).toEqual([]);
    // Both verdicts were asked often enough for the comparison to mean something.
    expect(accepted).toBeGreaterThan(20_000);
    expect(refused).toBeGreaterThan(100_000);
  });

  it('holds only readings of the shape isReadingOf checks first, in NFC, toneless ones only for a few neutral-tone characters', () => {
    const readings = Object.keys(TABLE);
    expect(readings.length).toBeGreaterThan(1000);
    expect(readings.filter((r) => !READING_SHAPE.test(toneless(r)))).toEqual([]);
    expect(readings.filter((r) => r !== r.normalize('NFC'))).toEqual([]);
    const neutral = new Set(readings.filter((r) => toneless(r) === r).flatMap((r) => [...TABLE[r]!]));
    expect(neutral.size).toBeGreaterThan(50);
    expect(neutral.size).toBeLessThan(200);
    expect([...'的吗啊']).toEqual([...'的吗啊'].filter((ch) => neutral.has(ch)));
  });

  it('isReadingOf accepts what pinyin-pro lists and rejects what it does not', () => {
    expect(pinyinProReadings('行')).toEqual(expect.arrayContaining(['xíng', 'háng']));
    expect(isReadingOf('háng', '行')).toBe(true);
    expect(isReadingOf('xíng', '行')).toBe(true);
    expect(isReadingOf('zhèn', '行')).toBe(false);
    expect(isReadingOf('行', '行')).toBe(false); // pinyin-pro's "no reading" answer is not in the table
  });

  it('refuses words that are no syllable and keeps every shape of a real one', () => {
    expect(['value', 'b', 'h', 'scope', 'humancapital', 'sinafinance'].filter((w) => READING_SHAPE.test(toneless(w)))).toEqual([]);
    expect(['zhuàng', 'lǜ', 'ế', 'hng', 'ḿ', 'ń', 'er', 'de'].map(toneless).every((w) => READING_SHAPE.test(w))).toBe(true);
    expect(isReadingOf('a', '场')).toBe(false);
    expect(isReadingOf('a', '啊')).toBe(true);
    expect(isReadingOf('de', '的')).toBe(true);
    expect(isReadingOf('me', '麼')).toBe(true); // the Traditional form listed itself
    expect(isReadingOf('constructor', '的')).toBe(false); // no prototype key is a reading
  });
});
