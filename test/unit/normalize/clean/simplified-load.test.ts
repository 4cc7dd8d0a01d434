/**
 * simplified.ts loads only the OpenCC dictionaries it needs (opencc-js/core + the t2cn preset + the character and
 * TW-variant dictionaries) instead of the package root with every dictionary. These checks hold it to the full
 * package's converters, the ones it replaced: same output on the seeds and for every Han code point.
 */
import { Converter, CustomConverter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { stripPinyinAnnotations } from '../../../../lambdas/normalize/clean/pinyin-annotations.js';
import {
  BOTH_SCRIPTS_HAN,
  countScriptChars,
  MAINLAND_PHRASE_FIXES,
  SIMPLIFIED_ALSO_VALID_HAN,
  toSimplified,
  toSimplifiedChars,
} from '../../../../lambdas/normalize/clean/simplified.js';
import { hanCodePoints } from './han-code-points.js';
import { readSeed, SEED_IDS } from './seed-texts.js';

type TextConverter = (text: string) => string;

// The converters as simplified.ts built them from the full opencc-js package before the change.
const fullTw2s: TextConverter = Converter({ from: 'tw', to: 'cn' });
const fullFixes: TextConverter = CustomConverter(MAINLAND_PHRASE_FIXES);
const fullT2s: TextConverter = Converter({ from: 't', to: 'cn' });
const fullS2tw: TextConverter = Converter({ from: 'cn', to: 'tw' });

const HAN_CHARS = hanCodePoints();

function fullScriptCounts(text: string): { traditional: number; simplified: number } {
  const counts = { traditional: 0, simplified: 0 };
  for (const ch of text) {
    // Deliberately not evidence of either script (simplified.ts): the one intended difference from the full package.
    if (!/\p{Script=Han}/u.test(ch) || SIMPLIFIED_ALSO_VALID_HAN.has(ch)) continue;
    if (fullT2s(ch) !== ch) counts.traditional += 1;
    else if (!BOTH_SCRIPTS_HAN.has(ch) && fullS2tw(ch) !== ch) counts.simplified += 1;
  }
  return counts;
}

describe('simplified.ts against the full opencc-js package', () => {
  it('covers the whole Han script', () => {
    expect(HAN_CHARS.length).toBeGreaterThan(90_000);
  });

  it.each(SEED_IDS.map((id) => [id]))('toSimplified gives the same text on seed %s', (id) => {
    const text = stripPinyinAnnotations(readSeed(id)).text;
    expect(toSimplified(text)).toBe(fullFixes(fullTw2s(text)));
  });

  it('toSimplified gives the same text over every Han character in a row', () => {
    const text = HAN_CHARS.join('');
    expect(toSimplified(text)).toBe(fullFixes(fullTw2s(text)));
  });

  it('toSimplifiedChars gives the same character for every Han code point', () => {
    const differing = HAN_CHARS.filter((ch) => toSimplifiedChars(ch) !== fullT2s(ch));
    expect(differing).toEqual([]);
  });

  it('countScriptChars classifies every Han code point the same way', () => {
    const differing = HAN_CHARS.filter((ch) => {
      const ours = countScriptChars(ch);
      const full = fullScriptCounts(ch);
      return ours.traditional !== full.traditional || ours.simplified !== full.simplified;
    });
    expect(differing).toEqual([]);
  });

  it.each(SEED_IDS.map((id) => [id]))('countScriptChars gives the same counts on seed %s', (id) => {
    const text = readSeed(id);
    expect(countScriptChars(text)).toEqual(fullScriptCounts(text));
  });
});
