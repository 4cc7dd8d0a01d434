import { describe, expect, it } from 'vitest';
import { FUNCTION_WORD_CHARS, NOT_NAME_EDGE_TAGS, findPeople } from '../../../../lambdas/normalize/enrich/people.js';
import { segmenter, segmenterLoaded } from '../../../../lambdas/normalize/enrich/segmenter.js';

// Its own file: vitest gives each test file fresh modules, so the segmenter starts unloaded here.
const names = (text: string) => findPeople([text]).map((p) => p.name);

describe('findPeople loads the segmenter only when a bare name could be vetoed', () => {
  it('confirms bare names whose edge characters are no function word without loading the segmenter', () => {
    // 王晓东 / 钱学森 / 李建华: no edge character in FUNCTION_WORD_CHARS, so jieba could never read one as p/d/c/u.
    expect(names('王晓东表示，项目进展顺利。')).toEqual(['王晓东']);
    expect(names('钱学森同志说，要抓好落实。')).toEqual(['钱学森']);
    expect(names('李建华主持会议。')).toEqual(['李建华']);
    expect(segmenterLoaded()).toBe(false);
  });

  it('still asks the segmenter when an edge character is one, and the veto still holds', () => {
    // 张磊还: 还 ends it (还/d); 向雷锋: 向 opens it (向/p). Both are in FUNCTION_WORD_CHARS.
    expect(names('会上，张磊还表示，要继续努力。')).not.toContain('张磊还');
    expect(segmenterLoaded()).toBe(true);
    expect(names('大家都说要向雷锋同志学习。')).not.toContain('向雷锋');
    // 王和平: 和 (c/p) is an edge-word character, so the segmenter is asked; it reads 王和平 whole, so the name stays.
    expect(names('王和平表示，项目进展顺利。')).toEqual(['王和平']);
  });
});

describe('FUNCTION_WORD_CHARS is what the installed segmenter tags as a one-character function word', () => {
  // Asked inside each test, after the ones above (which need the segmenter unloaded at first).
  const tagger = () => segmenter()!;
  const bmp = Array.from({ length: 0x10000 }, (_, c) => c).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCharCode(c));

  it('equals the characters tagged p, d, c or u when tagged alone (a dictionary or segmenter upgrade fails here)', () => {
    const tag = tagger();
    const alone = bmp.filter((ch) => {
      const tokens = tag(ch);
      return tokens.length === 1 && tokens[0]!.word === ch && NOT_NAME_EDGE_TAGS.has(tokens[0]!.tag);
    });
    expect(alone.join('')).toBe(FUNCTION_WORD_CHARS);
  });

  it('holds in context: every one-character p/d/c/u token between two other characters is one of them', () => {
    const tag = tagger();
    const set = new Set(FUNCTION_WORD_CHARS);
    const han = bmp.filter((ch) => /\p{Script=Han}/u.test(ch));
    const outside: string[] = [];
    for (const ch of han) {
      for (const t of tag(`我${ch}他`)) if (t.word.length === 1 && NOT_NAME_EDGE_TAGS.has(t.tag) && !set.has(t.word)) outside.push(t.word);
    }
    expect(outside).toEqual([]);
  });
});
