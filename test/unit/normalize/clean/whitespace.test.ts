import { describe, expect, it } from 'vitest';
import { isBlank, normalizeSpace } from '../../../../lambdas/normalize/clean/whitespace.js';

describe('normalizeSpace', () => {
  it('collapses every kind of white space into one ASCII space and trims', () => {
    const input = '\ufeff\u3000\u3000不负春光乘势上,\u00a0\t项目建设\u200b争朝夕。\r\n\r\n  下一段\u2003 \u2060';
    expect(normalizeSpace(input)).toBe('不负春光乘势上, 项目建设 争朝夕。 下一段');
  });

  it('keeps punctuation width as served', () => {
    expect(normalizeSpace('12月15日下午,市委，市政府:“项目”；(记者)（记者）')).toBe('12月15日下午,市委，市政府:“项目”；(记者)（记者）');
  });

  it('composes to NFC', () => {
    const decomposed = 'zhe\u0300n';
    expect(normalizeSpace(decomposed)).toBe('zhèn');
    expect(normalizeSpace(decomposed)).toHaveLength(4);
  });

  it('leaves ZWJ inside emoji sequences alone', () => {
    const family = '\u{1f468}\u200d\u{1f469}\u200d\u{1f467}';
    expect(normalizeSpace(` ${family} `)).toBe(family);
  });

  it('returns an empty string for blank input', () => {
    expect(normalizeSpace(' \u3000\u200b\ufeff\n')).toBe('');
  });
});

describe('isBlank', () => {
  it.each(['', ' ', '\u3000', '\u00a0\t\n', '\u200b\ufeff'])('%j is blank', (text) => {
    expect(isBlank(text)).toBe(true);
  });

  it.each(['字', ' a ', '。', '\u3000,'])('%j is not blank', (text) => {
    expect(isBlank(text)).toBe(false);
  });
});
