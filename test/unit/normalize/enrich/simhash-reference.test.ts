import { describe, expect, it } from 'vitest';
import { fnv1a64, simhash64 } from '../../../../lambdas/normalize/enrich/simhash.js';

const MASK64 = (1n << 64n) - 1n;
function fnvBig(text: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) h = ((h ^ BigInt(byte)) * 0x100000001b3n) & MASK64;
  return h;
}

/** The definition, spelled out slowly: distinct 3-code-point shingles of the kept characters, one vote per bit each. */
function referenceSimhash(text: string): string {
  const chars = text.toLowerCase().match(/[\p{Script=Han}A-Za-z0-9]/gu) ?? [];
  const shingles = new Set<string>();
  if (chars.length > 0 && chars.length < 3) shingles.add(chars.join(''));
  for (let i = 0; i + 3 <= chars.length; i++) shingles.add(chars.slice(i, i + 3).join(''));
  const votes = new Array<number>(64).fill(0);
  for (const s of shingles) {
    const h = fnvBig(s);
    for (let bit = 0; bit < 64; bit++) votes[bit]! += (h >> BigInt(63 - bit)) & 1n ? 1 : -1;
  }
  let out = 0n;
  for (let bit = 0; bit < 64; bit++) if (votes[bit]! > 0) out |= 1n << BigInt(63 - bit);
  return out.toString(16).padStart(16, '0');
}

describe('simhash64 against its definition', () => {
  it('matches on random mixed text (Han, astral Han, Latin, digits, repeats, lone surrogates)', () => {
    const alphabet = ['a', 'B', 'Z', '0', '9', ' ', '，', '中', '国', '𠀀', '𠀁', '\ud800', 'İ', 'K', 'é', '〇', '々', '㐀', '豈', 'x'];
    let state = 9;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 3000; i++) {
      const text = Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      expect(simhash64(text), JSON.stringify(text)).toBe(referenceSimhash(text));
    }
  });

  it('matches on a long article-like text with many repeated shingles', () => {
    const text = '南京市委市政府举行重大项目现场观摩，把新发展理念体现在项目建设上。'.repeat(40) + 'Jiangsu 2024 年 GDP 增长 5.8%';
    expect(simhash64(text)).toBe(referenceSimhash(text));
    const [hi, lo] = fnv1a64(text);
    expect((BigInt(hi) << 32n) | BigInt(lo)).toBe(fnvBig(text));
  });

  it('matches on a text longer than its reused arrays, and on short texts before and after it', () => {
    // simhash64 keeps its arrays for texts up to 65,536 code units; a longer one gets its own, and neither leaves
    // anything behind for the next text.
    let state = 5;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const han = '南京市委政府举行重大项目现场观摩把新发展理念体现在建设上江苏';
    const long = Array.from({ length: 70_000 }, () => han[Math.floor(next() * han.length)]).join('');
    for (const text of ['市委书记韩立明', long.slice(0, 60_000), '市委书记韩立明讲话', long, 'ab', long.slice(0, 5), '']) {
      expect(simhash64(text), `${text.length} chars`).toBe(referenceSimhash(text));
    }
  });
});
