import { describe, expect, it } from 'vitest';
import { memoizeCharTest, packedUnitFlags, unitFlags, wordsByFirstUnit } from '../../../../lambdas/normalize/clean/char-memo.js';
import { collapseRuns, JS_SPACE_NOT_SPACE, JS_WHITE_SPACE_CHARS } from '../../../../lambdas/normalize/clean/whitespace.js';

describe('memoizeCharTest', () => {
  it('answers like its RegExp for every BMP code unit, twice (memo filled, then read), and for astral code points', () => {
    const re = /\p{L}/u;
    const isLetter = memoizeCharTest(re);
    for (let pass = 0; pass < 2; pass++) {
      for (let c = 0; c < 0x10000; c++) if (isLetter(c) !== re.test(String.fromCharCode(c))) throw new Error(`U+${c.toString(16)}`);
    }
    expect(isLetter(0x20000)).toBe(true);
    expect(isLetter(0x1f600)).toBe(false);
  });

  it('refuses a global RegExp (its lastIndex would make answers depend on the previous call)', () => {
    expect(() => memoizeCharTest(/a/g)).toThrow(RangeError);
  });
});

describe('collapseRuns', () => {
  it('equals the plain replace on random white-space mixes', () => {
    const alphabet = [' ', ' ', 'a', '中', '\n', '\t', '\u00a0', '\u3000', '\u2028', '\u1680', '\u202f', '\u200a', '\ufeff', '\u200b'];
    let state = 1;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 20000; i++) {
      const text = Array.from({ length: Math.floor(next() * 10) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      if (collapseRuns(text, /\s+/g, JS_SPACE_NOT_SPACE) !== text.replace(/\s+/g, ' ')) throw new Error(JSON.stringify(text));
    }
  });

  it('JS_SPACE_NOT_SPACE is \\s without the ASCII space', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (JS_SPACE_NOT_SPACE.test(ch) !== (/\s/.test(ch) && ch !== ' ')) wrong.push(c);
    }
    expect(wrong).toEqual([]);
  });
});

describe('unitFlags and wordsByFirstUnit', () => {
  it('flags exactly the code units given', () => {
    const flags = unitFlags('书记a');
    expect([...flags.keys()].filter((c) => flags[c] === 1).map((c) => String.fromCharCode(c))).toEqual(['a', '书', '记']);
  });

  it('groups words by first code unit in list order, dropping empty words', () => {
    const groups = wordsByFirstUnit(['主持', '出席', '主任', '', '主']);
    expect([...groups].map(([unit, words]) => [String.fromCharCode(unit), words])).toEqual([
      ['主', ['主持', '主任', '主']],
      ['出', ['出席']],
    ]);
  });
});

describe('packedUnitFlags', () => {
  it('sets bit k for exactly the units of set k, sets overlapping', () => {
    const flags = packedUnitFlags(['ab', 'b。', '', '王']);
    expect([flags[0x61], flags[0x62], flags['。'.charCodeAt(0)], flags['王'.charCodeAt(0)], flags[0x63]]).toEqual([1, 3, 2, 8, 0]);
    expect(() => packedUnitFlags(Array.from({ length: 9 }, () => 'a'))).toThrow(RangeError);
  });
});

describe('JS_WHITE_SPACE_CHARS', () => {
  it('answers like /\\s/ for every BMP code unit', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (JS_WHITE_SPACE_CHARS.includes(ch) !== /\s/.test(ch)) throw new Error(`white space U+${c.toString(16)}`);
    }
    expect(JS_WHITE_SPACE_CHARS.length).toBe(25);
  });
});
